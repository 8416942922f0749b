import type { ErrorCause, Localized } from './domain';

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
};

export function causeLabel(cause: ErrorCause, lang: keyof Localized): string {
  return ERROR_CAUSE_LABELS[cause][lang];
}
