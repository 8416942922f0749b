// Texts of the auditor's judgement in the PDF and the workbook, German and English. Merged into REPORT_TEXTS
// (texts.ts) and XLSX_TEXTS (xlsx-texts.ts) so the renderers never inline a word of their own.
import type { Lang } from '../../shared/domain';
import type { JudgementKind } from '../../shared/registers';

export interface JudgementTexts {
  /** Title of the section listing every judgement, and the label of each box under a checks table. */
  section: string;
  label: string;
  kinds: Record<JudgementKind, string>;
  /** Before the verdict that was measured: "(gemessen: …)". */
  measured: string;
  /** Column headers of the section's table. */
  measuredHeader: string;
  judged: string;
  /** The statement of an attestation, the reason of an override. */
  statement: Record<JudgementKind, string>;
  by: string;
  at: string;
  /** "{run}" is replaced. */
  madeInRun: string;
  /** A judgement that no longer fits what this run measured. */
  stale: string;
  attachments: string;
  noAttachments: string;
  evidence: string;
  intro: string;
  none: string;
  /** Summary page; "{n}" is replaced. */
  summaryCount: string;
  summaryNone: string;
  summaryScore: string;
}

export interface JudgementXlsxTexts {
  sheet: string;
  headers: [string, string, string, string, string, string, string, string, string, string, string, string, string];
  kinds: Record<JudgementKind, string>;
  /** Header of the last column of the Checks sheet. */
  checksColumn: string;
  /** Appended to the Checks cell of a judgement made for an earlier measurement. */
  staleSuffix: string;
}

const de: JudgementTexts = {
  section: 'Urteile des Prüfers',
  label: 'Urteil des Prüfers',
  kinds: { attestation: 'Bestätigung', override: 'Abweichendes Urteil' },
  measured: 'gemessen',
  measuredHeader: 'Gemessen',
  judged: 'Urteil',
  statement: { attestation: 'Erklärung', override: 'Begründung' },
  by: 'Von',
  at: 'Am',
  madeInRun: 'abgegeben in Prüflauf #{run}',
  stale: 'für eine frühere Messung abgegeben – passt nicht mehr zum Ergebnis dieses Prüflaufs',
  attachments: 'Anlagen',
  noAttachments: 'keine Anlagen',
  evidence: 'Nachweis',
  intro:
    'Urteile des Prüfers ergänzen die Messung: Bestätigungen beantworten manuell zu prüfende Punkte, abweichende Urteile ersetzen ein gemessenes Ergebnis mit schriftlicher Begründung. Die gemessenen Ergebnisse, die Zählungen und die Gesamtwertung dieses Berichts bleiben unverändert.',
  none: 'Zu diesem Prüflauf liegen keine Urteile des Prüfers vor.',
  summaryCount: '{n} Einzelprüfung(en) tragen ein Urteil des Prüfers (siehe Abschnitt „Urteile des Prüfers“). Die Gesamtwertung und die Zählungen zählen nur, was gemessen wurde.',
  summaryNone: 'Keine Einzelprüfung trägt ein Urteil des Prüfers.',
  summaryScore: 'Die Gesamtwertung zählt nur, was gemessen wurde.',
};

const en: JudgementTexts = {
  section: "Auditor's judgements",
  label: "Auditor's judgement",
  kinds: { attestation: 'Attestation', override: 'Override' },
  measured: 'measured',
  measuredHeader: 'Measured',
  judged: 'Judgement',
  statement: { attestation: 'Statement', override: 'Reason' },
  by: 'By',
  at: 'On',
  madeInRun: 'made in run #{run}',
  stale: 'made for an earlier measurement – no longer fits what this run measured',
  attachments: 'Attachments',
  noAttachments: 'no attachments',
  evidence: 'Evidence',
  intro:
    "The auditor's judgements complement the measurement: attestations answer checks that need the auditor, overrides replace a measured verdict with a written reason. The measured verdicts, the counts and the score of this report stay as measured.",
  none: "No auditor's judgement has been recorded for this run.",
  summaryCount: "{n} check(s) carry an auditor's judgement (see the section \u201cAuditor's judgements\u201d). The score and the counts count only what was measured.",
  summaryNone: "No check carries an auditor's judgement.",
  summaryScore: 'The score counts only what was measured.',
};

export const JUDGEMENT_TEXTS: Record<Lang, JudgementTexts> = { de, en };

export const JUDGEMENT_XLSX_TEXTS: Record<Lang, JudgementXlsxTexts> = {
  de: {
    sheet: 'Urteile',
    headers: ['Nr.', 'Prüfungs-ID', 'Prüfung', 'Art', 'Gemessen', 'Urteil', 'Erklärung / Begründung', 'Von', 'Am (UTC)', 'Abgegeben in Audit-Nr.', 'Anlagen (SHA-256)', 'Nachweis (SHA-256)', 'Frühere Messung'],
    kinds: de.kinds,
    checksColumn: 'Urteil des Prüfers',
    staleSuffix: ' (frühere Messung)',
  },
  en: {
    sheet: 'Judgements',
    headers: ['Item no.', 'Check ID', 'Check', 'Kind', 'Measured', 'Judged', 'Statement / reason', 'By', 'At (UTC)', 'Made in run no.', 'Attachments (SHA-256)', 'Evidence (SHA-256)', 'Earlier measurement'],
    kinds: en.kinds,
    checksColumn: "Auditor's judgement",
    staleSuffix: ' (earlier measurement)',
  },
};
