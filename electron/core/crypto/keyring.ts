// Where the workstation key lives: `<db>.keyring` beside the store, unlocked by the OS keychain, the key file
// `<db>.key` or a passphrase. Opening only reads; a failed unlock leaves every file as it was.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createFileExclusive, fsyncDir, renameDurable, writeFileAtomic } from './atomic-file';
import { CryptoError, ioError, UNLOCK_METHODS, type UnlockFailure, type UnlockMethod } from './errors';
import { createKeyFile, keyFilePath, nextKeyFilePath } from './key-file';
import { KEYRING_FORMAT, KEYRING_VERSION, keyringPath, parseKeyring, serializeKeyring, type KeyringData, type Wrapping } from './keyring-format';
import { rotate, type Rewrap, type RotateOptions, type RotationTarget } from './keyring-rotate';
import { makeWrapping, nextBinding, unlockWith, type MethodSpec, type UnlockInputs } from './keyring-wrappings';
import { createWorkstationKey, unwrapKey } from './keys';
import type { KeyProtector } from './protector';
import type { DataKey } from './secret-key';
import path from 'node:path';

export interface OpenKeyringOptions {
  /** The OS keychain (the app's safeStorage); tried first. */
  protector?: KeyProtector;
  /** Tried last (the CLI reads it from PRUEFSTAND_PASSPHRASE or a prompt). */
  passphrase?: string;
}

export interface Keyring {
  readonly file: string;
  /** The id of the workstation key (changes with rotateWorkstationKey). */
  readonly keyId: string;
  /** The method that unlocked it, and the ones tried before that did not (e.g. a key file with mode 0644). */
  readonly unlockedBy: UnlockMethod;
  readonly skipped: readonly UnlockFailure[];
  /** A rotation stopped half way: both keys are available through keyById until rotateWorkstationKey runs again. */
  readonly rotationPending: boolean;
  methods(): UnlockMethod[];
  /** The workstation key: wraps client keys (keys.ts wrapClientKey). Wiped by close(). */
  workstationKey(): DataKey;
  /** The workstation key a wrapped client key names (keys.ts wrappedKeyId): the current one, or the next one. */
  keyById(id: string): DataKey | undefined;
  /** Adds a way to unlock; an existing passphrase or keychain wrapping is replaced, a key file never. */
  addMethod(spec: MethodSpec): void;
  /** Removes a way to unlock (the last one cannot be removed); removing "keyfile" deletes `<db>.key`. */
  removeMethod(method: UnlockMethod): void;
  /** Replaces the workstation key; `rewrap` rewraps the caller's client keys in between. See keyring-rotate.ts. */
  rotateWorkstationKey(rewrap: Rewrap, options?: RotateOptions): void;
  close(): void;
}

export const keyringExists = (dbFile: string): boolean => existsSync(keyringPath(dbFile));

const byUnlockOrder = (a: Wrapping, b: Wrapping): number => UNLOCK_METHODS.indexOf(a.method) - UNLOCK_METHODS.indexOf(b.method);

class OpenKeyring implements Keyring, RotationTarget {
  readonly file: string;
  readonly keyFile: string;
  readonly nextKeyFile: string;
  next: DataKey | null = null;

  constructor(
    dbFile: string,
    public data: KeyringData,
    public current: DataKey,
    public protector: KeyProtector | undefined,
    readonly unlockedBy: UnlockMethod,
    readonly skipped: readonly UnlockFailure[],
  ) {
    this.file = keyringPath(dbFile);
    this.keyFile = keyFilePath(dbFile);
    this.nextKeyFile = nextKeyFilePath(dbFile);
  }

  get keyId(): string {
    return this.current.id;
  }
  get rotationPending(): boolean {
    return this.data.next !== undefined;
  }
  methods(): UnlockMethod[] {
    return [...this.data.wrappings].sort(byUnlockOrder).map((w) => w.method);
  }
  workstationKey(): DataKey {
    this.current.bytes(); // throws once closed
    return this.current;
  }
  keyById(id: string): DataKey | undefined {
    return [this.current, this.next].find((k) => k !== null && !k.destroyed && k.id === id) ?? undefined;
  }

  write(data: KeyringData): void {
    writeFileAtomic(this.file, serializeKeyring(data));
    this.data = data;
  }

  private refuseDuringRotation(): void {
    if (this.rotationPending) throw new CryptoError('rotation-pending');
  }

  addMethod(spec: MethodSpec): void {
    this.refuseDuringRotation();
    const existing = this.data.wrappings.some((w) => w.method === spec.method);
    if (existing && spec.method === 'keyfile') throw new CryptoError('method-exists', { method: spec.method });
    const made = makeWrapping(spec, this.workstationKey());
    const others = this.data.wrappings.filter((w) => w.method !== spec.method);
    try {
      if (made.keyFileKey !== undefined) createKeyFile(this.keyFile, made.keyFileKey);
      try {
        this.write({ ...this.data, wrappings: [...others, made.wrapping].sort(byUnlockOrder) });
      } catch (err) {
        if (made.keyFileKey !== undefined) rmSync(this.keyFile, { force: true }); // ours, written a moment ago
        throw err;
      }
    } finally {
      made.keyFileKey?.destroy();
    }
    if (spec.method === 'os-keychain') this.protector = spec.protector;
  }

  removeMethod(method: UnlockMethod): void {
    this.refuseDuringRotation();
    if (!this.data.wrappings.some((w) => w.method === method)) throw new CryptoError('method-missing', { method });
    if (this.data.wrappings.length === 1) throw new CryptoError('last-method');
    this.write({ ...this.data, wrappings: this.data.wrappings.filter((w) => w.method !== method) });
    if (method === 'keyfile') {
      try {
        rmSync(this.keyFile, { force: true });
        fsyncDir(path.dirname(this.keyFile));
      } catch (err) {
        throw ioError(this.keyFile, err);
      }
    }
  }

  rotateWorkstationKey(rewrap: Rewrap, options?: RotateOptions): void {
    this.workstationKey();
    rotate(this, rewrap, options);
  }

  close(): void {
    this.current.destroy();
    this.next?.destroy();
  }
}

function readKeyringFile(file: string): KeyringData {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new CryptoError('keyring-missing', { file });
    throw ioError(file, err);
  }
  return parseKeyring(file, text);
}

/**
 * Opens `<db>.keyring` with the first method that works: os-keychain, then keyfile, then passphrase. Throws
 * `keyring-missing` when there is none (the store decides whether that is fine: no encrypted data yet), the one
 * method's error, or `locked` listing each method's. Nothing is written, except finishing a rotation's last rename.
 */
export function openKeyring(dbFile: string, options: OpenKeyringOptions = {}): Keyring {
  const file = keyringPath(dbFile);
  const data = readKeyringFile(file);
  const inputs: UnlockInputs = { keyringFile: file, keyFile: keyFilePath(dbFile), nextKeyFile: nextKeyFilePath(dbFile), ...options };
  const failures: UnlockFailure[] = [];
  for (const wrapping of [...data.wrappings].sort(byUnlockOrder)) {
    let unlocked;
    try {
      unlocked = unlockWith(wrapping, data.keyId, inputs);
    } catch (err) {
      if (!(err instanceof CryptoError)) throw err;
      failures.push({ method: wrapping.method, error: err });
      continue;
    }
    const ring = new OpenKeyring(dbFile, data, unlocked.key, options.protector, wrapping.method, failures);
    if (data.next !== undefined) {
      try {
        ring.next = unwrapKey(unlocked.key, data.next.wrapped, 'workstation', nextBinding(data.next.keyId));
      } catch (err) {
        ring.close();
        throw new CryptoError('keyring-corrupt', { file, detail: 'next.wrapped does not open' }, { cause: err });
      }
    } else if (unlocked.fromNextKeyFile) {
      renameDurable(ring.nextKeyFile, ring.keyFile); // a rotation stopped before its last step
    }
    return ring;
  }
  if (failures.length === 1) throw (failures[0] as UnlockFailure).error;
  throw new CryptoError('locked', { file }, { attempts: failures });
}

/**
 * Creates the keyring with a new workstation key and the given ways to unlock it. Refuses when a keyring (or, for
 * "keyfile", a key file) exists already: those are never overwritten.
 */
export function createKeyring(dbFile: string, methods: readonly MethodSpec[]): Keyring {
  const file = keyringPath(dbFile);
  if (existsSync(file)) throw new CryptoError('keyring-exists', { file });
  if (methods.length === 0) throw new CryptoError('invalid-argument', { detail: 'a keyring needs at least one way to unlock it' });
  const names = methods.map((m) => m.method);
  const twice = names.find((m, i) => names.indexOf(m) !== i);
  if (twice !== undefined) throw new CryptoError('method-exists', { method: twice });

  const key = createWorkstationKey();
  const made = [];
  try {
    for (const spec of methods) made.push(makeWrapping(spec, key));
    const keyFileKey = made.find((m) => m.keyFileKey !== undefined)?.keyFileKey;
    const data: KeyringData = { format: KEYRING_FORMAT, version: KEYRING_VERSION, keyId: key.id, wrappings: made.map((m) => m.wrapping).sort(byUnlockOrder) };
    if (keyFileKey !== undefined) createKeyFile(keyFilePath(dbFile), keyFileKey);
    try {
      createFileExclusive(file, serializeKeyring(data), () => new CryptoError('keyring-exists', { file }));
    } catch (err) {
      if (keyFileKey !== undefined) rmSync(keyFilePath(dbFile), { force: true }); // ours, written a moment ago
      throw err;
    }
    const protector = methods.find((m) => m.method === 'os-keychain')?.protector;
    return new OpenKeyring(dbFile, data, key, protector, (data.wrappings[0] as Wrapping).method, []);
  } catch (err) {
    key.destroy();
    throw err;
  } finally {
    for (const m of made) m.keyFileKey?.destroy();
  }
}
