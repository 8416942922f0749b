// Texts of the comparison of two runs in the PDF and the workbook, German and English. Merged into
// REPORT_TEXTS (texts.ts) and XLSX_TEXTS (xlsx-texts.ts) so the renderers never inline a word of their own.
import type { ChangeKind } from '../../shared/compare';
import type { Lang } from '../../shared/domain';

export interface CompareTexts {
  /** Section title; "{run}" is the other run's id. */
  section: string;
  /** "{before}", "{beforeAt}", "{after}", "{afterAt}" are replaced. */
  intro: string;
  kinds: Record<ChangeKind, string>;
  /** What each kind means, under its heading. */
  explain: Record<ChangeKind, string>;
  /** Appended to a regressed entry. */
  reasons: { returned: string; worse: string };
  change: string;
  count: string;
  item: string;
  check: string;
  subject: string;
  /** The check as a whole (subject ''). */
  wholeCheck: string;
  beforeAfter: string;
  evidence: string;
  /** An identity absent from a run. */
  absent: string;
  noEvidence: string;
  noChanges: string;
}

export interface CompareXlsxTexts {
  sheet: string;
  /** Above the table: "{before}" and "{after}" are the run ids. */
  title: string;
  headers: [string, string, string, string, string, string, string, string, string, string];
  kinds: Record<ChangeKind, string>;
  reasons: { returned: string; worse: string };
  wholeCheck: string;
}

const deKinds: Record<ChangeKind, string> = { regressed: 'Verschlechtert', new: 'Neu', fixed: 'Behoben', unchanged: 'Unverändert', undecided: 'Nicht entschieden' };
const enKinds: Record<ChangeKind, string> = { regressed: 'Regressed', new: 'New', fixed: 'Fixed', unchanged: 'Unchanged', undecided: 'Undecided' };
const deReasons = { returned: 'wieder aufgetreten', worse: 'Warnung wurde Fehler' };
const enReasons = { returned: 'came back', worse: 'warning became failure' };

const de: CompareTexts = {
  section: 'Vergleich mit Lauf {run}',
  intro: 'Verglichen werden die Befunde (Prüfung und Gegenstand) von Lauf {before} ({beforeAt}) mit Lauf {after} ({afterAt}) derselben Installation.',
  kinds: deKinds,
  explain: {
    regressed: 'Wieder aufgetreten (in einem Lauf vor dem älteren schon einmal beanstandet) oder von Warnung zu Fehler verschlechtert.',
    new: 'Im neueren Lauf beanstandet, in keinem früheren Lauf.',
    fixed: 'Im älteren Lauf beanstandet; im neueren hat die Prüfung entschieden und beanstandet ihn nicht mehr.',
    unchanged: 'In beiden Läufen beanstandet (ein Fehler, der zur Warnung wurde, zählt hierzu; beide Ergebnisse sind genannt).',
    undecided: 'Im älteren Lauf beanstandet; im neueren konnte die Prüfung nicht entscheiden (Fehler, manuell oder nicht ausgeführt).',
  },
  reasons: deReasons,
  change: 'Veränderung',
  count: 'Anzahl',
  item: 'Prüfpunkt',
  check: 'Prüfung',
  subject: 'Gegenstand',
  wholeCheck: '(Prüfung insgesamt)',
  beforeAfter: 'Vorher → Nachher',
  evidence: 'Nachweise (SHA-256)',
  absent: '—',
  noEvidence: 'keine',
  noChanges: 'Keiner der beiden Läufe hat Beanstandungen.',
};

const en: CompareTexts = {
  section: 'Comparison with run {run}',
  intro: 'The findings (check and subject) of run {before} ({beforeAt}) are compared with run {after} ({afterAt}) of the same installation.',
  kinds: enKinds,
  explain: {
    regressed: 'Came back (failed or warned in a run before the older one) or got worse from warning to failure.',
    new: 'Failed or warned in the newer run and in no earlier run.',
    fixed: 'Failed or warned in the older run; in the newer one its check decided and no longer counts it.',
    unchanged: 'Failed or warned in both runs (a failure that became a warning counts here; both statuses are shown).',
    undecided: 'Failed or warned in the older run; in the newer one its check could not decide (error, manual or not run).',
  },
  reasons: enReasons,
  change: 'Change',
  count: 'Count',
  item: 'Item',
  check: 'Check',
  subject: 'Subject',
  wholeCheck: '(check as a whole)',
  beforeAfter: 'Before → after',
  evidence: 'Evidence (SHA-256)',
  absent: '—',
  noEvidence: 'none',
  noChanges: 'Neither run has any failures or warnings.',
};

export const COMPARE_TEXTS: Record<Lang, CompareTexts> = { de, en };

export const COMPARE_XLSX_TEXTS: Record<Lang, CompareXlsxTexts> = {
  de: {
    sheet: 'Vergleich',
    title: 'Vergleich von Lauf {before} (älter) mit Lauf {after} (neuer)',
    headers: ['Veränderung', 'Grund', 'Nr.', 'Prüfpunkt', 'Prüfung', 'Gegenstand', 'Vorher', 'Nachher', 'Nachweise vorher (SHA-256)', 'Nachweise nachher (SHA-256)'],
    kinds: deKinds,
    reasons: deReasons,
    wholeCheck: '(Prüfung insgesamt)',
  },
  en: {
    sheet: 'Comparison',
    title: 'Comparison of run {before} (older) with run {after} (newer)',
    headers: ['Change', 'Reason', 'No.', 'Item', 'Check', 'Subject', 'Before', 'After', 'Evidence before (SHA-256)', 'Evidence after (SHA-256)'],
    kinds: enKinds,
    reasons: enReasons,
    wholeCheck: '(check as a whole)',
  },
};
