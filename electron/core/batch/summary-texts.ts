// The batch summary's column headers and values, German and English.
import type { Lang } from '../../shared/domain';
import type { BatchRowState } from './rows';

export interface SummaryTexts {
  sheet: string;
  columns: {
    client: string;
    installation: string;
    baseUrl: string;
    runId: string;
    state: string;
    complete: string;
    score: string;
    failed: string;
    warned: string;
    errors: string;
    manual: string;
    exitCode: string;
    reason: string;
  };
  yes: string;
  no: string;
  states: Record<BatchRowState, string>;
  notStarted: string;
}

export const SUMMARY_TEXTS: Record<Lang, SummaryTexts> = {
  de: {
    sheet: 'Sammelprüfung',
    columns: {
      client: 'Mandant',
      installation: 'Installation',
      baseUrl: 'Basis-URL',
      runId: 'Lauf',
      state: 'Zustand',
      complete: 'Vollständig',
      score: 'Compliance-Score',
      failed: 'Nicht erfüllt',
      warned: 'Warnungen',
      errors: 'Fehler (nicht prüfbar)',
      manual: 'Manuell',
      exitCode: 'Exit-Code',
      reason: 'Grund (nicht erreichbar / abgebrochen)',
    },
    yes: 'ja',
    no: 'nein',
    states: { running: 'läuft', complete: 'abgeschlossen', incomplete: 'unvollständig', cancelled: 'abgebrochen', 'not-started': 'nicht begonnen', error: 'Fehler' },
    notStarted: 'vor dem Start abgebrochen (Strg+C)',
  },
  en: {
    sheet: 'Batch audit',
    columns: {
      client: 'Client',
      installation: 'Installation',
      baseUrl: 'Base URL',
      runId: 'Run',
      state: 'State',
      complete: 'Complete',
      score: 'Compliance score',
      failed: 'Failed checks',
      warned: 'Warned',
      errors: 'Error checks (could not run)',
      manual: 'Manual',
      exitCode: 'Exit code',
      reason: 'Reason (unreachable / broke off)',
    },
    yes: 'yes',
    no: 'no',
    states: { running: 'running', complete: 'complete', incomplete: 'incomplete', cancelled: 'cancelled', 'not-started': 'not started', error: 'error' },
    notStarted: 'cancelled before it started (Ctrl+C)',
  },
};
