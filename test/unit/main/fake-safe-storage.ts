// A stand-in for Electron's safeStorage that really encrypts (AES-256-GCM under a secret of the "OS user"), so that
// a blob protected by one user does not decrypt for another, as with the real keychain. The real module cannot
// load here (no Electron binary); safe-storage-protector.test.ts installs this with vi.mock.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type StorageBackend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

export function makeFakeSafeStorage() {
  const state = {
    available: true,
    backend: 'gnome_libsecret' as StorageBackend,
    userSecret: randomBytes(32),
    /** Every string handed to encryptString, to check what the protector passes. */
    encrypted: [] as string[],
  };
  const safeStorage = {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString(plain: string): Buffer {
      if (!state.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
      state.encrypted.push(plain);
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', state.userSecret, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from('v11'), iv, body, cipher.getAuthTag()]);
    },
    decryptString(blob: Buffer): string {
      if (!state.available) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString. Decryption is not available.');
      try {
        const decipher = createDecipheriv('aes-256-gcm', state.userSecret, blob.subarray(3, 15));
        decipher.setAuthTag(blob.subarray(blob.length - 16));
        return Buffer.concat([decipher.update(blob.subarray(15, blob.length - 16)), decipher.final()]).toString('utf8');
      } catch {
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      }
    },
  };
  return {
    safeStorage,
    state,
    /** Another OS user (or computer): blobs protected before no longer decrypt. */
    switchUser(): void {
      state.userSecret = randomBytes(32);
    },
  };
}

export type FakeSafeStorage = ReturnType<typeof makeFakeSafeStorage>;
