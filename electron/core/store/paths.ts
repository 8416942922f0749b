import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'Pruefstand';
export const DB_FILE_NAME = 'pruefstand.db';

/**
 * Where the CLI and the app keep their one shared store: Electron's userData folder for the app name
 * "Pruefstand", or `$PRUEFSTAND_HOME/pruefstand.db` when that is set.
 */
export function defaultStorePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (env.PRUEFSTAND_HOME) return path.join(env.PRUEFSTAND_HOME, DB_FILE_NAME);
  if (platform === 'win32') {
    const appData = env.APPDATA || path.win32.join(home, 'AppData', 'Roaming');
    return path.win32.join(appData, APP_DIR_NAME, DB_FILE_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME, DB_FILE_NAME);
  const config = env.XDG_CONFIG_HOME || path.posix.join(home, '.config');
  return path.posix.join(config, APP_DIR_NAME, DB_FILE_NAME);
}

/** The folder next to the database file that holds the evidence blobs. */
export function evidenceDir(dbFile: string): string {
  return `${dbFile}.evidence`;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

/** `<dbfile>.evidence/<first 2 hex>/<sha256>`; the caller validates the hash first. */
export function blobPath(dbFile: string, sha256: string): string {
  return path.join(evidenceDir(dbFile), sha256.slice(0, 2), sha256);
}
