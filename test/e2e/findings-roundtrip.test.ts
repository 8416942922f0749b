/// <reference lib="dom" />
// The findings' Excel round trip in the real renderer (Chromium), against the real core and store through the bridge:
// a real loopback site audited through the service opens findings; the DPO exports them for the client's team from
// the installation page; the test edits the written workbook with exceljs as the team would (status from the
// dropdown's values, owner, due date, a comment) while a finding is changed in the app, which makes a conflict; the
// import dialog previews changes and the conflict, refuses to apply before the conflict is decided, then applies.
// Bad rows, a workbook that is not ours and a truncated file are refused and change nothing. Screenshots in
// test-artifacts/screenshots/.
import { readFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { Workbook, type Row } from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import type { FindingView } from '../../electron/shared/contract';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ca = makeCa();
const servers: RunningServer[] = [];
let service: AppService;
let bridge: Bridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let installationId: number;
let exported: string;
const pageErrors: string[] = [];

/** Runs an audit through the service, as the app's Start button does, and waits for its run to be stored. */
async function audit(): Promise<number> {
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
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = { ...HARDENED_HEADERS };
    delete headers['X-Frame-Options'];
    delete headers['X-Content-Type-Options'];
    headers['Content-Security-Policy'] = "default-src 'none'; script-src 'self'";
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  service = createAppService({ storeFile: path.join(tempDir('pruefstand-e2e-findings-roundtrip-'), 'app.db'), locale: 'en-US' });
  const client = await service.handlers['clients:create']({ name: 'Kunde GmbH' });
  installationId = (await service.handlers['installations:create']({ clientId: client.id, name: 'Produktion', baseUrl: https.url, httpUrl: http.url, caPem: ca.certPem, caName: 'ca.pem' })).id;
  await audit();
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
const importDialog = () => page.getByRole('dialog', { name: 'Import the returned findings workbook' });
const findings = async (): Promise<FindingView[]> => service.handlers['findings:list']({ installationId, lang: 'en' });
const title = (f: FindingView) => `${f.itemNumber}. ${f.checkTitle}`;

/** Opens the exported workbook (or `source`), lets `edit` change rows (by finding id) as the client's team would, returns the bytes. */
async function edited(edit: (set: (findingId: number, column: string, value: unknown) => void) => void, source = exported): Promise<Buffer> {
  const wb = new Workbook();
  await wb.xlsx.readFile(source);
  const ws = wb.getWorksheet('Findings')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows = new Map<number, Row>();
  ws.eachRow((row, n) => {
    if (n > 1 && typeof row.getCell(1).value === 'number') rows.set(row.getCell(1).value as number, row);
  });
  edit((findingId, column, value) => {
    expect(header, column).toContain(column);
    rows.get(findingId)!.getCell(header.indexOf(column) + 1).value = value as never;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function chooseFile(name: string, buffer: Buffer) {
  await importDialog().getByLabel('Workbook (.xlsx)').setInputFiles({ name, mimeType: XLSX, buffer });
}

describe('the findings workbook round trip in Chromium', () => {
  it('exports the open findings for the client’s team from the installation page', async () => {
    const nav = page.getByRole('navigation', { name: 'Clients and installations' });
    await nav.getByRole('button', { name: 'Kunde GmbH' }).click();
    await nav.getByRole('button', { name: 'Produktion' }).click();
    await expect.poll(() => panel().locator('tbody tr').count()).toBeGreaterThan(3);
    await panel().getByRole('button', { name: 'Export for the client’s team' }).click();
    const status = panel().getByRole('status').filter({ hasText: 'Written' });
    const open = (await findings()).length;
    await expect.poll(() => status.innerText()).toMatch(new RegExp(`^Written \\(${open} open findings\\): .*\\.xlsx`));
    exported = /: (\/.*\.xlsx)/.exec(await status.innerText())![1]!;
    expect(readFileSync(exported).subarray(0, 2).toString()).toBe('PK');
    expect(await status.getByRole('button', { name: 'Show in folder' }).isVisible()).toBe(true);
  });

  it('previews the team’s edits and a conflict; applies only once the conflict is decided', async () => {
    const [first, second, third] = await findings();
    const book = await edited((set) => {
      set(first!.id, 'Status', 'in progress');
      set(first!.id, 'Owner', 'Web-Agentur (J. Roth)');
      set(first!.id, 'Due on', new Date(Date.UTC(2027, 1, 15)));
      set(second!.id, 'New comment', 'Wird mit dem Relaunch erledigt');
      set(third!.id, 'Owner', 'Agentur');
    });
    // Meanwhile the DPO assigns the third finding in the app: the file and the app now disagree on its owner.
    await service.handlers['findings:update']({ id: third!.id, patch: { owner: 'IT intern' }, by: 'DSB' });

    await panel().getByRole('button', { name: 'Import returned workbook …' }).click();
    await chooseFile('befunde-zurueck.xlsx', book);
    const preview = importDialog().getByRole('region', { name: 'Import the returned findings workbook' });
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/Exported for https:\/\/localhost:\d+\/ on /);
    expect(await preview.locator('.import-counts').innerText()).toMatch(/2 findings changed\s*1 conflict\s*\d+ unchanged/);
    const changes = importDialog().getByRole('table', { name: 'Changes from the file' });
    const firstRows = await changes.locator('tbody').filter({ hasText: title(first!) }).innerText();
    expect(firstRows).toMatch(/Status\s+Open\s+In progress/);
    expect(firstRows).toMatch(/Owner\s+—\s+Web-Agentur \(J\. Roth\)/);
    expect(firstRows).toMatch(/Due\s+\S.*\s+Feb 15, 2027/);
    expect(await changes.locator('tbody').filter({ hasText: title(second!) }).innerText()).toMatch(/New comment\s+—\s+Wird mit dem Relaunch erledigt/);
    const conflicts = importDialog().getByRole('table', { name: 'Conflicts' });
    expect(await conflicts.locator('tbody tr').innerText()).toMatch(new RegExp(`${title(third!).replace(/[.()]/g, '\\$&')}[\\s\\S]*Owner\\s+—\\s+IT intern\\s+Agentur`));
    await screenshot(page, '28-findings-import-preview');

    const apply = importDialog().getByRole('button', { name: 'Apply' });
    await importDialog().getByLabel('Applied by').fill('J. Roth');
    expect(await apply.isDisabled()).toBe(true);
    await importDialog().getByText('Choose which values count for the conflicts.').waitFor();
    expect((await findings()).find((f) => f.id === first!.id)!.status).toBe('open');

    await importDialog().getByRole('radiogroup', { name: 'Which values count for the conflicts?' }).getByLabel('Take the file’s values').check();
    expect(await apply.isEnabled()).toBe(true);
    await apply.scrollIntoViewIfNeeded();
    await screenshot(page, '29-findings-import-conflicts');
    await apply.click();
    await importDialog().waitFor({ state: 'detached' });
    await panel().getByRole('status').filter({ hasText: 'Imported: 2 findings changed, 1 comment added, 1 conflict decided.' }).waitFor();
    const row = (f: FindingView) => panel().locator('tbody tr').filter({ hasText: title(f) }).first();
    expect(await row(first!).innerText()).toMatch(/In progress\s+Web-Agentur \(J\. Roth\)\s+Feb 15, 2027/);
    expect(await row(third!).innerText()).toMatch(/\tAgentur\t/);
    const history = await service.handlers['findings:history']({ id: second!.id });
    expect(history.at(-1)).toMatchObject({ kind: 'comment', by: 'J. Roth', data: { comment: 'Wird mit dem Relaunch erledigt' } });
  });

  it('lists bad rows and keeps Apply disabled; a workbook not ours and a truncated file are refused, nothing changes', async () => {
    const before = await findings();
    const fourth = before[3]!;
    const badRow = await edited((set) => set(fourth.id, 'Status', 'fixed'));
    await panel().getByRole('button', { name: 'Import returned workbook …' }).click();
    await chooseFile('bad-row.xlsx', badRow);
    const alert = importDialog().getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/The file has rows with errors[\s\S]*Sheet “Findings”, row \d+, column “Status”: /);
    expect(await importDialog().getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    expect(await importDialog().getByLabel('Applied by').count()).toBe(0);

    const foreign = new Workbook();
    foreign.addWorksheet('Umsatz').addRows([['Monat', 'Umsatz'], ['Januar', 1200]]);
    await chooseFile('umsatz.xlsx', Buffer.from(await foreign.xlsx.writeBuffer()));
    await expect.poll(() => importDialog().getByRole('alert').innerText()).toMatch(/^Invalid: umsatz\.xlsx: not a Prüfstand findings workbook/);
    expect(await importDialog().getByRole('region').count()).toBe(0);
    expect(await importDialog().getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);

    const whole = readFileSync(exported);
    await chooseFile('abgeschnitten.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect.poll(() => importDialog().getByRole('alert').innerText()).toMatch(/abgeschnitten\.xlsx: /);
    expect(await importDialog().getByRole('button', { name: 'Apply' }).isDisabled()).toBe(true);
    await importDialog().getByRole('button', { name: 'Cancel' }).click();
    await importDialog().waitFor({ state: 'detached' });
    expect(await findings()).toEqual(before);
  });

  it('speaks German: the dialog, the status labels and the dates', async () => {
    const fourth = (await findings())[3]!;
    const book = await edited((set) => {
      set(fourth.id, 'Status', 'in Arbeit');
      set(fourth.id, 'Due on', new Date(Date.UTC(2027, 2, 31)));
    });
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
    const befunde = main().getByRole('region', { name: 'Befunde über alle Audits' });
    await befunde.getByRole('button', { name: 'Zurückgeschickte Arbeitsmappe importieren …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Zurückgeschickte Befund-Arbeitsmappe importieren' });
    await dialog.getByLabel('Arbeitsmappe (.xlsx)').setInputFiles({ name: 'befunde.xlsx', mimeType: XLSX, buffer: book });
    const changes = dialog.getByRole('table', { name: 'Änderungen aus der Datei' });
    await changes.waitFor();
    expect(await changes.innerText()).toMatch(/Status\s+Offen\s+In Arbeit[\s\S]*Fällig\s+\S.*\s+31\.03\.2027/);
    expect(await dialog.getByRole('button', { name: 'Übernehmen' }).isDisabled()).toBe(true);
    await dialog.getByText('Tragen Sie ein, wer die Änderungen übernimmt.').waitFor();
    await dialog.getByRole('button', { name: 'Abbrechen' }).click();
    await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
  });

  it('the client page exports all its installations’ findings and imports them back', async () => {
    await page.getByRole('navigation', { name: 'Clients and installations' }).getByRole('button', { name: 'Kunde GmbH' }).click();
    const section = main().getByRole('region', { name: 'Findings workbook for the client’s team' });
    await section.getByRole('button', { name: 'Export for the client’s team' }).click();
    const status = section.getByRole('status').filter({ hasText: 'Written' });
    await expect.poll(() => status.innerText()).toMatch(/^Written \(4 open findings\): .*findings-Kunde-GmbH-.*\.xlsx/);
    const file = /: (\/.*\.xlsx)/.exec(await status.innerText())![1]!;
    const fourth = (await findings())[3]!;
    const book = await edited((set) => set(fourth.id, 'Owner', 'Hosting (K. Wolf)'), file);
    await section.getByRole('button', { name: 'Import returned workbook …' }).click();
    await chooseFile('kunde.xlsx', book);
    await importDialog().getByText('Exported for Kunde GmbH on ').waitFor();
    expect(await importDialog().getByRole('table', { name: 'Changes from the file' }).innerText()).toContain(title(fourth));
    await importDialog().getByLabel('Applied by').fill('K. Wolf');
    await importDialog().getByRole('button', { name: 'Apply' }).click();
    await section.getByRole('status').filter({ hasText: 'Imported: 1 finding changed.' }).waitFor();
    expect((await findings()).find((f) => f.id === fourth.id)!.owner).toBe('Hosting (K. Wolf)');
    expect(pageErrors).toEqual([]);
  });
});
