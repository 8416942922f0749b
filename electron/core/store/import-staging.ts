// Bodies of a run file waiting for importRuns, which writes them under their new run's key. They are staged sealed
// under a key that lives only in this process's memory, in a folder of their own that importRuns removes again;
// after a crash what is left there can never be opened (and is only litter: nothing reads it).
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { blobKey, createRunKey, lookupHash, lookupKey, open, seal, type DataKey } from '../crypto';
import { readIfThere, sha256Hex, writeOnce } from './blob-files';
import { StoreError } from './errors';
import { evidenceDir } from './paths';

const aad = (sha256: string): string => `pruefstand/staged/v1/sha256:${sha256}`;

export function createImportStaging(dbFile: string) {
  let key: DataKey | null = null;
  const folder = path.join(evidenceDir(dbFile), 'staging', `${process.pid}-${randomBytes(6).toString('hex')}`);
  const staged = new Map<string, string>();

  const fileOf = (k: DataKey, sha256: string): string => path.join(folder, lookupHash(lookupKey(k), 'staged', sha256));

  return {
    stage(content: Buffer): string {
      key ??= createRunKey();
      const k = key;
      const sha256 = sha256Hex(content);
      const file = fileOf(k, sha256);
      // Always written: the folder is this process's own, under a key of its own.
      writeOnce(file, () => false, () => seal(blobKey(k), content, aad(sha256)), 0o600);
      staged.set(sha256, file);
      return sha256;
    },
    /** The staged body, checked against its hash; null when it was not staged. */
    read(sha256: string): Buffer | null {
      const file = staged.get(sha256);
      if (file === undefined || key === null) return null;
      const sealed = readIfThere(file);
      if (sealed === null) throw new StoreError('not-found', `staged evidence file ${file} is missing`);
      let content: Buffer;
      try {
        content = open(blobKey(key), sealed, aad(sha256));
      } catch (err) {
        throw new StoreError('corrupt', `staged evidence file ${file} does not open: ${(err as Error).message}`, { cause: err });
      }
      if (sha256Hex(content) !== sha256) throw new StoreError('corrupt', `staged evidence file ${file} does not match its hash`);
      return content;
    },
    /** Removes what was staged (after importRuns, whether it took the runs in or not). */
    clear(): void {
      staged.clear();
      rmSync(folder, { recursive: true, force: true });
    },
    close(): void {
      if (staged.size > 0) rmSync(folder, { recursive: true, force: true });
      staged.clear();
      key?.destroy();
      key = null;
    },
  };
}

export type ImportStaging = ReturnType<typeof createImportStaging>;
