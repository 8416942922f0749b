// The cells and tables of the workbook. The audited site's data is hostile: no cell is ever a formula; every
// string goes through safeText (see xlsx.ts for the why), empty strings become empty cells.
import type { Column, Worksheet } from 'exceljs';
import { safeText } from '../../shared/cell-text';

export type Cell = string | number | Date | null;

export { safeText };

/** Empty strings become empty cells. */
export function toCell(value: Cell): Cell {
  if (typeof value !== 'string') return value;
  return value === '' ? null : safeText(value);
}

/** An ISO timestamp as a Date cell; anything unparsable stays text. */
export function dateCell(iso: string | null): Cell {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d;
}

export const DATE_TIME = 'yyyy-mm-dd hh:mm:ss';
export const DATE_ONLY = 'yyyy-mm-dd';

export interface ColumnSpec {
  /** Maximum width in characters; long text wraps within it. */
  max: number;
  min?: number;
  wrap?: boolean;
  numFmt?: string;
}

function longestLine(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (value instanceof Date) return 19;
  return String(value)
    .split('\n')
    .reduce((n, l) => Math.max(n, l.length), 0);
}

/** Adds a header row and data rows, with frozen bold header, autofilter, widths and wrapping. */
export function table(ws: Worksheet, headers: readonly string[], specs: readonly ColumnSpec[], rows: readonly Cell[][]): void {
  const header = ws.addRow(headers.map(toCell));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
  });
  for (const row of rows) ws.addRow(row.map(toCell));

  specs.forEach((spec, i) => {
    const column: Partial<Column> = ws.getColumn(i + 1);
    const widest = rows.reduce((n, r) => Math.max(n, longestLine(r[i])), headers[i]?.length ?? 0);
    column.width = Math.min(spec.max, Math.max(spec.min ?? 6, widest + 2));
    column.alignment = { vertical: 'top', wrapText: Boolean(spec.wrap) };
    if (spec.numFmt) column.numFmt = spec.numFmt;
  });
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
}

