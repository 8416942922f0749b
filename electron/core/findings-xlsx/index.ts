// The findings' Excel round trip on the parse layer: bytes in, data out; the store is the caller's.
export { FINDINGS_FILE_ERROR_CODES, FindingsFileError, type FindingsFileErrorCode } from './errors';
export { findingsFileProblemText } from './messages';
export { writeFindingsWorkbook, EDIT_ROWS, EXPORTED_STATUSES, type ExportFinding, type FindingsExport } from './write';
export { readFindingsWorkbook, type FindingFileRow, type ParsedFindingsFile } from './read';
export { planFindingsImport, resolveFindingsImport, type FindingUpdate, type ResolvedImport } from './plan';
export { FINDINGS_SHEET, META_SHEET, STATUS_LABELS } from './columns';
