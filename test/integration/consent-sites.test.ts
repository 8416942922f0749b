// Proves the consent fixture itself in a real Chromium, with playwright alone (none of our engine): each site
// sets what README.md says, before and after which click.
import type { Browser, BrowserContext, Cookie, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trackerOfName, trackerOfRequest } from '../../electron/shared/tracking-match';
import { launchChromium, screenshot } from '../fixtures/browser';
import { BANNER_DELAY_MS, IDE_COOKIE, startConsentSites, TRACKER_NAME, type ConsentSites } from '../fixtures/consent-sites';

let sites: ConsentSites;
let browser: Browser;

beforeAll(async () => {
  sites = await startConsentSites();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await sites?.close();
});

interface Seen {
  page: Page;
  context: BrowserContext;
  requests: string[];
  cookies: () => Promise<Cookie[]>;
  names: () => Promise<string[]>;
  storage: () => Promise<string[]>;
}

/** A fresh profile on the page, the banner (when `banner` is given) already shown. */
async function open(url: URL, banner?: string): Promise<Seen> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url.href, { waitUntil: 'load' });
  if (banner) await page.locator(banner).waitFor({ state: 'visible', timeout: 5000 });
  const cookies = () => context.cookies();
  return {
    page,
    context,
    requests,
    cookies,
    names: async () => (await cookies()).map((c) => c.name).sort(),
    storage: () => page.evaluate(() => Object.keys(localStorage).sort()),
  };
}

const settle = (page: Page) => page.waitForTimeout(800);
const toTracker = (requests: string[]) => requests.filter((u) => new URL(u).hostname === sites.trackerHost);
const toMautic = (requests: string[]) => requests.filter((u) => u.startsWith(sites.mautic.origin));
const pathsOf = (requests: string[]) => requests.map((u) => new URL(u).pathname).sort();

describe('gates-correctly (Klaro markup)', () => {
  it('shows the banner after a delay and sets nothing without a click', async () => {
    const v = await open(sites.sites.gates);
    expect(await v.page.locator('#klaro').count()).toBe(0);
    await v.page.locator('#klaro .cookie-notice').waitFor({ state: 'visible' });
    await expect(v.page.locator('#klaro .cm-btn.cm-btn-success').innerText()).resolves.toBe('Alle akzeptieren');
    await expect(v.page.locator('#klaro .cm-btn.cm-btn-decline').innerText()).resolves.toBe('Ablehnen');
    await settle(v.page);
    expect(await v.names()).toEqual([]);
    expect(await v.storage()).toEqual([]);
    expect(toTracker(v.requests)).toEqual([]);
    expect(toMautic(v.requests)).toEqual([]);
    await screenshot(v.page, 'consent-gates-none');
    await v.context.close();
  });

  it('loads the tracker and mtc.js only after the accept click', async () => {
    const v = await open(sites.sites.gates, '#klaro .cookie-notice');
    expect(await v.names()).toEqual([]);
    const collect = v.page.waitForResponse((r) => r.url().includes('/collect?'));
    const event = v.page.waitForResponse((r) => r.url() === `${sites.mautic.origin}/mtc/event`);
    await v.page.click('#klaro .cm-btn-success');
    const [collected] = await Promise.all([collect, event]);
    await settle(v.page);
    expect(await v.page.locator('#klaro').count()).toBe(0);
    expect(await v.names()).toEqual(['_ga', 'consent', 'mautic_device_id', 'mtc_id']);
    expect(await v.storage()).toEqual(['_ga_session']);
    const ga = (await v.cookies()).find((c) => c.name === '_ga')!;
    expect(ga.domain).toBe('127.0.0.1');
    // gtag.js asks for 2 years; Chromium caps every cookie at 400 days.
    const days = (ga.expires * 1000 - Date.now()) / (24 * 3600 * 1000);
    expect(days).toBeGreaterThan(399);
    expect(days).toBeLessThan(401);
    expect((await v.cookies()).find((c) => c.name === 'consent')!.value).toBe('accepted');
    expect(pathsOf(toTracker(v.requests))).toEqual(['/collect', '/gtag.js']);
    expect(pathsOf(toMautic(v.requests))).toEqual(['/mtc.js', '/mtc/event']);
    // The third-party cookie is sent; over http Chromium refuses SameSite=None; Secure, so it is never stored.
    expect(await collected.headerValue('set-cookie')).toBe(IDE_COOKIE);
    expect(await v.names()).not.toContain('IDE');
    await v.context.close();
  });

  it('loads nothing after the reject click, and remembers the choice', async () => {
    const v = await open(sites.sites.gates, '#klaro .cookie-notice');
    await v.page.click('#klaro .cm-btn-decline');
    await settle(v.page);
    expect(await v.page.locator('#klaro').count()).toBe(0);
    expect(await v.names()).toEqual(['consent']);
    expect(await v.storage()).toEqual([]);
    expect(toTracker(v.requests)).toEqual([]);
    expect(toMautic(v.requests)).toEqual([]);
    await v.page.reload({ waitUntil: 'load' });
    await settle(v.page);
    expect(await v.page.locator('#klaro').count()).toBe(0);
    expect(toTracker(v.requests)).toEqual([]);
    await v.context.close();
  });

  it('after a stored accept loads the tags at once, without a banner', async () => {
    const v = await open(sites.sites.gates, '#klaro .cookie-notice');
    await v.page.click('#klaro .cm-btn-success');
    await settle(v.page);
    v.requests.length = 0;
    await v.page.reload({ waitUntil: 'load' });
    await settle(v.page);
    expect(await v.page.locator('#klaro').count()).toBe(0);
    expect(pathsOf(toTracker(v.requests))).toEqual(['/collect', '/gtag.js']);
    await v.context.close();
  });
});

describe('fires-before-consent (Cookiebot markup)', () => {
  it('sets _ga and the Mautic cookies and calls both servers without any click', async () => {
    const v = await open(sites.sites.firesBefore, '#CybotCookiebotDialog');
    await expect(v.page.locator('#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll').innerText()).resolves.toBe('Alle zulassen');
    await expect(v.page.locator('#CybotCookiebotDialogBodyButtonDecline').innerText()).resolves.toBe('Ablehnen');
    await settle(v.page);
    expect(await v.names()).toEqual(['_ga', 'mautic_device_id', 'mtc_id']);
    expect(await v.storage()).toEqual(['_ga_session']);
    expect(pathsOf(toTracker(v.requests))).toEqual(['/collect', '/gtag.js']);
    expect(pathsOf(toMautic(v.requests))).toEqual(['/mtc.js', '/mtc/event']);
    await screenshot(v.page, 'consent-fires-before-none');
    await v.page.click('#CybotCookiebotDialogBodyButtonDecline');
    expect(await v.page.locator('#CybotCookiebotDialog').count()).toBe(0);
    await v.context.close();
  });
});

describe('no-reject (OneTrust markup)', () => {
  it('offers accept and settings but no reject on the first layer, and gates until accept', async () => {
    const v = await open(sites.sites.noReject, '#onetrust-banner-sdk');
    const labels = await v.page.locator('#onetrust-banner-sdk button').allInnerTexts();
    expect(labels).toEqual(['Cookie Settings', 'Accept All Cookies']);
    expect(await v.page.getByRole('button', { name: /reject|ablehnen|decline/i }).count()).toBe(0);
    await settle(v.page);
    expect(await v.names()).toEqual([]);
    expect(toTracker(v.requests)).toEqual([]);
    await screenshot(v.page, 'consent-no-reject-none');
    const event = v.page.waitForResponse((r) => r.url().endsWith('/mtc/event'));
    await v.page.click('#onetrust-accept-btn-handler');
    await event;
    await settle(v.page);
    expect(await v.page.locator('#onetrust-consent-sdk').count()).toBe(0);
    expect(await v.names()).toEqual(['_ga', 'consent', 'mautic_device_id', 'mtc_id']);
    await v.context.close();
  });

  it('has Reject All only behind Cookie Settings', async () => {
    const v = await open(sites.sites.noReject, '#onetrust-banner-sdk');
    await v.page.click('#onetrust-pc-btn-handler');
    await v.page.getByRole('button', { name: 'Reject All' }).click();
    await settle(v.page);
    expect(await v.names()).toEqual(['consent']);
    expect(toTracker(v.requests)).toEqual([]);
    await v.context.close();
  });
});

describe('tracks-after-reject (a banner known only by its labels)', () => {
  it('holds everything back before a click', async () => {
    const v = await open(sites.sites.tracksAfterReject, '.privacy-bar');
    expect(await v.page.locator('.privacy-bar button').allInnerTexts()).toEqual(['Accept all', 'Reject all']);
    expect(await v.page.locator('[id*="klaro" i], [id*="onetrust" i], [id*="Cybot"]').count()).toBe(0);
    await settle(v.page);
    expect(await v.names()).toEqual([]);
    expect(toTracker(v.requests)).toEqual([]);
    await screenshot(v.page, 'consent-tracks-after-reject-none');
    await v.context.close();
  });

  it('still loads the tracker and sets _ga and _fbp after Reject all (Mautic stays held back)', async () => {
    const v = await open(sites.sites.tracksAfterReject, '.privacy-bar');
    const beacon = v.page.waitForRequest((r) => r.url().includes('/tr?'));
    await v.page.getByRole('button', { name: 'Reject all' }).click();
    await beacon;
    await settle(v.page);
    expect(await v.page.locator('.privacy-bar').count()).toBe(0);
    expect(await v.names()).toEqual(['_fbp', '_ga', 'consent']);
    expect((await v.cookies()).find((c) => c.name === 'consent')!.value).toBe('rejected');
    expect(pathsOf(toTracker(v.requests))).toEqual(['/collect', '/fbevents.js', '/gtag.js', '/tr']);
    expect(toMautic(v.requests)).toEqual([]);
    await v.context.close();
  });

  it('loads Mautic too after Accept all', async () => {
    const v = await open(sites.sites.tracksAfterReject, '.privacy-bar');
    const event = v.page.waitForResponse((r) => r.url().endsWith('/mtc/event'));
    await v.page.getByRole('button', { name: 'Accept all' }).click();
    await event;
    await settle(v.page);
    expect(await v.names()).toEqual(['_fbp', '_ga', 'consent', 'mautic_device_id', 'mtc_id']);
    await v.context.close();
  });
});

describe('the fixture around the sites', () => {
  it('shows each banner no sooner than the delay', async () => {
    const v = await open(sites.sites.noReject);
    const started = Date.now();
    await v.page.locator('#onetrust-banner-sdk').waitFor({ state: 'visible' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(BANNER_DELAY_MS / 2);
    await v.context.close();
  });

  it('names the tracker in its tracking list, and the servers record what reached them', () => {
    const list = sites.trackingList();
    expect(list.hosts.filter((h) => h.host === '127.0.0.2')).toEqual([{ host: '127.0.0.2', path: null, name: TRACKER_NAME }]);
    expect(list.hosts.length).toBeGreaterThan(20);
    expect(trackerOfRequest(list, `${sites.tracker.origin}/collect?v=2`, sites.mautic.hostname)).toBe(TRACKER_NAME);
    expect(trackerOfRequest(list, `${sites.mautic.origin}/mtc.js`, sites.mautic.hostname)).toBe('Mautic');
    expect(trackerOfRequest(list, sites.sites.gates.href, sites.mautic.hostname)).toBeNull();
    for (const name of ['_ga', '_fbp', 'mtc_id', 'mautic_device_id', '_ga_session']) expect(trackerOfName(list, name)).not.toBeNull();
    expect(trackerOfName(list, 'consent')).toBeNull();
    const event = sites.hits.mautic.find((h) => h.path === '/mtc/event')!;
    expect(event.method).toBe('POST');
    expect(sites.hits.tracker.some((h) => h.path === '/collect' && h.query.get('tid') === 'G-TEST0001')).toBe(true);
    expect(sites.hits.sites.gates.some((h) => h.path === '/klaro.js')).toBe(true);
  });
});
