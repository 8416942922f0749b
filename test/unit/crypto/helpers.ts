import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import { CryptoError, type CryptoErrorCode } from '../../../electron/core/crypto';

const dirs: string[] = [];
const closers: (() => void)[] = [];

afterEach(() => {
  while (closers.length) closers.pop()!();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-crypto-'));
  dirs.push(dir);
  return dir;
}

/** `<tmp>/pruefstand.db`: the keyring's files go beside it (the database itself need not exist). */
export function tempDbFile(): string {
  return path.join(tempDir(), 'pruefstand.db');
}

export function afterTest(close: () => void): void {
  closers.push(close);
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

export const chmod = chmodSync;

/** A passphrase for tests that are not about which passphrase it is. */
export const TEST_PASSPHRASE = 'correct horse battery staple';
