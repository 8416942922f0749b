// Finding the header row: within the first 20 rows of a sheet, the row that names the most known columns of one
// register (the required name column among them). A two-row header with merged group titles above still works:
// exceljs repeats a merged cell's value in every cell it covers, and the row of column names wins on count.
import { ACTIVITY_COLUMNS, PROCESSOR_COLUMNS, normalizeHeader, type ColumnSpec, type RegisterKind } from './columns';
import type { Grid } from './grid';
import { cellText } from './values';

export const HEADER_SEARCH_ROWS = 20;
/** The required column and at least one more. */
const MIN_RECOGNISED = 2;

export interface HeaderColumn<F extends string = string> {
  /** 0-based index into GridRow.cells. */
  index: number;
  spec: ColumnSpec<F>;
  /** The header as the file writes it (for error messages). */
  text: string;
}

export interface FoundHeader {
  kind: RegisterKind;
  /** Index into grid.rows of the header row; data rows follow it. */
  rowIndex: number;
  columns: HeaderColumn[];
}

function lookup<F extends string>(specs: readonly ColumnSpec<F>[]): Map<string, ColumnSpec<F>> {
  const table = new Map<string, ColumnSpec<F>>();
  for (const spec of specs) {
    for (const name of [spec.header.de, spec.header.en, ...spec.aliases]) {
      table.set(normalizeHeader(name), spec);
      // "AVV-\nDatum" is read as "avvdatum" (a hyphen at a line break joins the word), so compact forms match too.
      table.set(normalizeHeader(name).replace(/ /g, ''), spec);
    }
  }
  return table;
}

const LOOKUPS: Record<RegisterKind, Map<string, ColumnSpec<string>>> = {
  processors: lookup(PROCESSOR_COLUMNS),
  activities: lookup(ACTIVITY_COLUMNS),
};

/** The first column naming each field (a later duplicate header is ignored). */
function matchRow(cells: readonly unknown[], kind: RegisterKind): HeaderColumn[] {
  const table = LOOKUPS[kind];
  const seen = new Set<string>();
  const columns: HeaderColumn[] = [];
  cells.forEach((cell, index) => {
    if (typeof cell !== 'string') return;
    const text = cellText(cell);
    const normalized = normalizeHeader(text);
    const spec = table.get(normalized) ?? table.get(normalized.replace(/ /g, ''));
    if (!spec || seen.has(spec.field)) return;
    seen.add(spec.field);
    columns.push({ index, spec, text: text.replace(/\s+/g, ' ') });
  });
  return columns;
}

export function findHeader(grid: Grid): FoundHeader | undefined {
  let best: FoundHeader | undefined;
  const candidates = grid.rows.slice(0, HEADER_SEARCH_ROWS);
  candidates.forEach((row, rowIndex) => {
    if (row.row > HEADER_SEARCH_ROWS) return;
    for (const kind of ['processors', 'activities'] as const) {
      const columns = matchRow(row.cells, kind);
      if (columns.length < MIN_RECOGNISED || !columns.some((c) => c.spec.required)) continue;
      // On a tie the lower row wins: in a two-row header that is the row of column names.
      if (!best || columns.length >= best.columns.length) best = { kind, rowIndex, columns };
    }
  });
  return best;
}
