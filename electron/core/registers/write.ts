// writeRegisterWorkbook: both registers as one .xlsx that readRegisterFile reads back to the same inputs. Each
// sheet has a bold, frozen header, real date cells and list dropdowns (over EDIT_ROWS rows, so the consultant
// can add entries). No cell is ever a formula; formula-like text gets a leading apostrophe.
import type { DataValidation, Worksheet } from 'exceljs';
import type { Lang } from '../../shared/domain';
import type { ActivityInput, ProcessorInput } from '../../shared/registers';
import { ACTIVITY_COLUMNS, PROCESSOR_COLUMNS, SHEET_NAMES, VALIDATION_TEXTS, type ColumnSpec } from './columns';
import { choicesOf, writtenValue, type WrittenValue } from './cell-values';
import { loadExcelJs } from './exceljs';

// XML 1.0 cannot carry these; exceljs would write them and Excel would refuse the file.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const MAX_CELL_CHARS = 32_767;

/** A value as a workbook cell can hold it: valid XML, within Excel's limit per cell. */
function cellSafe(value: WrittenValue): WrittenValue {
  if (typeof value !== 'string') return value;
  const s = value.replace(NOT_XML, '\uFFFD');
  return s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS - 1)}…` : s;
}

/** Rows of each sheet that carry the dropdowns. */
export const EDIT_ROWS = 1000;
const DATE_FORMAT: Record<Lang, string> = { de: 'dd.mm.yyyy', en: 'yyyy-mm-dd' };

export interface RegisterRows {
  processors: ProcessorInput[];
  activities: ActivityInput[];
}

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function fillSheet<F extends string>(ws: Worksheet, specs: readonly ColumnSpec<F>[], rows: readonly Record<F, unknown>[], lang: Lang): void {
  const header = ws.addRow(specs.map((s) => s.header[lang]));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  for (const row of rows) ws.addRow(specs.map((s) => cellSafe(writtenValue(s.value, row[s.field], lang, 'date'))));

  const last = Math.max(EDIT_ROWS, rows.length + 1);
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;
  const texts = VALIDATION_TEXTS[lang];
  specs.forEach((spec, i) => {
    const column = ws.getColumn(i + 1);
    column.width = spec.value === 'text' || spec.value === 'list' ? 32 : Math.max(16, spec.header[lang].length + 2);
    column.alignment = { vertical: 'top', wrapText: spec.value === 'text' || spec.value === 'list' };
    if (spec.value === 'date') column.numFmt = DATE_FORMAT[lang];
    const choices = choicesOf(spec.value, lang);
    if (!choices) return;
    const letter = columnLetter(i + 1);
    validations.add(`${letter}2:${letter}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${choices.join(',')}"`],
      showErrorMessage: true,
      // A warning, not a stop: other wordings are accepted (and checked) on import.
      errorStyle: 'warning',
      errorTitle: texts.title,
      error: texts.error,
      showInputMessage: true,
      promptTitle: texts.title,
      prompt: texts.prompt,
    });
  });
  // The header row's own alignment wins over the column's.
  header.alignment = { vertical: 'middle', wrapText: true };
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: specs.length } };
}

export async function writeRegisterWorkbook(snapshot: RegisterRows, lang: Lang): Promise<Buffer> {
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = 'Prüfstand';
  // Fixed, so the same register always writes the same workbook content.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  fillSheet(wb.addWorksheet(SHEET_NAMES.processors[lang]), PROCESSOR_COLUMNS, snapshot.processors as unknown as Record<string, unknown>[], lang);
  fillSheet(wb.addWorksheet(SHEET_NAMES.activities[lang]), ACTIVITY_COLUMNS, snapshot.activities as unknown as Record<string, unknown>[], lang);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
