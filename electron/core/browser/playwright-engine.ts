import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { within } from './deadline';
import { BrowserUnavailableError, type BrowserEngine, type BrowserLauncher, type BrowserPage, type CdpSession } from './types';

const LAUNCH_ARGS = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=Translate,MediaRouter,OptimizationHints', '--mute-audio'];

/**
 * The system's Chromium (or Chrome, Edge) driven by playwright-core, headless. Chromium's own sandbox stays on,
 * except where it cannot start: as root (CI containers), where Chromium refuses it.
 */
export function createPlaywrightLauncher(executablePath: string): BrowserLauncher {
  return async () => {
    if (!existsSync(executablePath)) throw new BrowserUnavailableError(`no browser at ${executablePath}`);
    const { chromium } = await import('playwright-core');
    const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    let browser: Browser;
    try {
      browser = await chromium.launch({ executablePath, headless: true, chromiumSandbox: !asRoot, args: LAUNCH_ARGS, timeout: 30_000 });
    } catch (err) {
      throw new BrowserUnavailableError(`the browser at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}`);
    }
    return playwrightEngine(browser);
  };
}

function playwrightEngine(browser: Browser): BrowserEngine {
  return {
    version: `Chromium ${browser.version()}`,
    async newPage(viewport) {
      const context = await browser.newContext({ viewport, acceptDownloads: false, serviceWorkers: 'block', permissions: [], locale: 'de-DE' });
      return playwrightPage(context, await context.newPage());
    },
    async close() {
      await within(browser.close(), 10_000, 'closing the browser').catch(() => undefined);
    },
  };
}

async function playwrightPage(context: BrowserContext, page: Awaited<ReturnType<BrowserContext['newPage']>>): Promise<BrowserPage> {
  const session = await context.newCDPSession(page);
  const popupHandlers: (() => void)[] = [];
  context.on('page', (other) => {
    if (other === page) return;
    for (const h of popupHandlers) h();
    void other.close().catch(() => undefined);
  });
  const cdp: CdpSession = {
    send: <T>(method: string, params?: Record<string, unknown>) => session.send(method as never, params as never) as Promise<T>,
    on: (event, handler) => session.on(event as never, handler as never),
  };
  return {
    cdp,
    click: (x, y) => page.mouse.click(x, y),
    onPopup: (handler) => popupHandlers.push(handler),
    async close() {
      await within(context.close(), 10_000, 'closing the visit').catch(() => undefined);
    },
  };
}
