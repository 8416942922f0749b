// A CSV (or tab-separated) text → one Grid. The separator is the one under which a register header is found
// (';' first: German Excel writes it), so commas inside German texts do not mislead the choice.
import { MAX_DATA_ROWS, RegisterFileError } from './errors';
import { declaredSeparator, decodeText, parseCsv, SEPARATORS, type Separator } from './csv';
import { isBlank, MAX_COLUMNS, type Grid } from './grid';
import { findHeader, HEADER_SEARCH_ROWS } from './header';

function toGrid(text: string, separator: Separator, sheet: string, firstRow: number): Grid {
  const records = parseCsv(text, separator);
  if (records.length > MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1) {
    const nonBlank = records.filter((r) => !r.every(isBlank)).length;
    if (nonBlank > MAX_DATA_ROWS + 1) throw new RegisterFileError('too-large', `The file has more than ${MAX_DATA_ROWS} rows.`);
  }
  const rows = records
    .map((cells, i) => ({ row: firstRow + i, cells: cells.slice(0, MAX_COLUMNS) }))
    .filter((r) => !r.cells.every(isBlank));
  return { sheet, rows };
}

/** How much of the text decides the separator: the header lies within the first rows. */
const HEAD_CHARS = 64 * 1024;

function chooseSeparator(text: string, sheet: string): Separator {
  let best: { separator: Separator; recognised: number } = { separator: ';', recognised: 0 };
  for (const separator of SEPARATORS) {
    const recognised = findHeader(toGrid(text.slice(0, HEAD_CHARS), separator, sheet, 1))?.columns.length ?? 0;
    if (recognised > best.recognised) best = { separator, recognised };
  }
  return best.separator;
}

export function readCsvGrid(bytes: Buffer, sheet: string): Grid {
  const text = decodeText(bytes);
  const declared = declaredSeparator(text);
  if (declared) return toGrid(declared.rest, declared.separator, sheet, 2);
  return toGrid(text, chooseSeparator(text, sheet), sheet, 1);
}
