// readRegisterFile: the bytes of an uploaded .xlsx or .csv → the register rows it holds, with per-row errors.
// The kind of file is decided by its bytes (ZIP, OLE, text), never by its name alone. Anything wrong with the
// file as a whole is a RegisterFileError; nothing else is thrown.
import path from 'node:path';
import type { Lang } from '../../shared/domain';
import { MAX_DATA_ROWS, MAX_FILE_BYTES, RegisterFileError } from './errors';
import type { Grid } from './grid';
import { findHeader } from './header';
import { readCsvGrid } from './read-csv';
import { readXlsxGrids } from './read-xlsx';
import { readRows, type RowsResult } from './rows';
import type { ParsedRegisters } from './types';
import { zipUncompressedSize } from './zip-size';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** What a workbook may unpack to; real registers are a few MB. */
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const SPREADSHEET_NAME = /\.(xlsx|xlsm|xls|xlsb|ods)$/i;

function startsWith(bytes: Buffer, magic: Buffer): boolean {
  return bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);
}

function looksLikeText(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  return !bytes.subarray(0, 8192).includes(0);
}

async function gridsOf(bytes: Buffer, fileName: string): Promise<Grid[]> {
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new RegisterFileError('encrypted', 'The file is a password-protected workbook or an old .xls (Excel 97–2003) file; save it as .xlsx without a password.');
  }
  if (startsWith(bytes, ZIP_MAGIC)) {
    const unpacked = zipUncompressedSize(bytes);
    if (unpacked === undefined) throw new RegisterFileError('corrupt', 'The workbook is not a readable ZIP archive.');
    if (unpacked > MAX_UNPACKED_BYTES) throw new RegisterFileError('too-large', `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB.`);
    return readXlsxGrids(bytes);
  }
  if (SPREADSHEET_NAME.test(fileName) || !looksLikeText(bytes)) {
    throw new RegisterFileError('corrupt', 'The file is neither an .xlsx workbook nor a CSV text.');
  }
  return [readCsvGrid(bytes, path.basename(fileName) || 'CSV')];
}

export async function readRegisterFile(bytes: Buffer, fileName: string, lang: Lang = 'en'): Promise<ParsedRegisters> {
  try {
    return await readChecked(bytes, fileName, lang);
  } catch (error) {
    if (error instanceof RegisterFileError) throw error;
    throw new RegisterFileError('corrupt', `The file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readChecked(bytes: Buffer, fileName: string, lang: Lang): Promise<ParsedRegisters> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new RegisterFileError('too-large', `The file has ${bytes.length} bytes; at most ${MAX_FILE_BYTES} are accepted.`);
  }
  if (bytes.length === 0) throw new RegisterFileError('empty', 'The file is empty.');
  const grids = await gridsOf(bytes, fileName);
  const out: RowsResult = { processors: [], activities: [], errors: [] };
  let recognised = 0;
  for (const grid of grids) {
    const header = findHeader(grid);
    if (!header) continue;
    recognised++;
    if (grid.rows.length - header.rowIndex - 1 > MAX_DATA_ROWS) {
      throw new RegisterFileError('too-large', `Sheet "${grid.sheet}" has more than ${MAX_DATA_ROWS} data rows.`);
    }
    readRows(grid, header, lang, out);
  }
  if (recognised === 0) {
    throw new RegisterFileError('not-ours', 'No sheet has a header naming the columns of a processor register or a record of processing activities.');
  }
  const dataRows = out.processors.length + out.activities.length + new Set(out.errors.map((e) => `${e.sheet}\n${e.row}`)).size;
  if (dataRows > MAX_DATA_ROWS) throw new RegisterFileError('too-large', `The file has more than ${MAX_DATA_ROWS} data rows.`);
  if (dataRows === 0) throw new RegisterFileError('empty', 'The register header was found, but no data rows below it.');
  return out;
}
