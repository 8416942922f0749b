// The consent.* checks over observations built here (with the shipped tracking list), every status of each.
import { describe, expect, it } from 'vitest';
import { loadTrackingList } from '../../../electron/core/checklist/tracking-load';
import { CHECKS } from '../../../electron/core/checks';
import { CONSENT_CHECKS, consentBanner, consentBefore, consentMautic, consentReject } from '../../../electron/core/checks/consent';
import { visitCause } from '../../../electron/core/checks/consent-common';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';
import type { ConsentAction, ConsentPage, ConsentVisit } from '../../../electron/shared/consent';
import { cookie, INSTALLATION_HOST, request, visit } from '../../fixtures/consent-visits';

type Probe = ProbeResult<ObservationMap['consent-visits']>;
const LIST = loadTrackingList();
const PAGE = 'https://www.example-shop.de/angebot';
const OTHER = 'https://www.example-shop.de/webinar';
const MTC = `https://${INSTALLATION_HOST}/mtc.js`;
const GA = 'https://www.google-analytics.com/g/collect?v=2&tid=G-1';

/** The evidence hashes of a visit, named after page and action so a test can say which visits a verdict rests on. */
const sha = (page: string, action: ConsentAction, kind: string) => `${page.split('/').pop()}-${action}-${kind}`;
const shas = (page: string, ...actions: ConsentAction[]) => actions.flatMap((a) => ['record', 'screenshot', 'har'].map((k) => sha(page, a, k)));

type Over = Partial<ConsentVisit>;
/** A page with its three visits: clean by default (banner with both buttons, nothing tracked), each overridable. */
function page(url: string, over: Partial<Record<ConsentAction, Over>> = {}): ConsentPage {
  const one = (action: ConsentAction) =>
    visit(action, { finalUrl: url, evidence: { record: sha(url, action, 'record'), screenshot: sha(url, action, 'screenshot'), har: sha(url, action, 'har') }, ...over[action] });
  return { url, visits: [one('none'), one('accept'), one('reject')] };
}
function probe(pages: ConsentPage[], skipped = 0): Probe {
  const evidence = pages.flatMap((p) => p.visits.flatMap((v) => Object.values(v.evidence).filter((s): s is string => s !== null)));
  return { ok: true, data: { pages, skipped, installationHost: INSTALLATION_HOST, tracking: LIST, browser: 'Chromium 131' }, evidence };
}
const noBrowser: Probe = { ok: false, error: { code: 'browser', message: 'no browser for the consent visits' }, evidence: [] };
const timedOut = { error: { code: 'timeout' as const, message: 'no load event after 30 s' } };

type Check = (typeof CONSENT_CHECKS)[number];
const run = (check: Check, p: Probe) => check.evaluate({ 'consent-visits': p });
const codes = (o: { findings: { code: string }[] }) => o.findings.map((f) => f.code);

describe('the consent checks', () => {
  it('are registered, each over the consent-visits probe', () => {
    expect(CONSENT_CHECKS.map((c) => c.id)).toEqual(['consent.before', 'consent.reject', 'consent.mautic', 'consent.banner']);
    for (const c of CONSENT_CHECKS) {
      expect(CHECKS).toContain(c);
      expect(c.probes).toEqual(['consent-visits']);
    }
  });

  it.each(CONSENT_CHECKS.map((c) => [c.id, c] as const))('%s: no pages is not applicable, a probe error is an error with its cause', (_, check) => {
    expect(run(check, probe([]))).toEqual({ status: 'not_applicable', findings: [{ code: 'consent-none', status: 'not_applicable' }], evidence: [] });
    expect(run(check, noBrowser)).toEqual({ status: 'error', findings: [{ code: 'probe-error', status: 'error', cause: 'browser', params: { error: 'no browser for the consent visits' } }], evidence: [] });
  });

  it('emit only the codes they declare', () => {
    const pages = [
      page(PAGE, { none: { cookies: [cookie('_ga', '.example-shop.de')], banner: { cmp: null, shown: false, accept: null, reject: null } }, reject: { clicked: null } }),
      page(OTHER, { accept: timedOut, reject: { requests: [request(MTC, { phase: 'after' })] } }),
    ];
    for (const check of CONSENT_CHECKS) for (const code of codes(run(check, probe(pages, 2)))) expect(check.codes, `${check.id} ${code}`).toContain(code);
  });

  it('name the cause of an unfinished visit as the net client would (a refused page: refused)', () => {
    const refused = run(consentBefore, probe([page(PAGE, { none: { error: { code: 'navigation', message: 'the page did not load: net::ERR_CONNECTION_REFUSED' } } })]));
    expect(refused.findings).toEqual([{ code: 'visit-error', status: 'error', cause: 'refused', params: { page: PAGE, visit: 'none', error: 'the page did not load: net::ERR_CONNECTION_REFUSED' } }]);
    const cause = (code: 'navigation' | 'crashed' | 'blocked', message: string) => visitCause({ code, message });
    expect(cause('navigation', 'net::ERR_NAME_NOT_RESOLVED')).toBe('dns');
    expect(cause('navigation', 'net::ERR_CERT_AUTHORITY_INVALID')).toBe('tls');
    expect(cause('navigation', 'net::ERR_CONNECTION_RESET')).toBe('reset');
    expect(cause('navigation', 'the page did not load: refused by Prüfstand (lan)')).toBe('unsafe-redirect');
    expect(cause('navigation', 'the page did not load: refused by Prüfstand (certificate)')).toBe('tls');
    expect(cause('navigation', 'net::ERR_ABORTED')).toBe('protocol');
    expect(cause('crashed', 'renderer gone')).toBe('browser');
  });
});

describe('consent.before', () => {
  it('passes a page that tracks only after consent, resting on its three visits', () => {
    const ok = page(PAGE, {
      none: { requests: [request(PAGE, { type: 'Document' }), request('https://cdn.example.org/lib.js')], cookies: [cookie('PHPSESSID', 'www.example-shop.de')] },
      accept: { requests: [request(MTC, { phase: 'after', atMs: 900 })], cookies: [cookie('mtc_id', '.example-shop.de', { phase: 'after' })] },
    });
    expect(run(consentBefore, probe([ok]))).toEqual({ status: 'pass', findings: [{ code: 'before-clean', status: 'pass', params: { page: PAGE } }], evidence: shas(PAGE, 'none', 'accept', 'reject') });
  });

  it('fails on a tracking cookie, storage key and request before consent, naming page, item, tracker and time', () => {
    const bad = page(PAGE, {
      none: { requests: [request(GA, { atMs: 412.6 })], cookies: [cookie('_ga', '.example-shop.de')], storage: { before: { local: ['mtc_id', 'theme'], session: [] }, after: null } },
      accept: { requests: [request(`https://${INSTALLATION_HOST}/mtc/event`, { phase: 'before', atMs: 80 })], cookies: [cookie('_ga', '.example-shop.de')] },
    });
    const result = run(consentBefore, probe([bad]));
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      { code: 'before-request', status: 'fail', params: { page: PAGE, tracker: 'Google Analytics', phase: 'before', visits: ['none'], url: GA, ms: 413, count: 1 } },
      { code: 'before-cookie', status: 'fail', params: { page: PAGE, tracker: 'Google Analytics', phase: 'before', visits: ['none', 'accept'], cookie: '_ga', domain: '.example-shop.de' } },
      { code: 'before-storage', status: 'fail', params: { page: PAGE, tracker: 'Mautic contact id', phase: 'before', visits: ['none'], key: 'mtc_id', storage: 'localStorage' } },
      { code: 'before-request', status: 'fail', params: { page: PAGE, tracker: 'Mautic', phase: 'before', visits: ['accept'], url: `https://${INSTALLATION_HOST}/mtc/event`, ms: 80, count: 1 } },
    ]);
    expect(result.evidence).toEqual(shas(PAGE, 'none', 'accept'));
  });

  it('counts Mautic pixels on any host and merges repeated requests to one URL with the earliest time', () => {
    const pixel = 'https://tracking.example.net/mtracking.gif';
    const bad = page(PAGE, { none: { requests: [request(`${pixel}?page_url=a`, { atMs: 300 }), request(`${pixel}?page_url=b`, { atMs: 120 })] } });
    expect(run(consentBefore, probe([bad])).findings).toEqual([
      { code: 'before-request', status: 'fail', params: { page: PAGE, tracker: 'Mautic', phase: 'before', visits: ['none'], url: `${pixel}?page_url=b`, ms: 120, count: 2 } },
    ]);
  });

  it('says error for a page whose visit did not finish (never pass), fail when another page proves it', () => {
    const unfinished = page(OTHER, { reject: timedOut });
    const alone = run(consentBefore, probe([unfinished]));
    expect(alone).toEqual({ status: 'error', findings: [{ code: 'visit-error', status: 'error', cause: 'timeout', params: { page: OTHER, visit: 'reject', error: 'no load event after 30 s' } }], evidence: shas(OTHER, 'reject') });
    const proven = page(PAGE, { none: { cookies: [cookie('_fbp', '.example-shop.de')] } });
    expect(run(consentBefore, probe([proven, unfinished])).status).toBe('fail');
  });

  it('lets a fail seen in an unfinished visit win over its error', () => {
    const crashed = page(PAGE, { none: { error: { code: 'crashed', message: 'renderer gone' }, requests: [request('https://connect.facebook.net/en_US/fbevents.js', { atMs: 50 })] } });
    const result = run(consentBefore, probe([crashed]));
    expect(result.status).toBe('fail');
    expect(codes(result)).toEqual(['before-request']);
    expect(result.findings[0]!.params).toMatchObject({ page: PAGE, url: 'https://connect.facebook.net/en_US/fbevents.js', tracker: 'Meta Pixel', ms: 50 });
  });

  it('warns when pages were left unvisited or a visit hit the request cap', () => {
    expect(run(consentBefore, probe([page(PAGE)], 3)).findings).toContainEqual({ code: 'consent-pages-capped', status: 'warn', params: { visited: 1, skipped: 3 } });
    const capped = run(consentBefore, probe([page(PAGE, { none: { requestsCapped: 40 } })]));
    expect(capped.status).toBe('warn');
    expect(capped.findings).toContainEqual({ code: 'requests-capped', status: 'warn', params: { page: PAGE, visit: 'none', count: 40 } });
  });
});

describe('consent.reject', () => {
  it('passes when nothing tracks after the reject click, naming the button', () => {
    const ok = page(PAGE, { reject: { requests: [request('https://www.example-shop.de/consent.js', { phase: 'after' })], cookies: [cookie('CookieConsent', 'www.example-shop.de', { phase: 'after' })] } });
    expect(run(consentReject, probe([ok]))).toEqual({ status: 'pass', findings: [{ code: 'reject-respected', status: 'pass', params: { page: PAGE, button: 'Nur notwendige' } }], evidence: shas(PAGE, 'reject') });
  });

  it('fails on tracking after the refusal only, naming page, request, cookie and key', () => {
    const bad = page(PAGE, {
      none: { cookies: [cookie('_ga', '.example-shop.de')] },
      reject: {
        requests: [request(GA, { phase: 'before', atMs: 30 }), request('https://www.facebook.com/tr?id=1&ev=PageView', { phase: 'after', atMs: 2400 })],
        cookies: [cookie('_ga', '.example-shop.de'), cookie('_fbp', '.example-shop.de', { phase: 'after' })],
        storage: { before: { local: [], session: ['_hjSession_1'] }, after: { local: ['_hjSessionUser_1'], session: ['_hjSession_1'] } },
      },
    });
    const result = run(consentReject, probe([bad]));
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      { code: 'reject-request', status: 'fail', params: { page: PAGE, tracker: 'Meta Pixel', phase: 'after', visits: ['reject'], url: 'https://www.facebook.com/tr?id=1&ev=PageView', ms: 2400, count: 1 } },
      { code: 'reject-cookie', status: 'fail', params: { page: PAGE, tracker: 'Meta Pixel', phase: 'after', visits: ['reject'], cookie: '_fbp', domain: '.example-shop.de' } },
      { code: 'reject-storage', status: 'fail', params: { page: PAGE, tracker: 'Hotjar', phase: 'after', visits: ['reject'], key: '_hjSessionUser_1', storage: 'localStorage' } },
    ]);
    expect(result.evidence).toEqual(shas(PAGE, 'reject'));
  });

  it('asks the auditor to refuse by hand when no reject button was found', () => {
    const result = run(consentReject, probe([page(PAGE, { reject: { clicked: null, clickedAt: null } })]));
    expect(result).toEqual({ status: 'manual', findings: [{ code: 'reject-no-button', status: 'manual', params: { page: PAGE } }], evidence: shas(PAGE, 'reject') });
  });

  it('says error when the reject visit did not finish, fail when it still saw tracking', () => {
    expect(run(consentReject, probe([page(PAGE, { reject: timedOut })])).status).toBe('error');
    expect(run(consentReject, probe([page(PAGE, { accept: timedOut })])).status).toBe('pass');
    const both = run(consentReject, probe([page(PAGE, { reject: { ...timedOut, requests: [request(MTC, { phase: 'after' })] } })]));
    expect(both.status).toBe('fail');
    expect(both.findings[0]).toMatchObject({ code: 'reject-request', params: { url: MTC, tracker: 'Mautic' } });
  });
});

describe('consent.mautic', () => {
  const afterAccept = { requests: [request(MTC, { phase: 'after', atMs: 1800 }), request(`https://${INSTALLATION_HOST}/mtc/event`, { phase: 'after', atMs: 2000 })], cookies: [cookie('mtc_id', '.example-shop.de', { phase: 'after' })] };

  it('passes when Mautic loads only after consent', () => {
    const result = run(consentMautic, probe([page(PAGE, { accept: afterAccept })]));
    expect(result).toEqual({
      status: 'pass',
      findings: [{ code: 'mautic-after-accept', status: 'pass', params: { page: PAGE, loaded: [MTC, `https://${INSTALLATION_HOST}/mtc/event`, 'mtc_id'] } }],
      evidence: shas(PAGE, 'none', 'accept', 'reject'),
    });
  });

  it('fails when Mautic loads before consent or after refusal, and ignores other trackers', () => {
    const bad = page(PAGE, {
      none: { requests: [request(MTC, { atMs: 95 }), request(GA)], cookies: [cookie('mautic_device_id', '.example-shop.de'), cookie('_ga', '.example-shop.de')] },
      accept: afterAccept,
      reject: { requests: [request(`https://${INSTALLATION_HOST}/mtc/event`, { phase: 'after', atMs: 2600 })] },
    });
    const result = run(consentMautic, probe([bad]));
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([
      { code: 'mautic-before-request', status: 'fail', params: { page: PAGE, tracker: 'Mautic', phase: 'before', visits: ['none'], url: MTC, ms: 95, count: 1 } },
      { code: 'mautic-before-cookie', status: 'fail', params: { page: PAGE, tracker: 'Mautic device id', phase: 'before', visits: ['none'], cookie: 'mautic_device_id', domain: '.example-shop.de' } },
      { code: 'mautic-after-reject-request', status: 'fail', params: { page: PAGE, tracker: 'Mautic', phase: 'after', visits: ['reject'], url: `https://${INSTALLATION_HOST}/mtc/event`, ms: 2600, count: 1 } },
    ]);
    expect(result.evidence).toEqual(shas(PAGE, 'none', 'reject'));
    expect(run(consentMautic, probe([page(PAGE, { none: { requests: [request(GA)] }, accept: afterAccept })])).status).toBe('pass');
  });

  it('is not applicable when Mautic never loads, even after consent; a page that loads it still passes the check', () => {
    expect(run(consentMautic, probe([page(PAGE)]))).toEqual({ status: 'not_applicable', findings: [{ code: 'mautic-not-loaded', status: 'not_applicable', params: { page: PAGE } }], evidence: shas(PAGE, 'none', 'accept', 'reject') });
    expect(run(consentMautic, probe([page(PAGE), page(OTHER, { accept: afterAccept })])).status).toBe('pass');
  });

  it('is manual when no accept button was found and nothing loaded before', () => {
    const result = run(consentMautic, probe([page(PAGE, { accept: { clicked: null, clickedAt: null } })]));
    expect(result.status).toBe('manual');
    expect(result.findings).toEqual([{ code: 'mautic-no-accept-button', status: 'manual', params: { page: PAGE } }]);
  });

  it('says error for an unfinished visit, fail when Mautic was already seen before consent', () => {
    const unfinished = run(consentMautic, probe([page(PAGE, { accept: { ...afterAccept, ...timedOut } })]));
    expect(unfinished.status).toBe('error');
    expect(unfinished.findings).toEqual([{ code: 'visit-error', status: 'error', cause: 'timeout', params: { page: PAGE, visit: 'accept', error: 'no load event after 30 s' } }]);
    const proven = run(consentMautic, probe([page(PAGE, { accept: timedOut, none: { requests: [request(MTC)] } })]));
    expect(proven.status).toBe('fail');
    expect(codes(proven)).toEqual(['mautic-before-request']);
  });
});

describe('consent.banner', () => {
  const onlyAccept = { cmp: null, shown: true, accept: { by: 'label' as const, selector: 'akzeptieren', text: 'Akzeptieren' }, reject: null };
  const noBanner = { cmp: null, shown: false, accept: null, reject: null };

  it('passes a banner with accept and reject on its first layer, naming the consent manager', () => {
    expect(run(consentBanner, probe([page(PAGE)]))).toEqual({
      status: 'pass',
      findings: [
        { code: 'banner-choice', status: 'pass', params: { page: PAGE, accept: 'Alle akzeptieren', reject: 'Nur notwendige' } },
        { code: 'banner-cmp', status: 'pass', params: { page: PAGE, cmp: 'Cookiebot' } },
      ],
      evidence: shas(PAGE, 'none'),
    });
  });

  it('fails a banner without a reject button', () => {
    const result = run(consentBanner, probe([page(PAGE, { none: { banner: onlyAccept } })]));
    expect(result).toEqual({ status: 'fail', findings: [{ code: 'banner-no-reject', status: 'fail', params: { page: PAGE, accept: 'Akzeptieren' } }], evidence: shas(PAGE, 'none') });
  });

  it('fails tracking without any banner, naming the trackers', () => {
    const result = run(consentBanner, probe([page(PAGE, { none: { banner: noBanner, requests: [request(GA), request(MTC)], cookies: [cookie('_ga', '.example-shop.de')] } })]));
    expect(result.status).toBe('fail');
    expect(result.findings).toEqual([{ code: 'banner-none-tracking', status: 'fail', params: { page: PAGE, trackers: ['Google Analytics', 'Mautic'] } }]);
  });

  it('is manual without a banner and without tracking, or with a reject button alone', () => {
    const none = run(consentBanner, probe([page(PAGE, { none: { banner: { ...noBanner, cmp: { id: 'klaro', name: 'Klaro' } } } })]));
    expect(none).toEqual({
      status: 'manual',
      findings: [{ code: 'banner-none', status: 'manual', params: { page: PAGE } }, { code: 'banner-cmp', status: 'pass', params: { page: PAGE, cmp: 'Klaro' } }],
      evidence: shas(PAGE, 'none'),
    });
    const rejectOnly = { cmp: null, shown: true, accept: null, reject: { by: 'label' as const, selector: 'ablehnen', text: 'Ablehnen' } };
    expect(run(consentBanner, probe([page(PAGE, { none: { banner: rejectOnly } })])).findings).toEqual([{ code: 'banner-no-accept', status: 'manual', params: { page: PAGE, reject: 'Ablehnen' } }]);
  });

  it('says error when the visit without a click did not finish, but a missing reject button still fails', () => {
    const unfinished = run(consentBanner, probe([page(PAGE, { none: timedOut })]));
    expect(unfinished.status).toBe('error');
    expect(codes(unfinished)).toEqual(['visit-error', 'banner-cmp']);
    expect(run(consentBanner, probe([page(PAGE, { none: { ...timedOut, banner: onlyAccept } })])).status).toBe('fail');
    expect(run(consentBanner, probe([page(PAGE, { reject: timedOut })])).status).toBe('pass');
  });
});
