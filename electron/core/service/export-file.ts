// Where the app's exports land: `<store folder>/exports/<kind>-<label>-<time>.<ext>`, named so that a person can
// tell them apart in the file manager, and written whole (tmp file, then rename).
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The path of a new export, its folder made; `label` (a client's name, an installation's URL) made file-safe. */
export function exportFilePath(storeFile: string, kind: string, label: string, fallback: string, ext: string): string {
  const dir = path.join(path.dirname(storeFile), 'exports');
  mkdirSync(dir, { recursive: true });
  const safe = label.replace(/^https?:\/\//, '').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/-+$/, '').slice(0, 60) || fallback;
  return path.join(dir, `${kind}-${safe}-${new Date().toISOString().replace(/[:.]/g, '-')}.${ext}`);
}

/** Writes `bytes` to `file.tmp` and renames it: a failure leaves no half file. */
export function writeFileWhole(file: string, bytes: Buffer | Uint8Array): void {
  try {
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
  } catch (err) {
    rmSync(`${file}.tmp`, { force: true });
    throw err;
  }
}
