// The bounds of a browser visit against pages that fight it (test/fixtures/consent-hostile.ts): a renderer that
// never comes back ends in `error`, dialogs and pop-ups are dismissed, a navigation to another host, a download
// and requests into the LAN never get out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitPage } from '../../electron/core/browser/consent-visit';
import { createPlaywrightLauncher } from '../../electron/core/browser/playwright-engine';
import type { BrowserEngine } from '../../electron/core/browser/types';
import { loadTrackingList } from '../../electron/core/checklist/tracking-load';
import type { ConsentAction } from '../../electron/shared/consent';
import { CHROMIUM } from '../fixtures/browser';
import { ELSEWHERE_HOST, LAN_HOST, startHostileBrowserSite, type HostileBrowserSite } from '../fixtures/consent-hostile';

let site: HostileBrowserSite;
let engine: BrowserEngine;
beforeAll(async () => {
  site = await startHostileBrowserSite();
  engine = await createPlaywrightLauncher(CHROMIUM)();
});
afterAll(async () => {
  await engine?.close();
  await site?.close();
});

const visit = (url: URL, action: ConsentAction = 'none', timeoutMs = 20_000) =>
  visitPage(engine, { url, action, allowedHosts: new Set(['127.0.0.1']), tracking: loadTrackingList(), installationHost: '127.0.0.1', timeoutMs, signal: new AbortController().signal }, { add: (e) => e.kind });

describe('bounds of a browser visit', () => {
  it('ends a page whose script never returns with a timeout error, and the engine goes on', async () => {
    const v = await visit(site.pages.loop, 'accept', 8_000);
    expect(v.error?.code).toBe('timeout');
    expect(v.evidence.record).not.toBeNull();
    const next = await visit(site.pages.dialogs);
    expect(next.error).toBeNull();
  }, 60_000);
  it('dismisses dialogs and closes pop-ups', async () => {
    const v = await visit(site.pages.dialogs);
    expect(v.error).toBeNull();
    expect(v.dismissed.dialogs).toBeGreaterThanOrEqual(2);
    expect(v.dismissed.popups).toBeGreaterThanOrEqual(1);
  }, 60_000);
  it('does not follow a navigation to another host', async () => {
    const v = await visit(site.pages.navigate);
    const away = v.requests.filter((r) => new URL(r.url).hostname === ELSEWHERE_HOST);
    expect(away.length).toBeGreaterThan(0);
    expect(away.every((r) => r.blocked === 'navigation')).toBe(true);
    expect(site.hits.elsewhere).toEqual([]);
  }, 60_000);
  it('never downloads a file', async () => {
    const v = await visit(site.pages.download);
    expect(v.error).toBeNull();
    expect(v.dismissed.downloads + v.requests.filter((r) => r.url.endsWith('/files/angebot.pdf') && r.failed).length).toBeGreaterThan(0);
  }, 60_000);
  it('sends nothing into the LAN beyond the hosts named', async () => {
    const v = await visit(site.pages.lan);
    const lan = v.requests.filter((r) => ['192.168.1.1', LAN_HOST].includes(new URL(r.url).hostname));
    expect(lan.length).toBeGreaterThanOrEqual(2);
    expect(lan.every((r) => r.blocked === 'lan')).toBe(true);
    expect(site.hits.lan).toEqual([]);
  }, 60_000);
});
