// The consent-visits probe in Debian's Chromium against four loopback sites whose banners imitate real consent
// managers (test/fixtures/consent-sites.ts): what each visit records, and the evidence it writes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentPage, ConsentVisit, ConsentVisitsObservation } from '../../electron/shared/consent';
import { trackerOfName, trackerOfRequest } from '../../electron/shared/tracking-match';
import { createPlaywrightLauncher } from '../../electron/core/browser/playwright-engine';
import { consentVisitsProbe } from '../../electron/core/probes/consent-visits';
import type { NewEvidence } from '../../electron/core/probes/types';
import { CHROMIUM } from '../fixtures/browser';
import { startConsentSites, TRACKER_HOST, type ConsentSites } from '../fixtures/consent-sites';

let sites: ConsentSites;
let observation: ConsentVisitsObservation;
const evidence = new Map<string, NewEvidence>();

beforeAll(async () => {
  sites = await startConsentSites();
  let n = 0;
  const result = await consentVisitsProbe.run({
    target: { url: new URL(sites.mautic.href.replace('http:', 'https:')), httpUrl: sites.mautic, landingPages: Object.values(sites.sites) },
    consent: { launch: createPlaywrightLauncher(CHROMIUM), unavailable: null, tracking: sites.trackingList(), addressScope: (a) => (a === TRACKER_HOST ? 'public' : 'loopback') },
    net: null as never,
    evidence: { add: (e) => (evidence.set(`e${++n}`, e), `e${n}`) },
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  observation = result.data;
}, 120_000);
afterAll(() => sites?.close());

const pageOf = (url: URL): ConsentPage => observation.pages.find((p) => p.url === url.href)!;
const visitOf = (url: URL, action: ConsentVisit['action']) => pageOf(url).visits.find((v) => v.action === action)!;
const trackingCookies = (v: ConsentVisit, phase?: 'before' | 'after') => v.cookies.filter((c) => trackerOfName(observation.tracking, c.name) && (!phase || c.phase === phase)).map((c) => c.name).sort();
const trackingRequests = (v: ConsentVisit, phase?: 'before' | 'after') => v.requests.filter((r) => trackerOfRequest(observation.tracking, r.url, observation.installationHost) && (!phase || r.phase === phase));

describe('a banner that gates correctly (Klaro markup)', () => {
  it('shows the banner and sets no tracking cookie and sends no tracking request without a click', () => {
    const v = visitOf(sites.sites.gates, 'none');
    expect(v.error).toBeNull();
    expect(v.banner).toMatchObject({ shown: true, cmp: { id: 'klaro' }, accept: { by: 'cmp' }, reject: { by: 'cmp' } });
    expect(trackingCookies(v)).toEqual([]);
    expect(trackingRequests(v)).toEqual([]);
    expect(v.clicked).toBeNull();
  });
  it('loads the tracker and Mautic only after the accept click, and marks them as after', () => {
    const v = visitOf(sites.sites.gates, 'accept');
    expect(v.clicked?.text).toMatch(/akzeptieren/i);
    expect(trackingCookies(v, 'before')).toEqual([]);
    expect(trackingCookies(v, 'after')).toEqual(expect.arrayContaining(['_ga', 'mtc_id']));
    const after = trackingRequests(v, 'after');
    expect(after.some((r) => new URL(r.url).hostname === TRACKER_HOST && r.thirdParty)).toBe(true);
    expect(after.some((r) => r.url.endsWith('/mtc.js'))).toBe(true);
    expect(trackingRequests(v, 'before')).toEqual([]);
  });
  it('loads nothing after the reject click', () => {
    const v = visitOf(sites.sites.gates, 'reject');
    expect(v.clicked?.text).toMatch(/ablehnen/i);
    expect(trackingCookies(v)).toEqual([]);
    expect(trackingRequests(v)).toEqual([]);
  });
});

describe('a banner that fires tracking before consent (Cookiebot markup)', () => {
  it('records the tracking cookie and the requests of the visit without a click, with their time', () => {
    const v = visitOf(sites.sites.firesBefore, 'none');
    expect(v.banner.cmp?.id).toBe('cookiebot');
    expect(trackingCookies(v, 'before')).toEqual(expect.arrayContaining(['_ga', 'mtc_id']));
    const requests = trackingRequests(v, 'before');
    expect(requests.some((r) => new URL(r.url).hostname === TRACKER_HOST)).toBe(true);
    expect(requests.every((r) => r.atMs >= 0 && r.initiator !== '')).toBe(true);
  });
});

describe('a banner without a reject button (OneTrust markup)', () => {
  it('finds accept but no reject, and the reject visit clicks nothing', () => {
    const none = visitOf(sites.sites.noReject, 'none');
    expect(none.banner).toMatchObject({ shown: true, cmp: { id: 'onetrust' }, reject: null });
    expect(none.banner.accept?.selector).toBe('#onetrust-accept-btn-handler');
    expect(visitOf(sites.sites.noReject, 'reject').clicked).toBeNull();
  });
});

describe('a banner found by its labels that tracks after refusal', () => {
  it('clicks "Reject all" and records the tracking cookie set after it', () => {
    const v = visitOf(sites.sites.tracksAfterReject, 'reject');
    expect(v.banner.cmp).toBeNull();
    expect(v.clicked).toMatchObject({ by: 'label', text: 'Reject all' });
    expect(trackingCookies(v, 'before')).toEqual([]);
    expect(trackingCookies(v, 'after')).toContain('_fbp');
  });
});

describe('evidence of each visit', () => {
  it('keeps a PNG screenshot, a HAR with the page and the record, each referenced by the visit', () => {
    for (const page of observation.pages) {
      for (const v of page.visits) {
        const shot = evidence.get(v.evidence.screenshot!)!;
        expect(shot.kind).toBe('screenshot');
        expect(shot.content.subarray(1, 4).toString()).toBe('PNG');
        const har = JSON.parse(evidence.get(v.evidence.har!)!.content.toString()) as { log: { version: string; entries: { request: { url: string } }[] } };
        expect(har.log.version).toBe('1.2');
        expect(har.log.entries.some((e) => e.request.url === page.url)).toBe(true);
        const record = JSON.parse(evidence.get(v.evidence.record!)!.content.toString()) as { page: string; visit: ConsentVisit };
        expect(record.page).toBe(page.url);
        expect(record.visit.cookies).toEqual(v.cookies);
      }
    }
  });
  it('never stores cookie values', () => {
    const record = [...evidence.values()].find((e) => e.kind === 'browser-visit' && e.content.includes('"_ga"'))!;
    expect(record.content.toString()).not.toMatch(/GA1\./);
  });
});
