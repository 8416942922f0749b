// Main-process entry: app lifecycle only. Window settings live in window.ts, the app:// protocol in protocol.ts,
// the IPC handlers in ipc.ts; all real work is in ../core.
import path from 'node:path';
import { app, BrowserWindow, dialog, session, shell } from 'electron';
import { createAppService, type AppService } from '../core/service';
import { defaultStorePath } from '../core/store';
import { APP_DIR_NAME } from '../core/store/paths';
import { createElectronBrowserLauncher } from './consent-browser';
import { registerIpc } from './ipc';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { safeStorageProtector } from './safe-storage-protector';
import { filePicker, keychainVault } from './system-services';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

// Compiled layout: dist/electron/main/index.js → dist/renderer/
const RENDERER_ROOT = path.join(__dirname, '..', '..', 'renderer');

// The CLI and the app share one store (core/store/paths.ts, PRUEFSTAND_HOME respected). userData is pinned to
// the same "Pruefstand" folder so it does not depend on package.json's lower-case name.
app.setPath('userData', path.join(app.getPath('appData'), APP_DIR_NAME));
app.enableSandbox(); // every renderer sandboxed, whatever a window asks for
registerAppScheme(); // before 'ready'

let mainWindow: BrowserWindow | null = null;
let service: AppService | null = null;
let disposeIpc: (() => void) | null = null;

function openWindow(): void {
  const window = createMainWindow();
  mainWindow = window;
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
}

/** Opens the store; on failure (corrupt or too new a file, no permission …) tells the user and quits. */
function openService(): AppService | null {
  const storeFile = defaultStorePath();
  try {
    return createAppService({
      storeFile,
      storeKeys: { protector: safeStorageProtector() },
      locale: app.getLocale(),
      reveal: (file) => shell.showItemInFolder(file),
      pickFile: filePicker(() => mainWindow),
      vault: keychainVault(),
      consentBrowser: { launch: createElectronBrowserLauncher(), unavailable: null },
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error('Prüfstand cannot open its store:', error);
    dialog.showErrorBox('Prüfstand cannot open its store', `${storeFile}\n\n${message}`);
    return null;
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // Stop taking calls as soon as quitting starts; the store is closed once every window is gone.
  app.on('before-quit', () => {
    disposeIpc?.();
    disposeIpc = null;
  });

  // close() waits for running audits to settle (they are cancelled), so quitting is held until it is done.
  app.on('will-quit', (event) => {
    const closing = service;
    if (closing === null) return;
    service = null;
    event.preventDefault();
    closing
      .close()
      .catch((error: unknown) => console.error('Prüfstand: closing the store failed:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      service = openService();
      if (service === null) {
        app.quit();
        return;
      }
      hardenSession(session.defaultSession);
      serveAppProtocol(RENDERER_ROOT);
      disposeIpc = registerIpc(service, () => mainWindow);
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Prüfstand failed to start:', error);
      app.exit(1);
    });
}
