// The files behind the blobs table. Evidence of a run is sealed under the run's key (core/crypto, AES-256-GCM, bound
// to the run and the content's SHA-256) at `<db>.evidence/runs/<run id>/<2 hex>/<name>`, where the name is a keyed
// hash of the SHA-256 under the client's lookup key, so neither content nor its hash shows on disk. Legacy files
// (stores from before encryption, register documents) are plaintext at `<db>.evidence/<2 hex>/<sha256>`.
// Every file is written once: temp file in the same folder, fsync, rename.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { mkdir, open as openFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { blobKey, ENVELOPE_OVERHEAD, envelopeKeyId, lookupHash, lookupKey, open, seal } from '../crypto';
import { StoreError } from './errors';
import { blobPath, evidenceDir } from './paths';
import type { RunKeyPair } from './run-keys';

export function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Where the sealed blob of `sha256` in this run lives. */
export function sealedBlobPath(dbFile: string, keys: RunKeyPair, sha256: string): string {
  const name = lookupHash(lookupKey(keys.clientKey), 'blob', sha256);
  return path.join(evidenceDir(dbFile), 'runs', String(keys.runId), name.slice(0, 2), name);
}

const blobAad = (runId: number, sha256: string): string => `pruefstand/blob/v1/run:${runId}/sha256:${sha256}`;

export const sealBlob = (keys: RunKeyPair, sha256: string, content: Buffer): Buffer => seal(blobKey(keys.runKey), content, blobAad(keys.runId, sha256));

/** The plaintext of a sealed blob; throws CryptoError when the key, the place or a byte is wrong. */
export const openBlob = (keys: RunKeyPair, sha256: string, sealed: Buffer): Buffer => open(blobKey(keys.runKey), sealed, blobAad(keys.runId, sha256));

/** Whether `target` holds the finished file already; false also when it cannot be read. */
export type IsWritten = (target: string) => boolean;
export type IsWrittenAsync = (target: string) => Promise<boolean>;

const hasSize =
  (size: number): IsWritten =>
  (target) => {
    try {
      return statSync(target).size === size;
    } catch {
      return false;
    }
  };

/** The first bytes of a sealed file name the key it was sealed with (core/crypto envelope header). */
function sealedWith(head: Buffer, bytesRead: number): string | null {
  try {
    return envelopeKeyId(head.subarray(0, bytesRead));
  } catch {
    return null;
  }
}

/**
 * A sealed copy counts only with the right size AND under this run's key: a file left by a transaction that was
 * rolled back (its run key row with it) is sealed under a key that no longer exists and must be replaced.
 */
function isSealedCopy(keys: RunKeyPair, size: number): IsWritten {
  return (target) => {
    if (!hasSize(size)(target)) return false;
    const head = Buffer.alloc(ENVELOPE_OVERHEAD);
    let fd: number | null = null;
    try {
      fd = openSync(target, 'r');
      return sealedWith(head, readSync(fd, head, 0, head.length, 0)) === keys.runKey.id;
    } catch {
      return false;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  };
}

async function isSealedCopyAsync(keys: RunKeyPair, size: number, target: string): Promise<boolean> {
  const existing = await stat(target).catch(() => null);
  if (existing?.size !== size) return false;
  const file = await openFile(target, 'r').catch(() => null);
  if (file === null) return false;
  try {
    const head = Buffer.alloc(ENVELOPE_OVERHEAD);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return sealedWith(head, bytesRead) === keys.runKey.id;
  } catch {
    return false;
  } finally {
    await file.close();
  }
}

const tempFor = (target: string): string => path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
const writeError = (target: string, err: unknown): StoreError => new StoreError('io', `cannot write evidence file ${target}: ${(err as Error).message}`, { cause: err });

/** Writes `bytes` to `target` once (skipped when `written` says it is there): temp file, fsync, rename. */
export function writeOnce(target: string, written: IsWritten, bytes: () => Buffer, mode: number): void {
  if (written(target)) return;
  const tmp = tempFor(target);
  try {
    mkdirSync(path.dirname(target), { recursive: true });
    const fd = openSync(tmp, 'wx', mode);
    try {
      writeSync(fd, bytes());
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err instanceof StoreError ? err : writeError(target, err);
  }
}

/** writeOnce off the event loop (libuv's thread pool), so concurrent audits keep working while the disk does. */
export async function writeOnceAsync(target: string, written: IsWrittenAsync, bytes: () => Buffer, mode: number): Promise<void> {
  if (await written(target)) return;
  const tmp = tempFor(target);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    const file = await openFile(tmp, 'wx', mode);
    try {
      await file.writeFile(bytes());
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(tmp, target);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err instanceof StoreError ? err : writeError(target, err);
  }
}

const SEALED_MODE = 0o600;
const LEGACY_MODE = 0o644;

/** Seals the blob under the run's key; within a run each content is stored once. */
export function writeSealedBlob(dbFile: string, keys: RunKeyPair, sha256: string, content: Buffer): void {
  writeOnce(sealedBlobPath(dbFile, keys, sha256), isSealedCopy(keys, content.length + ENVELOPE_OVERHEAD), () => sealBlob(keys, sha256, content), SEALED_MODE);
}

export async function writeSealedBlobAsync(dbFile: string, keys: RunKeyPair, sha256: string, content: Buffer): Promise<void> {
  const size = content.length + ENVELOPE_OVERHEAD;
  await writeOnceAsync(sealedBlobPath(dbFile, keys, sha256), (target) => isSealedCopyAsync(keys, size, target), () => sealBlob(keys, sha256, content), SEALED_MODE);
}

/** A plaintext file at the legacy path (register documents; not yet encrypted). */
export function writeLegacyBlob(dbFile: string, sha256: string, content: Buffer): void {
  writeOnce(blobPath(dbFile, sha256), hasSize(content.length), () => content, LEGACY_MODE);
}

/** The file's bytes, or null when there is no such file. */
export function readIfThere(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StoreError('io', `cannot read evidence file ${file}: ${(err as Error).message}`, { cause: err });
  }
}
