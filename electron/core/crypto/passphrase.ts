// The key a passphrase stands for (method "passphrase"): scrypt with a random salt; the parameters are kept in the
// keyring beside the wrapping, so they can be raised later without breaking older keyrings.
import { randomBytes, scryptSync } from 'node:crypto';
import { CryptoError } from './errors';
import { DataKey, KEY_BYTES } from './secret-key';

export interface ScryptParams {
  name: 'scrypt';
  N: number;
  r: number;
  p: number;
  /** base64url, at least 16 bytes. */
  salt: string;
}

export const MIN_SCRYPT_N = 2 ** 15;
const MAX_SCRYPT_N = 2 ** 20;
const SALT_BYTES = 16;

/** Fresh parameters: N 2^15 (or more), r 8, p 1, a new random salt. */
export function newScryptParams(N: number = MIN_SCRYPT_N): ScryptParams {
  const params: ScryptParams = { name: 'scrypt', N, r: 8, p: 1, salt: randomBytes(SALT_BYTES).toString('base64url') };
  const problem = scryptParamsProblem(params);
  if (problem !== null) throw new CryptoError('invalid-argument', { detail: problem });
  return params;
}

const isPowerOfTwo = (n: number): boolean => Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;

/** Why stored parameters cannot be used (too weak, or so costly that they only serve to hang the app), or null. */
export function scryptParamsProblem(value: unknown): string | null {
  const v = value as Partial<ScryptParams> | null;
  if (typeof v !== 'object' || v === null || v.name !== 'scrypt') return 'kdf is not scrypt';
  if (typeof v.N !== 'number' || !isPowerOfTwo(v.N) || v.N < MIN_SCRYPT_N || v.N > MAX_SCRYPT_N) return `kdf.N must be a power of 2 from 2^15 to 2^20`;
  if (typeof v.r !== 'number' || !Number.isInteger(v.r) || v.r < 8 || v.r > 32) return 'kdf.r must be 8 to 32';
  if (typeof v.p !== 'number' || !Number.isInteger(v.p) || v.p < 1 || v.p > 4) return 'kdf.p must be 1 to 4';
  if (typeof v.salt !== 'string' || !/^[A-Za-z0-9_-]+$/.test(v.salt) || Buffer.from(v.salt, 'base64url').length < SALT_BYTES) return 'kdf.salt must be 16 or more bytes, base64url';
  return null;
}

/** The key `passphrase` stands for under `params` (NFC-normalised, so the same passphrase typed on any system matches). */
export function passphraseKey(passphrase: string, params: ScryptParams): DataKey {
  if (passphrase.length === 0) throw new CryptoError('passphrase-empty');
  const derived = scryptSync(passphrase.normalize('NFC'), Buffer.from(params.salt, 'base64url'), KEY_BYTES, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r,
  });
  try {
    return DataKey.fromBytes('passphrase', derived);
  } finally {
    derived.fill(0);
  }
}
