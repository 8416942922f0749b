// The comparison with another run of the installation in the workbook: one sheet, one row per entry,
// grouped by change kind, with the evidence hashes of both runs.
import type { Workbook } from 'exceljs';
import type { ReportModel } from './model';
import { fill } from './texts';
import { table, toCell, type Cell } from './xlsx-table';
import type { XlsxTexts } from './xlsx-texts';

export function comparisonSheet(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  if (!model.comparison) return;
  const ct = t.compare;
  const { view } = model.comparison;
  const ws = wb.addWorksheet(ct.sheet);
  const rows = view.entries.map((e): Cell[] => [
    ct.kinds[e.change],
    e.reason ? ct.reasons[e.reason] : '',
    e.itemNumber,
    e.itemTitle,
    `${e.checkTitle} (${e.checkId})`,
    e.subject || ct.wholeCheck,
    e.before ? t.status[e.before] : '',
    e.after ? t.status[e.after] : '',
    e.evidenceBefore.join('\n'),
    e.evidenceAfter.join('\n'),
  ]);
  table(
    ws,
    ct.headers,
    [{ max: 20 }, { max: 24 }, { max: 6 }, { max: 40, wrap: true }, { max: 50, wrap: true }, { max: 50, wrap: true }, { max: 16 }, { max: 16 }, { max: 66, wrap: true }, { max: 66, wrap: true }],
    rows,
  );
  // Below the table, so the header stays row 1 (frozen, filtered) like on every other sheet.
  const note = ws.addRow([toCell(fill(ct.title, { before: view.before.id, after: view.after.id }))]);
  note.font = { italic: true };
}
