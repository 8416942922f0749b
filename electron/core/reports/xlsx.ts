// The Excel evidence pack of one run: Summary, Items, Checks, Findings (the DPO's remediation tracker),
// Evidence and the auditor's Judgements (apart from what was measured) — with browser visits also Consent and its
// cookies and tracking requests —, rendered from the ReportModel only.
// Sheet names, headers and dropdown values are localized (xlsx-texts.ts). Every sheet has a bold, frozen
// header row and an autofilter over its data.
//
// The audited site's data is hostile. No cell is ever a formula: every string is written as a plain string
// cell, and a string that starts with = + - @ or a tab/CR/LF additionally gets a leading apostrophe, so it
// stays text also when the sheet is edited or saved as CSV (CSV/formula injection). Characters that XML 1.0
// cannot carry are replaced by U+FFFD, and texts are capped at Excel's 32,767 characters per cell.
import { rename, rm, writeFile } from 'node:fs/promises';
import { Workbook, type DataValidation } from 'exceljs';
import { causesText, completenessLabels, provisionalScoreNote } from '../../shared/completeness-texts';
import { SEVERITIES, STATUSES } from '../../shared/domain';
import { comparisonSheet } from './xlsx-compare';
import { consentSheets } from './xlsx-consent';
import { judgementCell, judgementsSheet } from './xlsx-judgements';
import type { ReportModel } from './model';
import { dateCell, DATE_ONLY, DATE_TIME, safeText, table, toCell, type Cell } from './xlsx-table';
import { REMEDIATION_STATUSES, XLSX_TEXTS, type XlsxTexts } from './xlsx-texts';

export { safeText } from './xlsx-table';

/** Rows of the Findings sheet that carry the dropdown and the due-date rules, so the DPO can add rows. */
const FINDINGS_EDIT_ROWS = 500;

function summarySheet(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  const ws = wb.addWorksheet(t.sheets.summary);
  const s = t.summary;
  const { summary, run } = model;
  const rows: Cell[][] = [
    [s.client, model.client.name],
    [s.installation, model.installation.name],
    [s.baseUrl, model.installation.baseUrl],
    [s.targetUrl, run.targetUrl],
    [s.runId, run.id],
    [s.runState, completenessLabels(model.lang)[summary.completeness]],
    [s.undecided, summary.undecided.checks ? `${summary.undecided.checks}: ${causesText(summary.undecided.byCause, model.lang)}` : 0],
    [s.startedAt, dateCell(run.startedAt)],
    [s.finishedAt, dateCell(run.finishedAt)],
    [s.generatedAt, dateCell(model.generatedAt)],
    [s.auditor, model.auditor],
    [s.checklist, `${run.checklistTitle} (${run.checklistId})`],
    [s.checklistVersion, run.checklistVersion],
    [s.engineVersion, run.engineVersion],
    [s.mauticVersion, run.mauticVersion ?? ''],
    [s.tool, `${model.tool.name} ${model.tool.version}`],
    [summary.undecided.checks ? `${s.score} (${provisionalScoreNote(model.lang)})` : s.score, summary.score],
    [s.headerScore, summary.headerScore],
    [s.headerGrade, summary.headerGrade],
    [s.itemsTotal, model.items.length],
    ...STATUSES.map((status): Cell[] => [s.countOf(t.status[status]), summary.counts[status]]),
    [s.evidenceCount, model.evidence.length],
    [s.chainHeadSeq, model.chainHead?.seq ?? null],
    [s.chainHeadHash, model.chainHead?.hash ?? null],
  ];
  table(ws, t.headers.summary, [{ max: 42, min: 24 }, { max: 80, min: 20, wrap: true }], rows);
  for (let r = 2; r <= rows.length + 1; r++) {
    const cell = ws.getCell(r, 2);
    cell.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    if (cell.value instanceof Date) cell.numFmt = DATE_TIME;
  }

  // Below the key/value list: items per severity and verdict.
  const top = rows.length + 3;
  const matrixHeader = ws.getRow(top);
  matrixHeader.values = [s.bySeverity, ...STATUSES.map((st) => t.status[st]), s.total].map(toCell);
  matrixHeader.font = { bold: true };
  SEVERITIES.forEach((severity, i) => {
    const counts = summary.bySeverity[severity];
    const total = STATUSES.reduce((n, st) => n + counts[st], 0);
    ws.getRow(top + 1 + i).values = [t.severity[severity], ...STATUSES.map((st) => counts[st]), total];
  });
  for (let c = 3; c <= STATUSES.length + 2; c++) ws.getColumn(c).width = 14;
}

function itemsSheet(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  const ws = wb.addWorksheet(t.sheets.items);
  const rows = model.items.map((item): Cell[] => [item.number, item.itemId, item.title, t.status[item.status], t.severity[item.severity], item.gdpr.join(', '), item.advice]);
  table(ws, t.headers.items, [{ max: 6 }, { max: 24 }, { max: 50, wrap: true }, { max: 16 }, { max: 14 }, { max: 30, wrap: true }, { max: 80, wrap: true }], rows);
}

function checksSheet(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  const ws = wb.addWorksheet(t.sheets.checks);
  const judged = new Map(model.judgements.map((j) => [j.checkId, j]));
  const rows = model.items.flatMap((item) =>
    item.checks.map((check): Cell[] => [
      item.number,
      item.itemId,
      check.checkId,
      check.title,
      t.status[check.status],
      check.automated ? t.yes : t.no,
      check.message,
      check.evidence.join('\n'),
      judgementCell(judged.get(check.checkId), t),
    ]),
  );
  table(
    ws,
    t.headers.checks,
    [{ max: 9 }, { max: 24 }, { max: 30 }, { max: 40, wrap: true }, { max: 16 }, { max: 12 }, { max: 80, wrap: true }, { max: 66, wrap: true }, { max: 40, wrap: true }],
    rows,
  );
}

function findingsSheet(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  const ws = wb.addWorksheet(t.sheets.findings);
  const rows = model.remediation.map((r): Cell[] => [
    r.number,
    r.title,
    t.severity[r.severity],
    t.status[r.status],
    r.advice,
    r.owner,
    r.dueDate ? dateCell(r.dueDate) : null,
    t.remediation[r.remediationStatus],
  ]);
  table(ws, t.headers.findings, [{ max: 6 }, { max: 50, wrap: true }, { max: 14 }, { max: 16 }, { max: 80, wrap: true }, { max: 24, min: 18 }, { max: 14, min: 14, numFmt: DATE_ONLY }, { max: 20, min: 18 }], rows);

  const last = Math.max(FINDINGS_EDIT_ROWS, rows.length + 1);
  const dueRange = `G2:G${last}`;
  const statusRange = `H2:H${last}`;
  const choices = REMEDIATION_STATUSES.map((s) => t.remediation[s]);
  // One validation per range (exceljs writes a per-cell model as one <dataValidation> per distinct value).
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: DataValidation): void } }).dataValidations;
  validations.add(statusRange, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${choices.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: t.validation.statusTitle,
    error: t.validation.statusError,
    showInputMessage: true,
    promptTitle: t.validation.statusTitle,
    prompt: t.validation.statusPrompt,
  });
  validations.add(dueRange, {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: t.validation.dueTitle,
    error: t.validation.dueError,
  });
  // Overdue: a due date before today while the status is not "done" (the localized value of the dropdown).
  const done = t.remediation.done.replace(/"/g, '""');
  ws.addConditionalFormatting({
    ref: dueRange,
    rules: [
      {
        type: 'expression',
        priority: 1,
        formulae: [`AND(ISNUMBER($G2),$G2<TODAY(),$H2<>"${done}")`],
        style: { font: { color: { argb: 'FF9C0006' }, bold: true }, fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFC7CE' } } },
      },
    ],
  });
}

function evidenceSheet(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  const ws = wb.addWorksheet(t.sheets.evidence);
  const rows = model.evidence.map((e): Cell[] => [e.sha256, e.kind, dateCell(e.capturedAt), e.mediaType, e.size, e.summary]);
  table(ws, t.headers.evidence, [{ max: 66 }, { max: 16 }, { max: 20, min: 20, numFmt: DATE_TIME }, { max: 30 }, { max: 14, numFmt: '#,##0' }, { max: 80, wrap: true }], rows);
}

/** Builds the workbook in memory (exposed for tests and the pack). */
export function buildWorkbook(model: ReportModel): Workbook {
  const t = XLSX_TEXTS[model.lang];
  const wb = new Workbook();
  const generated = dateCell(model.generatedAt);
  const when = generated instanceof Date ? generated : new Date(0);
  wb.creator = safeText(`${model.tool.name} ${model.tool.version}`);
  wb.lastModifiedBy = wb.creator;
  wb.created = when;
  wb.modified = when;
  summarySheet(wb, model, t);
  itemsSheet(wb, model, t);
  checksSheet(wb, model, t);
  consentSheets(wb, model, t);
  findingsSheet(wb, model, t);
  evidenceSheet(wb, model, t);
  judgementsSheet(wb, model, t);
  comparisonSheet(wb, model, t);
  return wb;
}

/** Writes the workbook atomically: to `<file>.tmp`, then renamed over `file`. */
export async function writeXlsx(model: ReportModel, file: string): Promise<void> {
  const buffer = await buildWorkbook(model).xlsx.writeBuffer();
  const tmp = `${file}.tmp`;
  try {
    await writeFile(tmp, Buffer.from(buffer as ArrayBuffer));
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
