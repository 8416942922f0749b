// The auditor's judgements in the workbook: their own sheet, and one column at the end of the Checks sheet.
// Beside the measured verdict, never in its place: the Checks sheet's verdict column stays as measured.
import type { Workbook } from 'exceljs';
import type { ReportJudgement } from './judgements';
import type { ReportModel } from './model';
import { dateCell, DATE_TIME, table, type Cell } from './xlsx-table';
import type { XlsxTexts } from './xlsx-texts';

/** The Checks sheet's last column, e.g. "Bestätigung: Bestanden"; empty without a judgement. */
export function judgementCell(j: ReportJudgement | undefined, t: XlsxTexts): string {
  if (!j) return '';
  return `${t.judgements.kinds[j.kind]}: ${t.status[j.status]}${j.stale ? t.judgements.staleSuffix : ''}`;
}

export function judgementsSheet(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  const ws = wb.addWorksheet(t.judgements.sheet);
  const rows = model.judgements.map((j): Cell[] => [
    j.itemNumber,
    j.checkId,
    j.checkTitle,
    t.judgements.kinds[j.kind],
    t.status[j.measured],
    t.status[j.status],
    j.statement,
    j.by,
    dateCell(j.at),
    j.madeInRun,
    j.attachments.map((a) => a.sha256).join('\n'),
    j.evidence,
    j.stale ? t.yes : t.no,
  ]);
  table(
    ws,
    t.judgements.headers,
    [{ max: 9 }, { max: 30 }, { max: 40, wrap: true }, { max: 20 }, { max: 16 }, { max: 16 }, { max: 80, wrap: true }, { max: 30, wrap: true }, { max: 20, min: 20, numFmt: DATE_TIME }, { max: 12 }, { max: 66, wrap: true }, { max: 66 }, { max: 12 }],
    rows,
  );
}
