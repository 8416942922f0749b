// Replacing the workstation key (after a client is deleted: old backups of the database, with that client's wrapped
// key, must not open with the key material left on this machine). Every step leaves files that open:
//   1. the next key file `<db>.key.next` (if the keyring has a key file): a stray file, nothing reads it yet;
//   2. the keyring with `next` (the new key wrapped by the current one, and its wrappings): both keys are available;
//   3. rewrap(old, new): the caller rewraps every client key in its database (in one transaction, idempotently);
//   4. the keyring with only the new key's wrappings: the old key is no longer in any file;
//   5. `<db>.key.next` renamed over `<db>.key`: the old key file is gone (a keyring at step 4 reads `.key.next`).
// A rotation that stops (a crash, a failing rewrap) is finished by calling rotateWorkstationKey again.
import { existsSync } from 'node:fs';
import { renameDurable } from './atomic-file';
import { CryptoError, type UnlockMethod } from './errors';
import { readKeyFile, replaceKeyFile } from './key-file';
import type { KeyringData, PendingRotation, Wrapping } from './keyring-format';
import { makeWrapping, nextBinding, unavailable, type MethodSpec } from './keyring-wrappings';
import { createWorkstationKey, wrapKey } from './keys';
import type { KeyProtector } from './protector';
import type { DataKey } from './secret-key';

/** Rewraps the caller's client keys from `oldKey` to `newKey` (keys.ts rewrapClientKey); may run twice. */
export type Rewrap = (oldKey: DataKey, newKey: DataKey) => void;

export interface RotateOptions {
  /** Needed when the keyring has a passphrase: the passphrase for the new key (a new one makes old keyring backups useless too). */
  passphrase?: string;
  /** The keychain for an "os-keychain" wrapping; by default the one the keyring was opened with. */
  protector?: KeyProtector;
}

/** What rotation needs of an open keyring. */
export interface RotationTarget {
  readonly keyFile: string;
  readonly nextKeyFile: string;
  data: KeyringData;
  current: DataKey;
  next: DataKey | null;
  protector: KeyProtector | undefined;
  write(data: KeyringData): void;
}

function specFor(method: Exclude<UnlockMethod, 'keyfile'>, options: RotateOptions, target: RotationTarget): MethodSpec {
  if (method === 'passphrase') {
    if (options.passphrase === undefined) throw new CryptoError('passphrase-needed');
    return { method, passphrase: options.passphrase };
  }
  const protector = options.protector ?? target.protector;
  if (protector === undefined) throw new CryptoError('keychain-unavailable', { protector: target.data.wrappings.find((w) => w.method === 'os-keychain')?.protector ?? 'os-keychain' });
  if (!protector.available()) throw unavailable(protector);
  return { method, protector };
}

/** Step 2's `next`, every wrapping but the key file's made in advance (so resuming needs no passphrase). */
function plan(target: RotationTarget, options: RotateOptions): { key: DataKey; pending: PendingRotation } {
  const specs = target.data.wrappings.flatMap((w) => (w.method === 'keyfile' ? [] : [specFor(w.method, options, target)]));
  const key = createWorkstationKey();
  try {
    const wrappings = target.data.wrappings.map((w): Wrapping => {
      if (w.method === 'keyfile') return w; // replaced by withNextKeyFile
      const spec = specs.find((s) => s.method === w.method) as MethodSpec;
      return makeWrapping(spec, key).wrapping;
    });
    return { key, pending: { keyId: key.id, wrapped: wrapKey(target.current, key, nextBinding(key.id)), wrappings } };
  } catch (err) {
    key.destroy();
    throw err;
  }
}

function nextKeyFileHolds(file: string, keyFileId: string): boolean {
  if (!existsSync(file)) return false;
  try {
    const key = readKeyFile(file);
    key.destroy();
    return key.id === keyFileId;
  } catch {
    return false;
  }
}

/** Step 1: the next key file, unless a stopped rotation left the right one. Returns whether `pending` changed. */
function withNextKeyFile(target: RotationTarget, key: DataKey, pending: PendingRotation, resuming: boolean): boolean {
  const index = pending.wrappings.findIndex((w) => w.method === 'keyfile');
  const planned = pending.wrappings[index];
  if (planned === undefined || planned.method !== 'keyfile') return false;
  if (resuming && nextKeyFileHolds(target.nextKeyFile, planned.keyFileId)) return false;
  const made = makeWrapping({ method: 'keyfile' }, key);
  try {
    replaceKeyFile(target.nextKeyFile, made.keyFileKey as DataKey);
  } finally {
    made.keyFileKey?.destroy();
  }
  pending.wrappings[index] = made.wrapping;
  return true;
}

/** Runs (or finishes) a rotation; on success `target.current` is the new key and the old one is wiped. */
export function rotate(target: RotationTarget, rewrap: Rewrap, options: RotateOptions = {}): void {
  const resuming = target.data.next !== undefined && target.next !== null;
  let key: DataKey;
  let pending: PendingRotation;
  if (resuming) {
    key = target.next as DataKey;
    pending = { ...(target.data.next as PendingRotation), wrappings: [...(target.data.next as PendingRotation).wrappings] };
  } else {
    ({ key, pending } = plan(target, options));
  }
  try {
    if (withNextKeyFile(target, key, pending, resuming) || !resuming) target.write({ ...target.data, next: pending });
  } catch (err) {
    if (!resuming) key.destroy();
    throw err;
  }
  target.next = key;

  rewrap(target.current, key);

  const { next: _done, ...rest } = target.data;
  target.write({ ...rest, keyId: key.id, wrappings: pending.wrappings });
  target.current.destroy();
  target.current = key;
  target.next = null;
  if (pending.wrappings.some((w) => w.method === 'keyfile')) renameDurable(target.nextKeyFile, target.keyFile);
}
