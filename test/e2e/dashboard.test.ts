/// <reference lib="dom" />
// The DPO's dashboard in the real renderer (Chromium), against the real core and a real SQLite file through the
// loopback bridge. The runs are real audits of a loopback HTTPS site whose headers change; one audit whose HTTP
// port never answers is provisional; the client's dashboard is exported as a PDF and read back with pdftotext.
// Screenshots: test-artifacts/screenshots/40-dashboard.png, 42-client-dashboard-export.png.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import { localToday } from '../../renderer/src/day';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, startSilent, type RunningServer } from '../fixtures/servers';

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
const ids = { client: 0, shop: 0, news: 0, empty: 0 };

const dayFromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return localToday(d);
};

/** Starts a real audit through the service and waits for it to end. */
async function audit(installationId: number): Promise<void> {
  let stop = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`audit of installation ${installationId} did not end`)), 30_000);
    stop = service.onEvent(({ event }) => {
      if (event.type !== 'run-finished' && event.type !== 'run-failed') return;
      clearTimeout(timer);
      if (event.type === 'run-failed') reject(new Error(event.message));
      else resolve();
    });
  });
  try {
    await service.handlers['audits:start']({ installationId, lang: 'en' });
    await finished;
  } finally {
    stop();
  }
}

beforeAll(async () => {
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = { ...HARDENED_HEADERS };
    if (weak) {
      delete headers['X-Content-Type-Options'];
      headers['Content-Security-Policy'] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const redirect = await startHttp(redirectHandler(https.port));
  const silent = await startSilent('http');
  servers.push(https, redirect, silent);
  service = createAppService({ storeFile: path.join(tempDir('pruefstand-e2e-dashboard-'), 'app.db'), locale: 'en-US' });
  const h = service.handlers;
  ids.client = (await h['clients:create']({ name: 'Kunde GmbH' })).id;
  const common = { clientId: ids.client, caPem: ca.certPem, caName: 'ca.pem' };
  ids.shop = (await h['installations:create']({ ...common, name: 'Shop', baseUrl: https.url, httpUrl: redirect.url })).id;
  ids.news = (await h['installations:create']({ ...common, name: 'Newsletter', baseUrl: https.url.replace('localhost', '127.0.0.1'), httpUrl: redirect.url })).id;
  ids.empty = (await h['installations:create']({ ...common, name: 'Staging', baseUrl: 'https://staging.invalid/' })).id;

  await audit(ids.shop);
  await h['installations:update']({ id: ids.shop, patch: { httpUrl: silent.url } });
  await audit(ids.shop); // tls.redirect times out: provisional
  await h['installations:update']({ id: ids.shop, patch: { httpUrl: redirect.url } });
  weak = false;
  await audit(ids.shop);
  weak = true;
  await audit(ids.news);

  const findings = await h['findings:list']({ clientId: ids.client, lang: 'en' });
  const newsFinding = findings.find((f) => f.installationId === ids.news && f.status === 'open')!;
  await h['findings:update']({ id: newsFinding.id, patch: { dueOn: dayFromToday(-3), owner: 'M. Kurz (IT)', status: 'in-progress' }, by: 'DSB Berger' });
  const shopOpen = findings.filter((f) => f.installationId === ids.shop && f.status === 'open');
  await h['findings:update']({ id: shopOpen[0]!.id, patch: { dueOn: dayFromToday(5), owner: 'Web-Agentur' }, by: 'DSB Berger' });

  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(bridge.url);
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await bridge?.close();
  await service?.close();
  await Promise.all(servers.map((s) => s.close()));
});

const main = () => page.getByRole('main');
const panel = () => main().getByRole('region', { name: /Data protection overview|Übersicht für den Datenschutz/ });
const nav = () => page.getByRole('navigation', { name: /Clients and installations|Mandanten/ });

describe('the dashboard in Chromium', () => {
  it('on the client page: a chart per installation, provisional runs hollow, severity counts, due lists naming the installation', async () => {
    await nav().getByRole('button', { name: 'Kunde GmbH' }).click();
    const chart = panel().getByRole('img', { name: /Compliance score over time/ });
    await chart.waitFor();
    const label = (await chart.getAttribute('aria-label'))!;
    expect(label).toMatch(/Shop: 3 audits, score first [\d.]+, last [\d.]+\./);
    expect(label).toMatch(/Newsletter: 1 audit, score first/);
    expect(label).toContain('Staging: no finished audits yet.');
    expect(await chart.locator('g[data-series] polyline').count()).toBe(1);
    expect(await chart.locator('circle[data-complete="false"]').count()).toBe(1);
    expect(await chart.locator('circle[data-complete="true"]').count()).toBe(3);
    // Every value is also in a table for screen readers.
    const values = panel().getByRole('table', { name: 'Score of each audit' });
    expect(await values.locator('tbody tr').count()).toBe(4);
    expect(await values.locator('tbody tr').filter({ hasText: 'provisional' }).count()).toBe(1);
    await panel().getByText('provisional (undecided checks)').waitFor();

    const view = await service.handlers['dashboard:get']({ clientId: ids.client, lang: 'en', today: localToday() });
    const counts = await panel().getByRole('list', { name: /Open findings by severity/ }).innerText();
    for (const [severity, n] of Object.entries(view.openBySeverity)) expect(counts).toMatch(new RegExp(`${n}\\s+${severity}`, 'i'));

    const overdue = panel().getByRole('region', { name: 'Overdue' });
    await overdue.getByText('3 days overdue', { exact: false }).waitFor();
    const overdueText = await overdue.innerText();
    expect(overdueText).toContain('Newsletter');
    expect(overdueText).toContain('M. Kurz (IT)');
    const upcoming = await panel().getByRole('region', { name: 'Due within 14 days' }).innerText();
    expect(upcoming).toContain('Shop');
    expect(upcoming).toContain('Web-Agentur');
    expect(upcoming).toContain('in 5 days');
    await panel().getByRole('heading', { name: 'Oldest open finding' }).waitFor();
    expect(await panel().locator('.dashboard-oldest').innerText()).toMatch(/open for 0 days/);

    await panel().scrollIntoViewIfNeeded();
    await screenshot(page, '40-dashboard');
  });

  it('on the client page, "Export as PDF" writes the client’s status of remediation into the exports folder', async () => {
    await panel().getByRole('button', { name: 'Export as PDF' }).click();
    const status = panel().getByRole('status').filter({ hasText: 'Written:' });
    await status.waitFor();
    const file = /Written: (\S+\.pdf)/.exec(await status.innerText())![1]!;
    expect(path.basename(path.dirname(file))).toBe('exports');
    expect(path.basename(file)).toMatch(/^dashboard-Kunde-GmbH-.*\.pdf$/);
    expect(existsSync(file)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const words of ['Status of remediation', 'Kunde GmbH', 'Shop', 'Newsletter', 'Staging', 'M. Kurz (IT)']) expect(text).toContain(words);
    await status.getByRole('button', { name: 'Show in folder' }).waitFor();
    await panel().getByRole('button', { name: 'Export as PDF' }).scrollIntoViewIfNeeded();
    await screenshot(page, '42-client-dashboard-export');
  });

  it('on an installation page in German; an installation without audits says so', async () => {
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
    await main().locator('.card-list').getByRole('button', { name: /^Shop/ }).click();
    const chart = panel().getByRole('img', { name: /Compliance-Score im Zeitverlauf/ });
    await chart.waitFor();
    expect(await chart.getAttribute('aria-label')).toMatch(/Shop: 3 Audits/);
    await panel().getByText('vorläufig (nicht entschiedene Prüfungen)').waitFor();
    await panel().getByRole('region', { name: 'Fällig in den nächsten 14 Tagen' }).getByText('in 5 Tagen', { exact: false }).waitFor();
    await panel().getByText('Nichts überfällig.').waitFor();

    await main().getByRole('button', { name: 'Kunde GmbH' }).click();
    await main().locator('.card-list').getByRole('button', { name: /^Staging/ }).click();
    await panel().getByText('Noch keine Audits – starten Sie das erste Audit, um den Verlauf zu sehen.').waitFor();
    expect(await panel().getByRole('img').count()).toBe(0);
    await panel().getByText('Keine offenen Befunde.').waitFor();
    expect(pageErrors).toEqual([]);
  });
});
