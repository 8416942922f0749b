// Why a whole register file was refused. The CLI and the app map each code to a German or English text; the
// message here is for logs and developers, in English.
export const REGISTER_FILE_ERROR_CODES = ['not-ours', 'encrypted', 'corrupt', 'too-large', 'empty'] as const;
export type RegisterFileErrorCode = (typeof REGISTER_FILE_ERROR_CODES)[number];

export class RegisterFileError extends Error {
  override readonly name = 'RegisterFileError';
  constructor(
    readonly code: RegisterFileErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Files above this size are refused before any parsing. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** More data rows than this (over all sheets) are refused. */
export const MAX_DATA_ROWS = 10_000;
