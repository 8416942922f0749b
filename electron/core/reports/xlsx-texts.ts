// Every fixed text of the Excel evidence pack (sheet names, headers, labels, dropdown values), German and English.
// Sheet names are localized too (Excel: at most 31 characters, none of []:*?/\).
import type { Lang, Severity, Status } from '../../shared/domain';
import type { RemediationRow } from './model';
import { COMPARE_XLSX_TEXTS, type CompareXlsxTexts } from './compare-texts';
import { CONSENT_XLSX_TEXTS, type ConsentXlsxTexts } from './consent-texts';
import { JUDGEMENT_XLSX_TEXTS, type JudgementXlsxTexts } from './judgement-texts';
import { REPORT_TEXTS } from './texts';

export type RemediationStatus = RemediationRow['remediationStatus'];
export const REMEDIATION_STATUSES: readonly RemediationStatus[] = ['open', 'in-progress', 'done', 'accepted-risk'];

export interface XlsxTexts {
  sheets: { summary: string; items: string; checks: string; findings: string; evidence: string };
  headers: {
    summary: [string, string];
    items: [string, string, string, string, string, string, string];
    checks: [string, string, string, string, string, string, string, string, string];
    findings: [string, string, string, string, string, string, string, string];
    evidence: [string, string, string, string, string, string];
  };
  summary: {
    client: string;
    installation: string;
    baseUrl: string;
    targetUrl: string;
    runId: string;
    runState: string;
    /** The automated checks that could not run, with their causes. */
    undecided: string;
    startedAt: string;
    finishedAt: string;
    generatedAt: string;
    auditor: string;
    checklist: string;
    checklistVersion: string;
    engineVersion: string;
    mauticVersion: string;
    tool: string;
    score: string;
    headerScore: string;
    headerGrade: string;
    itemsTotal: string;
    /** Label of one verdict count, e.g. "Items: pass". */
    countOf: (status: string) => string;
    evidenceCount: string;
    chainHeadSeq: string;
    chainHeadHash: string;
    bySeverity: string;
    total: string;
  };
  yes: string;
  no: string;
  status: Record<Status, string>;
  severity: Record<Severity, string>;
  remediation: Record<RemediationStatus, string>;
  validation: { statusTitle: string; statusError: string; statusPrompt: string; dueTitle: string; dueError: string };
  judgements: JudgementXlsxTexts;
  compare: CompareXlsxTexts;
  consent: ConsentXlsxTexts;
}

const de: XlsxTexts = {
  sheets: { summary: 'Zusammenfassung', items: 'Prüfpunkte', checks: 'Prüfungen', findings: 'Maßnahmen', evidence: 'Nachweise' },
  headers: {
    summary: ['Angabe', 'Wert'],
    items: ['Nr.', 'ID', 'Titel', 'Ergebnis', 'Schweregrad', 'DSGVO-Artikel', 'Empfehlung'],
    checks: ['Nr.', 'Prüfpunkt-ID', 'Prüfungs-ID', 'Titel', 'Ergebnis', 'Automatisch', 'Meldung', 'Nachweise (SHA-256)', JUDGEMENT_XLSX_TEXTS.de.checksColumn],
    findings: ['Nr.', 'Titel', 'Schweregrad', 'Ergebnis', 'Empfehlung', 'Verantwortlich', 'Fällig am', 'Status'],
    evidence: ['SHA-256', 'Art', 'Erfasst am (UTC)', 'Medientyp', 'Größe (Bytes)', 'Beschreibung'],
  },
  summary: {
    client: 'Mandant',
    installation: 'Installation',
    baseUrl: 'Basis-URL',
    targetUrl: 'Geprüfte URL',
    runId: 'Audit-Nr.',
    runState: 'Audit-Status',
    undecided: 'Nicht durchführbare Prüfungen',
    startedAt: 'Begonnen (UTC)',
    finishedAt: 'Beendet (UTC)',
    generatedAt: 'Bericht erstellt (UTC)',
    auditor: 'Prüfer/in',
    checklist: 'Checkliste',
    checklistVersion: 'Checklisten-Version',
    engineVersion: 'Engine-Version',
    mauticVersion: 'Mautic-Version (aus /mtc.js erkannt)',
    tool: 'Werkzeug',
    score: 'Gesamtwert (0–100)',
    headerScore: 'Header-Wert (0–100)',
    headerGrade: 'Header-Note',
    itemsTotal: 'Prüfpunkte gesamt',
    countOf: (status) => `Prüfpunkte: ${status}`,
    evidenceCount: 'Nachweise',
    chainHeadSeq: 'Nachweiskette: letzter Eintrag',
    chainHeadHash: 'Nachweiskette: Hash des letzten Eintrags',
    bySeverity: 'Schweregrad',
    total: 'Gesamt',
  },
  yes: 'ja',
  no: 'nein',
  // Verdict, severity and remediation labels are the PDF's, so both documents speak alike.
  status: REPORT_TEXTS.de.statuses,
  severity: REPORT_TEXTS.de.severities,
  remediation: REPORT_TEXTS.de.remediationStatuses,
  validation: {
    statusTitle: 'Status',
    statusError: 'Bitte einen Status aus der Liste wählen.',
    statusPrompt: 'offen, in Bearbeitung, erledigt oder Risiko akzeptiert',
    dueTitle: 'Fällig am',
    dueError: 'Bitte ein Datum eingeben.',
  },
  judgements: JUDGEMENT_XLSX_TEXTS.de,
  compare: COMPARE_XLSX_TEXTS.de,
  consent: CONSENT_XLSX_TEXTS.de,
};

const en: XlsxTexts = {
  sheets: { summary: 'Summary', items: 'Items', checks: 'Checks', findings: 'Findings', evidence: 'Evidence' },
  headers: {
    summary: ['Field', 'Value'],
    items: ['No.', 'ID', 'Title', 'Verdict', 'Severity', 'GDPR articles', 'Advice'],
    checks: ['Item no.', 'Item ID', 'Check ID', 'Title', 'Verdict', 'Automated', 'Message', 'Evidence (SHA-256)', JUDGEMENT_XLSX_TEXTS.en.checksColumn],
    findings: ['No.', 'Title', 'Severity', 'Verdict', 'Advice', 'Owner', 'Due date', 'Status'],
    evidence: ['SHA-256', 'Kind', 'Captured (UTC)', 'Media type', 'Size (bytes)', 'Summary'],
  },
  summary: {
    client: 'Client',
    installation: 'Installation',
    baseUrl: 'Base URL',
    targetUrl: 'Audited URL',
    runId: 'Run no.',
    runState: 'Run state',
    undecided: 'Checks that could not run',
    startedAt: 'Started (UTC)',
    finishedAt: 'Finished (UTC)',
    generatedAt: 'Report generated (UTC)',
    auditor: 'Auditor',
    checklist: 'Checklist',
    checklistVersion: 'Checklist version',
    engineVersion: 'Engine version',
    mauticVersion: 'Mautic version (detected from /mtc.js)',
    tool: 'Tool',
    score: 'Score (0–100)',
    headerScore: 'Header score (0–100)',
    headerGrade: 'Header grade',
    itemsTotal: 'Items total',
    countOf: (status) => `Items: ${status}`,
    evidenceCount: 'Evidence documents',
    chainHeadSeq: 'Evidence chain: last entry',
    chainHeadHash: 'Evidence chain: hash of the last entry',
    bySeverity: 'Severity',
    total: 'Total',
  },
  yes: 'yes',
  no: 'no',
  status: REPORT_TEXTS.en.statuses,
  severity: REPORT_TEXTS.en.severities,
  remediation: REPORT_TEXTS.en.remediationStatuses,
  validation: {
    statusTitle: 'Status',
    statusError: 'Please pick a status from the list.',
    statusPrompt: 'open, in progress, done or accepted risk',
    dueTitle: 'Due date',
    dueError: 'Please enter a date.',
  },
  judgements: JUDGEMENT_XLSX_TEXTS.en,
  compare: COMPARE_XLSX_TEXTS.en,
  consent: CONSENT_XLSX_TEXTS.en,
};

export const XLSX_TEXTS: Record<Lang, XlsxTexts> = { de, en };
