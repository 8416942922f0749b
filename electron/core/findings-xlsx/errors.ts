// Why a returned findings workbook was refused as a whole. The CLI and the app show messages.ts's DE/EN text per
// code; the message here is for logs and developers, in English.
export const FINDINGS_FILE_ERROR_CODES = ['not-ours', 'tampered', 'other-scope', 'encrypted', 'corrupt', 'too-large'] as const;
export type FindingsFileErrorCode = (typeof FINDINGS_FILE_ERROR_CODES)[number];

export class FindingsFileError extends Error {
  override readonly name = 'FindingsFileError';
  constructor(
    readonly code: FindingsFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}
