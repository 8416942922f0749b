import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { scratchDir } from '../../fixtures/scratch';
import { CryptoError, type CryptoErrorCode } from '../../../electron/core/crypto';

export { afterTest } from '../../fixtures/scratch';

export const tempDir = (): string => scratchDir('pruefstand-crypto-');

/** `<tmp>/pruefstand.db`: the keyring's files go beside it (the database itself need not exist). */
export function tempDbFile(): string {
  return path.join(tempDir(), 'pruefstand.db');
}

export interface FileState {
  bytes: string;
  mode: number;
  mtimeMs: number;
  ino: number;
}

/** Every file in `dir` with its bytes, mode, mtime and inode: what "left as it was" is compared by. */
export function snapshot(dir: string): Record<string, FileState> {
  const out: Record<string, FileState> = {};
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name);
    const stat = statSync(file);
    out[name] = { bytes: readFileSync(file).toString('base64'), mode: stat.mode, mtimeMs: stat.mtimeMs, ino: stat.ino };
  }
  return out;
}

/** The CryptoError `run` throws; fails the test when it throws anything else or nothing. */
export function cryptoErrorOf(run: () => unknown, code?: CryptoErrorCode): CryptoError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(CryptoError);
    if (code !== undefined) expect((err as CryptoError).code).toBe(code);
    return err as CryptoError;
  }
  throw new Error('expected a CryptoError, nothing was thrown');
}

/** A passphrase for tests that are not about which passphrase it is. */
export const TEST_PASSPHRASE = 'correct horse battery staple';
