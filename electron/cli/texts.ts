import type { Lang, Status } from '../shared/domain';

const de = {
  usage: `Aufruf:
  pruefstand audit <https-url> [Optionen]   Prüft eine Installation gegen die DSGVO-Checkliste
  pruefstand verify-store [--db DATEI]      Prüft die Hash-Kette des Evidenzspeichers
  pruefstand --version | --help

Optionen für audit:
  --checklist ID       Checkliste (Standard: mautic-dsgvo)
  --db DATEI           Evidenzspeicher (Standard: {defaultDb})
  --ca DATEI           zusätzliche vertrauenswürdige CA (PEM), z. B. eine interne CA
  --http-url URL       wo die Weiterleitung von HTTP geprüft wird (Standard: derselbe Host, Port 80)
  --json DATEI|-       Ergebnis als JSON schreiben (- = Standardausgabe)
  --timeout-ms N       Zeitlimit je Anfrage (Standard: 10000)
  --concurrency N      gleichzeitige Prüfungen (Standard: 8)
  --client NAME        Mandant, unter dem der Lauf gespeichert wird (Standard: Ad-hoc)
  --lang de|en         Sprache der Ausgabe (Standard: aus der Systemsprache)
  --quiet              keine Fortschrittsanzeige und keine Tabelle

Exit-Code: 0 keine automatische Prüfung fehlgeschlagen, 1 mindestens eine fehlgeschlagen,
2 Aufruffehler oder Ziel nicht prüfbar.`,
  usageHint: 'Hilfe: pruefstand --help',
  errorPrefix: 'Fehler',
  unknownCommand: 'unbekannter Befehl „{command}“',
  missingUrl: 'die https-URL der Installation fehlt',
  notHttps: '„{url}“ ist keine https-URL: geben Sie die https-Adresse an; die HTTP-Weiterleitung wird automatisch geprüft (--http-url)',
  invalidUrl: '„{url}“ ist keine gültige URL',
  invalidNumber: '{option} erwartet eine ganze Zahl zwischen {min} und {max}, nicht „{value}“',
  invalidLang: '--lang erwartet de oder en',
  caUnreadable: 'CA-Datei {file}: {reason}',
  unreachable: 'Ziel nicht erreichbar: {reason}',
  progress: 'Prüfe {done}/{total}',
  running: 'läuft: {names}',
  cancelled: 'Abgebrochen; der Lauf ist als abgebrochen gespeichert.',
  colItem: 'Punkt',
  colVerdict: 'Ergebnis',
  colSeverity: 'Schwere',
  colDecided: 'Entschieden',
  colTitle: 'Titel',
  findings: 'Feststellungen',
  score: 'Compliance-Score',
  headerScore: 'Header-Score (MDN Observatory)',
  notDecided: 'noch nicht bewertet',
  stored: 'Lauf {runId} gespeichert in {db}',
  jsonWritten: 'JSON geschrieben: {file}',
  verifyOk: 'Evidenzspeicher intakt: {entries} Einträge, {blobs} Dateien geprüft ({db}).',
  verifyBroken: 'Evidenzspeicher BESCHÄDIGT: Eintrag {seq} (Evidenz {evidenceId}): {reason}',
  storeMissing: 'kein Evidenzspeicher unter {db}',
};

const en: typeof de = {
  usage: `Usage:
  pruefstand audit <https-url> [options]    Audit an installation against the GDPR checklist
  pruefstand verify-store [--db FILE]       Verify the evidence store's hash chain
  pruefstand --version | --help

Options for audit:
  --checklist ID       checklist (default: mautic-dsgvo)
  --db FILE            evidence store (default: {defaultDb})
  --ca FILE            extra trusted CA (PEM), e.g. an internal CA
  --http-url URL       where the plain-HTTP redirect is tested (default: same host, port 80)
  --json FILE|-        write the result as JSON (- = standard output)
  --timeout-ms N       time limit per request (default: 10000)
  --concurrency N      checks run at once (default: 8)
  --client NAME        client the run is filed under (default: Ad-hoc)
  --lang de|en         output language (default: from the system locale)
  --quiet              no progress and no table

Exit code: 0 no automated check failed, 1 at least one failed, 2 usage error or target cannot be audited.`,
  usageHint: 'Help: pruefstand --help',
  errorPrefix: 'Error',
  unknownCommand: 'unknown command "{command}"',
  missingUrl: "the installation's https URL is missing",
  notHttps: '"{url}" is not an https URL: give the https address; the plain-HTTP redirect is tested automatically (--http-url)',
  invalidUrl: '"{url}" is not a valid URL',
  invalidNumber: '{option} takes a whole number from {min} to {max}, not "{value}"',
  invalidLang: '--lang takes de or en',
  caUnreadable: 'CA file {file}: {reason}',
  unreachable: 'target unreachable: {reason}',
  progress: 'Checking {done}/{total}',
  running: 'running: {names}',
  cancelled: 'Cancelled; the run is stored as cancelled.',
  colItem: 'Item',
  colVerdict: 'Verdict',
  colSeverity: 'Severity',
  colDecided: 'Decided',
  colTitle: 'Title',
  findings: 'Findings',
  score: 'Compliance score',
  headerScore: 'Header score (MDN Observatory)',
  notDecided: 'not decided yet',
  stored: 'Run {runId} stored in {db}',
  jsonWritten: 'JSON written: {file}',
  verifyOk: 'Evidence store intact: {entries} entries, {blobs} files checked ({db}).',
  verifyBroken: 'Evidence store BROKEN: entry {seq} (evidence {evidenceId}): {reason}',
  storeMissing: 'no evidence store at {db}',
};

export type TextKey = keyof typeof de;

const STATUS_LABELS: Record<Lang, Record<Status, string>> = {
  de: { pass: 'bestanden', fail: 'NICHT ERFÜLLT', warn: 'Warnung', manual: 'manuell', error: 'Fehler', not_applicable: 'n. a.' },
  en: { pass: 'pass', fail: 'FAIL', warn: 'warn', manual: 'manual', error: 'error', not_applicable: 'n/a' },
};

const SEVERITY_LABELS: Record<Lang, Record<string, string>> = {
  de: { critical: 'kritisch', high: 'hoch', medium: 'mittel', low: 'niedrig' },
  en: { critical: 'critical', high: 'high', medium: 'medium', low: 'low' },
};

export function text(lang: Lang, key: TextKey, params: Record<string, string | number> = {}): string {
  const template = (lang === 'de' ? de : en)[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const statusLabel = (lang: Lang, s: Status) => STATUS_LABELS[lang][s];
export const severityLabel = (lang: Lang, s: string) => SEVERITY_LABELS[lang][s] ?? s;

/** German for German-speaking users, English otherwise. */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^de([_.-]|$)/i.test(locale) ? 'de' : 'en';
}
