// The browser as the consent probe sees it: a Chrome DevTools Protocol session on one fresh, empty page.
// Two engines provide it: playwright-core driving the system's Chromium (CLI, tests, the web bridge) and
// Electron's own Chromium in a partitioned session (the app, electron/main/consent-browser.ts). The visit
// itself (consent-visit.ts) speaks only CDP, so both run the very same code.

export type CdpHandler = (params: Record<string, unknown>) => void;

/** The CDP commands and events of one page target. */
export interface CdpSession {
  send<T = Record<string, unknown>>(method: string, params?: Record<string, unknown>): Promise<T>;
  on(event: string, handler: CdpHandler): void;
}

/** One page in a profile of its own: no cookies, storage or cache shared with any other visit or the app. */
export interface BrowserPage {
  cdp: CdpSession;
  /** Real mouse input at page coordinates (CSS pixels of the viewport). */
  click(x: number, y: number): Promise<void>;
  /** Pop-ups (window.open, target=_blank) the page opened; the engine closes each at once. */
  onPopup(handler: () => void): void;
  /** Ends the visit: closes the page and throws its profile away. Never throws, also on a hung renderer. */
  close(): Promise<void>;
}

export interface BrowserEngine {
  /** "Chromium 131.0.6778.85" */
  readonly version: string;
  newPage(viewport: { width: number; height: number }): Promise<BrowserPage>;
  close(): Promise<void>;
  /**
   * Set when the engine lets the browser accept any certificate because the auditor trusts an extra CA that
   * Chromium cannot be given: then every https host must pass this check first (null: trusted, else why not).
   */
  verifyCertificate?: (host: string, port: number) => Promise<string | null>;
}

/** Opens an engine for one audit; the probe closes it when its visits are done. */
export type BrowserLauncher = () => Promise<BrowserEngine>;

export class BrowserUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowserUnavailableError';
  }
}

/**
 * One browser for many audits (a batch): started on first use, each audit's close() leaves it running, and
 * `closeAll` ends it. Every visit still gets a profile of its own.
 */
export function sharedLauncher(launch: BrowserLauncher): { launch: BrowserLauncher; closeAll(): Promise<void> } {
  let engine: Promise<BrowserEngine> | null = null;
  return {
    launch: async () => {
      engine ??= launch();
      engine.catch(() => (engine = null));
      const shared = await engine;
      return { version: shared.version, newPage: (viewport) => shared.newPage(viewport), close: async () => undefined, verifyCertificate: shared.verifyCertificate };
    },
    async closeAll() {
      const running = engine;
      engine = null;
      if (running) await (await running.catch(() => null))?.close();
    },
  };
}
