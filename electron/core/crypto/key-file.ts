// The key file `<db>.key`: 32 random bytes that wrap the workstation key in the keyring (method "keyfile").
// Binary ("PSKF", version 1, the key), mode 0600; one readable by group or others is refused, not used.
import { readFileSync, statSync } from 'node:fs';
import { createFileExclusive, writeFileAtomic } from './atomic-file';
import { CryptoError, ioError } from './errors';
import { DataKey, KEY_BYTES } from './secret-key';

const MAGIC = Buffer.from('PSKF', 'latin1');
const VERSION = 1;
const FILE_BYTES = MAGIC.length + 1 + KEY_BYTES;

/** `<db>.key`; during a rotation the next key waits in `<db>.key.next` until the keyring no longer needs the old one. */
export const keyFilePath = (dbFile: string): string => `${dbFile}.key`;
export const nextKeyFilePath = (dbFile: string): string => `${dbFile}.key.next`;

const modeText = (mode: number): string => `0${(mode & 0o777).toString(8).padStart(3, '0')}`;

/** Whether POSIX permissions let anyone but the owner read or write the file (Windows has no such bits). */
function isModeTooOpen(mode: number, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'win32' && (mode & 0o077) !== 0;
}

/** Reads and checks a key file; never changes it. */
export function readKeyFile(file: string): DataKey {
  let mode: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw new CryptoError('key-file-corrupt', { file, detail: 'not a regular file' });
    mode = stat.mode;
  } catch (err) {
    if (err instanceof CryptoError) throw err;
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CryptoError('key-file-missing', { file });
    throw ioError(file, err);
  }
  if (isModeTooOpen(mode)) throw new CryptoError('key-file-mode', { file, mode: modeText(mode) });
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw ioError(file, err);
  }
  try {
    if (bytes.length !== FILE_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new CryptoError('key-file-corrupt', { file, detail: `${bytes.length} bytes, not a Prüfstand key file` });
    }
    if (bytes[MAGIC.length] !== VERSION) throw new CryptoError('key-file-corrupt', { file, detail: `version ${bytes[MAGIC.length]}` });
    return DataKey.fromBytes('key-file', bytes.subarray(MAGIC.length + 1));
  } finally {
    bytes.fill(0);
  }
}

function withFileBytes(key: DataKey, write: (bytes: Buffer) => void): void {
  const bytes = Buffer.alloc(FILE_BYTES);
  try {
    MAGIC.copy(bytes, 0);
    bytes[MAGIC.length] = VERSION;
    key.bytes().copy(bytes, MAGIC.length + 1);
    write(bytes);
  } finally {
    bytes.fill(0);
  }
}

/** Creates a key file (0600); an existing file is never replaced (`key-file-exists`). */
export function createKeyFile(file: string, key: DataKey): void {
  withFileBytes(key, (bytes) => createFileExclusive(file, bytes, () => new CryptoError('key-file-exists', { file })));
}

/** Writes a key file (0600), replacing one that is there, in one step. */
export function replaceKeyFile(file: string, key: DataKey): void {
  withFileBytes(key, (bytes) => writeFileAtomic(file, bytes));
}
