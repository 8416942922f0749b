// The keyring a store opens with (core/crypto): `<db>.keyring` when there is one; otherwise a new one unlocked by
// the key file `<db>.key`, but only while the store holds no encrypted data (else the keyring was lost: refuse).
// A keyring that does not unlock leaves the store unopened and every file as it was.
import { createKeyring, CryptoError, cryptoErrorText, keyFilePath, keyringExists, keyringPath, openKeyring, type Keyring, type OpenKeyringOptions } from '../crypto';
import type { Db } from './db';
import { StoreError } from './errors';
import { storeKeyError } from './key-texts';
import { hasEncryptedData } from './run-keys';

export type StoreKeyOptions = OpenKeyringOptions;

const refused = (file: string, err: unknown): StoreError =>
  err instanceof CryptoError ? storeKeyError('locked', 'keyring-unlock', { file, reason: (lang) => cryptoErrorText(err, lang) }, err) : (err as StoreError);

/** Before the database is opened: the existing keyring, unlocked, or null when there is none yet. */
export function unlockExistingKeyring(dbFile: string, options: StoreKeyOptions): Keyring | null {
  if (!keyringExists(dbFile)) return null;
  try {
    return openKeyring(dbFile, options);
  } catch (err) {
    throw refused(dbFile, err);
  }
}

/** With the database open and no keyring beside it: a new keyring, or the refusal when encrypted data exists. */
export function createStoreKeyring(db: Db, dbFile: string): Keyring {
  if (hasEncryptedData(db)) {
    throw storeKeyError('locked', 'keyring-missing', { file: dbFile, keyring: keyringPath(dbFile), keyFile: keyFilePath(dbFile) });
  }
  try {
    return createKeyring(dbFile, [{ method: 'keyfile' }]);
  } catch (err) {
    throw refused(dbFile, err);
  }
}
