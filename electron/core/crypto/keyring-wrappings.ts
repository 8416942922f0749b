// Making and opening the keyring's wrappings of the workstation key, one way per method. Opening only reads files.
import { existsSync } from 'node:fs';
import { envelopeKeyId } from './aead';
import { CryptoError, type UnlockMethod } from './errors';
import { readKeyFile } from './key-file';
import type { Wrapping } from './keyring-format';
import { unwrapKey, wrapKey } from './keys';
import { newScryptParams, passphraseKey } from './passphrase';
import type { KeyProtector } from './protector';
import { DataKey, KEY_BYTES, keyIdOf } from './secret-key';

/** A way of unlocking to add to a keyring. */
export type MethodSpec =
  | { method: 'keyfile' }
  | { method: 'passphrase'; passphrase: string; /** scrypt N, 2^15 by default */ N?: number }
  | { method: 'os-keychain'; protector: KeyProtector };

export interface MadeWrapping {
  wrapping: Wrapping;
  /** For "keyfile": the key to write into the key file before the keyring names it; the caller destroys it. */
  keyFileKey?: DataKey;
}

const binding = (method: UnlockMethod, keyId: string): string => `keyring/${method}/${keyId}`;
export const nextBinding = (keyId: string): string => `keyring/next/${keyId}`;

export function unavailable(protector: KeyProtector): CryptoError {
  return protector.whyUnavailable?.() ?? new CryptoError('keychain-unavailable', { protector: protector.id });
}

/** Wraps the workstation key `key` for one method. */
export function makeWrapping(spec: MethodSpec, key: DataKey): MadeWrapping {
  switch (spec.method) {
    case 'keyfile': {
      const keyFileKey = DataKey.generate('key-file');
      return { wrapping: { method: 'keyfile', keyFileId: keyFileKey.id, wrapped: wrapKey(keyFileKey, key, binding('keyfile', key.id)) }, keyFileKey };
    }
    case 'passphrase': {
      const kdf = newScryptParams(spec.N);
      const kek = passphraseKey(spec.passphrase, kdf);
      try {
        return { wrapping: { method: 'passphrase', kdf, wrapped: wrapKey(kek, key, binding('passphrase', key.id)) } };
      } finally {
        kek.destroy();
      }
    }
    case 'os-keychain': {
      if (!spec.protector.available()) throw unavailable(spec.protector);
      const blob = spec.protector.protect(key.bytes());
      return { wrapping: { method: 'os-keychain', protector: spec.protector.id, blob: blob.toString('base64') } };
    }
  }
}

export interface UnlockInputs {
  keyringFile: string;
  keyFile: string;
  nextKeyFile: string;
  protector?: KeyProtector;
  passphrase?: string;
}

export interface Unlocked {
  key: DataKey;
  /** The key file that held the right key was `<db>.key.next` (a rotation stopped before its last rename). */
  fromNextKeyFile: boolean;
}

function damaged(inputs: UnlockInputs, method: UnlockMethod, cause: unknown): CryptoError {
  return new CryptoError('keyring-corrupt', { file: inputs.keyringFile, detail: `the ${method} wrapping does not open` }, { cause });
}

function openWith(kek: DataKey, w: Wrapping & { wrapped: string }, keyId: string, inputs: UnlockInputs): DataKey {
  let key: DataKey;
  try {
    key = unwrapKey(kek, w.wrapped, 'workstation', binding(w.method, keyId));
  } catch (err) {
    throw damaged(inputs, w.method, err);
  } finally {
    kek.destroy();
  }
  if (key.id !== keyId) {
    key.destroy();
    throw damaged(inputs, w.method, new Error(`the wrapping holds key ${key.id}, the keyring names ${keyId}`));
  }
  return key;
}

function sealedBy(w: Wrapping & { wrapped: string }, inputs: UnlockInputs): string {
  try {
    return envelopeKeyId(w.wrapped);
  } catch (err) {
    throw damaged(inputs, w.method, err);
  }
}

function keyFileKeyFor(w: Extract<Wrapping, { method: 'keyfile' }>, inputs: UnlockInputs): { kek: DataKey; fromNext: boolean } {
  let primary: CryptoError;
  try {
    const kek = readKeyFile(inputs.keyFile);
    if (kek.id === w.keyFileId) return { kek, fromNext: false };
    kek.destroy();
    primary = new CryptoError('key-file-mismatch', { file: inputs.keyFile });
  } catch (err) {
    if (!(err instanceof CryptoError) || !['key-file-missing', 'key-file-mismatch'].includes(err.code)) throw err;
    primary = err;
  }
  if (existsSync(inputs.nextKeyFile)) {
    const next = readKeyFile(inputs.nextKeyFile);
    if (next.id === w.keyFileId) return { kek: next, fromNext: true };
    next.destroy();
  }
  throw primary;
}

function unprotected(w: Extract<Wrapping, { method: 'os-keychain' }>, keyId: string, inputs: UnlockInputs): DataKey {
  const protector = inputs.protector;
  if (protector === undefined || protector.id !== w.protector) throw new CryptoError('keychain-unavailable', { protector: w.protector });
  if (!protector.available()) throw unavailable(protector);
  let bytes: Buffer;
  try {
    bytes = protector.unprotect(Buffer.from(w.blob, 'base64'));
  } catch (err) {
    throw new CryptoError('keychain-refused', {}, { cause: err });
  }
  try {
    if (bytes.length !== KEY_BYTES || keyIdOf(bytes) !== keyId) throw new CryptoError('keychain-refused');
    return DataKey.fromBytes('workstation', bytes);
  } finally {
    bytes.fill(0);
  }
}

/** The workstation key `keyId` from one wrapping; a CryptoError saying what to do when it does not open. */
export function unlockWith(w: Wrapping, keyId: string, inputs: UnlockInputs): Unlocked {
  switch (w.method) {
    case 'os-keychain':
      return { key: unprotected(w, keyId, inputs), fromNextKeyFile: false };
    case 'keyfile': {
      const { kek, fromNext } = keyFileKeyFor(w, inputs);
      return { key: openWith(kek, w, keyId, inputs), fromNextKeyFile: fromNext };
    }
    case 'passphrase': {
      if (inputs.passphrase === undefined) throw new CryptoError('passphrase-needed');
      const sealer = sealedBy(w, inputs);
      const kek = passphraseKey(inputs.passphrase, w.kdf);
      // The wrapping names the key that sealed it: another passphrase gives another key (id), whatever it is.
      if (kek.id !== sealer) {
        kek.destroy();
        throw new CryptoError('wrong-passphrase');
      }
      return { key: openWith(kek, w, keyId, inputs), fromNextKeyFile: false };
    }
  }
}
