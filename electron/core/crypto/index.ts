// The public surface of core/crypto: envelopes, the key hierarchy and the keyring. See README.md.
export {
  envelopeFromText,
  envelopeKeyId,
  envelopeToText,
  ENVELOPE_OVERHEAD,
  isEnvelope,
  lookupHash,
  open,
  openText,
  seal,
  sealText,
  TEXT_PREFIX,
  type AssociatedData,
} from './aead';
export { CryptoError, cryptoErrorText, needsPassphrase, UNLOCK_METHODS, type CryptoErrorCode, type UnlockFailure, type UnlockMethod } from './errors';
export { keyFilePath, nextKeyFilePath } from './key-file';
export { keyringPath } from './keyring-format';
export { createKeyring, keyringExists, openKeyring, type Keyring, type OpenKeyringOptions } from './keyring';
export type { Rewrap, RotateOptions } from './keyring-rotate';
export type { MethodSpec } from './keyring-wrappings';
export {
  blobKey,
  createClientKey,
  createRunKey,
  createWorkstationKey,
  lookupKey,
  rewrapClientKey,
  textKey,
  unwrapClientKey,
  unwrapRunKey,
  wrapClientKey,
  wrappedKeyId,
  wrapRunKey,
} from './keys';
export { MIN_SCRYPT_N } from './passphrase';
export type { KeyProtector } from './protector';
export { DataKey, keyIdOf, Subkey, type KeyKind, type SubkeyPurpose } from './secret-key';
