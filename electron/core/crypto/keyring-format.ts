// The keyring file `<db>.keyring`: JSON holding one or more wrappings of the SAME workstation key, one per way of
// unlocking it, and during a rotation the next key (wrapped by the current one) with its wrappings made in advance.
// Only wrapped keys are in it, never a key in the clear.
import { UNLOCK_METHODS, CryptoError, type UnlockMethod } from './errors';
import { scryptParamsProblem, type ScryptParams } from './passphrase';
import { KEY_ID_PATTERN } from './secret-key';

export const KEYRING_FORMAT = 'pruefstand-keyring';
export const KEYRING_VERSION = 1;

export type Wrapping =
  | { method: 'keyfile'; keyFileId: string; wrapped: string }
  | { method: 'passphrase'; kdf: ScryptParams; wrapped: string }
  | { method: 'os-keychain'; protector: string; blob: string };

export interface PendingRotation {
  keyId: string;
  /** The next workstation key, wrapped by the current one. */
  wrapped: string;
  /** The next key's wrappings, which replace the current ones when the rotation ends. */
  wrappings: Wrapping[];
}

export interface KeyringData {
  format: typeof KEYRING_FORMAT;
  version: typeof KEYRING_VERSION;
  keyId: string;
  wrappings: Wrapping[];
  next?: PendingRotation;
}

export const keyringPath = (dbFile: string): string => `${dbFile}.keyring`;

type Problem = string;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEnvelopeText = (v: unknown): v is string => typeof v === 'string' && /^ps\d+:[A-Za-z0-9_-]+$/.test(v);

function wrappingProblem(w: unknown, at: string): Problem | null {
  if (!isObject(w) || !UNLOCK_METHODS.includes(w.method as UnlockMethod)) return `${at}.method is not one of ${UNLOCK_METHODS.join(', ')}`;
  switch (w.method as UnlockMethod) {
    case 'keyfile':
      if (typeof w.keyFileId !== 'string' || !KEY_ID_PATTERN.test(w.keyFileId)) return `${at}.keyFileId is no key id`;
      return isEnvelopeText(w.wrapped) ? null : `${at}.wrapped is no envelope`;
    case 'passphrase': {
      const kdf = scryptParamsProblem(w.kdf);
      if (kdf !== null) return `${at}: ${kdf}`;
      return isEnvelopeText(w.wrapped) ? null : `${at}.wrapped is no envelope`;
    }
    case 'os-keychain':
      if (typeof w.protector !== 'string' || w.protector.length === 0) return `${at}.protector is missing`;
      return typeof w.blob === 'string' && /^[A-Za-z0-9+/]+=*$/.test(w.blob) ? null : `${at}.blob is no base64`;
  }
}

function wrappingsProblem(list: unknown, at: string): Problem | null {
  if (!Array.isArray(list) || list.length === 0) return `${at} is not a non-empty list`;
  const seen = new Set<unknown>();
  for (const [i, w] of list.entries()) {
    const problem = wrappingProblem(w, `${at}[${i}]`);
    if (problem !== null) return problem;
    const method = (w as Wrapping).method;
    if (seen.has(method)) return `${at} has "${method}" twice`;
    seen.add(method);
  }
  return null;
}

function keyringProblem(data: unknown): Problem | null {
  if (!isObject(data) || data.format !== KEYRING_FORMAT) return `not a ${KEYRING_FORMAT} file`;
  if (data.version !== KEYRING_VERSION) {
    return typeof data.version === 'number' && data.version > KEYRING_VERSION
      ? `version ${data.version} is newer than this Prüfstand: update it`
      : `version ${String(data.version)} is unknown`;
  }
  if (typeof data.keyId !== 'string' || !KEY_ID_PATTERN.test(data.keyId)) return 'keyId is no key id';
  const wrappings = wrappingsProblem(data.wrappings, 'wrappings');
  if (wrappings !== null) return wrappings;
  if (data.next === undefined) return null;
  if (!isObject(data.next)) return 'next is no object';
  if (typeof data.next.keyId !== 'string' || !KEY_ID_PATTERN.test(data.next.keyId)) return 'next.keyId is no key id';
  if (!isEnvelopeText(data.next.wrapped)) return 'next.wrapped is no envelope';
  return wrappingsProblem(data.next.wrappings, 'next.wrappings');
}

/** The keyring in `text`, checked field by field; anything else is `keyring-corrupt` naming the field. */
export function parseKeyring(file: string, text: string): KeyringData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new CryptoError('keyring-corrupt', { file, detail: 'not JSON' });
  }
  const problem = keyringProblem(data);
  if (problem !== null) throw new CryptoError('keyring-corrupt', { file, detail: problem });
  return data as KeyringData;
}

export function serializeKeyring(data: KeyringData): Buffer {
  return Buffer.from(`${JSON.stringify(data, null, 2)}\n`, 'utf8');
}
