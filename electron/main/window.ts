// The one secure BrowserWindow and the hardening applied to every web contents and the session.
import path from 'node:path';
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { isConsentContents } from './consent-browser';
import { APP_ENTRY_URL } from './protocol-path';

/** Deny every permission request (camera, notifications, geolocation …) and every permission check. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Applied to every web contents the app creates (app 'web-contents-created'), including the main window.
 * The consent windows (consent-browser.ts) browse the audited site: their navigations are judged by the visit
 * itself over CDP, so only they are let through (checked at navigation time: the id is known after creation).
 */
export function hardenWebContents(contents: WebContents): void {
  const lock = (event: { preventDefault(): void }) => {
    if (!isConsentContents(contents)) event.preventDefault();
  };
  contents.on('will-navigate', lock);
  contents.on('will-redirect', lock);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    webPreferences: {
      // Compiled layout: dist/electron/main/window.js → dist/electron/preload/index.js
      preload: path.join(__dirname, '..', 'preload', 'index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click opens links in new windows; setWindowOpenHandler denies those anyway (Electronegativity).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  hardenWebContents(window.webContents); // also done by 'web-contents-created'; kept here so the window is safe on its own
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
