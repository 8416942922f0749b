// Data: the findings sheet's columns with their German and English headers, the localized statuses offered in
// the dropdown, and the texts of the cells' input prompts. The reader recognises headers and statuses in both
// languages, whatever language the workbook was written in.
import type { Lang, Severity } from '../../shared/domain';
import type { FindingStatus } from '../../shared/findings';

export const COLUMN_KEYS = ['id', 'item', 'check', 'subject', 'severity', 'measured', 'status', 'owner', 'dueOn', 'reason', 'expiresOn', 'comment', 'updatedAt'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];

export interface FindingColumn {
  key: ColumnKey;
  header: Record<Lang, string>;
  /** Unlocked for the client's team; every other cell is protected. */
  editable: boolean;
  width: number;
  kind: 'number' | 'text' | 'date' | 'status' | 'timestamp';
}

export const FINDING_COLUMNS: readonly FindingColumn[] = [
  { key: 'id', header: { de: 'Nr.', en: 'ID' }, editable: false, width: 8, kind: 'number' },
  { key: 'item', header: { de: 'Prüfpunkt', en: 'Item' }, editable: false, width: 30, kind: 'text' },
  { key: 'check', header: { de: 'Prüfung', en: 'Check' }, editable: false, width: 36, kind: 'text' },
  { key: 'subject', header: { de: 'Gegenstand', en: 'Subject' }, editable: false, width: 30, kind: 'text' },
  { key: 'severity', header: { de: 'Schwere', en: 'Severity' }, editable: false, width: 10, kind: 'text' },
  { key: 'measured', header: { de: 'Gemessen', en: 'Measured' }, editable: false, width: 14, kind: 'text' },
  { key: 'status', header: { de: 'Status', en: 'Status' }, editable: true, width: 20, kind: 'status' },
  { key: 'owner', header: { de: 'Verantwortlich', en: 'Owner' }, editable: true, width: 24, kind: 'text' },
  { key: 'dueOn', header: { de: 'Fällig am', en: 'Due on' }, editable: true, width: 13, kind: 'date' },
  { key: 'reason', header: { de: 'Begründung', en: 'Reason' }, editable: true, width: 36, kind: 'text' },
  { key: 'expiresOn', header: { de: 'Gültig bis', en: 'Expires on' }, editable: true, width: 13, kind: 'date' },
  { key: 'comment', header: { de: 'Neuer Kommentar', en: 'New comment' }, editable: true, width: 40, kind: 'text' },
  { key: 'updatedAt', header: { de: 'Zuletzt geändert', en: 'Last changed' }, editable: false, width: 20, kind: 'timestamp' },
];

export const FINDINGS_SHEET: Record<Lang, string> = { de: 'Befunde', en: 'Findings' };
/** The hidden sheet that makes a workbook ours: what was exported, when, and a SHA-256 over it. */
export const META_SHEET = '_pruefstand';

export const STATUS_LABELS: Record<FindingStatus, Record<Lang, string>> = {
  open: { de: 'offen', en: 'open' },
  'in-progress': { de: 'in Arbeit', en: 'in progress' },
  fixed: { de: 'behoben', en: 'fixed' },
  'accepted-risk': { de: 'Risiko akzeptiert', en: 'accepted risk' },
  'false-positive': { de: 'Fehlalarm', en: 'false positive' },
};
/** What the dropdown offers: a fix is proven by a re-audit, never set by hand. */
export const EDITABLE_STATUSES = ['open', 'in-progress', 'accepted-risk', 'false-positive'] as const satisfies readonly FindingStatus[];

export const SEVERITY_LABELS: Record<Severity, Record<Lang, string>> = {
  critical: { de: 'kritisch', en: 'critical' },
  high: { de: 'hoch', en: 'high' },
  medium: { de: 'mittel', en: 'medium' },
  low: { de: 'niedrig', en: 'low' },
};
export const MEASURED_LABELS: Record<'fail' | 'warn', Record<Lang, string>> = {
  fail: { de: 'nicht erfüllt', en: 'failed' },
  warn: { de: 'Warnung', en: 'warning' },
};

export const VALIDATION_TEXTS: Record<Lang, { statusTitle: string; statusPrompt: string; dateTitle: string; datePrompt: string }> = {
  de: {
    statusTitle: 'Status',
    statusPrompt: 'offen, in Arbeit, Risiko akzeptiert (mit Begründung und „Gültig bis“) oder Fehlalarm (mit Begründung). „behoben“ zeigt erst eine Nachprüfung.',
    dateTitle: 'Datum',
    datePrompt: 'Ein Datum, z. B. 31.01.2027.',
  },
  en: {
    statusTitle: 'Status',
    statusPrompt: 'open, in progress, accepted risk (with a reason and "Expires on") or false positive (with a reason). "fixed" is shown by a re-audit only.',
    dateTitle: 'Date',
    datePrompt: 'A date, e.g. 2027-01-31.',
  },
};

const labelKey = (s: string) => s.toLowerCase().replace(/[\s_-]+/g, ' ').trim();
const STATUS_BY_LABEL = new Map<string, FindingStatus>();
for (const [status, labels] of Object.entries(STATUS_LABELS) as [FindingStatus, Record<Lang, string>][]) {
  STATUS_BY_LABEL.set(labelKey(status), status);
  for (const label of Object.values(labels)) STATUS_BY_LABEL.set(labelKey(label), status);
}

/** A status from its key or its German or English label (any case); undefined if it is none. */
export function statusOfLabel(text: string): FindingStatus | undefined {
  return STATUS_BY_LABEL.get(labelKey(text));
}

/** The column of a header text in either language. */
export function columnOfHeader(text: string): ColumnKey | undefined {
  const key = labelKey(text);
  return FINDING_COLUMNS.find((c) => labelKey(c.header.de) === key || labelKey(c.header.en) === key)?.key;
}
