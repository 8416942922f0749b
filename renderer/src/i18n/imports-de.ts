import type { ImportMessages } from './imports-types';

export const importsDe: ImportMessages = {
  heading: 'Lauf-Dateien übernehmen',
  intro: 'Audits, die anderswo liefen (pruefstand audit … --out lauf.zip, z. B. als Kubernetes-Jobs), kommen hier in diesen Speicher: Signatur und jede Datei werden geprüft; eine veränderte Datei wird abgelehnt und nichts geschrieben.',
  file: 'Lauf-Datei (ZIP)',
  fileHint: 'Pfad der Datei auf diesem Rechner',
  fingerprint: 'Erwarteter Fingerabdruck (optional)',
  fingerprintHint: 'Der Schlüssel, mit dem die Läufe signiert sein müssen (pruefstand gibt ihn beim Schreiben aus).',
  run: 'Übernehmen',
  running: 'Prüft und übernimmt …',
  refused: (count) => `Abgelehnt, nichts übernommen: ${count} Problem(e).`,
  problem: (path, problem, reason) => `${path}: ${problem} (${reason})`,
  problems: { changed: 'verändert', added: 'hinzugefügt', removed: 'fehlt', unreadable: 'nicht lesbar' },
  imported: (runId, client, installation, evidence) => `Lauf ${runId} übernommen: ${client} / ${installation} (${evidence} Nachweise)`,
  already: (runId, client, installation) => `Schon vorhanden: Lauf ${runId} (${client} / ${installation})`,
  signer: (fingerprint) => `Signiert mit dem Schlüssel ${fingerprint}`,
};
