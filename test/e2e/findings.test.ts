/// <reference lib="dom" />
// Findings across audits in the real renderer (Chromium), against the real core and store through the bridge: an
// audit of a real loopback site opens findings, the DPO assigns one with a comment, the site is fixed, and a
// targeted re-audit started from the installation page proves the fix. Screenshots in test-artifacts/screenshots/.
import type http from 'node:http';
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
let weak = true;
const pageErrors: string[] = [];

beforeAll(async () => {
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = { ...HARDENED_HEADERS };
    if (weak) {
      delete headers['X-Frame-Options'];
      delete headers['X-Content-Type-Options'];
      headers['Content-Security-Policy'] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  service = createAppService({ storeFile: path.join(tempDir('pruefstand-e2e-findings-'), 'app.db'), locale: 'en-US' });
  const client = await service.handlers['clients:create']({ name: 'Kunde GmbH' });
  await service.handlers['installations:create']({ clientId: client.id, name: 'Produktion', baseUrl: https.url, httpUrl: http.url, caPem: ca.certPem, caName: 'ca.pem' });
  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(bridge.url);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await bridge?.close();
  await service?.close();
  await Promise.all(servers.map((s) => s.close()));
});

const main = () => page.getByRole('main');
const panel = () => main().getByRole('region', { name: 'Findings across audits' });
const rows = () => panel().locator('tbody tr');

async function auditFromInstallationPage(button: string) {
  await main().getByRole('button', { name: button }).click();
  await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor({ timeout: 30_000 });
  await main().getByRole('button', { name: 'Back to the installation' }).click();
  await page.getByRole('heading', { level: 1, name: 'Produktion' }).waitFor();
}

/** Opens a run from the installation's audit history (0: the newest) and the item holding the framing check. */
async function framingCheckOfRun(nth: number) {
  const history = main().getByRole('table', { name: 'Audit history' });
  await history.getByRole('button', { name: /^Open audit of / }).nth(nth).click();
  await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor();
  const runs = await service.handlers['runs:list']({ installationId: 1 });
  const run = await service.handlers['runs:get']({ runId: runs[nth]!.id, lang: 'en' });
  const item = run.items.find((i) => i.checks.some((c) => c.checkId === 'headers.frame-options'))!;
  await main().getByRole('button', { name: new RegExp(`^Item ${item.number}: `) }).click();
  return main().locator('li.check').filter({ has: page.getByRole('heading', { level: 5, name: /framing by other sites/ }) });
}

describe('findings across audits in Chromium', () => {
  it('an audit opens findings, listed on the installation page with severity, owner and due date', async () => {
    const nav = page.getByRole('navigation', { name: 'Clients and installations' });
    await nav.getByRole('button', { name: 'Kunde GmbH' }).click();
    await nav.getByRole('button', { name: 'Produktion' }).click();
    await panel().getByText('No findings yet').waitFor();
    await auditFromInstallationPage('Start audit');
    await expect.poll(() => rows().count()).toBeGreaterThan(1);
    const table = await panel().innerText();
    expect(table).toMatch(/Protection against framing by other sites/);
    expect(table).toMatch(/unassigned/);
  });

  it('the DPO assigns a finding with a due date and a comment; the history shows both', async () => {
    await panel().getByRole('button', { name: /^Edit: .*framing/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Finding “/ });
    await dialog.getByLabel('Status').selectOption('in-progress');
    await dialog.getByLabel('Owner').fill('IT (M. Kurz)');
    await dialog.getByLabel('Due on').fill('2027-01-31');
    await dialog.getByLabel('Comment (optional)').fill('Ticket OPS-1234');
    await dialog.getByLabel('By').fill('Anna Weiß');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = rows().filter({ hasText: 'framing' });
    // The list reloads after the dialog closes: wait for the new row rather than read the old one.
    await expect.poll(() => row.innerText(), { timeout: 10_000 }).toMatch(/In progress[\s\S]*IT \(M\. Kurz\)[\s\S]*Jan 31, 2027/);
    await panel().getByRole('button', { name: /^Edit: .*framing/ }).click();
    const again = page.getByRole('dialog', { name: /^Finding “/ });
    await again.getByText('Ticket OPS-1234').waitFor();
    expect(await again.getByRole('region', { name: 'History' }).innerText()).toMatch(/Opened · Prüfstand[\s\S]*Changed · Anna Weiß[\s\S]*Status: Open → In progress[\s\S]*Comment · Anna Weiß/);
    await screenshot(page, '25-finding-dialog');
    await page.keyboard.press('Escape');
  });

  it('the run view names the tracked finding beside the failed check, with its status, owner and due date', async () => {
    const check = await framingCheckOfRun(0);
    const tracked = check.locator('.check-findings');
    await tracked.waitFor();
    expect(await tracked.innerText()).toMatch(/Tracked findings\s+Finding #\d+ the check as a whole · In progress · owner: IT \(M\. Kurz\) · due Jan 31, 2027/);
    await tracked.scrollIntoViewIfNeeded();
    await screenshot(page, '25b-run-tracked-finding');
    await tracked.getByRole('button', { name: /^Edit finding: .*framing/ }).click();
    const dialog = page.getByRole('dialog', { name: /^Finding “/ });
    await dialog.getByLabel('Owner').fill('IT (S. Lang)');
    await dialog.getByLabel('By').fill('Anna Weiß');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => tracked.innerText()).toMatch(/owner: IT \(S\. Lang\)/);
    await main().getByRole('button', { name: 'Back to the installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Produktion' }).waitFor();
  });

  it('after the fix, a targeted re-audit proves it: the findings are fixed', async () => {
    weak = false;
    await auditFromInstallationPage('Re-check open findings');
    await panel().getByRole('button', { name: 'All', exact: true }).click();
    const framing = rows().filter({ hasText: 'framing' });
    await expect.poll(async () => framing.innerText()).toMatch(/Fixed[\s\S]*fixed in run 2/);
    await panel().scrollIntoViewIfNeeded();
    await screenshot(page, '26-findings-fixed');
    const run = await service.handlers['runs:get']({ runId: 2, lang: 'en' });
    expect(run.items.flatMap((i) => i.checks).find((c) => c.checkId === 'tls.certificate')?.status).toBe('not_applicable');
    const check = await framingCheckOfRun(0);
    expect(await check.locator('.check-findings').innerText()).toMatch(/Finding #\d+ the check as a whole · proved fixed by this audit/);
    expect(pageErrors).toEqual([]);
  });
});
