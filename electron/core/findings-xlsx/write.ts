// writeFindingsWorkbook: the open findings as a workbook for the client's team. The "Findings" sheet is protected
// (no password: it guards against slips, not people) with only the editable columns unlocked, a status dropdown
// and date rules over EDIT_ROWS rows; the hidden meta sheet records what was exported (meta.ts). No cell is ever
// a formula: text goes through the reports' safeText.
import type { DataValidation, Worksheet } from 'exceljs';
import type { FindingsScopeRef } from '../../shared/contract-findings-xlsx';
import type { Lang } from '../../shared/domain';
import { ACTIVE_STATUSES, type FindingStatus, type TrackedFinding } from '../../shared/findings';
import { loadExcelJs } from '../registers/exceljs';
import { safeText } from '../../shared/cell-text';
import { EDITABLE_STATUSES, FINDING_COLUMNS, FINDINGS_SHEET, MEASURED_LABELS, META_SHEET, SEVERITY_LABELS, STATUS_LABELS, VALIDATION_TEXTS, type ColumnKey } from './columns';
import { metaRows, type ExportMeta } from './meta';

/** Rows that carry the unlocked cells, the dropdown and the date rules. */
export const EDIT_ROWS = 1000;
/** What "open findings" means for the client's team: still to do, or an accepted risk that runs out. */
export const EXPORTED_STATUSES: readonly FindingStatus[] = [...ACTIVE_STATUSES, 'accepted-risk'];

export interface ExportFinding extends TrackedFinding {
  checkTitle: string;
  itemTitle: string;
}

export interface FindingsExport {
  scope: FindingsScopeRef;
  /** ISO timestamp; the caller's clock, so tests can fix it. */
  exportedAt: string;
  /** All of the scope's findings; only the open ones (EXPORTED_STATUSES) are written. */
  findings: readonly ExportFinding[];
}

const DATE_FORMAT: Record<Lang, string> = { de: 'dd.mm.yyyy', en: 'yyyy-mm-dd' };
const text = (s: string) => (s === '' ? null : safeText(s));
const dateOf = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00Z`) : null);
const subjectText = (subject: string) => subject.replace(/^[a-z]+:/, '');

function cellValues(f: ExportFinding, lang: Lang): Record<ColumnKey, string | number | Date | null> {
  return {
    id: f.id,
    item: text(f.itemTitle),
    check: text(f.checkTitle === f.checkId ? f.checkId : `${f.checkTitle} (${f.checkId})`),
    subject: text(subjectText(f.subject)),
    severity: SEVERITY_LABELS[f.severity][lang],
    measured: MEASURED_LABELS[f.measured][lang],
    status: STATUS_LABELS[f.status][lang],
    owner: text(f.owner),
    dueOn: dateOf(f.dueOn),
    reason: text(f.reason),
    expiresOn: dateOf(f.expiresOn),
    comment: null,
    updatedAt: text(f.updatedAt),
  };
}

type Validations = { add(range: string, v: DataValidation): void };

function letter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

async function fillFindings(ws: Worksheet, findings: readonly ExportFinding[], lang: Lang): Promise<void> {
  const header = ws.addRow(FINDING_COLUMNS.map((c) => c.header[lang]));
  header.font = { bold: true };
  for (const f of findings) {
    const values = cellValues(f, lang);
    ws.addRow(FINDING_COLUMNS.map((c) => values[c.key]));
  }
  const last = Math.max(EDIT_ROWS, findings.length + 1);
  const validations = (ws as unknown as { dataValidations: Validations }).dataValidations;
  const t = VALIDATION_TEXTS[lang];
  for (const [i, column] of FINDING_COLUMNS.entries()) {
    const col = ws.getColumn(i + 1);
    col.width = column.width;
    if (column.kind === 'date') col.numFmt = DATE_FORMAT[lang];
    if (!column.editable) continue;
    for (let r = 2; r <= last; r++) ws.getCell(r, i + 1).protection = { locked: false };
    const range = `${letter(i + 1)}2:${letter(i + 1)}${last}`;
    if (column.kind === 'status') {
      const choices = EDITABLE_STATUSES.map((s) => STATUS_LABELS[s][lang]);
      validations.add(range, { type: 'list', allowBlank: false, formulae: [`"${choices.join(',')}"`], showErrorMessage: true, errorStyle: 'stop', errorTitle: t.statusTitle, error: t.statusPrompt, showInputMessage: true, promptTitle: t.statusTitle, prompt: t.statusPrompt });
    }
    if (column.kind === 'date') {
      validations.add(range, { type: 'date', operator: 'greaterThan', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1))], showErrorMessage: true, errorStyle: 'stop', errorTitle: t.dateTitle, error: t.datePrompt, showInputMessage: true, promptTitle: t.dateTitle, prompt: t.datePrompt });
    }
  }
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 1, topLeftCell: 'B2', activeCell: 'G2' }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, findings.length + 1), column: FINDING_COLUMNS.length } };
  await ws.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
}

/** The workbook's bytes. Only the open findings are written, in the order given. */
export async function writeFindingsWorkbook(input: FindingsExport, lang: Lang): Promise<Buffer> {
  const open = input.findings.filter((f) => EXPORTED_STATUSES.includes(f.status));
  const { Workbook } = await loadExcelJs();
  const wb = new Workbook();
  wb.creator = 'Prüfstand';
  wb.created = new Date(input.exportedAt);
  wb.modified = wb.created;
  await fillFindings(wb.addWorksheet(FINDINGS_SHEET[lang]), open, lang);
  const meta: ExportMeta = {
    exportedAt: input.exportedAt,
    scope: input.scope,
    findings: open.map(({ id, updatedAt, status, owner, dueOn, reason, expiresOn }) => ({ id, updatedAt, status, owner, dueOn, reason, expiresOn })),
  };
  const ms = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  for (const row of metaRows(meta)) ms.addRow(row);
  await ms.protect('', { selectLockedCells: false, selectUnlockedCells: false });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
