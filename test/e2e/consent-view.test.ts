/// <reference lib="dom" />
// The consent matrix in the real renderer (Chromium), against the real core and store through the bridge: a run whose
// browser visits were recorded as the probe records them ('browser-visit' evidence) shows, per landing page, the
// tracking cookie before consent, what accepting and refusing changed, in German and in English, the site's strings
// as text. Screenshots in test-artifacts/screenshots/.
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import { loadTrackingList } from '../../electron/core/checklist/tracking-load';
import { openStore } from '../../electron/core/store';
import type { ConsentVisit, VisitCookie, VisitRequest } from '../../electron/shared/consent';
import { tempDir } from '../fixtures/audit-harness';
import { launchChromium, screenshot } from '../fixtures/browser';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const PAGE = 'https://www.kunde.example/angebot';
const HOSTILE_KEY = '<img src=x onerror="window.__pwned=1">';
let service: AppService;
let bridge: Bridge;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const pageErrors: string[] = [];

const cookie = (name: string, domain: string, phase: VisitCookie['phase'], firstParty = true): VisitCookie => ({ name, domain, path: '/', expires: '2027-06-01T00:00:00.000Z', httpOnly: false, secure: true, sameSite: 'Lax', firstParty, phase });
const request = (url: string, phase: VisitRequest['phase'], thirdParty: boolean, atMs: number): VisitRequest => ({ url, method: 'GET', type: 'Script', initiator: 'parser', initiatorUrl: null, thirdParty, phase, atMs, status: 200, blocked: null, failed: null });
const button = (text: string) => ({ by: 'cmp' as const, selector: text.startsWith('Alle') ? '#cmp-accept' : '#cmp-reject', text });

function visit(action: ConsentVisit['action'], over: Partial<ConsentVisit>): ConsentVisit {
  return {
    action,
    error: null,
    finalUrl: PAGE,
    status: 200,
    banner: { cmp: { id: 'cookiebot', name: 'Cookiebot' }, shown: true, accept: button('Alle akzeptieren'), reject: button('Nur notwendige') },
    clicked: null,
    clickedAt: null,
    requests: [request(PAGE, 'before', false, 0)],
    requestsCapped: 0,
    cookies: [],
    storage: { before: { local: [], session: [] }, after: null },
    dismissed: { dialogs: 0, popups: 0, downloads: 0 },
    startedAt: '2026-12-07T08:00:00.000Z',
    ms: 4200,
    evidence: { record: null, screenshot: null, har: null },
    ...over,
  };
}

/** The three visits of one page: Google Analytics already before consent; Meta only after accepting; refusing clean. */
const VISITS: ConsentVisit[] = [
  visit('none', {
    requests: [request(PAGE, 'before', false, 0), request('https://www.googletagmanager.com/gtag/js?id=G-1', 'before', true, 180), request('https://consent.cookiebot.com/uc.js', 'before', true, 120)],
    cookies: [cookie('_ga', '.kunde.example', 'before'), cookie('PHPSESSID', 'www.kunde.example', 'before')],
    storage: { before: { local: [HOSTILE_KEY, 'CookieConsent'], session: [] }, after: null },
  }),
  visit('accept', {
    clicked: button('Alle akzeptieren'),
    clickedAt: '2026-12-07T08:01:02.000Z',
    requests: [request(PAGE, 'before', false, 0), request('https://connect.facebook.net/en_US/fbevents.js', 'after', true, 2400), request('https://www.facebook.com/tr?id=1&ev=PageView', 'after', true, 2600)],
    cookies: [cookie('PHPSESSID', 'www.kunde.example', 'before'), cookie('_fbp', '.kunde.example', 'after'), cookie('fr', '.facebook.com', 'after', false)],
    storage: { before: { local: [], session: [] }, after: { local: ['CookieConsent'], session: [] } },
  }),
  visit('reject', {
    clicked: button('Nur notwendige'),
    clickedAt: '2026-12-07T08:02:03.000Z',
    cookies: [cookie('PHPSESSID', 'www.kunde.example', 'before')],
    storage: { before: { local: [], session: [] }, after: { local: ['CookieConsent'], session: ['cmp-tab'] } },
  }),
];

/** A real PNG as the visit engine keeps it (Chromium's own screenshot of a page that looks like a banner). */
async function bannerPng(action: string): Promise<Buffer> {
  const shot = await browser.newPage({ viewport: { width: 640, height: 400 } });
  await shot.setContent(`<body style="margin:0;font:20px sans-serif;background:#f4f4f4"><h1 style="padding:1rem">Angebot</h1><div style="position:fixed;bottom:0;left:0;right:0;padding:1rem;background:#234;color:#fff">Cookie-Banner (${action}) <button>Alle akzeptieren</button> <button>Nur notwendige</button></div></body>`);
  const png = await shot.screenshot({ fullPage: true });
  await shot.close();
  return png;
}

beforeAll(async () => {
  browser = await launchChromium();
  const storeFile = path.join(tempDir('pruefstand-e2e-consent-'), 'app.db');
  const store = openStore(storeFile);
  const client = store.clients.create({ name: 'Kunde GmbH' });
  const installation = store.installations.create({ clientId: client.id, name: 'Produktion', baseUrl: 'https://mautic.kunde.example' });
  const runId = store.startRun({ installationId: installation.id, checklistId: 'mautic-dsgvo', checklistVersion: '1', engineVersion: '0.1.0', targetUrl: installation.baseUrl, options: {} });
  // The list the run's checks judged by: the app classifies with it, not with the shipped one.
  await store.recordEvidence(runId, { kind: 'tracking-list', summary: 'Tracking list', mediaType: 'application/json', content: Buffer.from(JSON.stringify({ ...loadTrackingList(), source: 'kunde-tracking.yaml' })), capturedAt: '2026-12-07T08:00:00.000Z' });
  for (const v of VISITS) {
    // As the visit engine writes them (core/browser/consent-visit.ts): the record after its screenshot, naming it.
    // The refusal's "screenshot" is not a PNG: the app must say so rather than show it.
    const png = v.action === 'reject' ? Buffer.from('<svg onload="window.__pwned=2"/>') : await bannerPng(v.action);
    v.evidence.screenshot = await store.recordEvidence(runId, { kind: 'screenshot', summary: `Screenshot ${PAGE} (${v.action})`, mediaType: 'image/png', content: png, capturedAt: v.startedAt });
    const record = { page: PAGE, installationHost: 'mautic.kunde.example', browser: 'Chromium 131.0.6778.204', visit: v };
    await store.recordEvidence(runId, { kind: 'browser-visit', summary: `Browser visit ${PAGE} (${v.action})`, mediaType: 'application/json', content: Buffer.from(JSON.stringify(record, null, 1)), capturedAt: v.startedAt });
  }
  store.finishRun(runId, { state: 'complete', items: [], summary: { counts: { pass: 0, fail: 0, warn: 0, manual: 0, error: 0, not_applicable: 0 }, score: null, headerScore: null }, finishedAt: '2026-12-07T08:05:00.000Z' });
  store.close();

  service = createAppService({ storeFile, locale: 'de-DE' });
  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'de-DE' });
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
});

const main = () => page.getByRole('main');
const row = (panel: string, label: string) => main().getByRole('region', { name: panel }).getByRole('row', { name: new RegExp(`^${label}`) });

describe('the consent matrix in Chromium', () => {
  it('runs:consent groups the visits of the page, none, accept, reject, each naming its record', async () => {
    const consent = await service.handlers['runs:consent']({ runId: 1 });
    expect(consent.pages.map((p) => [p.url, p.visits.map((v) => v.action)])).toEqual([[PAGE, ['none', 'accept', 'reject']]]);
    expect(consent.unreadable).toBe(0);
    const evidence = await service.handlers['runs:get']({ runId: 1, lang: 'de' });
    const records = evidence.evidence.filter((e) => e.kind === 'browser-visit').map((e) => e.sha256);
    expect(consent.pages[0]!.visits.map((v) => v.evidence.record)).toEqual(records);
    expect(consent.tracking.source).toBe('kunde-tracking.yaml');
  });

  it('shows the tracking cookie in the row before consent, what accepting added and a clean refusal (German)', async () => {
    const nav = page.getByRole('navigation', { name: 'Kunden und Installationen' });
    await nav.getByRole('button', { name: 'Kunde GmbH' }).click();
    await nav.getByRole('button', { name: 'Produktion' }).click();
    await main().getByRole('button', { name: /^Audit vom .* öffnen/ }).first().click();
    const panel = main().getByRole('region', { name: 'Einwilligung im Browser' });
    await panel.waitFor();
    const before = row('Einwilligung im Browser', 'Vor der Einwilligung');
    const beforeText = await before.innerText();
    expect(beforeText).toMatch(/_ga\s+\.kunde\.example\s+Tracking: Google Analytics/);
    expect(beforeText).toMatch(/www\.googletagmanager\.com\s+1 Anfrage\s+Tracking: Google Tag Manager/);
    expect(beforeText).toMatch(/Consent-Manager: Cookiebot · Banner sichtbar/);
    expect(await before.locator('li.consent-tracking').filter({ hasText: '_ga' }).count()).toBe(1);
    expect(await before.locator('li.consent-tracking').filter({ hasText: 'PHPSESSID' }).count()).toBe(0);
    // The site's storage key is text, not markup.
    expect(await before.getByText(HOSTILE_KEY, { exact: true }).count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await panel.locator('img').count()).toBe(0);

    const accepted = await row('Einwilligung im Browser', 'Nach Zustimmung').innerText();
    expect(accepted).toMatch(/_fbp[\s\S]*Tracking: Meta Pixel/);
    expect(accepted).toMatch(/connect\.facebook\.net\s+1 Anfrage\s+Tracking: Meta Pixel/);
    expect(accepted).toMatch(/„Alle akzeptieren“/);
    expect(accepted).not.toMatch(/googletagmanager/);
    const rejected = await row('Einwilligung im Browser', 'Nach Ablehnung').innerText();
    expect(rejected).toMatch(/„Nur notwendige“/);
    expect(rejected).not.toMatch(/Tracking:/);
    expect(rejected).toMatch(/cmp-tab\s+sessionStorage/);
    expect(await panel.innerText()).toContain('Tracking-Liste: kunde-tracking.yaml');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, '50-consent-matrix-de');
  });

  it('evidence:screenshot gives only PNG screenshots, with their size', async () => {
    const consent = await service.handlers['runs:consent']({ runId: 1 });
    const [none, , reject] = consent.pages[0]!.visits;
    const shot = await service.handlers['evidence:screenshot']({ sha256: none!.evidence.screenshot! });
    expect([shot.width, shot.height]).toEqual([640, 400]);
    expect(Buffer.from(shot.pngBase64, 'base64').subarray(1, 4).toString()).toBe('PNG');
    await expect(Promise.resolve().then(() => service.handlers['evidence:screenshot']({ sha256: reject!.evidence.screenshot! }))).rejects.toMatchObject({ code: 'invalid' });
    await expect(Promise.resolve().then(() => service.handlers['evidence:screenshot']({ sha256: none!.evidence.record! }))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('shows a screenshot on request from a blob: URL, and says when one is not a PNG', async () => {
    const before = row('Einwilligung im Browser', 'Vor der Einwilligung');
    await before.getByRole('button', { name: 'Bildschirmfoto zeigen' }).click();
    const img = main().getByRole('img', { name: 'Bildschirmfoto der Seite: Vor der Einwilligung' });
    await img.waitFor();
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(640);
    expect(await img.getAttribute('src')).toMatch(/^blob:/);
    expect(await main().getByText('Ganze Seite, 640 × 400 Pixel').count()).toBe(1);
    await img.scrollIntoViewIfNeeded();
    await screenshot(page, '52-consent-screenshot-de');
    await row('Einwilligung im Browser', 'Nach Ablehnung').getByRole('button', { name: 'Bildschirmfoto zeigen' }).click();
    await main().getByText(/is not a PNG|kein PNG/).waitFor();
    expect(await main().locator('.consent-screenshot img').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await before.getByRole('button', { name: 'Bildschirmfoto ausblenden' }).click();
    await row('Einwilligung im Browser', 'Nach Ablehnung').getByRole('button', { name: 'Bildschirmfoto ausblenden' }).click();
    expect(await main().locator('.consent-screenshot img').count()).toBe(0);
  });

  it('opens a visit record as evidence from its row', async () => {
    await row('Einwilligung im Browser', 'Nach Zustimmung').getByRole('button', { name: 'Nachweis öffnen: Nach Zustimmung' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Browserbesuch (Anfragen, Cookies, Speicher)').first().waitFor();
    expect(await dialog.innerText()).toMatch(/"action": "accept"/);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('in English the labels of rows, columns and tags are English', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    const panel = main().getByRole('region', { name: 'Consent in the browser' });
    await panel.waitFor();
    const headers = await panel.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['State', 'Cookies', 'Third parties', 'Tracking requests', 'Storage keys', 'Button clicked']);
    expect(await row('Consent in the browser', 'Before consent').innerText()).toMatch(/_ga\s+\.kunde\.example\s+Tracking: Google Analytics[\s\S]*Consent manager: Cookiebot · banner shown/);
    expect(await row('Consent in the browser', 'After accepting').innerText()).toMatch(/“Alle akzeptieren”/);
    await row('Consent in the browser', 'After refusing').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, '51-consent-matrix-en');
    expect(pageErrors).toEqual([]);
  });
});
