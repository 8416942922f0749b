// The CLI's texts for run files (`audit … --out`, `import …`), German and English.
import type { Lang } from '../shared/domain';
import type { PackProblemKind, PackProblemReason } from '../core/reports/verify-pack';
import { fillTemplate } from './texts';

const de = {
  outWritten: 'Lauf-Datei geschrieben: {file} (signiert, Fingerabdruck {fingerprint})',
  outFailed: 'Lauf-Datei {file} nicht geschrieben: {reason}',
  importMissing: 'die Lauf-Datei (ZIP) fehlt: pruefstand import <lauf.zip>… [--db DATEI] [--fingerprint HEX]',
  importNotFound: '{file}: keine Datei unter diesem Namen',
  importNotZip: '{file} ist keine ZIP-Datei ({reason})',
  importUnreadableFile: '{file} ist nicht lesbar: {reason}',
  importFile: 'Lauf-Datei: {file}',
  importSigner: 'Unterzeichner (SHA-256-Fingerabdruck des öffentlichen Schlüssels): {fingerprint}',
  importSignerCompare: 'Vergleichen Sie den Fingerabdruck mit dem der Maschine, die geprüft hat (oder geben Sie ihn mit --fingerprint vor).',
  importSignerUnexpected: 'FALSCHER Unterzeichner: erwartet war {expected}',
  importRefused: '{file}: NICHT übernommen, nichts geschrieben ({count} Problem(e)).',
  importProblemLine: '  {path}: {problem} – {reason}',
  imported: 'Lauf {runId} übernommen ({client} / {installation}, {evidence} Nachweise)',
  alreadyImported: 'schon übernommen: Lauf {runId} ({client} / {installation})',
  kindChanged: 'VERÄNDERT',
  kindAdded: 'HINZUGEFÜGT',
  kindRemoved: 'FEHLT',
  kindUnreadable: 'NICHT LESBAR',
  reasonContent: 'Inhalt passt nicht zu SHA-256 und Größe im Manifest',
  reasonSignature: 'manifest.sig passt nicht zu manifest.json (Manifest oder Signatur verändert)',
  reasonFingerprint: 'der angegebene Fingerabdruck ist nicht der des enthaltenen Schlüssels',
  reasonNotListed: 'steht nicht im Manifest',
  reasonDuplicate: 'doppelter Eintrag im ZIP',
  reasonMissing: 'steht im Manifest, fehlt im ZIP',
  reasonUnsafeName: 'unsicherer Pfad (absolut oder mit „..“), nicht gelesen',
  reasonTooLarge: 'zu groß, nicht entpackt',
  reasonTooMany: 'zu viele Einträge, nicht geprüft',
  reasonUnsupported: 'verschlüsselt oder unbekannte Kompression',
  reasonReadError: 'beschädigte Daten',
  reasonBadManifest: 'kein gültiges Manifest einer Lauf-Datei',
  reasonBadSignature: 'keine Ed25519-Signatur in Base64',
};

const en: typeof de = {
  outWritten: 'Run file written: {file} (signed, fingerprint {fingerprint})',
  outFailed: 'run file {file} not written: {reason}',
  importMissing: 'the run file (ZIP) is missing: pruefstand import <run.zip>… [--db FILE] [--fingerprint HEX]',
  importNotFound: '{file}: no such file',
  importNotZip: '{file} is not a ZIP file ({reason})',
  importUnreadableFile: 'cannot read {file}: {reason}',
  importFile: 'Run file: {file}',
  importSigner: 'Signer (SHA-256 fingerprint of the public key): {fingerprint}',
  importSignerCompare: "Compare the fingerprint with the auditing machine's (or pin it with --fingerprint).",
  importSignerUnexpected: 'WRONG signer: expected {expected}',
  importRefused: '{file}: NOT imported, nothing written ({count} problem(s)).',
  importProblemLine: '  {path}: {problem} – {reason}',
  imported: 'imported run {runId} ({client} / {installation}, {evidence} evidence)',
  alreadyImported: 'already imported: run {runId} ({client} / {installation})',
  kindChanged: 'CHANGED',
  kindAdded: 'ADDED',
  kindRemoved: 'MISSING',
  kindUnreadable: 'UNREADABLE',
  reasonContent: 'content does not match the SHA-256 and size in the manifest',
  reasonSignature: 'manifest.sig does not match manifest.json (manifest or signature changed)',
  reasonFingerprint: 'the stated fingerprint is not that of the enclosed key',
  reasonNotListed: 'not listed in the manifest',
  reasonDuplicate: 'duplicate entry in the ZIP',
  reasonMissing: 'listed in the manifest, missing from the ZIP',
  reasonUnsafeName: 'unsafe path (absolute or with ".."), not read',
  reasonTooLarge: 'too large, not extracted',
  reasonTooMany: 'too many entries, not checked',
  reasonUnsupported: 'encrypted or unknown compression',
  reasonReadError: 'corrupt data',
  reasonBadManifest: 'not a valid run file manifest',
  reasonBadSignature: 'not a base64 Ed25519 signature',
};

export type RunFileTextKey = keyof typeof de;

export const PROBLEM_KIND_TEXT: Record<PackProblemKind, RunFileTextKey> = {
  changed: 'kindChanged',
  added: 'kindAdded',
  removed: 'kindRemoved',
  unreadable: 'kindUnreadable',
};

export const PROBLEM_REASON_TEXT: Record<PackProblemReason, RunFileTextKey> = {
  'content-mismatch': 'reasonContent',
  'signature-mismatch': 'reasonSignature',
  'fingerprint-mismatch': 'reasonFingerprint',
  'not-in-manifest': 'reasonNotListed',
  'duplicate-entry': 'reasonDuplicate',
  missing: 'reasonMissing',
  'unsafe-name': 'reasonUnsafeName',
  'too-large': 'reasonTooLarge',
  'too-many-entries': 'reasonTooMany',
  'unsupported-entry': 'reasonUnsupported',
  'read-error': 'reasonReadError',
  'bad-manifest': 'reasonBadManifest',
  'bad-signature': 'reasonBadSignature',
};

export function ftext(lang: Lang, key: RunFileTextKey, params: Record<string, string | number> = {}): string {
  return fillTemplate((lang === 'de' ? de : en)[key], params);
}
