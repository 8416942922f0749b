// The CLI's texts for batch audits (`audit --targets FILE`), German and English.
import type { TargetErrorCode } from '../core/batch/targets';
import type { Lang } from '../shared/domain';
import { fillTemplate } from './texts';

const de = {
  batchTargetsUnreadable: 'Zieldatei {file}: {reason}',
  batchWithUrl: '--targets prüft die Installationen der Zieldatei: geben Sie keine URL dazu an',
  batchSingleOption: '{option} gilt nur für eine einzelne Prüfung; in der Zieldatei hat jede Installation ihre eigene Spalte',
  batchSummaryFormat: '--summary {file}: die Endung muss .csv oder .xlsx sein',
  batchBadRows: '{file}: {count} Fehler, nichts geprüft:',
  batchRowError: '  Zeile {row}, Spalte „{column}“: {message}',
  batchFileError: '  {message}',
  batchNoAgent: 'SSH-Zugang ohne ssh-agent: starten Sie einen ssh-agent (SSH_AUTH_SOCK) mit dem Schlüssel',
  batchProgress: '{done} von {total} fertig, {running} laufen, {failed} mit Mängeln, {unreachable} nicht prüfbar',
  batchRow: '{name}: {state}, Score {score}, {failed} nicht erfüllt, {errors} nicht prüfbar → Lauf {runId}',
  batchRowNoRun: '{name}: {state} {reason}',
  batchUnreachable: '{name}: nicht erreichbar: {reason} (Lauf {runId})',
  batchDone: '{total} Installationen: {complete} vollständig, {failed} mit Mängeln, {incomplete} unvollständig; gespeichert in {db}',
  batchSummaryWritten: 'Übersicht geschrieben: {file}',
  batchCancelled: 'Abgebrochen; begonnene Läufe sind als abgebrochen gespeichert.',
  'target-empty-file': 'die Datei enthält keine Kopfzeile oder keine Installation',
  'target-missing-column': 'die Spalte fehlt',
  'target-unknown-column': 'unbekannte Spalte (erwartet: Mandant, Installation, Basis-URL, HTTP-URL, Landingpages, Formulare, Datenschutzerklärung, Config, Crontab, SSH)',
  'target-duplicate-column': 'die Spalte steht doppelt da',
  'target-missing-client': 'der Mandant fehlt',
  'target-missing-url': 'die Basis-URL fehlt',
  'target-bad-url': '„{value}“ ist keine gültige http(s)-URL',
  'target-not-https': '„{value}“ ist keine https-URL',
  'target-not-http': '„{value}“ ist keine http-URL (die Weiterleitung von HTTP wird dort geprüft)',
  'target-bad-ssh': '„{value}“ ist kein SSH-Zugang BENUTZER@HOST[:PORT]',
  'target-config-and-ssh': 'SSH-Zugang und Config/Crontab-Datei schließen sich aus',
  'target-duplicate-target': 'die Basis-URL „{value}“ steht schon in einer früheren Zeile',
};

const en: typeof de = {
  batchTargetsUnreadable: 'targets file {file}: {reason}',
  batchWithUrl: '--targets audits the installations of the targets file: give no URL with it',
  batchSingleOption: '{option} is for a single audit only; in a targets file each installation has its own column',
  batchSummaryFormat: '--summary {file}: the name must end in .csv or .xlsx',
  batchBadRows: '{file}: {count} error(s), nothing audited:',
  batchRowError: '  row {row}, column "{column}": {message}',
  batchFileError: '  {message}',
  batchNoAgent: 'SSH login without an ssh-agent: start an ssh-agent (SSH_AUTH_SOCK) holding the key',
  batchProgress: '{done} of {total} done, {running} running, {failed} failed, {unreachable} not audited',
  batchRow: '{name}: {state}, score {score}, {failed} failed, {errors} could not run → run {runId}',
  batchRowNoRun: '{name}: {state} {reason}',
  batchUnreachable: '{name}: unreachable: {reason} (run {runId})',
  batchDone: '{total} installations: {complete} complete, {failed} failed, {incomplete} incomplete; stored in {db}',
  batchSummaryWritten: 'Summary written: {file}',
  batchCancelled: 'Cancelled; the runs begun are stored as cancelled.',
  'target-empty-file': 'the file holds no header row or no installation',
  'target-missing-column': 'the column is missing',
  'target-unknown-column': 'unknown column (expected: client, installation, base URL, http URL, pages, forms, policy URL, config, crontab, ssh)',
  'target-duplicate-column': 'the column appears twice',
  'target-missing-client': 'the client is missing',
  'target-missing-url': 'the base URL is missing',
  'target-bad-url': '"{value}" is not a valid http(s) URL',
  'target-not-https': '"{value}" is not an https URL',
  'target-not-http': '"{value}" is not an http URL (the plain-HTTP redirect is tested there)',
  'target-bad-ssh': '"{value}" is not an SSH login USER@HOST[:PORT]',
  'target-config-and-ssh': 'an SSH login and a config/crontab file cannot be combined',
  'target-duplicate-target': 'the base URL "{value}" is already in an earlier row',
};

export type BatchTextKey = keyof typeof de;

export function batchText(lang: Lang, key: BatchTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}

export const targetErrorKey = (code: TargetErrorCode): BatchTextKey => `target-${code}`;
