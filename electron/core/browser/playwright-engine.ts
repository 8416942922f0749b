import { isIP } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, rootCertificates } from 'node:tls';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext } from 'playwright-core';
import { within } from './deadline';
import { BrowserUnavailableError, type BrowserEngine, type BrowserLauncher, type BrowserPage, type CdpSession } from './types';

const LAUNCH_ARGS = ['--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-features=Translate,MediaRouter,OptimizationHints', '--mute-audio'];

/**
 * The system's Chromium (or Chrome, Edge) driven by playwright-core, headless. Chromium's own sandbox stays on,
 * except where it cannot start: as root (CI containers), where Chromium refuses it.
 */
export function createPlaywrightLauncher(executablePath: string, options: { extraCaPem?: string } = {}): BrowserLauncher {
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
    return playwrightEngine(browser, options.extraCaPem ? certificateVerifier(options.extraCaPem) : undefined);
  };
}

function playwrightEngine(browser: Browser, verifyCertificate?: BrowserEngine['verifyCertificate']): BrowserEngine {
  return {
    version: `Chromium ${browser.version()}`,
    verifyCertificate,
    async newPage(viewport) {
      const context = await browser.newContext({ viewport, ignoreHTTPSErrors: verifyCertificate !== undefined, acceptDownloads: false, serviceWorkers: 'block', permissions: [], locale: 'de-DE' });
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

/**
 * Chromium takes no extra CA on the command line, so with one the browser accepts any certificate and each https
 * host is first verified here, once per host:port, the way the audit's own client verifies it (system roots
 * plus the extra CA, hostname checked).
 */
function certificateVerifier(extraCaPem: string): NonNullable<BrowserEngine['verifyCertificate']> {
  const ca = [...rootCertificates, extraCaPem];
  const known = new Map<string, Promise<string | null>>();
  return (host, port) => {
    const key = `${host}:${port}`;
    let verdict = known.get(key);
    if (!verdict) {
      verdict = new Promise<string | null>((resolve) => {
        const socket = tlsConnect({ host, port, servername: isIP(host) ? undefined : host, ca, rejectUnauthorized: false, timeout: 10_000 });
        const done = (reason: string | null) => {
          socket.destroy();
          resolve(reason);
        };
        socket.once('secureConnect', () => {
          if (!socket.authorized) return done(`certificate not trusted: ${String(socket.authorizationError)}`);
          const mismatch = checkServerIdentity(host, socket.getPeerCertificate());
          done(mismatch ? `certificate does not match ${host}: ${mismatch.message}` : null);
        });
        socket.once('timeout', () => done('TLS handshake timed out'));
        socket.once('error', (err) => done(`TLS failed: ${err.message}`));
      });
      known.set(key, verdict);
    }
    return verdict;
  };
}
