/// <reference lib="dom" />
// Comparing two runs in the real renderer (Chromium), against the real core and a real SQLite file through the
// loopback bridge: three audits of a loopback site whose headers change in between, two of them picked in the
// run history, the comparison grouped by change kind, and an entry's evidence opened. Screenshot
// test-artifacts/screenshots/30-compare.png.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const ca = makeCa();
const servers: RunningServer[] = [];
let service: AppService;
let bridge: Bridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];
/** What the site sends; changed between the audits. */
let headers: Record<string, string | string[]> = {};
const runs: number[] = [];

const without = (...names: string[]) => Object.fromEntries(Object.entries(HARDENED_HEADERS).filter(([name]) => !names.includes(name)));

/** Runs an audit through the service, as the app's Start button does, and waits for its run to be stored. */
async function audit(installationId: number): Promise<number> {
  const finished = new Promise<number>((resolve, reject) => {
    const stop = service.onEvent(({ event }) => {
      if (event.type === 'run-finished') resolve(event.runId);
      else if (event.type === 'run-failed') reject(new Error(event.message));
      else return;
      stop();
    });
  });
  await service.handlers['audits:start']({ installationId, lang: 'en' });
  return finished;
}

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  });
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  service = createAppService({ storeFile: path.join(tempDir('pruefstand-e2e-compare-'), 'app.db'), locale: 'en-US' });
  const client = await service.handlers['clients:create']({ name: 'Kunde GmbH' });
  const installation = await service.handlers['installations:create']({ clientId: client.id, name: 'Produktion', baseUrl: https.url, httpUrl: http.url, caPem: ca.certPem, caName: 'test-ca.pem' });
  headers = without('Referrer-Policy');
  runs.push(await audit(installation.id));
  headers = without('X-Content-Type-Options');
  runs.push(await audit(installation.id));
  headers = without('X-Content-Type-Options', 'Referrer-Policy');
  runs.push(await audit(installation.id));

  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(bridge.url);
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await bridge?.close();
  await service?.close();
  await Promise.all(servers.map((s) => s.close()));
});

const main = () => page.getByRole('main');
const group = (name: RegExp) => main().getByRole('region', { name });

describe('comparing runs in Chromium', () => {
  it('picks two runs in the history and shows what was fixed, is new and came back', async () => {
    await page.getByRole('navigation', { name: 'Clients and installations' }).getByRole('button', { name: 'Kunde GmbH' }).click();
    await main().getByRole('button', { name: 'Produktion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Produktion' }).waitFor();
    const compare = main().getByRole('button', { name: 'Compare', exact: true });
    await compare.waitFor();
    expect(await compare.isDisabled()).toBe(true);
    // Newest first: the first and the last row are runs 3 and 1; pick them, then swap run 1 for run 2.
    const boxes = main().getByRole('checkbox', { name: /^Select the audit of .* for comparison$/ });
    await expect.poll(() => boxes.count()).toBe(3);
    await boxes.nth(0).check();
    await boxes.nth(2).check();
    await boxes.nth(2).uncheck();
    await boxes.nth(1).check();
    expect(await compare.isDisabled()).toBe(false);
    await compare.click();

    await page.getByRole('heading', { level: 1, name: 'Comparison of two audits' }).waitFor();
    const regressed = group(/^Regressed \(1\)$/);
    await regressed.waitFor();
    expect(await regressed.innerText()).toContain('headers.referrer-policy');
    expect(await regressed.innerText()).toContain('came back');
    const unchanged = await group(/^Unchanged \(\d+\)$/).innerText();
    expect(unchanged).toContain('headers.content-type-options');
    expect(await group(/^Fixed/).count()).toBe(0);
    expect(await group(/^New/).count()).toBe(0);
    const counts = await main().getByRole('region', { name: 'Changes' }).innerText();
    expect(counts).toMatch(/1\s+Regressed/);
    expect(counts).toMatch(/0\s+Fixed/);
    await screenshot(page, '30-compare');
  });

  it('opens an entry’s evidence from the newer run', async () => {
    const row = group(/^Regressed/).locator('tr[data-check="headers.referrer-policy"]');
    await row.getByRole('button', { name: 'Open evidence 1 (after)' }).click();
    const dialog = page.getByRole('dialog', { name: /^Evidence: / });
    await dialog.waitFor();
    // The body loads after the dialog opens: wait for it rather than read the "Loading …" state.
    await expect.poll(() => dialog.innerText()).toMatch(/GET https:\/\/localhost:\d+\//);
    const shown = await dialog.innerText();
    // The exchange of run 3: the Referrer-Policy header is not among what the site sent.
    expect(shown).not.toContain('strict-origin-when-cross-origin');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the same comparison from runs 1 and 2 as fixed and new, in German after switching language', async () => {
    const view = await service.handlers['runs:compare']({ runA: runs[1]!, runB: runs[0]!, lang: 'de' });
    expect(view.before.id).toBe(runs[0]);
    expect(view.counts).toMatchObject({ fixed: 1, new: 1, regressed: 0 });
    expect(view.entries.find((e) => e.change === 'fixed')?.checkId).toBe('headers.referrer-policy');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vergleich zweier Läufe' }).waitFor();
    await group(/^Verschlechtert \(1\)$/).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
