// The batch summary as a workbook: one sheet, a bold frozen header row with an autofilter. Loaded only when an
// .xlsx summary is asked for (exceljs is large).
import { Workbook } from 'exceljs';
import type { Lang } from '../../shared/domain';
import { safeText } from '../../shared/cell-text';
import { summaryTable, writeAtomically, type SummaryRow } from './summary';
import { SUMMARY_TEXTS } from './summary-texts';

export async function writeSummaryXlsx(file: string, rows: readonly SummaryRow[], lang: Lang): Promise<void> {
  const { header, body } = summaryTable(rows, lang);
  const wb = new Workbook();
  const ws = wb.addWorksheet(SUMMARY_TEXTS[lang].sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header.map(safeText)).font = { bold: true };
  for (const r of body) ws.addRow(r.map((v) => (typeof v === 'string' ? (v === '' ? null : safeText(v)) : v)));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + body.length, column: header.length } };
  ws.columns.forEach((c, i) => (c.width = Math.min(60, Math.max(10, ...[header[i]!, ...body.map((r) => String(r[i] ?? ''))].map((s) => s.length + 2)))));
  await writeAtomically(file, Buffer.from(await wb.xlsx.writeBuffer()));
}
