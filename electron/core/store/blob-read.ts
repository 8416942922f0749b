// Reading a blob back: the sealed copy of a run that holds it (its key unwrapped, the envelope opened, the plaintext
// hashed), else the legacy plaintext file. Never hands out bytes that did not open or do not match their hash.
import { CryptoError, cryptoErrorText } from '../crypto';
import { openBlob, readIfThere, sealedBlobPath, sha256Hex } from './blob-files';
import type { Db } from './db';
import { StoreError } from './errors';
import { storeKeyText } from './key-texts';
import { blobPath, isSha256Hex } from './paths';
import type { RunKeys } from './run-keys';

export type BlobCheck = { ok: true; content: Buffer; file: string } | { ok: false; problem: 'key' | 'broken'; reason: string };

/** The run's sealed copy of the blob: null when the run has no key or no such file (then look for a legacy file). */
export function checkRunBlob(dbFile: string, runKeys: RunKeys, runId: number, sha256: string): BlobCheck | null {
  let keys;
  try {
    keys = runKeys.forReading(runId);
  } catch (err) {
    if (err instanceof StoreError && err.code === 'locked') return { ok: false, problem: 'key', reason: storeKeyText('blob-key-missing', { file: sha256, run: runId, reason: err.message }) };
    throw err;
  }
  if (keys === null) return null;
  const file = sealedBlobPath(dbFile, keys, sha256);
  const sealed = readIfThere(file);
  if (sealed === null) return null;
  let content: Buffer;
  try {
    content = openBlob(keys, sha256, sealed);
  } catch (err) {
    if (!(err instanceof CryptoError)) throw err;
    return { ok: false, problem: err.code === 'wrong-key' ? 'key' : 'broken', reason: storeKeyText('blob-sealed-broken', { file, run: runId, reason: cryptoErrorText(err, 'en') }) };
  }
  if (sha256Hex(content) !== sha256) return { ok: false, problem: 'broken', reason: storeKeyText('blob-hash-mismatch', { file }) };
  return { ok: true, content, file };
}

/** The plaintext file of a store from before encryption (or a register document); null when there is none. */
export function checkLegacyBlob(dbFile: string, sha256: string): BlobCheck | null {
  const file = blobPath(dbFile, sha256);
  const content = readIfThere(file);
  if (content === null) return null;
  return sha256Hex(content) === sha256 ? { ok: true, content, file } : { ok: false, problem: 'broken', reason: storeKeyText('blob-hash-mismatch', { file }) };
}

export function createBlobReader(db: Db, dbFile: string, runKeys: RunKeys) {
  const runsHolding = db.prepare<[string], { run_id: number }>('SELECT DISTINCT run_id FROM evidence WHERE sha256 = ? ORDER BY run_id');

  /** Every readable copy is tried: the runs' sealed files in run order, then the legacy file. */
  const find = (sha256: string): { found: BlobCheck & { ok: true }; failures: string[] } | { found: null; failures: string[]; keyProblem: boolean } => {
    const failures: string[] = [];
    let keyProblem = false;
    for (const { run_id: runId } of runsHolding.all(sha256)) {
      const check = checkRunBlob(dbFile, runKeys, runId, sha256);
      if (check === null) continue;
      if (check.ok) return { found: check, failures };
      failures.push(check.reason);
      keyProblem ||= check.problem === 'key';
    }
    const legacy = checkLegacyBlob(dbFile, sha256);
    if (legacy?.ok) return { found: legacy, failures };
    if (legacy !== null) failures.push(legacy.reason);
    return { found: null, failures, keyProblem };
  };

  return {
    /** The stored bytes, opened and checked against their hash before they are handed out. */
    readBlob(sha256: string): Buffer {
      if (!isSha256Hex(sha256)) throw new StoreError('invalid', `"${sha256}" is not a SHA-256 hex digest`);
      const result = find(sha256);
      if (result.found !== null) return result.found.content;
      if (result.failures.length === 0) throw new StoreError('not-found', `evidence file for ${sha256} is missing (${blobPath(dbFile, sha256)} or a run's sealed copy)`);
      throw new StoreError(result.keyProblem ? 'locked' : 'corrupt', storeKeyText('blob-unreadable', { sha256, reasons: result.failures.join('; ') }));
    },
    /** The file the blob is read from (for tests and tools that inspect the disk); null when none is readable. */
    blobFile(sha256: string): string | null {
      if (!isSha256Hex(sha256)) return null;
      const result = find(sha256);
      return result.found?.file ?? null;
    },
  };
}

export type BlobReader = ReturnType<typeof createBlobReader>;

/** A legacy plaintext file alone (register documents), checked against its hash. */
export function readLegacyBlob(dbFile: string, sha256: string): Buffer {
  if (!isSha256Hex(sha256)) throw new StoreError('invalid', `"${sha256}" is not a SHA-256 hex digest`);
  const check = checkLegacyBlob(dbFile, sha256);
  if (check === null) throw new StoreError('not-found', `evidence file ${blobPath(dbFile, sha256)} is missing`);
  if (!check.ok) throw new StoreError('corrupt', check.reason);
  return check.content;
}
