import type { Completeness, Undecided, UndecidedCause } from './completeness';
import type { ErrorCause, Localized } from './domain';

// How causes of undecided checks and the completeness of a run are named, in one place for the CLI, the
// app, the PDF and the workbook.

/** How each cause is named to the auditor, everywhere: the CLI, the app, the PDF and the workbook. */
const ERROR_CAUSE_LABELS: Record<ErrorCause, Localized> = {
  timeout: { de: 'Zeitüberschreitung', en: 'timeout' },
  tls: { de: 'TLS-Fehler', en: 'TLS failure' },
  refused: { de: 'Verbindung abgelehnt', en: 'connection refused' },
  dns: { de: 'Host nicht gefunden', en: 'host not found' },
  reset: { de: 'Verbindung abgebrochen', en: 'connection closed' },
  oversized: { de: 'Antwort zu groß', en: 'oversized response' },
  protocol: { de: 'Protokollfehler', en: 'protocol error' },
  'redirect-loop': { de: 'Weiterleitungsschleife', en: 'redirect loop' },
  'too-many-redirects': { de: 'zu viele Weiterleitungen', en: 'too many redirects' },
  'unsafe-redirect': { de: 'unsichere Weiterleitung', en: 'unsafe redirect' },
  'invalid-url': { de: 'ungültige URL', en: 'invalid URL' },
  'http-status': { de: 'unerwarteter HTTP-Status', en: 'unexpected HTTP status' },
  content: { de: 'unlesbarer Inhalt', en: 'unreadable content' },
  io: { de: 'Datei nicht lesbar', en: 'file unreadable' },
  parse: { de: 'nicht lesbares Format', en: 'unparsable file' },
  auth: { de: 'Anmeldung abgelehnt', en: 'authentication failed' },
  aborted: { de: 'abgebrochen', en: 'cancelled' },
  internal: { de: 'interner Fehler', en: 'internal error' },
  browser: { de: 'Browser nicht verfügbar oder abgestürzt', en: 'browser unavailable or crashed' },
};

export function causeLabel(cause: ErrorCause, lang: keyof Localized): string {
  return ERROR_CAUSE_LABELS[cause][lang];
}

/** "timeout 2 (a, b); TLS failure 1 (c)": the causes of an incomplete run, for every place that names them. */
export function causesText(byCause: readonly UndecidedCause[], lang: keyof Localized): string {
  return byCause.map((g) => `${causeLabel(g.cause, lang)} ${g.checkIds.length} (${g.checkIds.join(', ')})`).join('; ');
}

const COMPLETENESS_LABELS: Record<Completeness, Localized> = {
  running: { de: 'Läuft', en: 'Running' },
  complete: { de: 'Vollständig', en: 'Complete' },
  incomplete: { de: 'Unvollständig', en: 'Incomplete' },
  interrupted: { de: 'Unterbrochen', en: 'Interrupted' },
  cancelled: { de: 'Abgebrochen', en: 'Cancelled' },
};

export function completenessLabels(lang: keyof Localized): Record<Completeness, string> {
  return Object.fromEntries(Object.entries(COMPLETENESS_LABELS).map(([k, v]) => [k, v[lang]])) as Record<Completeness, string>;
}

/** "3 automatische Prüfung(en) konnten nicht laufen – …", or '' for a run without undecided checks. */
export function undecidedSentence(undecided: Undecided, lang: keyof Localized): string {
  if (!undecided.checks) return '';
  const causes = causesText(undecided.byCause, lang);
  return lang === 'de'
    ? `${undecided.checks} automatische Prüfung(en) konnten nicht laufen – ${causes}`
    : `${undecided.checks} automated check(s) could not run – ${causes}`;
}

/** Said next to a score that rests on an incomplete run. */
export function provisionalScoreNote(lang: keyof Localized): string {
  return lang === 'de' ? 'vorläufig: nicht alle automatischen Prüfungen liefen' : 'provisional: not every automated check could run';
}
