// Text as a spreadsheet cell can safely hold it. What is written into workbooks and CSV (reports, registers,
// findings, batch summaries) is partly hostile: no cell is ever read as a formula (CSV/formula injection).
// Pure: no node, electron or DOM imports.
const FORMULA_START = /^[=+\-@\t\r\n]/;
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_CELL_CHARS = 32_767;

/** A string as a cell can safely hold it: valid XML, capped at Excel's limit, and never read as a formula. */
export function safeText(value: string): string {
  // XML turns a bare CR into LF on reading anyway; normalize so what is written is what is read.
  let s = value.replace(/\r\n?/g, '\n').replace(NOT_XML, '\uFFFD');
  if (FORMULA_START.test(s)) s = `'${s}`;
  if (s.length > MAX_CELL_CHARS) s = `${s.slice(0, MAX_CELL_CHARS - 1)}…`;
  return s;
}
