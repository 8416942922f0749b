// Every fixed text of the PDF report, in German and English. The renderers never inline a word of their own.
import type { EvidenceKind, Lang, Severity, Status } from '../../shared/domain';
import { COMPARE_TEXTS, type CompareTexts } from './compare-texts';
import { CONSENT_TEXTS, type ConsentTexts } from './consent-texts';
import { JUDGEMENT_TEXTS, type JudgementTexts } from './judgement-texts';
import { DASHBOARD_TEXTS, type DashboardTexts } from './dashboard-texts';
import type { RemediationRow } from './model';

export interface ReportTexts {
  reportTitle: string;
  coverSubtitle: string;
  client: string;
  installation: string;
  url: string;
  targetUrl: string;
  date: string;
  auditor: string;
  checklist: string;
  checklistVersion: string;
  engineVersion: string;
  mauticVersion: string;
  runId: string;
  runStarted: string;
  runFinished: string;
  runState: string;
  /** Beside a score that rests on an incomplete run. */
  provisional: string;
  /** Why a run that did not reach its end has no verdict for some items. */
  endedEarly: string;
  generated: string;
  toc: string;
  summary: string;
  score: string;
  headerScore: string;
  grade: string;
  outOf100: string;
  noValue: string;
  verdictCounts: string;
  verdict: string;
  severity: string;
  count: string;
  total: string;
  bySeverity: string;
  chartTitle: string;
  items: string;
  gdpr: string;
  whatChecked: string;
  checks: string;
  check: string;
  status: string;
  result: string;
  manualHint: string;
  advice: string;
  keyEvidence: string;
  certificate: string;
  certField: string;
  value: string;
  certSubject: string;
  certIssuer: string;
  certSan: string;
  certValidFrom: string;
  certValidTo: string;
  certSerial: string;
  certFingerprint: string;
  certKey: string;
  headersSeen: string;
  headerName: string;
  noKeyEvidence: string;
  remediation: string;
  remediationIntro: string;
  noRemediation: string;
  item: string;
  owner: string;
  dueDate: string;
  remediationStatus: string;
  unassigned: string;
  appendix: string;
  appendixIntro: string;
  evidenceNo: string;
  kind: string;
  capturedAt: string;
  evidenceSummary: string;
  chainHead: string;
  chainSeq: string;
  noChain: string;
  /** "{page}" and "{pages}" are replaced. */
  pageOf: string;
  /** "{n}" is replaced. */
  certificateOf: string;
  /** "{n}" is replaced. */
  truncated: string;
  statuses: Record<Status, string>;
  severities: Record<Severity, string>;
  remediationStatuses: Record<RemediationRow['remediationStatus'], string>;
  evidenceKinds: Record<EvidenceKind, string>;
  judgements: JudgementTexts;
  compare: CompareTexts;
  dashboard: DashboardTexts;
  consent: ConsentTexts;
}

const de: ReportTexts = {
  reportTitle: 'DSGVO-Prüfbericht',
  coverSubtitle: 'Technische Prüfung einer Mautic-Installation',
  client: 'Mandant',
  installation: 'Installation',
  url: 'URL',
  targetUrl: 'Geprüfte Adresse',
  date: 'Datum',
  auditor: 'Prüfer/in',
  checklist: 'Prüfkatalog',
  checklistVersion: 'Version des Prüfkatalogs',
  engineVersion: 'Version der Prüfsoftware',
  mauticVersion: 'Mautic-Version (aus /mtc.js erkannt)',
  runId: 'Prüflauf',
  runStarted: 'Beginn',
  runFinished: 'Ende',
  runState: 'Vollständigkeit',
  provisional: 'vorläufig – siehe Hinweis',
  endedEarly: 'Der Prüflauf endete vor seinem Abschluss; Prüfpunkte ohne Ergebnis fehlen in diesem Bericht.',
  generated: 'Bericht erstellt',
  toc: 'Inhaltsverzeichnis',
  summary: 'Zusammenfassung',
  score: 'Gesamtwertung',
  headerScore: 'Bewertung der Sicherheits-Header',
  grade: 'Note',
  outOf100: 'von 100',
  noValue: '—',
  verdictCounts: 'Prüfpunkte nach Ergebnis',
  verdict: 'Ergebnis',
  severity: 'Schweregrad',
  count: 'Anzahl',
  total: 'Summe',
  bySeverity: 'Prüfpunkte nach Schweregrad und Ergebnis',
  chartTitle: 'Verteilung der Ergebnisse',
  items: 'Prüfpunkte',
  gdpr: 'DSGVO',
  whatChecked: 'Was geprüft wurde',
  checks: 'Einzelprüfungen',
  check: 'Prüfung',
  status: 'Status',
  result: 'Befund',
  manualHint: 'Manuell zu prüfen:',
  advice: 'Empfehlung',
  keyEvidence: 'Wesentliche Nachweise',
  certificate: 'Zertifikat',
  certField: 'Feld',
  value: 'Wert',
  certSubject: 'Inhaber',
  certIssuer: 'Aussteller',
  certSan: 'Alternative Namen',
  certValidFrom: 'Gültig ab',
  certValidTo: 'Gültig bis',
  certSerial: 'Seriennummer',
  certFingerprint: 'SHA-256-Fingerabdruck',
  certKey: 'Schlüssel',
  headersSeen: 'Empfangene Antwort-Header',
  headerName: 'Header',
  noKeyEvidence: 'Für diesen Prüfpunkt liegen keine Zertifikats- oder Header-Nachweise vor.',
  remediation: 'Maßnahmenplan',
  remediationIntro: 'Alle Prüfpunkte mit dem Ergebnis „nicht bestanden“, „Warnung“ oder „Fehler“.',
  noRemediation: 'Keine Maßnahmen erforderlich.',
  item: 'Prüfpunkt',
  owner: 'Zuständig',
  dueDate: 'Frist',
  remediationStatus: 'Stand',
  unassigned: 'offen',
  appendix: 'Anhang: Nachweise',
  appendixIntro: 'Jeder Nachweis ist über seinen SHA-256-Hash eindeutig bestimmt und in einer Hash-Kette verankert.',
  evidenceNo: 'Nr.',
  kind: 'Art',
  capturedAt: 'Erfasst',
  evidenceSummary: 'Inhalt',
  chainHead: 'Kopf der Hash-Kette',
  chainSeq: 'Eintrag',
  noChain: 'Die Hash-Kette ist leer.',
  pageOf: 'Seite {page} von {pages}',
  certificateOf: 'Zertifikat {n}',
  truncated: '… ({n} weitere Zeichen, vollständig im Nachweis)',
  statuses: { pass: 'Bestanden', fail: 'Nicht bestanden', warn: 'Warnung', manual: 'Manuell', error: 'Fehler', not_applicable: 'Nicht anwendbar' },
  severities: { critical: 'Kritisch', high: 'Hoch', medium: 'Mittel', low: 'Niedrig' },
  remediationStatuses: { open: 'Offen', 'in-progress': 'In Arbeit', done: 'Erledigt', 'accepted-risk': 'Risiko akzeptiert' },
  evidenceKinds: { 'http-exchange': 'HTTP-Austausch', 'tls-handshake': 'TLS-Handshake', 'tls-protocols': 'TLS-Protokolle', 'http-body': 'HTTP-Inhalt', 'config-file': 'Konfigurationsdatei (geschwärzt)', 'command-output': 'Befehlsausgabe', 'page-text': 'Seitentext', registers: 'Register (Verarbeitungen, Auftragsverarbeiter)', judgement: 'Urteil des Prüfers', document: 'Dokument', remediation: 'Maßnahmenverfolgung', 'browser-visit': 'Browserbesuch (Anfragen, Cookies, Speicher)', screenshot: 'Bildschirmfoto', har: 'HAR-Datei (Netzwerkmitschnitt)', 'tracking-list': 'Tracking-Liste der Browserbesuche' },
  judgements: JUDGEMENT_TEXTS.de,
  compare: COMPARE_TEXTS.de,
  dashboard: DASHBOARD_TEXTS.de,
  consent: CONSENT_TEXTS.de,
};

const en: ReportTexts = {
  reportTitle: 'GDPR audit report',
  coverSubtitle: 'Technical audit of a Mautic installation',
  client: 'Client',
  installation: 'Installation',
  url: 'URL',
  targetUrl: 'Audited address',
  date: 'Date',
  auditor: 'Auditor',
  checklist: 'Checklist',
  checklistVersion: 'Checklist version',
  engineVersion: 'Engine version',
  mauticVersion: 'Mautic version (detected from /mtc.js)',
  runId: 'Audit run',
  runStarted: 'Started',
  runFinished: 'Finished',
  runState: 'Completeness',
  provisional: 'provisional – see the notice',
  endedEarly: 'The run did not reach its end; items without a verdict are missing from this report.',
  generated: 'Report generated',
  toc: 'Table of contents',
  summary: 'Executive summary',
  score: 'Overall score',
  headerScore: 'Security header score',
  grade: 'Grade',
  outOf100: 'of 100',
  noValue: '—',
  verdictCounts: 'Items per verdict',
  verdict: 'Verdict',
  severity: 'Severity',
  count: 'Count',
  total: 'Total',
  bySeverity: 'Items per severity and verdict',
  chartTitle: 'Distribution of verdicts',
  items: 'Audit items',
  gdpr: 'GDPR',
  whatChecked: 'What was checked',
  checks: 'Checks',
  check: 'Check',
  status: 'Status',
  result: 'Finding',
  manualHint: 'To check manually:',
  advice: 'Advice',
  keyEvidence: 'Key evidence',
  certificate: 'Certificate',
  certField: 'Field',
  value: 'Value',
  certSubject: 'Subject',
  certIssuer: 'Issuer',
  certSan: 'Subject alternative names',
  certValidFrom: 'Valid from',
  certValidTo: 'Valid to',
  certSerial: 'Serial number',
  certFingerprint: 'SHA-256 fingerprint',
  certKey: 'Key',
  headersSeen: 'Response headers seen',
  headerName: 'Header',
  noKeyEvidence: 'There is no certificate or header evidence for this item.',
  remediation: 'Remediation plan',
  remediationIntro: 'Every item whose verdict is fail, warning or error.',
  noRemediation: 'No remediation needed.',
  item: 'Item',
  owner: 'Owner',
  dueDate: 'Due date',
  remediationStatus: 'Status',
  unassigned: 'unassigned',
  appendix: 'Appendix: evidence',
  appendixIntro: 'Each evidence item is identified by its SHA-256 hash and anchored in a hash chain.',
  evidenceNo: 'No.',
  kind: 'Kind',
  capturedAt: 'Captured',
  evidenceSummary: 'Content',
  chainHead: 'Head of the hash chain',
  chainSeq: 'Entry',
  noChain: 'The hash chain is empty.',
  pageOf: 'Page {page} of {pages}',
  certificateOf: 'Certificate {n}',
  truncated: '… ({n} more characters, complete in the evidence)',
  statuses: { pass: 'Pass', fail: 'Fail', warn: 'Warning', manual: 'Manual', error: 'Error', not_applicable: 'Not applicable' },
  severities: { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low' },
  remediationStatuses: { open: 'Open', 'in-progress': 'In progress', done: 'Done', 'accepted-risk': 'Risk accepted' },
  evidenceKinds: { 'http-exchange': 'HTTP exchange', 'tls-handshake': 'TLS handshake', 'tls-protocols': 'TLS protocols', 'http-body': 'HTTP body', 'config-file': 'Configuration file (redacted)', 'command-output': 'Command output', 'page-text': 'Page text', registers: 'Registers (processing, processors)', judgement: "Auditor's judgement", document: 'Document', remediation: 'Remediation tracking', 'browser-visit': 'Browser visit (requests, cookies, storage)', screenshot: 'Screenshot', har: 'HAR file (network log)', 'tracking-list': 'Tracking list of the browser visits' },
  judgements: JUDGEMENT_TEXTS.en,
  compare: COMPARE_TEXTS.en,
  dashboard: DASHBOARD_TEXTS.en,
  consent: CONSENT_TEXTS.en,
};

export const REPORT_TEXTS: Record<Lang, ReportTexts> = { de, en };

export function reportTexts(lang: Lang): ReportTexts {
  return REPORT_TEXTS[lang];
}

/** Fills "{name}" placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export function formatDate(iso: string | null, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }) + ' UTC';
}
