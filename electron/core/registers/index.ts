// The registers' spreadsheets: what the CLI, the service and the app call.
export { REGISTER_FILE_ERROR_CODES, RegisterFileError, MAX_DATA_ROWS, MAX_FILE_BYTES, type RegisterFileErrorCode } from './errors';
export type { ParsedActivity, ParsedProcessor, ParsedRegisters } from './types';
export { readRegisterFile } from './read';
export { planImport } from './plan';
export { writeRegisterWorkbook, EDIT_ROWS, type RegisterRows } from './write';
export { writeRegisterCsv } from './write-csv';
export { registersTemplate, TEMPLATE_FILE } from './template';
