/// <reference lib="dom" />
// A target list (the CSV of `pruefstand audit --targets`) imported on the home page, in the real renderer (Chromium)
// through the bridge into a real store: a broken list shows each bad row and writes nothing; a good one shows what it
// would add and change, then becomes clients and installations; the same list again changes nothing.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const dir = tempDir('pruefstand-e2e-targets-');
const list = path.join(dir, 'targets.csv');
const broken = path.join(dir, 'broken.csv');
let service: AppService;
let bridge: Bridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  writeFileSync(
    list,
    'Mandant;Installation;Basis-URL;Landingpages;Datenschutzerklärung;Config;SSH\n' +
      'Kunde GmbH;Produktion;https://mautic.kunde.example/;https://www.kunde.example/angebot;https://www.kunde.example/datenschutz;configs/kunde.php;\n' +
      'Kunde GmbH;Test;https://test.kunde.example/;https://lp.kunde.example/neu;;;\n' +
      'Agentur AG;Marketing <img src=x onerror=alert(1)>;https://mautic.agentur.example/;;;;deploy@ssh.agentur.example\n',
  );
  writeFileSync(broken, 'client,installation,base URL\nKunde GmbH,A,http://a.example/\nKunde GmbH,B,not a url\n');
  service = createAppService({ storeFile: path.join(dir, 'app.db'), locale: 'en-US' });
  const client = await service.handlers['clients:create']({ name: 'Kunde GmbH' });
  await service.handlers['installations:create']({ clientId: client.id, name: 'Staging', baseUrl: 'https://test.kunde.example/' });
  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('dialog', (d) => void d.dismiss().then(() => pageErrors.push(`dialog: ${d.message()}`)));
  await page.goto(bridge.url);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await bridge?.close();
  await service?.close();
});

const panel = () => page.getByRole('region', { name: /^(Import a target list|Zielliste importieren)$/ });
const installationsOf = async (name: string) => {
  const client = (await service.handlers['clients:list']({})).find((c) => c.name === name);
  return client ? (await service.handlers['installations:list']({ clientId: client.id })).map((i) => i.name).sort() : [];
};

describe('importing a target list in Chromium', () => {
  it('a broken list names each bad row and nothing can be taken in', async () => {
    await panel().getByLabel('Target list (CSV)').fill(broken);
    await panel().getByRole('button', { name: 'Preview' }).click();
    const alert = panel().getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/2 error\(s\) in the file[\s\S]*Row 2, column “base URL”: "http:\/\/a\.example\/" is not an https URL[\s\S]*Row 3, column “base URL”: "not a url" is not a valid http\(s\) URL/);
    expect(await panel().getByRole('button', { name: 'Take in the list' }).count()).toBe(0);
    expect(await installationsOf('Kunde GmbH')).toEqual(['Staging']);
  });

  it('a good list is previewed row by row, then taken in as clients and installations', async () => {
    await panel().getByLabel('Target list (CSV)').fill(list);
    await panel().getByRole('button', { name: 'Preview' }).click();
    const table = panel().getByRole('table', { name: 'What targets.csv would change' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).innerText()).toMatch(/2\s+Kunde GmbH\s+Produktion\s+https:\/\/mautic\.kunde\.example\/\s+new installation[\s\S]*local\.php: – → \S*configs\/kunde\.php/);
    expect(await rows.nth(1).innerText()).toMatch(/Test[\s\S]*changed[\s\S]*Name: Staging → Test[\s\S]*Landing pages: – → https:\/\/lp\.kunde\.example\/neu/);
    // Text from the file is shown as text, never as markup.
    expect(await rows.nth(2).innerText()).toMatch(/Agentur AG\s+Marketing <img src=x onerror=alert\(1\)>[\s\S]*new client and installation/);
    expect(await panel().innerText()).toMatch(/2 new, 1 changed, 0 unchanged; nothing is written until you take the list in/);
    expect(await installationsOf('Agentur AG')).toEqual([]);
    await panel().scrollIntoViewIfNeeded();
    await screenshot(page, '41-targets-import-preview');

    await panel().getByRole('button', { name: 'Take in the list' }).click();
    await panel().getByRole('status').filter({ hasText: 'Taken in: 1 new client(s), 2 new installation(s), 1 changed, 0 unchanged.' }).waitFor();
    await page.getByRole('navigation', { name: 'Clients and installations' }).getByRole('button', { name: 'Agentur AG' }).waitFor();
    expect(await installationsOf('Kunde GmbH')).toEqual(['Produktion', 'Test']);
    expect(await installationsOf('Agentur AG')).toEqual(['Marketing <img src=x onerror=alert(1)>']);
    const clients = await service.handlers['clients:list']({});
    const prod = (await service.handlers['installations:list']({ clientId: clients.find((c) => c.name === 'Kunde GmbH')!.id })).find((i) => i.name === 'Produktion')!;
    expect(prod.configPath).toBe(path.join(dir, 'configs/kunde.php'));
  });

  it('in German, the same list again changes nothing', async () => {
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await panel().getByLabel('Zielliste (CSV)').fill(list);
    await panel().getByRole('button', { name: 'Vorschau' }).click();
    const table = panel().getByRole('table', { name: 'Was targets.csv ändern würde' });
    await table.waitFor();
    expect((await table.locator('tbody tr').allInnerTexts()).every((row) => row.includes('unverändert'))).toBe(true);
    expect(await panel().innerText()).toMatch(/0 neu, 0 geändert, 3 unverändert/);
    expect(await panel().getByRole('button', { name: 'Liste übernehmen' }).isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
