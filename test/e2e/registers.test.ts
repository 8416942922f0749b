/// <reference lib="dom" />
// The registers view and the auditor's judgement in the real renderer (Chromium), against the real core and a
// real SQLite file through the loopback bridge: a real-world-shaped workbook imported with a preview, entries
// created, filtered, edited and deleted with confirmation; then an attestation and an override on a real run.
// Screenshots go to test-artifacts/screenshots/.
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const ca = makeCa();
const servers: RunningServer[] = [];
let service: AppService;
let bridge: Bridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let site: { url: string; httpUrl: string };
const pageErrors: string[] = [];

/** The way consultants get these lists: a title, a blank row, a header with German names, gaps, German dates, one bad row. */
async function consultantsWorkbook(): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet('AVV-Liste');
  ws.addRow(['Auftragsverarbeiter der Kunde GmbH – Stand 01.12.2026']);
  ws.addRow([]);
  ws.addRow(['Dienstleister', 'Leistung', 'Land', 'AVV unterzeichnet am', 'Übermittlungsgrundlage', 'Nächste Prüfung']);
  ws.addRow(['Hetzner Online GmbH', 'Hosting des Mautic-Servers', 'Deutschland', '15.03.2025', '', '15.03.2027']);
  ws.addRow([]);
  ws.addRow(['Brevo (Sendinblue SAS)', 'E-Mail-Versand', 'FR', '02.01.2026', 'keine', '31.12.2025']);
  ws.addRow(['Kaputt AG', 'Irgendwas', 'Atlantis', '32.13.2026', '', '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  site = { url: https.url, httpUrl: http.url };
  service = createAppService({ storeFile: path.join(tempDir('pruefstand-e2e-registers-'), 'app.db'), locale: 'en-US' });
  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await service.handlers['clients:create']({ name: 'Kunde GmbH' });
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
const rows = () => main().getByRole('tabpanel').locator('tbody tr');

describe('the registers in Chromium', () => {
  it('imports a consultant’s workbook with a preview that names each bad row, and writes only when confirmed', async () => {
    await page.getByRole('navigation', { name: 'Clients and installations' }).getByRole('button', { name: 'Kunde GmbH' }).click();
    await main().getByRole('button', { name: 'Registers (DPAs, records)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registers of Kunde GmbH' }).waitFor();
    await main().getByText('No processors recorded yet.').waitFor();

    await main().getByRole('button', { name: 'Import spreadsheet …' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import registers from a spreadsheet' });
    // A damaged file first: a clear error, nothing to apply.
    await dialog.getByLabel('Excel or CSV file').setInputFiles({ name: 'kaputt.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(300, 1)]) });
    await dialog.getByRole('alert').filter({ hasText: 'kaputt.xlsx: the file is damaged' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply changes' }).isDisabled()).toBe(true);
    await dialog.getByLabel('Excel or CSV file').setInputFiles({ name: 'avv-liste.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await consultantsWorkbook() });
    await dialog.getByText('2 new').waitFor();
    const errors = await dialog.getByRole('alert').innerText();
    expect(errors).toMatch(/AVV-Liste, row 7, column “Land”/);
    expect(errors).toMatch(/Atlantis/);
    await screenshot(page, '20-registers-import-preview');
    // Nothing is written before the confirmation.
    expect((await service.handlers['registers:get']({ clientId: 1 })).processors).toHaveLength(0);
    await dialog.getByRole('button', { name: 'Apply changes' }).click();
    await main().getByRole('status').filter({ hasText: 'Applied: 2 new, 0 changed.' }).waitFor();
    await expect.poll(() => rows().count()).toBe(2);
    const table = await main().getByRole('tabpanel').innerText();
    expect(table).toContain('Hetzner Online GmbH');
    expect(table).toMatch(/Mar 15, 2025/);
    expect(table).toContain('review overdue');
  });

  it('creates a processor with its DPA PDF, filters, edits, and deletes only after confirmation', async () => {
    await main().getByRole('button', { name: 'New processor' }).click();
    const form = page.getByRole('dialog', { name: 'New processor' });
    await form.getByLabel('Name (contracting party)').fill('Meta Platforms Ireland Ltd.');
    await form.getByLabel('Service').fill('Meta-Pixel (Conversion-Tracking)');
    await form.getByLabel('Country (ISO code)').fill('ie');
    await form.getByLabel('DPA signed on').fill('2026-02-01');
    await form.getByLabel('Basis of third-country transfers').selectOption('dpf');
    await form.getByLabel('DPA document (PDF)').setInputFiles({ name: 'avv-meta.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\nAVV Meta\n%%EOF\n') });
    await form.getByText(/DPA on file: [0-9a-f]{16}…/).waitFor();
    await screenshot(page, '21-registers-processor-form');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => rows().count()).toBe(3);
    const stored = (await service.handlers['registers:get']({ clientId: 1 })).processors.find((p) => p.name.startsWith('Meta'));
    expect(stored).toMatchObject({ country: 'IE', transferBasis: 'dpf', dpaSignedOn: '2026-02-01' });
    expect(stored?.dpaDocument).toMatch(/^[0-9a-f]{64}$/);

    await main().getByRole('searchbox').fill('hetzner');
    await expect.poll(() => rows().count()).toBe(1);
    await main().getByText('1 of 3 entries').waitFor();
    await main().getByRole('searchbox').fill('');

    await main().getByRole('button', { name: 'Edit: Brevo (Sendinblue SAS)' }).click();
    const edit = page.getByRole('dialog', { name: /^Edit processor/ });
    await edit.getByLabel('Next review').fill('2027-06-30');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    expect((await service.handlers['registers:get']({ clientId: 1 })).processors.find((p) => p.name.startsWith('Brevo'))?.nextReviewOn).toBe('2027-06-30');

    await main().getByRole('button', { name: 'Delete: Hetzner Online GmbH' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete processor?' });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    expect(await rows().count()).toBe(3);
    await main().getByRole('button', { name: 'Delete: Hetzner Online GmbH' }).click();
    await page.getByRole('alertdialog', { name: 'Delete processor?' }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    await screenshot(page, '22-registers-processors');
  });

  it('records a processing activity with its legal basis; the view speaks German', async () => {
    await main().getByRole('tab', { name: /^Records of processing/ }).click();
    await main().getByRole('button', { name: 'New processing activity' }).click();
    const form = page.getByRole('dialog', { name: 'New processing activity' });
    await form.getByLabel('Processing activity', { exact: true }).fill('Marketing-Automation (Mautic)');
    await form.getByLabel('Legal basis (Art. 6(1) GDPR)').selectOption('a');
    await form.getByLabel('Recipients').fill('Brevo (E-Mail-Versand)');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().innerText()).toContain('(a) consent');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Register von Kunde GmbH' }).waitFor();
    expect(await rows().first().innerText()).toContain('lit. a – Einwilligung');
    await screenshot(page, '23-registers-activities-de');
    await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
  });

  it('attests a manual check and overrides a measured one on a real run; both are shown beside the measured verdict', async () => {
    const inst = await service.handlers['installations:create']({ clientId: 1, name: 'Produktion', baseUrl: site.url, httpUrl: site.httpUrl, caPem: ca.certPem, caName: 'ca.pem' });
    const { auditId } = await service.handlers['audits:start']({ installationId: inst.id, lang: 'en' });
    expect(auditId).toBeTruthy();
    await expect.poll(async () => (await service.handlers['runs:list']({ installationId: inst.id }))[0]?.state, { timeout: 30_000 }).toBe('complete');
    // The installation was made behind the window's back: a reload lists it.
    await page.reload();
    const nav = page.getByRole('navigation', { name: 'Clients and installations' });
    await nav.getByRole('button', { name: 'Kunde GmbH' }).click();
    await nav.getByRole('button', { name: 'Produktion' }).click();
    await main().getByRole('button', { name: /^Open audit of / }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor();

    await main().getByRole('button', { name: /^Item 4: / }).click();
    await main().getByRole('button', { name: /^Attest … / }).first().click();
    const attest = page.getByRole('dialog', { name: /^Attest “/ });
    await attest.getByLabel('Statement').fill('Double opt-in in Formular 3 getestet: Bestätigungsmail kam, Kontakt erst danach aktiv.');
    await attest.getByLabel('By', { exact: true }).fill('Anna Weiß');
    await attest.getByLabel('Attachments').setInputFiles({ name: 'doi-test.txt', mimeType: 'text/plain', buffer: Buffer.from('Mail-Header …') });
    await attest.getByRole('button', { name: 'Record judgement' }).click();
    const box = main().getByRole('complementary', { name: /^Auditor's judgement: / }).first();
    await box.waitFor();
    expect(await box.innerText()).toMatch(/Attestation[\s\S]*judged:[\s\S]*Pass[\s\S]*measured:[\s\S]*Manual[\s\S]*Anna Weiß/);

    await main().getByRole('button', { name: /^Item 13: / }).click();
    await main().getByRole('button', { name: /^Override … / }).first().click();
    const override = page.getByRole('dialog', { name: /^Override the verdict of / });
    await override.getByLabel('Verdict').selectOption('warn');
    await override.getByLabel('Reason').fill('Header wird vom vorgelagerten Proxy gesetzt, hier nicht sichtbar.');
    await override.getByLabel('By', { exact: true }).fill('Anna Weiß');
    await override.getByRole('button', { name: 'Record judgement' }).click();
    await expect.poll(() => main().getByRole('complementary', { name: /^Auditor's judgement: / }).count()).toBe(2);
    await main().getByText('Header wird vom vorgelagerten Proxy gesetzt, hier nicht sichtbar.').scrollIntoViewIfNeeded();
    await screenshot(page, '24-run-judgements');

    const run = (await service.handlers['runs:list']({ installationId: inst.id }))[0]!;
    // The DPA attached in the register travels with the run as evidence (and so into its pack).
    const evidence = (await service.handlers['runs:get']({ runId: run.id, lang: 'en' })).evidence;
    expect(evidence.filter((e) => e.kind === 'document').map((e) => e.summary)).toContain('DPA with Meta Platforms Ireland Ltd., signed 2026-02-01');
    const judged = await service.handlers['judgements:list']({ runId: run.id });
    expect(judged.map((j) => j.kind).sort()).toEqual(['attestation', 'override']);
    // The measured verdicts and the score stay as measured.
    const view = await service.handlers['runs:get']({ runId: run.id, lang: 'en' });
    expect(view.score).toBe(run.score);

    await main().getByRole('complementary', { name: /^Auditor's judgement: / }).last().getByRole('button', { name: 'Withdraw …' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Withdraw judgement?' });
    await withdraw.getByLabel('Reason').fill('Proxy-Konfiguration geprüft: Header fehlt wirklich.');
    await withdraw.getByLabel('By').fill('Anna Weiß');
    await withdraw.getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(() => main().getByRole('complementary', { name: /^Auditor's judgement: / }).count()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
