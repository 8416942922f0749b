// Files that are either whole or not there: written to a temp file in the same folder (mode 0600), fsynced, then
// renamed (or hard-linked, when an existing file must never be replaced), and the folder fsynced. A kill at any
// moment leaves the previous file as it was, plus at most a stray temp file, which nothing reads.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { CryptoError, ioError } from './errors';

export const SECRET_FILE_MODE = 0o600;

/** `.<name>.<pid>.<random>.tmp` beside `file`. */
export function tempFileFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
}

/** Makes a rename or link in `dir` durable. Folders cannot be opened for fsync on Windows; there rename is enough. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeTemp(file: string, data: Buffer): string {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = tempFileFor(file);
  const fd = openSync(tmp, 'wx', SECRET_FILE_MODE);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** Writes `data` to `file`, replacing what was there in one step. */
export function writeFileAtomic(file: string, data: Buffer): void {
  let tmp: string | null = null;
  try {
    tmp = writeTemp(file, data);
    renameSync(tmp, file);
    tmp = null;
    fsyncDir(path.dirname(file));
  } catch (err) {
    throw ioError(file, err);
  } finally {
    if (tmp !== null) rmSync(tmp, { force: true });
  }
}

/** Writes `data` to `file` only if there is no such file yet; an existing one is left alone (`exists` is thrown). */
export function createFileExclusive(file: string, data: Buffer, exists: () => CryptoError): void {
  if (existsSync(file)) throw exists();
  let tmp: string | null = null;
  try {
    tmp = writeTemp(file, data);
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw exists();
      // File systems without hard links: rename, unless the file appeared meanwhile.
      if (existsSync(file)) throw exists();
      renameSync(tmp, file);
      tmp = null;
    }
    fsyncDir(path.dirname(file));
  } catch (err) {
    if (err instanceof CryptoError) throw err;
    throw ioError(file, err);
  } finally {
    if (tmp !== null) rmSync(tmp, { force: true });
  }
}

/** Renames `from` over `to` and makes it durable. */
export function renameDurable(from: string, to: string): void {
  try {
    renameSync(from, to);
    fsyncDir(path.dirname(to));
  } catch (err) {
    throw ioError(to, err);
  }
}
