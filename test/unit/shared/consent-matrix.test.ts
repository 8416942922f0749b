// The consent matrix from real-shaped visits and the shipped tracking list.
import { describe, expect, it } from 'vitest';
import { consentDetails, consentMatrix } from '../../../electron/shared/consent-matrix';
import { loadTrackingList } from '../../../electron/core/checklist/tracking-load';
import { INSTALLATION_HOST, misbehavingVisits, PAGE_URL, request, visit } from '../../fixtures/consent-visits';

const list = loadTrackingList();
const input = (visits = misbehavingVisits()) => ({ pages: [{ url: PAGE_URL, visits }], installationHost: INSTALLATION_HOST });

describe('consentMatrix', () => {
  const [page] = consentMatrix(input(), list);
  const row = (state: string) => page!.rows.find((r) => r.state === state)!;

  it('has the rows before, accepted, rejected in that order whatever the order of the visits', () => {
    const shuffled = consentMatrix(input(misbehavingVisits().reverse()), list);
    expect(shuffled[0]!.rows.map((r) => r.state)).toEqual(['before', 'accepted', 'rejected']);
    expect(shuffled).toEqual(consentMatrix(input(), list));
  });

  it('counts every cookie and names the tracking ones by their tracker', () => {
    expect(row('before').cookies).toEqual({ count: 3, tracking: [{ name: 'mtc_id', tracker: 'Mautic contact id' }, { name: '_ga', tracker: 'Google Analytics' }] });
    expect(row('accepted').cookies.tracking.map((c) => c.name)).toEqual(['mtc_id', '_ga', '_fbp', 'fr']);
    expect(row('rejected').cookies.count).toBe(3);
    expect(row('rejected').cookies.tracking.map((c) => c.name)).toEqual(['mtc_id', '_ga']);
  });

  it('lists the distinct third-party hosts in the order first requested', () => {
    expect(row('before').thirdPartyHosts).toEqual(['fonts.bunny.net', 'www.google-analytics.com']);
    expect(row('accepted').thirdPartyHosts).toEqual(['fonts.bunny.net', 'www.google-analytics.com', 'connect.facebook.net', 'www.facebook.com']);
  });

  it('names the trackers requested, Mautic on its installation host included', () => {
    expect(row('before').trackingRequests).toEqual({ count: 3, trackers: ['Mautic', 'Google Analytics'] });
    expect(row('accepted').trackingRequests).toEqual({ count: 5, trackers: ['Mautic', 'Google Analytics', 'Meta Pixel'] });
    expect(row('rejected').trackingRequests.trackers).toEqual(['Mautic', 'Google Analytics']);
  });

  it('merges local and session storage keys before and after the click', () => {
    expect(row('accepted').storage.keys).toEqual(['theme', '_hjSession_1', 'CookieConsent']);
    expect(row('accepted').storage.tracking).toEqual([{ name: '_hjSession_1', tracker: 'Hotjar' }]);
    expect(row('before').storage.tracking).toEqual([{ name: 'mtc_id', tracker: 'Mautic contact id' }]);
  });

  it('keeps the button clicked, the error and the evidence hashes', () => {
    expect(row('before').clicked).toBeNull();
    expect(row('accepted').clicked?.text).toBe('Alle akzeptieren');
    expect(row('rejected').clicked?.text).toBe('Nur notwendige');
    const failed = visit('reject', { error: { code: 'timeout', message: 'no load event after 30 s' }, clicked: null, evidence: { record: 'a'.repeat(64), screenshot: 'b'.repeat(64), har: 'c'.repeat(64) } });
    const rows = consentMatrix(input([misbehavingVisits()[0]!, failed]), list)[0]!.rows;
    expect(rows[2]).toMatchObject({ visited: true, error: { code: 'timeout' }, clicked: null, screenshot: 'b'.repeat(64), har: 'c'.repeat(64) });
  });

  it('marks a state without a visit as not visited, with empty lists', () => {
    const rows = consentMatrix(input([misbehavingVisits()[0]!]), list)[0]!.rows;
    expect(rows[1]).toMatchObject({ state: 'accepted', visited: false, cookies: { count: 0, tracking: [] }, thirdPartyHosts: [], trackingRequests: { count: 0 } });
  });

  it('ignores URLs it cannot parse as hosts and counts none as tracking', () => {
    const v = visit('none', { requests: [request('https://ok.example.org/a.js'), { ...request('https://x.example.org/'), url: 'data:text/plain,hi', thirdParty: true }] });
    const r = consentMatrix(input([v]), list)[0]!.rows[0]!;
    expect(r.thirdPartyHosts).toEqual(['ok.example.org']);
    expect(r.trackingRequests.count).toBe(0);
  });
});

describe('consentDetails', () => {
  const details = consentDetails(input(), list);

  it('lists every cookie of every visit, tracking or not, with domain, phase, party and expiry', () => {
    const cookies = details.filter((d) => d.type === 'cookie');
    expect(cookies).toHaveLength(3 + 4 + 3);
    expect(cookies.find((c) => c.name === 'PHPSESSID')).toMatchObject({ state: 'before', tracker: null, domain: 'www.example-shop.de', expires: null, firstParty: true });
    expect(cookies.find((c) => c.name === 'fr')).toMatchObject({ state: 'accepted', tracker: 'Meta', firstParty: false, phase: 'after', expires: '2027-06-01T00:00:00.000Z' });
  });

  it('lists only the tracking requests, each with its tracker and host', () => {
    const requests = details.filter((d) => d.type === 'request');
    expect(requests.every((r) => r.tracker !== null)).toBe(true);
    expect(requests.map((r) => `${r.state} ${r.tracker} ${r.domain}`)).toEqual([
      `before Mautic ${INSTALLATION_HOST}`,
      `before Mautic ${INSTALLATION_HOST}`,
      'before Google Analytics www.google-analytics.com',
      `accepted Mautic ${INSTALLATION_HOST}`,
      `accepted Mautic ${INSTALLATION_HOST}`,
      'accepted Google Analytics www.google-analytics.com',
      'accepted Meta Pixel connect.facebook.net',
      'accepted Meta Pixel www.facebook.com',
      `rejected Mautic ${INSTALLATION_HOST}`,
      `rejected Mautic ${INSTALLATION_HOST}`,
      'rejected Google Analytics www.google-analytics.com',
    ]);
    expect(requests.find((r) => r.domain === INSTALLATION_HOST)?.firstParty).toBe(true);
  });
});
