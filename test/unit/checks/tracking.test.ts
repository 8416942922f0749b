import { describe, expect, it } from 'vitest';
import { TRACKING_CHECKS, trackingConsentGating, trackingFingerprint, trackingGaAnonymizeIp } from '../../../electron/core/checks/tracking';
import type { LandingPageObservation } from '../../../electron/core/probes/landing';
import { analyzeMtc, inferVersion, MARKER } from '../../../electron/core/probes/mtc-markers';
import type { MtcContext, MtcFetch, MtcState, TrackingScriptObservation } from '../../../electron/core/probes/tracking';
import { detectTrackingEmbed } from '../../../electron/core/probes/tracking-embed';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';
import { mtcScript, type MtcOptions } from '../../fixtures/mtc-scripts';
import { failed } from './exchange-fixture';

const MTC = 'https://mautic.example.org/mtc.js';
type ScriptProbe = ProbeResult<ObservationMap['tracking-script']>;
type LandingProbe = ProbeResult<ObservationMap['landing-pages']>;

function fetchOf(context: MtcContext, body: string | null, state: MtcState = 'mautic', status = 200): MtcFetch {
  const analysis = body === null ? null : analyzeMtc(body);
  return { context, referer: context === 'tracking-page' ? 'https://www.example.com/' : 'https://mautic.example.org/', chain: [MTC], status, contentType: 'application/javascript', state, bodyTruncated: false, analysis, evidence: [`sha-mtc-${context}`] };
}

/** The probe's result for the scripts served in the tracking-page and landing-page contexts. */
function script(tracking: MtcFetch, landing: MtcFetch = tracking.state === 'mautic' ? { ...tracking, context: 'landing-page', evidence: ['sha-mtc-landing-page'] } : tracking): ScriptProbe {
  const fetches = [tracking, landing];
  const mautic = fetches.filter((f) => f.state === 'mautic');
  const seen = new Set(mautic.flatMap((f) => f.analysis!.markers));
  const markers = Object.values(MARKER).filter((m) => seen.has(m));
  const { line, decidedBy } = inferVersion(markers);
  const data: TrackingScriptObservation = { url: MTC, fetches, state: mautic.length ? 'mautic' : tracking.state, markers, version: line, versionMarkers: decidedBy, fingerprint: mautic.some((f) => f.analysis!.fingerprint), incomplete: false };
  return { ok: true, data, evidence: fetches.flatMap((f) => f.evidence) };
}
const mautic = (line: Parameters<typeof mtcScript>[0], opts: MtcOptions = {}) => script(fetchOf('tracking-page', mtcScript(line, opts)));

let n = 0;
function lp(url: string, html: string, spec: Partial<LandingPageObservation> = {}): LandingPageObservation {
  n += 1;
  return { url, discoveredFrom: null, chain: [url], status: 200, contentType: 'text/html', error: null, parsedAsHtml: true, stylesheets: [], resources: [], resourcesTruncated: false, bodyTruncated: false, forms: [], tracking: detectTrackingEmbed(html, url), evidence: [`sha-page-${n}`], ...spec };
}
const landing = (pages: LandingPageObservation[]): LandingProbe => ({ ok: true, data: { pages, skipped: 0, installationHost: 'mautic.example.org' }, evidence: pages.flatMap((p) => p.evidence) });
const codes = (o: { findings: { code: string }[] }) => o.findings.map((f) => f.code);

const LOADER = `<script src="${MTC}"></script>`;
const COOKIEBOT = '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js"></script>';

it('TRACKING_CHECKS has the three ids of CHECKLIST.md, each declaring probe-error', () => {
  expect(TRACKING_CHECKS.map((c) => c.id)).toEqual(['tracking.consent-gating', 'tracking.fingerprint', 'tracking.ga-anonymize-ip']);
  for (const c of TRACKING_CHECKS) expect(c.codes).toContain('probe-error');
});

describe('tracking.fingerprint', () => {
  const run = (p: ScriptProbe) => trackingFingerprint.evaluate({ 'tracking-script': p });

  it('fails for Fingerprint2 (2.x) and reports the version line as information', () => {
    const o = run(mautic('2.16'));
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([
      { code: 'fingerprint2', status: 'fail', params: { url: MTC, markers: ['Fingerprint2', 'fingerprintComponents', 'handleFingerprintInit'] } },
      { code: 'mautic-version', status: 'pass', params: { version: '2.8–2.16', markers: ['Fingerprint2', 'fingerprintComponents', 'handleFingerprintInit'] } },
    ]);
    expect(o.evidence).toEqual(['sha-mtc-tracking-page', 'sha-mtc-landing-page']);
  });

  it('passes for 3.x, 4.x and 5.x, with the line in a pass finding', () => {
    for (const [line, label] of [['3.3', '3.0–3.3'], ['4.0', '4.0'], ['4.4', '4.1–4.4'], ['5.1', '5.0+']] as const) {
      const o = run(mautic(line));
      expect(o.status, line).toBe('pass');
      expect(codes(o)).toEqual(['fingerprint-none', 'mautic-version']);
      expect(o.findings[1]!.params!.version).toBe(label);
    }
  });

  it('warns when mtc.js is missing, not JavaScript, or not Mautic, and says no version can be told', () => {
    const cases: [MtcFetch, string, Record<string, string | number>][] = [
      [fetchOf('tracking-page', null, 'not-found', 404), 'mtc-not-found', { url: MTC, status: 404 }],
      [fetchOf('tracking-page', null, 'http-status', 403), 'mtc-http-status', { url: MTC, status: 403 }],
      [{ ...fetchOf('tracking-page', null, 'not-javascript'), contentType: 'text/html' }, 'mtc-not-javascript', { url: MTC, contentType: 'text/html' }],
      [fetchOf('tracking-page', 'console.log(1)', 'not-mautic'), 'mtc-not-mautic', { url: MTC }],
    ];
    for (const [f, code, params] of cases) {
      const o = run(script(f));
      expect(o.status, code).toBe('warn');
      expect(o.findings).toEqual([{ code, status: 'warn', params }, { code: 'mautic-version-unknown', status: 'pass' }]);
    }
  });

  it('warns when the script was cut off and no Fingerprint2 was seen', () => {
    const p = mautic('4.4');
    if (p.ok) p.data.incomplete = true;
    expect(codes(run(p))).toEqual(['mtc-incomplete', 'mautic-version']);
    expect(run(p).status).toBe('warn');
  });

  it('reports error, never pass, when the probe failed', () => {
    const o = run(failed());
    expect(o.status).toBe('error');
    expect(codes(o)).toEqual(['probe-error', 'mautic-version-unknown']);
  });
});

describe('tracking.ga-anonymize-ip', () => {
  const run = (s: ScriptProbe, l: LandingProbe = landing([])) => trackingGaAnonymizeIp.evaluate({ 'tracking-script': s, 'landing-pages': l });
  const TP = `${MTC} [google_analytics_trackingpage_enabled]`;
  const LPW = `${MTC} [google_analytics_landingpage_enabled]`;

  it('fails for analytics.js without anonymizeIp, naming the context', () => {
    const o = run(script(fetchOf('tracking-page', mtcScript('4.4', { ga: { id: 'UA-1-1', anonymize: false } })), fetchOf('landing-page', mtcScript('4.4'))));
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([{ code: 'ga-not-anonymized', status: 'fail', params: { id: 'UA-1-1', where: [TP] } }]);
    expect(o.evidence).toEqual(['sha-mtc-tracking-page']);
  });

  it('warns for GA4 through gtag without anonymize_ip, passes when anonymized, in both contexts', () => {
    const plain = run(script(fetchOf('tracking-page', mtcScript('5.1')), fetchOf('landing-page', mtcScript('5.1', { ga: { id: 'G-ABC', anonymize: false } }))));
    expect(plain.status).toBe('warn');
    expect(plain.findings).toEqual([{ code: 'gtag-not-anonymized', status: 'warn', params: { id: 'G-ABC', where: [LPW] } }]);
    const anon = run(mautic('4.4.10', { ga: { id: 'G-ABC', anonymize: true } }));
    expect(anon.status).toBe('pass');
    expect(anon.findings).toEqual([{ code: 'ga-anonymized', status: 'pass', params: { id: 'G-ABC', where: [TP, LPW] } }]);
  });

  it('judges GA on landing pages by the page URL', () => {
    const page = lp('https://www.example.com/lp', "<script>ga('create','UA-7-1','auto');ga('send','pageview');</script>");
    const o = run(mautic('4.4'), landing([page]));
    expect(o.findings).toEqual([{ code: 'ga-not-anonymized', status: 'fail', params: { id: 'UA-7-1', where: ['https://www.example.com/lp'] } }]);
    expect(o.evidence).toEqual(page.evidence);
  });

  it('treats a Universal Analytics ID through gtag like analytics.js', () => {
    const page = lp('https://www.example.com/lp', "<script>gtag('config','UA-8-1');</script>");
    expect(run(mautic('4.4'), landing([page])).findings[0]).toMatchObject({ code: 'ga-not-anonymized', status: 'fail' });
  });

  it('warns when a page loads GA but its configuration is not in the HTML', () => {
    const page = lp('https://www.example.com/lp', '<script async src="https://www.googletagmanager.com/gtag/js?id=G-Q"></script>');
    const o = run(mautic('4.4'), landing([page]));
    expect(o.findings).toEqual([{ code: 'ga-config-unseen', status: 'warn', params: { page: 'https://www.example.com/lp', urls: ['https://www.googletagmanager.com/gtag/js?id=G-Q'] } }]);
  });

  it('does not apply when no GA is anywhere, and warns for a Facebook Pixel', () => {
    const none = run(mautic('4.4'), landing([lp('https://www.example.com/lp', '<p>hi</p>')]));
    expect(none.status).toBe('not_applicable');
    expect(none.findings).toEqual([{ code: 'ga-none', status: 'not_applicable', params: { count: 1 } }]);
    const fb = run(mautic('4.4', { fb: { id: '555', contact: true } }));
    expect(fb.status).toBe('warn');
    expect(fb.findings).toEqual([
      { code: 'facebook-pixel-personal-data', status: 'warn', params: { id: '555', where: [`${MTC} [facebook_pixel_trackingpage_enabled]`, `${MTC} [facebook_pixel_landingpage_enabled]`], fields: ['ct', 'em', 'fn', 'ln'] } },
      { code: 'ga-none', status: 'not_applicable', params: { count: 0 } },
    ]);
  });

  it('ignores GA in a script that is not Mautic, and reports errors instead of not applicable', () => {
    const foreign = script(fetchOf('tracking-page', "ga('create','UA-5-1','auto');", 'not-mautic'));
    expect(run(foreign).status).toBe('not_applicable');
    const o = run(failed());
    expect(o.status).toBe('error');
    expect(codes(o)).toEqual(['probe-error']);
    const down = lp('https://www.example.com/down', '', { status: null, error: { code: 'refused', message: 'connection refused' } });
    expect(run(mautic('4.4'), landing([down])).findings).toEqual([
      { code: 'ga-none', status: 'not_applicable', params: { count: 0 } },
      { code: 'page-unreachable', status: 'error', cause: 'refused', params: { page: 'https://www.example.com/down', error: 'connection refused' } },
    ]);
  });
});

describe('tracking.consent-gating', () => {
  const run = (l: LandingProbe) => trackingConsentGating.evaluate({ 'landing-pages': l });
  const P = 'https://www.example.com/lp';

  it('is manual without landing pages, error when the probe failed', () => {
    expect(run(landing([]))).toEqual({ status: 'manual', findings: [{ code: 'consent-no-pages', status: 'manual' }], evidence: [] });
    expect(run(failed()).status).toBe('error');
  });

  it('fails for a page that loads mtc.js with no consent manager', () => {
    const page = lp(P, LOADER);
    const o = run(landing([page]));
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([{ code: 'mautic-ungated', status: 'fail', params: { page: P, loaders: [`script ${MTC}`] } }]);
    expect(o.evidence).toEqual(page.evidence);
  });

  it('passes for a page whose consent manager holds the tag back', () => {
    const o = run(landing([lp(P, `${COOKIEBOT}<script type="text/plain" data-cookieconsent="marketing" src="${MTC}"></script>`)]));
    expect(o.findings).toEqual([{ code: 'mautic-gated', status: 'pass', params: { page: P, cmps: ['Cookiebot'] } }]);
    expect(o.status).toBe('pass');
  });

  it('warns when a consent manager is present but the tag is not held back in the HTML', () => {
    const o = run(landing([lp(P, COOKIEBOT + LOADER)]));
    expect(o.findings).toEqual([{ code: 'mautic-cmp-not-blocking', status: 'warn', params: { page: P, loaders: [`script ${MTC}`], cmps: ['Cookiebot'] } }]);
  });

  it('warns for a held-back tag no known tool claims, and for a loader that waits in JavaScript', () => {
    expect(run(landing([lp(P, `<script type="text/plain" src="${MTC}"></script>`)])).findings[0]).toMatchObject({ code: 'mautic-blocked-unknown', status: 'warn' });
    const js = `<script>if(window.UC_UI&&UC_UI.isInitialized()){var s=document.createElement('script');s.src='${MTC}';document.head.appendChild(s);}</script>`;
    expect(run(landing([lp(P, js)])).findings).toEqual([{ code: 'mautic-gated-in-js', status: 'warn', params: { page: P, loaders: [`inline-script ${MTC}`], apis: ['UC_UI'] } }]);
  });

  it('fails for a noscript pixel even when the script itself is held back', () => {
    const html = `${COOKIEBOT}<script type="text/plain" data-cookieconsent="marketing" src="${MTC}"></script><noscript><img src="https://mautic.example.org/mtracking.gif"></noscript>`;
    const o = run(landing([lp(P, html)]));
    expect(o.status).toBe('fail');
    expect(codes(o)).toEqual(['mautic-gated', 'mautic-ungated']);
    expect(o.findings[1]!.params!.loaders).toEqual(['noscript img https://mautic.example.org/mtracking.gif']);
  });

  it('judges each page: the worst decides', () => {
    const o = run(landing([lp(P, `${COOKIEBOT}<script type="text/plain" data-cookieconsent="marketing" src="${MTC}"></script>`), lp('https://www.example.com/other', LOADER)]));
    expect(o.status).toBe('fail');
    expect(o.findings.map((f) => [f.code, f.params!.page])).toEqual([['mautic-gated', P], ['mautic-ungated', 'https://www.example.com/other']]);
  });

  it('does not apply when no page loads Mautic, and asks to look at a tag manager', () => {
    expect(run(landing([lp(P, '<p>hi</p>')])).findings).toEqual([{ code: 'mautic-not-embedded', status: 'not_applicable', params: { count: 1 } }]);
    const o = run(landing([lp(P, '<script src="https://www.googletagmanager.com/gtm.js?id=GTM-1"></script>')]));
    expect(o.status).toBe('manual');
    expect(o.findings[1]).toEqual({ code: 'tag-manager', status: 'manual', params: { pages: [P], managers: ['Google Tag Manager'] } });
  });

  it('reports unreachable pages as error and cut-off pages as warn', () => {
    const down = lp('https://www.example.com/down', '', { status: null, tracking: null, error: { code: 'timeout', message: 'timed out' } });
    const cut = lp(P, '<p>x</p>', { bodyTruncated: true });
    const o = run(landing([down, cut]));
    expect(o.status).toBe('error');
    expect(codes(o)).toEqual(['mautic-not-embedded', 'page-unreachable', 'page-incomplete']);
  });
});
