// The key hierarchy: the workstation key (kept in the keyring) wraps one key per client; a client's key wraps one key
// per run. Deleting a client's wrapped key shreds everything under it; deleting a run's wrapped key shreds the run.
// Wrapped keys are text envelopes ("ps1:…") for TEXT columns, bound to what they belong to (the client's or run's
// reference), so a wrapped key copied to another row does not open.
import { envelopeKeyId, open, envelopeFromText, envelopeToText, seal } from './aead';
import { CryptoError } from './errors';
import { DataKey, type KeyKind, type Subkey } from './secret-key';

export const createWorkstationKey = (): DataKey => DataKey.generate('workstation');
export const createClientKey = (): DataKey => DataKey.generate('client');
export const createRunKey = (): DataKey => DataKey.generate('run');

/** The subkey that seals evidence blobs (binary envelopes). */
export const blobKey = (key: DataKey): Subkey => key.subkey('blobs');
/** The subkey that seals text fields (text envelopes). */
export const textKey = (key: DataKey): Subkey => key.subkey('texts');
/** The subkey for lookup hashes (aead.ts lookupHash). */
export const lookupKey = (key: DataKey): Subkey => key.subkey('lookup');

const PARENT_OF: Partial<Record<KeyKind, KeyKind>> = { client: 'workstation', run: 'client' };

function bindingOf(kind: KeyKind, binding: string): string {
  if (binding.length === 0) throw new CryptoError('invalid-argument', { detail: 'a wrapped key is bound to a non-empty reference' });
  return `pruefstand/wrap/v1/${kind}/${binding}`;
}

function expectKind(key: DataKey, kind: KeyKind, role: string): void {
  if (key.kind !== kind) throw new CryptoError('invalid-argument', { detail: `${role} must be a ${kind} key, not a ${key.kind} key` });
}

/** Wraps `key` under `wrapping` (its wrap subkey), bound to `binding`. Any kinds; the typed helpers below check them. */
export function wrapKey(wrapping: DataKey, key: DataKey, binding: string): string {
  return envelopeToText(seal(wrapping.subkey('wrap'), key.bytes(), bindingOf(key.kind, binding)));
}

/** Unwraps a key wrapped by wrapKey; the same wrapping key, kind and binding are needed. */
export function unwrapKey(wrapping: DataKey, wrapped: string, kind: KeyKind, binding: string): DataKey {
  const bytes = open(wrapping.subkey('wrap'), envelopeFromText(wrapped), bindingOf(kind, binding));
  try {
    return DataKey.fromBytes(kind, bytes);
  } finally {
    bytes.fill(0);
  }
}

/** The id of the key that wrapped `wrapped` (during a rotation: the old or the new workstation key). */
export const wrappedKeyId = (wrapped: string): string => envelopeKeyId(wrapped);

function typedWrap(kind: 'client' | 'run') {
  const parent = PARENT_OF[kind] as KeyKind;
  return {
    wrap(wrapping: DataKey, key: DataKey, ref: string): string {
      expectKind(wrapping, parent, 'the wrapping key');
      expectKind(key, kind, 'the wrapped key');
      return wrapKey(wrapping, key, ref);
    },
    unwrap(wrapping: DataKey, wrapped: string, ref: string): DataKey {
      expectKind(wrapping, parent, 'the wrapping key');
      return unwrapKey(wrapping, wrapped, kind, ref);
    },
    /** The same key wrapped under `next` instead of `previous`; unchanged if `next` wrapped it already. */
    rewrap(previous: DataKey, next: DataKey, wrapped: string, ref: string): string {
      expectKind(next, parent, 'the new wrapping key');
      if (wrappedKeyId(wrapped) === next.id) return wrapped;
      const key = unwrapKey(previous, wrapped, kind, ref);
      try {
        return wrapKey(next, key, ref);
      } finally {
        key.destroy();
      }
    },
  };
}

const CLIENT = typedWrap('client');
const RUN = typedWrap('run');

/** A client's key wrapped by the workstation key, bound to `clientRef` (e.g. the client's id or uuid). */
export const wrapClientKey = CLIENT.wrap;
export const unwrapClientKey = CLIENT.unwrap;
/** For rotateWorkstationKey's rewrap callback: idempotent, so an interrupted rotation can simply run again. */
export const rewrapClientKey = CLIENT.rewrap;
/** A run's key wrapped by its client's key, bound to `runRef`. */
export const wrapRunKey = RUN.wrap;
export const unwrapRunKey = RUN.unwrap;
