// How the operating system's keychain plugs in (method "os-keychain"). The app passes one backed by Electron's
// safeStorage (electron/main/safe-storage-protector.ts); the CLI has none. What it returns is opaque to the keyring.
import type { CryptoError } from './errors';

export interface KeyProtector {
  /** Names the protector in the keyring ("electron-safe-storage"); a wrapping is only handed to a protector of that id. */
  readonly id: string;
  /** Whether it can protect and unprotect now (a keychain exists and really encrypts). */
  available(): boolean;
  /** Why it is not available, as the error to show (keychain-unavailable or keychain-insecure). */
  whyUnavailable?(): CryptoError;
  /** Encrypts bytes for this OS user. */
  protect(bytes: Buffer): Buffer;
  /** Decrypts what protect returned; throws when it cannot (another user, another computer). */
  unprotect(blob: Buffer): Buffer;
}
