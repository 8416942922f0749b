// The app's browser for the consent visits: Electron's own Chromium. Each page is a hidden, offscreen window in
// an in-memory partition of its own (never the app's default session, never its preload, no app:// handler),
// driven over CDP through webContents.debugger. The visit logic (core/browser/consent-visit.ts) decides which
// navigations and requests go out (CDP Fetch); this file only gives it a sealed, empty page.
import { randomUUID } from 'node:crypto';
import { app, BrowserWindow, session, type DownloadItem, type Event, type Session, type WebContents } from 'electron';
import { BrowserUnavailableError, type BrowserEngine, type BrowserLauncher, type BrowserPage, type CdpHandler } from '../core/browser/types';

export interface ElectronBrowserOptions {
  /** How long close() waits for the window's contents to go before it kills the renderer (and for storage to clear). */
  closeTimeoutMs?: number;
}

const CLOSE_TIMEOUT_MS = 3_000;

/** The web contents of open consent pages, by id: the app's own navigation lock (window.ts) leaves them alone. */
const consentContents = new Set<number>();

export function isConsentContents(contents: WebContents): boolean {
  return consentContents.has(contents.id);
}

function onDownload(event: Event, item: DownloadItem): void {
  event.preventDefault();
  try {
    item.cancel();
  } catch {
    // Already cancelled by preventDefault.
  }
}

/** Every permission request and check denied, devices too, downloads cancelled. */
export function sealConsentSession(ses: Session): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  if (typeof ses.setDevicePermissionHandler === 'function') ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(false);
  ses.on('will-download', onDownload);
}

function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    promise.then(
      () => (clearTimeout(timer), resolve(true)),
      () => (clearTimeout(timer), resolve(true)),
    );
  });
}

function quietly(action: () => void): void {
  try {
    action();
  } catch {
    // close() never throws: a part already gone is what we wanted.
  }
}

async function openPage(viewport: { width: number; height: number }, closeTimeoutMs: number): Promise<BrowserPage> {
  const partition = `consent-${randomUUID()}`;
  const ses = session.fromPartition(partition);
  sealConsentSession(ses);
  // The options are written out here (not built elsewhere) so that Electronegativity can read them.
  const window = new BrowserWindow({
    show: false,
    width: viewport.width,
    height: viewport.height,
    useContentSize: true,
    enableLargerThanScreen: true,
    skipTaskbar: true,
    paintWhenInitiallyHidden: true,
    webPreferences: {
      partition, // no 'persist:' prefix: the profile lives in memory only
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      javascript: true,
      images: true,
      spellcheck: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in new windows; setWindowOpenHandler denies those anyway.
      disableBlinkFeatures: 'Auxclick',
      // alert()/confirm() of the audited page would otherwise open native dialogs over the app.
      disableDialogs: true,
      backgroundThrottling: false,
      // A hidden window may never be composited, so Page.captureScreenshot would wait for a frame forever;
      // offscreen rendering produces frames whatever the window's visibility.
      offscreen: true,
    },
  });
  const contents = window.webContents;
  consentContents.add(contents.id);

  const popupHandlers = new Set<() => void>();
  const cdpHandlers = new Map<string, Set<CdpHandler>>();
  let gone: string | null = null;
  let hung = false;
  let closing: Promise<void> | null = null;
  const destroyed = new Promise<void>((resolve) => contents.once('destroyed', () => resolve()));

  contents.setAudioMuted(true);
  contents.setWindowOpenHandler(() => {
    for (const handler of popupHandlers) quietly(handler);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('render-process-gone', (_event, details) => {
    gone = details.reason;
  });
  contents.on('unresponsive', () => (hung = true));
  contents.on('responsive', () => (hung = false));
  contents.debugger.on('message', (_event, method, params, sessionId) => {
    if (sessionId) return; // a child target's session: this page speaks only for its own target
    for (const handler of cdpHandlers.get(method) ?? []) {
      try {
        handler((params ?? {}) as Record<string, unknown>);
      } catch {
        // A handler's bug must not stop the others from hearing the event.
      }
    }
  });

  async function close(): Promise<void> {
    closing ??= (async () => {
      popupHandlers.clear();
      cdpHandlers.clear();
      quietly(() => {
        if (!contents.isDestroyed() && contents.debugger.isAttached()) contents.debugger.detach();
      });
      if (hung && gone === null) quietly(() => contents.forcefullyCrashRenderer());
      quietly(() => {
        if (!window.isDestroyed()) window.destroy();
      });
      // A hung renderer can keep its contents from going: kill it, so the window and its process are gone.
      if (!(await settleWithin(destroyed, closeTimeoutMs))) {
        quietly(() => {
          if (!contents.isDestroyed()) contents.forcefullyCrashRenderer();
        });
      }
      consentContents.delete(contents.id);
      quietly(() => ses.removeListener('will-download', onDownload));
      await settleWithin(
        Promise.resolve().then(() => Promise.all([ses.clearStorageData(), ses.clearCache()])),
        closeTimeoutMs,
      );
    })();
    return closing;
  }

  try {
    await contents.loadURL('about:blank');
    contents.debugger.attach('1.3');
  } catch (err) {
    await close();
    throw new BrowserUnavailableError(`the consent window could not be opened: ${(err as Error).message}`);
  }

  return {
    cdp: {
      async send<T>(method: string, params?: Record<string, unknown>): Promise<T> {
        if (closing) throw new Error(`CDP ${method}: the page is closed`);
        if (gone !== null) throw new Error(`CDP ${method}: the renderer is gone (${gone})`);
        return (await contents.debugger.sendCommand(method, params)) as T;
      },
      on(event, handler) {
        let set = cdpHandlers.get(event);
        if (set === undefined) cdpHandlers.set(event, (set = new Set()));
        set.add(handler);
      },
    },
    async click(x, y) {
      if (closing || contents.isDestroyed()) throw new Error('click: the page is closed');
      const at = { x: Math.round(x), y: Math.round(y) };
      contents.sendInputEvent({ type: 'mouseMove', ...at });
      contents.sendInputEvent({ type: 'mouseDown', ...at, button: 'left', clickCount: 1 });
      contents.sendInputEvent({ type: 'mouseUp', ...at, button: 'left', clickCount: 1 });
    },
    onPopup(handler) {
      popupHandlers.add(handler);
    },
    close,
  };
}

/** The consent probe's browser in the app. Each launch is one engine; each of its pages a fresh profile. */
export function createElectronBrowserLauncher(options: ElectronBrowserOptions = {}): BrowserLauncher {
  const closeTimeoutMs = options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS;
  return async () => {
    if (!app.isReady()) await app.whenReady();
    const pages = new Set<BrowserPage>();
    let closed = false;
    const engine: BrowserEngine = {
      version: `Electron ${process.versions.electron} (Chromium ${process.versions.chrome})`,
      async newPage(viewport) {
        if (closed) throw new BrowserUnavailableError('the browser was closed');
        const page = await openPage(viewport, closeTimeoutMs);
        const close = page.close;
        const tracked: BrowserPage = { ...page, close: () => (pages.delete(tracked), close()) };
        pages.add(tracked);
        return tracked;
      },
      async close() {
        closed = true;
        await Promise.all([...pages].map((page) => page.close()));
      },
    };
    return engine;
  };
}
