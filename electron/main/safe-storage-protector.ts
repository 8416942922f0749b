// The OS keychain for the keyring (core/crypto, method "os-keychain"), through Electron's safeStorage: Keychain on
// macOS, DPAPI on Windows, libsecret or KWallet on Linux. On Linux without a keyring safeStorage falls back to
// 'basic_text', a fixed key in the binary: that is no protection, so it is refused rather than used.
// safeStorage works only once the app is ready.
import { safeStorage } from 'electron';
import { CryptoError, type KeyProtector } from '../core/crypto';

export const SAFE_STORAGE_PROTECTOR_ID = 'electron-safe-storage';

/** Why safeStorage must not be used now, or null when it may. */
function refusal(platform: NodeJS.Platform): CryptoError | null {
  if (!safeStorage.isEncryptionAvailable()) return new CryptoError('keychain-unavailable', { protector: SAFE_STORAGE_PROTECTOR_ID });
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (backend === 'basic_text') return new CryptoError('keychain-insecure', { backend });
  }
  return null;
}

function usable(platform: NodeJS.Platform): void {
  const refused = refusal(platform);
  if (refused !== null) throw refused;
}

/** safeStorage as a KeyProtector. The key travels as base64 text, the only form encryptString takes. */
export function safeStorageProtector(platform: NodeJS.Platform = process.platform): KeyProtector {
  return {
    id: SAFE_STORAGE_PROTECTOR_ID,
    available: () => refusal(platform) === null,
    whyUnavailable: () => refusal(platform) ?? new CryptoError('keychain-unavailable', { protector: SAFE_STORAGE_PROTECTOR_ID }),
    protect(bytes) {
      usable(platform);
      return safeStorage.encryptString(bytes.toString('base64'));
    },
    unprotect(blob) {
      usable(platform);
      return Buffer.from(safeStorage.decryptString(blob), 'base64');
    },
  };
}
