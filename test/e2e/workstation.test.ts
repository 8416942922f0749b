/// <reference lib="dom" />
// The real renderer (dist/renderer) in Debian's Chromium, against the real core and a real SQLite file
// through the loopback bridge. Screenshots of each view go to test-artifacts/screenshots/.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { startMautic, type MauticFixture } from '../fixtures/mautic';
import { hardenedHandler, HARDENED_HEADERS, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const HOSTILE_HEADER = '<script>window.__pwned="header"</script><img src=x onerror="window.__pwned=\'img-header\'">';
const HOSTILE_BODY = '<!doctype html><title>x</title><script>window.__pwned="body"</script><img src=x onerror="window.__pwned=\'img-body\'"><p>Willkommen</p>';

const ca = makeCa();
const servers: RunningServer[] = [];
const fixtures: MauticFixture[] = [];
let service: AppService;
let bridge: Bridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];
let good: { url: string; httpUrl: string };
let slowPage = true;
let hostile: { url: string };

beforeAll(async () => {
  const hardened = hardenedHandler();
  // The first audit's page answers slowly, so its progress can be seen (and photographed) while it runs.
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (req, res) => {
    if (slowPage) setTimeout(() => hardened(req, res), 1500);
    else hardened(req, res);
  });
  const http = await startHttp(redirectHandler(https.port));
  const evil = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (_req, res) => {
    res.writeHead(200, { ...HARDENED_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'X-Evil': HOSTILE_HEADER });
    res.end(HOSTILE_BODY);
  });
  servers.push(https, http, evil);
  good = { url: https.url, httpUrl: http.url };
  hostile = { url: evil.url };
  service = createAppService({ storeFile: path.join(tempDir('pruefstand-e2e-'), 'app.db'), locale: 'en-US' });
  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  page.setDefaultTimeout(10_000);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(bridge.url);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await bridge?.close();
  await service?.close();
  await Promise.all([...servers, ...fixtures].map((s) => s.close()));
});

const main = () => page.getByRole('main');
const sidebar = () => page.getByRole('navigation', { name: 'Clients and installations' });

async function createInstallation(name: string, baseUrl: string, httpUrl?: string) {
  await main().getByRole('button', { name: 'New installation' }).click();
  await page.getByLabel('Name', { exact: true }).fill(name);
  await page.getByLabel('Base URL (https)').fill(baseUrl);
  if (httpUrl) await page.getByLabel('HTTP URL (optional)').fill(httpUrl);
  await page.getByLabel('Extra CA certificate').setInputFiles({ name: 'intern-ca.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(ca.certPem) });
  await expect.poll(() => page.getByText('intern-ca.pem').count()).toBeGreaterThan(0);
  return page;
}

async function runAuditAndOpenResults() {
  await main().getByRole('button', { name: 'Start audit' }).click();
  await page.getByRole('heading', { level: 1, name: /^Audit of / }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor({ timeout: 20_000 });
}

const items = () => main().getByRole('button', { name: /^Item \d+: / });

function item(title: RegExp) {
  return main().getByRole('button', { name: title });
}

describe('the workstation in Chromium', () => {
  it('creates a client and an installation, with form validation in place', async () => {
    await page.getByRole('heading', { level: 1, name: 'Welcome' }).waitFor();
    await screenshot(page, '01-home');
    await sidebar().getByRole('button', { name: 'New client' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Müller & Söhne GmbH');
    await page.getByLabel('Notes').fill('Erstprüfung vor Go-live');
    await screenshot(page, '02-client-form');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { level: 1, name: 'Müller & Söhne GmbH' }).waitFor();

    await createInstallation('Produktion', 'http://not-https.example.org/');
    await page.getByRole('button', { name: 'Create installation' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByLabel('Base URL (https)').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, '03-installation-form-error');

    await page.getByLabel('Base URL (https)').fill(good.url);
    await page.getByLabel('HTTP URL (optional)').fill(good.httpUrl);
    await page.getByLabel('Landing-page URLs').fill('https://lp.example.org/angebot\nhttps://lp.example.org/webinar');
    await page.getByLabel('Privacy-policy URL').fill('https://example.org/datenschutz');
    await page.getByRole('button', { name: 'Create installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Produktion' }).waitFor();
    await expect.poll(() => main().getByText('https://lp.example.org/webinar').count()).toBeGreaterThan(0);
    await screenshot(page, '04-installation');
  });

  it('runs an audit with live progress and shows the verdicts', async () => {
    await main().getByRole('button', { name: 'Start audit' }).click();
    await page.getByRole('heading', { level: 1, name: /^Audit of Produktion/ }).waitFor();
    await page.getByRole('progressbar', { name: 'Audit progress' }).waitFor();
    await main().getByText(/\d+ of 47 checks done/).waitFor();
    await main().getByRole('button', { name: 'Cancel audit' }).waitFor();
    await screenshot(page, '05-audit-progress');
    await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor({ timeout: 20_000 });
    slowPage = false;
    expect(await page.getByTestId('run-header-score').innerText()).toMatch(/100.*A\+/s);
    expect(await items().count()).toBe(15);
    await expect.poll(() => item(/^Item 13: HTTP security headers configured Pass/).count()).toBe(1);
    await expect.poll(() => item(/^Item 11: .*Manual/).count()).toBe(1);
    await screenshot(page, '06-results');
  });

  it('filters by verdict and severity', async () => {
    await page.getByRole('group', { name: 'Filter by verdict' }).getByRole('button', { name: /^Pass/ }).click();
    await expect.poll(() => items().count()).toBe(1);
    await page.getByRole('group', { name: 'Filter by severity' }).getByRole('button', { name: /^Critical/ }).click();
    await expect.poll(() => items().count()).toBe(0);
    await main().getByRole('button', { name: 'Show all items' }).click();
    await expect.poll(() => items().count()).toBe(15);
  });

  it('opens an evidence item: the certificate chain with its fields', async () => {
    await item(/^Item 11: /).click();
    await main().getByRole('button', { name: /^Open evidence: TLS handshake/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Evidence: TLS handshake' });
    await dialog.waitFor();
    await dialog.getByRole('heading', { name: 'Certificate chain' }).waitFor();
    expect(await dialog.innerText()).toContain('CN=localhost');
    expect(await dialog.innerText()).toContain('BEGIN CERTIFICATE');
    await screenshot(page, '07-evidence-certificate');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('exports the reports of a run with progress, then lists the files', async () => {
    await page.getByLabel('Auditor (shown on the cover)').fill('Anna Weiß');
    await main().getByRole('button', { name: 'Export reports' }).click();
    await main().getByText('Reports written to').waitFor({ timeout: 20_000 });
    const files = main().getByRole('button', { name: 'Show in folder' });
    expect(await files.count()).toBe(3);
    const listed = await main().locator('.export-files').innerText();
    for (const name of ['pruefbericht.pdf', 'evidenz.xlsx', 'evidenzpaket.zip']) expect(listed).toContain(name);
    await main().getByRole('heading', { name: 'Reports' }).scrollIntoViewIfNeeded();
    await screenshot(page, '07b-export');
  });

  it('switches to German at once, including the stored run', async () => {
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'Deutsch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit-Ergebnisse' }).waitFor();
    await expect.poll(() => main().getByText('Kommunikation mit Mautic ausschließlich über HTTPS').count()).toBeGreaterThan(0);
    await screenshot(page, '08-results-de');
    await page.getByRole('group', { name: 'Sprache' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor();
  });

  it('lists the runs of an installation, newest first, each openable', async () => {
    await main().getByRole('button', { name: 'Back to the installation' }).click();
    await runAuditAndOpenResults();
    await main().getByRole('button', { name: 'Back to the installation' }).click();
    const history = main().getByRole('table', { name: 'Audit history' });
    await history.waitFor();
    const open = history.getByRole('button', { name: /^Open audit of / });
    expect(await open.count()).toBe(2);
    await screenshot(page, '09-history');
    await open.last().click();
    await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor();
  });

  it('shows a hostile site as text and never runs its markup', async () => {
    await sidebar().getByRole('button', { name: 'Müller & Söhne GmbH' }).click();
    await createInstallation('Feindlich', hostile.url);
    await page.getByRole('button', { name: 'Create installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feindlich' }).waitFor();
    await runAuditAndOpenResults();
    await item(/^Item 13: /).click();
    await main().getByRole('button', { name: /^Open evidence: GET / }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Evidence: HTTP exchange' });
    await dialog.waitFor();
    await expect.poll(() => dialog.getByText(HOSTILE_HEADER, { exact: true }).count()).toBe(1);
    expect(await dialog.innerText()).toContain('<script>window.__pwned="body"</script>');
    await screenshot(page, '10-hostile-evidence');
    await dialog.getByRole('button', { name: 'Open the stored body' }).click();
    await expect.poll(() => page.getByRole('dialog').innerText()).toContain(`<img src=x onerror="window.__pwned='img-body'">`);
    await screenshot(page, '11-hostile-body');

    expect(await page.evaluate(() => (window as { __pwned?: string }).__pwned)).toBeUndefined();
    expect(await page.locator('img[src="x"], iframe, script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('is usable by keyboard with a visible focus ring, and fits 1024×700 without sideways scrolling', async () => {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { tag: el.tagName, outline: style.outlineStyle, width: parseFloat(style.outlineWidth), shadow: style.boxShadow };
    });
    expect(focused.tag).toBe('BUTTON');
    expect(focused.outline !== 'none' && focused.width > 0 ? true : focused.shadow !== 'none').toBe(true);
    // Open the first item by keyboard alone.
    await item(/^Item 1: /).focus();
    await page.keyboard.press('Enter');
    expect(await item(/^Item 1: /).getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, '12-results-1024x700');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('shows a run whose automated checks could not all run as incomplete, with the causes, not as a score', async () => {
    const closed = await startHttp((_q, res) => res.end());
    await closed.close();
    await sidebar().getByRole('button', { name: 'Müller & Söhne GmbH' }).click();
    await createInstallation('Halb erreichbar', `${good.url}halb/`, good.httpUrl);
    await page.getByLabel('Landing-page URLs').fill(`https://localhost:${closed.port}/lp`);
    await page.getByRole('button', { name: 'Create installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Halb erreichbar' }).waitFor();
    await runAuditAndOpenResults();
    const notice = page.getByTestId('run-incomplete');
    await expect.poll(() => notice.innerText()).toMatch(/^Incomplete\s+\d+ automated check\(s\) could not run – connection refused \d+ \(.*landing\.third-parties/s);
    expect(await page.getByTestId('run-score').innerText()).toMatch(/^Incomplete\s*provisional: \d+ \/ 100$/);
    expect(await main().locator('.run-summary .run-state').innerText()).toBe('Incomplete');
    await screenshot(page, '18-incomplete-run');
    await main().getByRole('button', { name: 'Back to the installation' }).click();
    const row = main().getByRole('table', { name: 'Audit history' }).getByRole('row').nth(1);
    await expect.poll(() => row.innerText()).toMatch(/Incomplete\s+\d+ \(provisional\)/);
    await screenshot(page, '19-incomplete-history');
  });

  it('audits a Mautic installation with its pages, forms, policy and local.php: version shown, secrets redacted', async () => {
    const m = await startMautic({ version: '4.4', secure: false, ca });
    fixtures.push(m);
    await sidebar().getByRole('button', { name: 'Müller & Söhne GmbH' }).click();
    await createInstallation('Mautic 4.4', m.url, m.httpUrl);
    await page.getByLabel('Landing-page URLs').fill(m.landingPages.join('\n'));
    await page.getByLabel('Privacy-policy URL').fill(m.privacyPolicyUrl);
    await page.getByLabel('Form pages (URLs)').fill(m.formUrls.join('\n'));
    await page.getByLabel('local.php').fill(m.localPhpPath);
    await page.getByLabel('Crontab (optional)').fill(m.crontabPath);
    await page.getByRole('button', { name: 'Create installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mautic 4.4' }).waitFor();
    await runAuditAndOpenResults();
    expect(await page.getByTestId('run-mautic-version').innerText()).toMatch(/^4\./);
    await expect.poll(() => item(/^Item 5: .*Fail/).count()).toBe(1);
    await expect.poll(() => item(/^Item 9: .*Fail/).count()).toBe(1);
    await screenshot(page, '16-mautic-results');

    await item(/^Item 9: /).click();
    // The merged configuration, each value with where it comes from (local.php or the version's default).
    await main().getByRole('button', { name: /^Open evidence: Effective configuration with provenance, secrets redacted/ }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Evidence: Configuration file (redacted)' });
    await dialog.waitFor();
    await expect.poll(() => dialog.innerText()).toContain('[redacted]');
    const shown = await dialog.innerText();
    for (const secret of m.secrets) expect(shown).not.toContain(secret);
    await screenshot(page, '17-config-evidence-redacted');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('reads the configuration over SSH: settings kept, the password asked for at the audit and never stored', async () => {
    await sidebar().getByRole('button', { name: 'Müller & Söhne GmbH' }).click();
    await createInstallation('Per SSH', good.url.replace('localhost', '127.0.0.1'));
    await page.getByLabel('Form pages (URLs)').fill(`${good.url}form/1`);
    await page.getByRole('radio', { name: 'Read over SSH (read-only)' }).check();
    await page.getByLabel('SSH host').fill('127.0.0.1');
    await page.getByLabel('Port', { exact: true }).fill('1');
    await page.getByLabel('User', { exact: true }).fill('audit');
    await page.getByLabel('Sign-in').selectOption('password');
    await main().getByText('There is no keychain here: the password is asked for at each audit and not stored.').waitFor();
    await page.getByLabel('Web server user (optional)').fill('www-data');
    await screenshot(page, '14-installation-ssh-form');
    await page.getByRole('button', { name: 'Create installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Per SSH' }).waitFor();
    await main().getByText('SSH audit@127.0.0.1:1 (Password)').waitFor();
    await main().getByText(`${good.url}form/1`).waitFor();

    await main().getByRole('button', { name: 'Start audit' }).click();
    const prompt = page.getByRole('dialog', { name: 'SSH password' });
    await prompt.waitFor();
    await screenshot(page, '15-ssh-password-prompt');
    await prompt.getByLabel('Password').fill('nur-fuer-diese-pruefung');
    await prompt.getByRole('button', { name: 'Start audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit results' }).waitFor({ timeout: 30_000 });
    const listed = await service.handlers['installations:list']({ clientId: 1 });
    expect(listed.find((i) => i.name === 'Per SSH')).toMatchObject({ hasSecret: false, ssh: { host: '127.0.0.1', port: 1, auth: 'password', webUser: 'www-data' } });
  });

  it('deletes an installation without runs only after confirmation', async () => {
    await sidebar().getByRole('button', { name: 'Müller & Söhne GmbH' }).click();
    await createInstallation('Wegwerf', 'https://throwaway.example.org/');
    await page.getByRole('button', { name: 'Create installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wegwerf' }).waitFor();
    await main().getByRole('button', { name: 'Delete installation' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete installation?' });
    await confirm.waitFor();
    await screenshot(page, '13-confirm-delete');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1, name: 'Wegwerf' }).waitFor();
    await main().getByRole('button', { name: 'Delete installation' }).click();
    await confirm.getByRole('button', { name: 'Delete installation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Müller & Söhne GmbH' }).waitFor();
    // The client's view can show its heading before its list of installations has been read again.
    await expect.poll(() => main().getByRole('button', { name: /^Wegwerf/ }).count()).toBe(0);
  });
});
