import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';

/**
 * An installation's SSH password or key passphrase, as ciphertext only: the app encrypts it with the OS keychain
 * (Electron safeStorage) before it gets here, and decrypts it for the length of one audit.
 */
export interface InstallationSecretsRepo {
  set(installationId: number, ciphertext: Buffer): void;
  get(installationId: number): Buffer | null;
  clear(installationId: number): void;
}

export function createInstallationSecretsRepo(db: Db): InstallationSecretsRepo {
  const upsert = db.prepare<[number, Buffer, string]>(
    `INSERT INTO installation_secrets (installation_id, ciphertext, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (installation_id) DO UPDATE SET ciphertext = excluded.ciphertext, updated_at = excluded.updated_at`,
  );
  const selectOne = db.prepare<[number], { ciphertext: Buffer }>('SELECT ciphertext FROM installation_secrets WHERE installation_id = ?');
  const deleteOne = db.prepare<[number]>('DELETE FROM installation_secrets WHERE installation_id = ?');
  return {
    set(installationId, ciphertext) {
      if (!ciphertext.length) throw new StoreError('invalid', `secret for installation ${installationId}: empty ciphertext`);
      try {
        upsert.run(installationId, ciphertext, new Date().toISOString());
      } catch (err) {
        rethrowSqlite(err, `keep the secret of installation ${installationId}`);
      }
    },
    get: (installationId) => selectOne.get(installationId)?.ciphertext ?? null,
    clear: (installationId) => void deleteOne.run(installationId),
  };
}
