// What the core asks of the operating system in the app: the file dialog and the keychain (safeStorage).
import { dialog, safeStorage, type BrowserWindow } from 'electron';
import type { FilePurpose, SecretVault } from '../core/service';

const FILTERS: Record<FilePurpose, Electron.FileFilter[]> = {
  config: [{ name: 'PHP (local.php)', extensions: ['php'] }, { name: '*', extensions: ['*'] }],
  crontab: [{ name: '*', extensions: ['*'] }],
  'ssh-key': [{ name: '*', extensions: ['*'] }],
  'run-file': [{ name: 'Prüfstand run file (ZIP)', extensions: ['zip'] }, { name: '*', extensions: ['*'] }],
  targets: [{ name: 'CSV', extensions: ['csv', 'txt'] }, { name: '*', extensions: ['*'] }],
};

/** Opens the system's file dialog over the app window; the chosen path, or null when cancelled. */
export function filePicker(getWindow: () => BrowserWindow | null) {
  return async (purpose: FilePurpose): Promise<string | null> => {
    const window = getWindow();
    const options: Electron.OpenDialogOptions = { properties: ['openFile', 'showHiddenFiles'], filters: FILTERS[purpose] };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}

/** The OS keychain, when this system offers one (on Linux without a keyring safeStorage would only obfuscate). */
export function keychainVault(): SecretVault | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return undefined;
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (ciphertext) => safeStorage.decryptString(ciphertext),
  };
}
