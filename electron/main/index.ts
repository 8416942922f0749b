// Main-process entry: app lifecycle only. Window settings live in window.ts, the app:// protocol in protocol.ts.
import path from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { createMainWindow, hardenSession, hardenWebContents } from './window';

// Compiled layout: dist/electron/main/index.js → dist/renderer/
const RENDERER_ROOT = path.join(__dirname, '..', '..', 'renderer');

app.enableSandbox(); // every renderer sandboxed, whatever a window asks for
registerAppScheme(); // before 'ready'

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window === undefined) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      serveAppProtocol(RENDERER_ROOT);
      createMainWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('Prüfstand failed to start:', error);
      app.exit(1);
    });
}
