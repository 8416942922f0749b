import type { ImportMessages } from './imports-types';

export const importsEn: ImportMessages = {
  heading: 'Take in run files',
  intro: 'Audits that ran elsewhere (pruefstand audit … --out run.zip, e.g. as Kubernetes Jobs) come into this store here: the signature and every file are checked; a changed file is refused and nothing is written.',
  file: 'Run file (ZIP)',
  fileHint: 'Path of the file on this computer',
  fingerprint: 'Expected fingerprint (optional)',
  fingerprintHint: 'The key the runs must be signed with (pruefstand prints it when it writes the file).',
  run: 'Take in',
  running: 'Checking and taking in …',
  refused: (count) => `Refused, nothing taken in: ${count} problem(s).`,
  problem: (path, problem, reason) => `${path}: ${problem} (${reason})`,
  problems: { changed: 'changed', added: 'added', removed: 'missing', unreadable: 'unreadable' },
  imported: (runId, client, installation, evidence) => `Run ${runId} taken in: ${client} / ${installation} (${evidence} evidence items)`,
  already: (runId, client, installation) => `Already here: run ${runId} (${client} / ${installation})`,
  signer: (fingerprint) => `Signed with the key ${fingerprint}`,
};
