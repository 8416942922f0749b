import { describe, expect, it } from 'vitest';
import { LANDING_CHECKS, landingGoogleFonts, landingHttps, landingMixedContent, landingSri, landingThirdParties } from '../../../electron/core/checks/landing';
import { extractResources, type LandingPageObservation, type LandingResource, type StylesheetObservation } from '../../../electron/core/probes/landing';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';
import { failed } from './exchange-fixture';

let n = 0;
function page(url: string, html: string, spec: Partial<LandingPageObservation> = {}): LandingPageObservation {
  n += 1;
  const chain = spec.chain ?? [url];
  const { resources, truncated } = extractResources(html, chain[chain.length - 1]!);
  return { url, discoveredFrom: null, chain, status: 200, contentType: 'text/html', error: null, parsedAsHtml: true, resources, resourcesTruncated: truncated, bodyTruncated: false, stylesheets: [], forms: [], tracking: null, evidence: [`sha-page-${n}`], ...spec };
}

function probe(pages: LandingPageObservation[], skipped = 0): ProbeResult<ObservationMap['landing-pages']> {
  return { ok: true, data: { pages, skipped, installationHost: 'mautic.example.org' }, evidence: pages.flatMap((p) => p.evidence) };
}

const codes = (o: { findings: { code: string }[] }) => o.findings.map((f) => f.code);
const run = (check: (typeof LANDING_CHECKS)[number], p: ProbeResult<ObservationMap['landing-pages']>) => check.evaluate({ 'landing-pages': p });

const BAD = `<!doctype html><html><head>
  <link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto&amp;display=swap">
  <script src="http://cdn.example.net/jquery.js"></script>
  <script src="https://cdn.tracker.example/t.js"></script>
  <script src="https://mautic.example.org/mtc.js"></script>
</head><body><img src="/logo.png"><form action="https://mautic.example.org/form/submit?formId=1"></form></body></html>`;
const GOOD = `<!doctype html><html><head><link rel="stylesheet" href="/css/site.css"><link rel="icon" href="/favicon.ico">
  <script src="https://cdn.example.net/lib.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>
  <script src="https://mautic.example.org/mtc.js"></script></head><body><iframe src="https://www.example.com/video"></iframe></body></html>`;

describe('extractResources', () => {
  it('lists scripts, stylesheets, preloads, icons, images, iframes and forms with integrity, resolved against the page', () => {
    const html = `<html><head><base href="https://static.example.com/assets/">
      <script src="app.js" integrity=" sha256-abc= "></script><script>var x = '<img src="http://inline.example/x.png">';</script>
      <LINK REL="Shortcut Icon" HREF="fav.ico"><link rel="preload" as="font" href="//fonts.gstatic.com/x.woff2"><link rel="canonical" href="/c">
      <!-- <script src="http://commented.example/x.js"></script> -->
      </head><body><img src="a&amp;b.png"><iframe src="https://yt.example/embed"></iframe><form action="/submit"></form><form></form><img src=""></body></html>`;
    const { resources, truncated } = extractResources(html, 'https://www.example.com/lp/');
    expect(truncated).toBe(false);
    expect(resources).toEqual([
      { kind: 'script', raw: 'app.js', url: 'https://static.example.com/assets/app.js', integrity: 'sha256-abc=', via: null },
      { kind: 'icon', raw: 'fav.ico', url: 'https://static.example.com/assets/fav.ico', integrity: null, via: null },
      { kind: 'preload', raw: '//fonts.gstatic.com/x.woff2', url: 'https://fonts.gstatic.com/x.woff2', integrity: null, via: null },
      { kind: 'image', raw: 'a&b.png', url: 'https://static.example.com/assets/a&b.png', integrity: null, via: null },
      { kind: 'iframe', raw: 'https://yt.example/embed', url: 'https://yt.example/embed', integrity: null, via: null },
      { kind: 'form', raw: '/submit', url: 'https://static.example.com/submit', integrity: null, via: null },
    ]);
  });

  it('caps the list', () => {
    const html = '<img src="/a.png">'.repeat(30);
    const { resources, truncated } = extractResources(html, 'https://x.example/', 10);
    expect(resources).toHaveLength(10);
    expect(truncated).toBe(true);
  });

  it('keeps an unparseable URL with url null', () => {
    expect(extractResources('<script src="http://[bad"></script>', 'https://x.example/').resources[0]).toMatchObject({ raw: 'http://[bad', url: null });
  });
});

describe('LANDING_CHECKS', () => {
  it('has the five ids of CHECKLIST.md, each declaring probe-error and landing-none', () => {
    expect(LANDING_CHECKS.map((c) => c.id)).toEqual(['landing.https', 'landing.mixed-content', 'landing.third-parties', 'landing.google-fonts', 'landing.sri']);
    for (const c of LANDING_CHECKS) expect(c.codes).toEqual(expect.arrayContaining(['probe-error', 'landing-none', 'landing-unreachable']));
  });

  it('does not apply when no landing pages were given', () => {
    for (const c of LANDING_CHECKS) {
      const o = run(c, probe([]));
      expect(o.status, c.id).toBe('not_applicable');
      expect(codes(o)).toEqual(['landing-none']);
    }
  });

  it('reports error, never pass, when the probe failed or a page did not answer', () => {
    for (const c of LANDING_CHECKS) expect(run(c, failed()).status).toBe('error');
    const down = page('https://www.example.com/lp', '', { status: null, chain: ['https://www.example.com/lp'], error: { code: 'refused', message: 'connection refused' } });
    for (const c of LANDING_CHECKS) {
      const o = run(c, probe([page('https://www.example.com/ok', GOOD), down]));
      expect(o.status, c.id).toBe('error');
      expect(o.findings).toContainEqual({ code: 'landing-unreachable', status: 'error', cause: 'refused', params: { page: 'https://www.example.com/lp', error: 'connection refused' } });
    }
  });
});

describe('landing.https', () => {
  it('passes pages served over https, also after an http → https redirect', () => {
    const o = run(landingHttps, probe([page('https://www.example.com/a', GOOD), page('http://www.example.com/b', GOOD, { chain: ['http://www.example.com/b', 'https://www.example.com/b'] })]));
    expect(o.status).toBe('pass');
    expect(o.findings).toEqual([{ code: 'landing-https-ok', status: 'pass', params: { count: 2 } }]);
  });

  it('fails a redirect from https to http and a page served over http', () => {
    const down = page('https://www.example.com/a', GOOD, { chain: ['https://www.example.com/a', 'http://www.example.com/a'] });
    const plain = page('http://www.example.com/b', GOOD);
    const o = run(landingHttps, probe([down, plain]));
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([
      { code: 'landing-redirect-to-http', status: 'fail', params: { page: 'https://www.example.com/a', location: 'http://www.example.com/a' } },
      { code: 'landing-not-https', status: 'fail', params: { page: 'http://www.example.com/b', url: 'http://www.example.com/b' } },
    ]);
    expect(o.evidence).toEqual([...down.evidence, ...plain.evidence]);
  });

  it('warns for a non-2xx page and for pages beyond the cap', () => {
    const o = run(landingHttps, probe([page('https://www.example.com/gone', '', { status: 404 })], 3));
    expect(o.status).toBe('warn');
    expect(codes(o)).toEqual(['landing-https-ok', 'landing-status', 'landing-pages-capped']);
    expect(o.findings[2]!.params).toEqual({ limit: 50, skipped: 3 });
  });
});

describe('content checks on a bad and a good page', () => {
  const bad = () => page('https://www.example.com/bad', BAD);
  const good = () => page('https://www.example.com/good', GOOD);

  it('landing.mixed-content fails http subresources on an https page only', () => {
    const b = bad();
    const o = run(landingMixedContent, probe([b, good()]));
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([{ code: 'mixed-content', status: 'fail', params: { page: 'https://www.example.com/bad', resources: ['script http://cdn.example.net/jquery.js'] } }]);
    expect(o.evidence).toEqual(b.evidence);
    expect(run(landingMixedContent, probe([good()])).findings).toEqual([{ code: 'mixed-content-none', status: 'pass', params: { count: 1 } }]);
    expect(run(landingMixedContent, probe([page('http://www.example.com/x', BAD)])).status).toBe('not_applicable');
  });

  it('landing.third-parties lists every third-party host with kinds and pages, not the own site or the Mautic host', () => {
    const o = run(landingThirdParties, probe([bad(), good()]));
    expect(o.status).toBe('warn');
    expect(o.findings).toEqual([
      { code: 'third-party', status: 'warn', params: { host: 'cdn.example.net', kinds: ['script'], pages: ['https://www.example.com/bad', 'https://www.example.com/good'] } },
      { code: 'third-party', status: 'warn', params: { host: 'cdn.tracker.example', kinds: ['script'], pages: ['https://www.example.com/bad'] } },
      { code: 'third-party', status: 'warn', params: { host: 'fonts.googleapis.com', kinds: ['stylesheet'], pages: ['https://www.example.com/bad'] } },
    ]);
    const own = page('https://example.com/lp', '<script src="https://www.example.com/a.js"></script><img src="data:image/png;base64,AAAA"><form action="mailto:x@example.com"></form>');
    expect(run(landingThirdParties, probe([own])).findings).toEqual([{ code: 'third-parties-none', status: 'pass', params: { count: 1 } }]);
  });

  it('landing.google-fonts fails fonts.googleapis.com and fonts.gstatic.com', () => {
    const o = run(landingGoogleFonts, probe([bad(), good(), page('https://www.example.com/p', '<link rel="preload" as="font" href="https://fonts.gstatic.com/s/roboto.woff2">')]));
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([
      { code: 'google-fonts', status: 'fail', params: { page: 'https://www.example.com/bad', urls: ['https://fonts.googleapis.com/css2?family=Roboto&display=swap'] } },
      { code: 'google-fonts', status: 'fail', params: { page: 'https://www.example.com/p', urls: ['https://fonts.gstatic.com/s/roboto.woff2'] } },
    ]);
    expect(run(landingGoogleFonts, probe([good()])).findings).toEqual([{ code: 'google-fonts-none', status: 'pass', params: { count: 1 } }]);
  });

  it('landing.sri warns for third-party scripts and stylesheets without (valid) integrity', () => {
    const o = run(landingSri, probe([bad(), good(), page('https://www.example.com/x', '<script src="https://cdn.other.example/a.js" integrity="md5-abc"></script>')]));
    expect(o.status).toBe('warn');
    expect(o.findings).toEqual([
      {
        code: 'sri-missing',
        status: 'warn',
        params: { page: 'https://www.example.com/bad', resources: ['stylesheet https://fonts.googleapis.com/css2?family=Roboto&display=swap', 'script http://cdn.example.net/jquery.js', 'script https://cdn.tracker.example/t.js'] },
      },
      { code: 'sri-invalid', status: 'warn', params: { page: 'https://www.example.com/x', resources: ['script https://cdn.other.example/a.js'] } },
    ]);
    expect(run(landingSri, probe([good()])).findings).toEqual([{ code: 'sri-ok', status: 'pass', params: { count: 1 } }]);
    expect(run(landingSri, probe([page('https://www.example.com/own', '<script src="/a.js"></script>')])).findings).toEqual([{ code: 'sri-not-needed', status: 'pass' }]);
  });

  it('warns that a page cut off at the cap was checked only in part', () => {
    const o = run(landingGoogleFonts, probe([page('https://www.example.com/big', GOOD, { bodyTruncated: true })]));
    expect(o.status).toBe('warn');
    expect(codes(o)).toEqual(['google-fonts-none', 'landing-incomplete']);
  });
});

describe('linked pages and what stylesheets load', () => {
  const SHEET = 'https://www.example.com/css/site.css';
  const sheet = (url: string, spec: Partial<StylesheetObservation> = {}): StylesheetObservation => ({
    url, chain: [url], status: 200, contentType: 'text/css', error: null, unread: null, truncated: false, evidence: [`sha-css-${url}`], ...spec,
  });
  const cssLoaded = (via: string, kind: LandingResource['kind'], url: string): LandingResource => ({ kind, raw: url, url, integrity: null, via });
  /** A linked page whose first-party stylesheet imports Google Fonts and loads an http: image and a CDN font. */
  const linked = () =>
    page('https://www.example.com/about', '<link rel="stylesheet" href="/css/site.css">', {
      discoveredFrom: 'https://www.example.com/lp',
      stylesheets: [sheet(SHEET), sheet('https://fonts.googleapis.com/css2?family=Roboto')],
    });
  const withCss = () => {
    const p = linked();
    p.resources.push(
      cssLoaded(SHEET, 'stylesheet', 'https://fonts.googleapis.com/css2?family=Roboto'),
      cssLoaded(SHEET, 'image', 'http://www.example.com/img/bg.png'),
      cssLoaded(SHEET, 'font', 'https://cdn.fonts.example/f.woff2'),
      cssLoaded('https://fonts.googleapis.com/css2?family=Roboto', 'font', 'https://fonts.gstatic.com/s/roboto.woff2'),
    );
    return p;
  };

  it('landing.https names the linked pages per page that links them', () => {
    const o = run(landingHttps, probe([page('https://www.example.com/lp', GOOD), withCss()]));
    expect(o.status).toBe('pass');
    expect(o.findings).toContainEqual({ code: 'landing-discovered', status: 'pass', params: { from: 'https://www.example.com/lp', count: 1, pages: ['https://www.example.com/about'] } });
  });

  it('landing.google-fonts fails Google Fonts imported by a stylesheet, naming it, but not again for the fonts Google\'s CSS lists', () => {
    const p = withCss();
    const o = run(landingGoogleFonts, probe([p]));
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([
      { code: 'google-fonts-css', status: 'fail', params: { page: 'https://www.example.com/about', stylesheet: SHEET, urls: ['https://fonts.googleapis.com/css2?family=Roboto'] } },
    ]);
    expect(o.evidence).toEqual([...p.evidence, `sha-css-${SHEET}`]);
  });

  it('landing.third-parties lists hosts loaded through CSS with kind font and the stylesheets', () => {
    const o = run(landingThirdParties, probe([withCss()]));
    expect(o.findings).toEqual([
      { code: 'third-party-css', status: 'warn', params: { host: 'cdn.fonts.example', kinds: ['font'], pages: ['https://www.example.com/about'], stylesheets: [SHEET] } },
      { code: 'third-party-css', status: 'warn', params: { host: 'fonts.googleapis.com', kinds: ['stylesheet'], pages: ['https://www.example.com/about'], stylesheets: [SHEET] } },
      { code: 'third-party-css', status: 'warn', params: { host: 'fonts.gstatic.com', kinds: ['font'], pages: ['https://www.example.com/about'], stylesheets: ['https://fonts.googleapis.com/css2?family=Roboto'] } },
    ]);
  });

  it('landing.mixed-content names the stylesheet that loads over http; landing.sri ignores what CSS loads', () => {
    const o = run(landingMixedContent, probe([withCss()]));
    expect(o.findings).toEqual([{ code: 'mixed-content-css', status: 'fail', params: { page: 'https://www.example.com/about', stylesheet: SHEET, resources: ['image http://www.example.com/img/bg.png'] } }]);
    expect(run(landingSri, probe([withCss()])).findings).toEqual([{ code: 'sri-not-needed', status: 'pass' }]);
  });

  it('warns when a first-party stylesheet could not be read, not for a third-party one', () => {
    const p = page('https://www.example.com/lp', '', { stylesheets: [sheet(SHEET, { status: 404, unread: 'status' }), sheet('https://cdn.example.net/x.css', { status: null, unread: 'error' }), sheet('https://www.example.com/late.css', { chain: [], status: null, unread: 'cap', evidence: [] })] });
    for (const check of [landingGoogleFonts, landingThirdParties, landingMixedContent]) {
      const o = run(check, probe([p]));
      expect(o.status, check.id).toBe('warn');
      expect(o.findings, check.id).toContainEqual({ code: 'landing-stylesheets-unread', status: 'warn', params: { stylesheets: [SHEET, 'https://www.example.com/late.css'], limit: 30 } });
    }
    expect(codes(run(landingSri, probe([p])))).toEqual(['sri-not-needed']);
  });

  it('reports a named page that is no HTML as error in the content checks, and skips a linked one', () => {
    const binary = page('https://www.example.com/bin', '', { contentType: 'application/octet-stream', parsedAsHtml: false });
    for (const check of [landingGoogleFonts, landingThirdParties, landingMixedContent, landingSri]) {
      const o = run(check, probe([binary]));
      expect(o.status, check.id).toBe('error');
      expect(o.findings, check.id).toEqual([{ code: 'landing-not-html', status: 'error', cause: 'content', params: { page: 'https://www.example.com/bin', contentType: 'application/octet-stream' } }]);
      expect(o.evidence).toEqual(binary.evidence);
    }
    expect(run(landingHttps, probe([binary])).status).toBe('pass');
    const download = page('https://www.example.com/file', '', { contentType: 'application/pdf', parsedAsHtml: false, discoveredFrom: 'https://www.example.com/lp' });
    expect(codes(run(landingGoogleFonts, probe([page('https://www.example.com/lp', GOOD), download])))).toEqual(['google-fonts-none']);
  });
});
