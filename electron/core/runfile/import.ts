// `pruefstand import run.zip` (and the app): verify the file completely, then take its runs into the store in
// one transaction. Nothing is written unless the whole file is intact (and signed by the expected key, if given).
import type { ImportRunInput, ImportRunOutcome, Store } from '../store';
import { runIdentity } from '../store';
import type { RunFileEntry } from './format';
import { openRunFile, type RunFileVerification } from './read';

export interface ImportRunFileOptions {
  /** Pin the signer: hex SHA-256 of the SPKI DER (colons and spaces ignored). */
  expectedFingerprint?: string;
}

export type ImportRunFileResult =
  | { ok: false; verification: RunFileVerification }
  | { ok: true; verification: RunFileVerification; runs: ImportRunOutcome[] };

/** How a run is kept here: its results as measured, its options with where it came from. */
export function importInput(entry: RunFileEntry, origin: { file: string; fingerprint: string }): ImportRunInput {
  const identity = runIdentity({
    engineVersion: entry.run.engineVersion,
    targetUrl: entry.run.targetUrl,
    startedAt: entry.run.startedAt,
    evidenceShas: entry.evidence.map((e) => e.sha256),
  });
  const { id, ...run } = entry.run;
  return {
    client: entry.client,
    installation: entry.installation,
    run: { ...run, options: { ...run.options, importedFrom: { file: origin.file, fingerprint: origin.fingerprint, originalRunId: id, identity } } },
    evidence: entry.evidence,
  };
}

/** Throws RunFileError (not found / not a ZIP) and StoreError; a damaged or foreign file is `ok: false`. */
export async function importRunFile(store: Store, file: string, options: ImportRunFileOptions = {}): Promise<ImportRunFileResult> {
  const opened = await openRunFile(file, options);
  try {
    const { verification } = opened;
    if (!verification.ok || !verification.manifest || !verification.publicKeyFingerprint) return { ok: false, verification };
    const origin = { file: opened.file, fingerprint: verification.publicKeyFingerprint };
    const inputs = verification.manifest.runs.map((entry) => importInput(entry, origin));
    // Bodies of runs not yet here are staged (content-addressed files, no rows) before the one transaction.
    const staged = new Set<string>();
    for (const input of inputs) {
      if (store.imports.findSameRun(input) !== null) continue;
      for (const e of input.evidence) {
        if (staged.has(e.sha256)) continue;
        store.imports.stageBlob(await opened.readBody(e.sha256));
        staged.add(e.sha256);
      }
    }
    return { ok: true, verification, runs: store.imports.importRuns(inputs) };
  } finally {
    opened.close();
  }
}
