// readFindingsWorkbook: the bytes of a returned findings workbook → its meta data and the values of each row's
// editable cells, with per-cell errors. Also reads a file another program (LibreOffice, Numbers) saved: values may
// come back as text, numbers or dates, and a status as its German or English label. Anything wrong with the file
// as a whole is a FindingsFileError; nothing else is thrown.
import type { FindingFileField, FindingsFileRowError } from '../../shared/contract-findings-xlsx';
import type { Lang } from '../../shared/domain';
import type { FindingStatus } from '../../shared/findings';
import { MAX_FILE_BYTES, RegisterFileError } from '../registers/errors';
import type { CellValue, Grid, GridRow } from '../registers/grid';
import { readXlsxGrids } from '../registers/read-xlsx';
import { cellText, parseDate } from '../registers/values';
import { zipUncompressedSize } from '../registers/zip-size';
import { columnOfHeader, FINDING_COLUMNS, FINDINGS_SHEET, META_SHEET, statusOfLabel, type ColumnKey } from './columns';
import { FindingsFileError } from './errors';
import { findingRowProblemText, type FindingRowProblem } from './messages';
import { readMeta, type ExportMeta } from './meta';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
const MAX_TEXT: Record<'owner' | 'reason' | 'comment', number> = { owner: 200, reason: 20_000, comment: 20_000 };

/** One data row: the values of the editable columns the file has (a missing column changes nothing). */
export interface FindingFileRow {
  row: number;
  id: number;
  values: Partial<Record<FindingFileField, string | null>> & { status?: Exclude<FindingStatus, 'fixed'> };
  comment: string | null;
}

export interface ParsedFindingsFile {
  meta: ExportMeta;
  sheet: string;
  rows: FindingFileRow[];
  errors: FindingsFileRowError[];
}

const startsWith = (bytes: Buffer, magic: Buffer) => bytes.length >= magic.length && bytes.subarray(0, magic.length).equals(magic);

async function gridsOf(bytes: Buffer): Promise<Grid[]> {
  if (bytes.length > MAX_FILE_BYTES) throw new FindingsFileError('too-large', `The file has ${bytes.length} bytes; at most ${MAX_FILE_BYTES} are accepted.`);
  if (startsWith(bytes, OLE_MAGIC)) throw new FindingsFileError('encrypted', 'The file is a password-protected workbook or an old .xls file.');
  if (!startsWith(bytes, ZIP_MAGIC)) throw new FindingsFileError('corrupt', 'The file is not an .xlsx workbook (no ZIP archive).');
  const unpacked = zipUncompressedSize(bytes);
  if (unpacked === undefined) throw new FindingsFileError('corrupt', 'The workbook is not a readable ZIP archive.');
  if (unpacked > MAX_UNPACKED_BYTES) throw new FindingsFileError('too-large', `The workbook unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB.`);
  try {
    return await readXlsxGrids(bytes);
  } catch (error) {
    if (error instanceof RegisterFileError) throw new FindingsFileError(error.code === 'too-large' ? 'too-large' : 'corrupt', error.message);
    throw error;
  }
}

function findingsGrid(grids: Grid[]): Grid {
  const names = Object.values(FINDINGS_SHEET);
  const grid = grids.find((g) => names.includes(g.sheet)) ?? grids.find((g) => g.sheet !== META_SHEET && g.rows[0]?.cells.some((c) => typeof c === 'string' && columnOfHeader(c) === 'id'));
  if (!grid) throw new FindingsFileError('not-ours', 'The workbook has the meta sheet but no findings sheet.');
  return grid;
}

type Problem = (column: ColumnKey, p: FindingRowProblem) => void;

function readRow(gridRow: GridRow, columns: Map<ColumnKey, number>, problem: Problem): FindingFileRow | undefined {
  const cell = (key: ColumnKey): CellValue | undefined => {
    const index = columns.get(key);
    return index === undefined ? undefined : (gridRow.cells[index] ?? null);
  };
  const idText = cellText(cell('id') ?? null);
  if (!/^\d{1,12}$/.test(idText)) {
    problem('id', { kind: 'bad-id', value: idText });
    return undefined;
  }
  const out: FindingFileRow = { row: gridRow.row, id: Number(idText), values: {}, comment: null };
  let ok = true;
  const fail: Problem = (column, p) => {
    ok = false;
    problem(column, p);
  };
  const status = cell('status');
  if (status !== undefined) {
    const raw = cellText(status);
    const parsed = statusOfLabel(raw);
    if (parsed === 'fixed') fail('status', { kind: 'fixed' });
    else if (parsed === undefined) fail('status', { kind: 'bad-status', value: raw });
    else out.values.status = parsed;
  }
  for (const key of ['dueOn', 'expiresOn'] as const) {
    const raw = cell(key);
    if (raw === undefined) continue;
    const date = parseDate(raw);
    if (date === undefined) fail(key, { kind: 'bad-date', value: cellText(raw) });
    else out.values[key] = date;
  }
  for (const key of ['owner', 'reason', 'comment'] as const) {
    const raw = cell(key);
    if (raw === undefined) continue;
    const value = cellText(raw);
    if (value.length > MAX_TEXT[key]) fail(key, { kind: 'too-long', max: MAX_TEXT[key] });
    else if (key === 'comment') out.comment = value || null;
    else out.values[key] = value;
  }
  return ok ? out : undefined;
}

export async function readFindingsWorkbook(bytes: Buffer, lang: Lang = 'en'): Promise<ParsedFindingsFile> {
  try {
    return await readChecked(bytes, lang);
  } catch (error) {
    if (error instanceof FindingsFileError) throw error;
    throw new FindingsFileError('corrupt', `The file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readChecked(bytes: Buffer, lang: Lang): Promise<ParsedFindingsFile> {
  const grids = await gridsOf(bytes);
  const metaGrid = grids.find((g) => g.sheet === META_SHEET);
  if (!metaGrid) throw new FindingsFileError('not-ours', `The workbook has no sheet "${META_SHEET}".`);
  const meta = readMeta(metaGrid);
  const grid = findingsGrid(grids);
  const [header, ...data] = grid.rows;
  const columns = new Map<ColumnKey, number>();
  header?.cells.forEach((c, i) => {
    const key = typeof c === 'string' ? columnOfHeader(c) : undefined;
    if (key && !columns.has(key)) columns.set(key, i);
  });
  if (!columns.has('id')) throw new FindingsFileError('not-ours', `Sheet "${grid.sheet}" has no ID column.`);
  const headerText = (key: ColumnKey) => FINDING_COLUMNS.find((c) => c.key === key)!.header[lang];
  const errors: FindingsFileRowError[] = [];
  const rows: FindingFileRow[] = [];
  for (const gridRow of data) {
    const problem: Problem = (column, p) => errors.push({ sheet: grid.sheet, row: gridRow.row, column: headerText(column), message: findingRowProblemText(p, lang) });
    const row = readRow(gridRow, columns, problem);
    if (row) rows.push(row);
  }
  return { meta, sheet: grid.sheet, rows, errors };
}
