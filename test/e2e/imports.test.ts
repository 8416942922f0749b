/// <reference lib="dom" />
// Run files made elsewhere (`pruefstand audit … --out`) taken into the app's store from the home page, in the real
// renderer (Chromium) through the bridge: a good file comes in with its client and installation; a changed one is
// refused and nothing is written.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { readZip, writeZip } from '../fixtures/zip';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const dir = tempDir('pruefstand-e2e-imports-');
const servers: RunningServer[] = [];
let service: AppService;
let bridge: Bridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const runFile = path.join(dir, 'run-0.zip');
const tampered = path.join(dir, 'run-tampered.zip');

beforeAll(async () => {
  const ca = makeCa();
  writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  // Audited "elsewhere": another store, by the CLI, into a signed run file.
  const r = await runCli(['audit', https.url, '--ca', path.join(dir, 'ca.pem'), '--http-url', http.url, '--db', path.join(dir, 'elsewhere.db'), '--client', 'Agenturkunde AG', '--quiet', '--out', runFile]);
  expect(r.code, r.stderr).not.toBe(2);
  // The same file with one name changed in its signed manifest.
  const entries = await readZip(runFile);
  await writeZip(entries.map(([name, bytes]) => [name, name === 'manifest.json' ? Buffer.from(bytes.toString('utf8').replace('Agenturkunde AG', 'Bgenturkunde AG')) : bytes]), tampered);
  service = createAppService({ storeFile: path.join(dir, 'app.db'), locale: 'en-US' });
  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(bridge.url);
}, 90_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await bridge?.close();
  await service?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe('run files in Chromium', () => {
  it('refuses a changed run file and writes nothing', async () => {
    const panel = page.getByRole('region', { name: 'Take in run files' });
    await panel.getByLabel('Run file (ZIP)').fill(tampered);
    await panel.getByRole('button', { name: 'Take in' }).click();
    await panel.getByRole('alert').filter({ hasText: /^Refused, nothing taken in/ }).waitFor();
    expect(await service.handlers['clients:list']({})).toEqual([]);
  });

  it('takes in a good one: the client appears with its installation and run', async () => {
    const panel = page.getByRole('region', { name: 'Take in run files' });
    await panel.getByLabel('Run file (ZIP)').fill(runFile);
    await panel.getByRole('button', { name: 'Take in' }).click();
    await panel.getByRole('status').filter({ hasText: /Run 1 taken in: Agenturkunde AG \/ / }).waitFor();
    await page.getByRole('navigation', { name: 'Clients and installations' }).getByRole('button', { name: 'Agenturkunde AG' }).waitFor();
    await screenshot(page, '27-run-file-import');
    await panel.getByRole('button', { name: 'Take in' }).click();
    await panel.getByRole('status').filter({ hasText: /Already here: run 1/ }).waitFor();
    expect(service.handlers['runs:list']).toBeDefined();
    const [installation] = await service.handlers['installations:list']({ clientId: 1 });
    expect(await service.handlers['runs:list']({ installationId: installation!.id })).toHaveLength(1);
  });
});
