// What both readers hand on: the non-empty rows of one sheet (or CSV file) with their real row numbers.
// Cells are already plain values: formulas are their cached results, rich text and hyperlinks their text.
export type CellValue = string | number | boolean | Date | null;

export interface GridRow {
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  /** cells[0] is column A. */
  cells: CellValue[];
}

export interface Grid {
  sheet: string;
  rows: GridRow[];
}

/** Only so many columns are looked at; registers have about ten. */
export const MAX_COLUMNS = 200;

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}
