// Key material: 32-byte keys in buffers of their own (Buffer.alloc, never the shared pool) that can be wiped, and
// the subkeys derived from them with HKDF. A data key is never used directly: each use has its own subkey, so a
// wrapping, a blob, a text field and a lookup hash never share key bytes.
import { createHash, hkdfSync, randomFillSync } from 'node:crypto';
import { CryptoError } from './errors';

export const KEY_BYTES = 32;
export const KEY_ID_BYTES = 8;

/** What a key is for: the hierarchy (workstation → client → run) and the two keys that protect the workstation key. */
export type KeyKind = 'workstation' | 'client' | 'run' | 'key-file' | 'passphrase';
export const SUBKEY_PURPOSES = ['wrap', 'blobs', 'texts', 'lookup'] as const;
export type SubkeyPurpose = (typeof SUBKEY_PURPOSES)[number];

/**
 * The key's name: the first 8 bytes of SHA-256 over a label and the key, as hex. The label keeps the id apart from
 * any other hash of the same bytes; 64 bits of a hash tell nothing about a random 256-bit key.
 */
export function keyIdOf(bytes: Buffer): string {
  return createHash('sha256').update('pruefstand key id v1\0').update(bytes).digest().subarray(0, KEY_ID_BYTES).toString('hex');
}

export const KEY_ID_PATTERN = /^[0-9a-f]{16}$/;

class Material {
  #bytes: Buffer | null;
  constructor(
    bytes: Buffer,
    readonly id: string,
  ) {
    this.#bytes = bytes;
  }
  /** The live bytes, for the primitives of this folder only; never keep, log or copy them. */
  bytes(): Buffer {
    if (this.#bytes === null) throw new CryptoError('key-destroyed', { actual: this.id });
    return this.#bytes;
  }
  get destroyed(): boolean {
    return this.#bytes === null;
  }
  destroy(): void {
    this.#bytes?.fill(0);
    this.#bytes = null;
  }
}

/**
 * A key derived from a data key for one purpose. It carries its data key's id: an envelope names the data key to
 * look up (a run's key, a client's key), and the purpose follows from where the envelope is kept.
 */
export class Subkey extends Material {
  constructor(
    bytes: Buffer,
    id: string,
    readonly purpose: SubkeyPurpose,
  ) {
    super(bytes, id);
  }
}

export class DataKey extends Material {
  readonly #subkeys = new Map<SubkeyPurpose, Subkey>();

  private constructor(
    readonly kind: KeyKind,
    bytes: Buffer,
  ) {
    super(bytes, keyIdOf(bytes));
  }

  /** A new random key. */
  static generate(kind: KeyKind): DataKey {
    const bytes = Buffer.alloc(KEY_BYTES);
    randomFillSync(bytes);
    return new DataKey(kind, bytes);
  }

  /** A key from bytes (copied: the caller wipes its own buffer). */
  static fromBytes(kind: KeyKind, source: Buffer): DataKey {
    if (source.length !== KEY_BYTES) throw new CryptoError('invalid-argument', { detail: `a key has ${KEY_BYTES} bytes, not ${source.length}` });
    const bytes = Buffer.alloc(KEY_BYTES);
    source.copy(bytes);
    return new DataKey(kind, bytes);
  }

  /** The subkey for one purpose (HKDF-SHA-256, info names kind and purpose); kept until the key is destroyed. */
  subkey(purpose: SubkeyPurpose): Subkey {
    const known = this.#subkeys.get(purpose);
    if (known !== undefined) return known;
    const derived = Buffer.from(hkdfSync('sha256', this.bytes(), Buffer.alloc(0), `pruefstand/v1/${this.kind}/${purpose}`, KEY_BYTES));
    const subkey = new Subkey(derived, this.id, purpose);
    this.#subkeys.set(purpose, subkey);
    return subkey;
  }

  /** Wipes the key and every subkey taken from it; any later use throws CryptoError('key-destroyed'). */
  override destroy(): void {
    for (const subkey of this.#subkeys.values()) subkey.destroy();
    this.#subkeys.clear();
    super.destroy();
  }
}
