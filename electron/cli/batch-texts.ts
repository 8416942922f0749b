// The CLI's texts for batch audits (`audit --targets FILE`), German and English.
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
};

export type BatchTextKey = keyof typeof de;

export function batchText(lang: Lang, key: BatchTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}
