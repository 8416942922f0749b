// The CLI's texts for findings across audits (`findings …`, `audit --recheck-open`), German and English.
import type { Lang } from '../shared/domain';
import { fillTemplate } from './texts';

const de = {
  recheckNothing: '{installation} hat keine offenen Befunde: nichts nachzuprüfen (ohne --recheck-open wird alles geprüft).',
  findingsAfterRun: 'Befunde: {opened} neu, {fixed} behoben, {reopened} wieder offen; {open} offen insgesamt (pruefstand findings list)',
  findingsMissing: 'was tun? pruefstand findings list|show|set|comment …',
  findingsUnknown: 'unbekannter Unterbefehl „{sub}“: list, show, set, comment, export oder import',
  findingsNeedTarget: 'welche Installation? Geben Sie die https-URL an (pruefstand findings list <url>) oder --client NAME',
  findingsNoInstallation: 'keine Installation mit der Adresse {url} in {db}',
  findingsNoClient: 'den Mandanten „{client}“ gibt es in {db} nicht',
  findingsNeedId: 'die Nummer des Befunds fehlt',
  findingsBadId: '„{value}“ ist keine Nummer eines Befunds',
  findingsBadStatus: '--status erwartet open, in-progress, accepted-risk oder false-positive, nicht „{value}“',
  findingsBadFilter: '--status erwartet eine Liste aus open, in-progress, fixed, accepted-risk, false-positive, nicht „{value}“',
  findingsNothingToSet: 'was ändern? --status, --owner, --due, --reason oder --expires',
  findingsNeedText: 'der Kommentar fehlt',
  findingsNone: 'keine Befunde',
  findingsHeader: 'Nr.  Schwere   Status          Fällig      Verantwortlich        Prüfung / Gegenstand',
  findingsUpdated: 'Befund #{id} geändert: {changes}',
  findingsUnchanged: 'Befund #{id}: nichts geändert',
  findingsCommented: 'Kommentar zu Befund #{id} festgehalten',
  findingsHistory: 'Verlauf:',
  xlsxExported: 'geschrieben: {file} ({count} offene Befunde; Status, Verantwortlich, Fällig, Begründung, Ablauf und Kommentar sind bearbeitbar)',
  xlsxPlan: '{scope} (Export vom {exportedAt}): {changed} geändert, {unchanged} unverändert, {conflicts} Konflikt(e), {errors} fehlerhafte Zeile(n)',
  xlsxComment: 'Kommentar „{comment}“',
  xlsxConflict: '  ! #{id} (Zeile {row}) {field}: beim Export {atExport}, jetzt in Prüfstand {inApp}, in der Datei {inFile}',
  xlsxRowError: '  {sheet}, Zeile {row}, Spalte „{column}“: {message}',
  xlsxDryRun: 'Probelauf (--dry-run): nichts geändert.',
  xlsxRefusedRows: 'nichts übernommen: die Datei hat fehlerhafte Zeilen.',
  xlsxRefusedConflicts: 'nichts übernommen: {count} Konflikt(e) mit Änderungen seit dem Export; entscheiden Sie mit --resolve theirs (die Datei gilt) oder --resolve ours (Prüfstand gilt).',
  xlsxApplied: 'übernommen: {changed} Befund(e) geändert, {commented} Kommentar(e), {conflictsResolved} Konflikt(e) entschieden.',
  xlsxBadResolve: '--resolve erwartet ours oder theirs, nicht „{value}“',
  xlsxTooLarge: '{file} ist größer als 10 MB',
  xlsxNeedFile: 'die Datei fehlt (.xlsx)',
};

const en: typeof de = {
  recheckNothing: '{installation} has no open findings: nothing to re-check (without --recheck-open everything is checked).',
  findingsAfterRun: 'Findings: {opened} new, {fixed} fixed, {reopened} reopened; {open} open in all (pruefstand findings list)',
  findingsMissing: 'what to do? pruefstand findings list|show|set|comment …',
  findingsUnknown: 'unknown subcommand "{sub}": list, show, set, comment, export or import',
  findingsNeedTarget: 'which installation? Give its https URL (pruefstand findings list <url>) or --client NAME',
  findingsNoInstallation: 'no installation with the address {url} in {db}',
  findingsNoClient: 'there is no client "{client}" in {db}',
  findingsNeedId: 'the number of the finding is missing',
  findingsBadId: '"{value}" is not the number of a finding',
  findingsBadStatus: '--status expects open, in-progress, accepted-risk or false-positive, not "{value}"',
  findingsBadFilter: '--status expects a list of open, in-progress, fixed, accepted-risk, false-positive, not "{value}"',
  findingsNothingToSet: 'what to change? --status, --owner, --due, --reason or --expires',
  findingsNeedText: 'the comment is missing',
  findingsNone: 'no findings',
  findingsHeader: 'No.  Severity  Status          Due         Owner                 Check / subject',
  findingsUpdated: 'finding #{id} changed: {changes}',
  findingsUnchanged: 'finding #{id}: nothing changed',
  findingsCommented: 'comment on finding #{id} recorded',
  findingsHistory: 'History:',
  xlsxExported: 'written: {file} ({count} open findings; status, owner, due date, reason, expiry and comment are editable)',
  xlsxPlan: '{scope} (exported {exportedAt}): {changed} changed, {unchanged} unchanged, {conflicts} conflict(s), {errors} bad row(s)',
  xlsxComment: 'comment "{comment}"',
  xlsxConflict: '  ! #{id} (row {row}) {field}: at export {atExport}, now in Prüfstand {inApp}, in the file {inFile}',
  xlsxRowError: '  {sheet}, row {row}, column "{column}": {message}',
  xlsxDryRun: 'dry run (--dry-run): nothing changed.',
  xlsxRefusedRows: 'nothing imported: the file has bad rows.',
  xlsxRefusedConflicts: 'nothing imported: {count} conflict(s) with changes made since the export; decide with --resolve theirs (the file wins) or --resolve ours (Prüfstand wins).',
  xlsxApplied: 'imported: {changed} finding(s) changed, {commented} comment(s), {conflictsResolved} conflict(s) decided.',
  xlsxBadResolve: '--resolve expects ours or theirs, not "{value}"',
  xlsxTooLarge: '{file} is larger than 10 MB',
  xlsxNeedFile: 'the file is missing (.xlsx)',
};

export type FindingsTextKey = keyof typeof de;

export function ftext(lang: Lang, key: FindingsTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}
