import { existsSync } from 'node:fs';
import path from 'node:path';
import { importRunFile } from '../runfile/import';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

/** Takes a signed run file (made by `audit --out` elsewhere) into the store, verified; nothing is written if it is refused. */
export async function importRunFileView(store: Store, file: string, fingerprint?: string) {
  const abs = path.resolve(file);
  if (!existsSync(abs)) throw new ServiceError('not-found', `${abs} does not exist`);
  try {
    const result = await importRunFile(store, abs, fingerprint ? { expectedFingerprint: fingerprint } : {});
    const v = result.verification;
    return {
      ok: result.ok,
      fingerprint: v.publicKeyFingerprint,
      fingerprintMatches: v.fingerprintMatches,
      problems: v.problems.map((p) => ({ path: p.path, problem: p.problem, reason: p.reason })),
      runs: result.ok ? result.runs : [],
    };
  } catch (err) {
    if (err instanceof ServiceError) throw err;
    throw new ServiceError('invalid', `${path.basename(abs)}: ${(err as Error).message}`);
  }
}
