// An .xlsx workbook → one Grid per worksheet. Formulas count as their cached result (none: an empty cell) and are
// never evaluated; a string that merely looks like a formula stays a string. Rich text and hyperlinks become their
// text; error values (#N/A …) count as empty.
import type { CellValue as ExcelCellValue, Worksheet } from 'exceljs';
import { MAX_DATA_ROWS, RegisterFileError } from './errors';
import { loadExcelJs } from './exceljs';
import { MAX_COLUMNS, isBlank, type CellValue, type Grid, type GridRow } from './grid';

function plain(value: ExcelCellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return plain(value.text as ExcelCellValue);
  if ('formula' in value || 'sharedFormula' in value) return plain(value.result as ExcelCellValue);
  if ('error' in value) return null;
  return null;
}

function sheetGrid(ws: Worksheet): Grid {
  const rows: GridRow[] = [];
  const width = Math.min(ws.columnCount, MAX_COLUMNS);
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows.length > MAX_DATA_ROWS + 20) {
      throw new RegisterFileError('too-large', `Sheet "${ws.name}" has more than ${MAX_DATA_ROWS} rows.`);
    }
    const cells: CellValue[] = [];
    for (let c = 1; c <= width; c++) cells.push(plain(row.getCell(c).value));
    if (!cells.every(isBlank)) rows.push({ row: rowNumber, cells });
  });
  return { sheet: ws.name, rows };
}

export async function readXlsxGrids(bytes: Buffer): Promise<Grid[]> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new RegisterFileError('corrupt', `The workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const grids: Grid[] = [];
  wb.eachSheet((ws) => {
    grids.push(sheetGrid(ws));
  });
  return grids;
}
