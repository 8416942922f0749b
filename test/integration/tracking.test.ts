import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { mtcScript, type MtcLine, type MtcOptions } from '../fixtures/mtc-scripts';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const TRACKING_CHECKS = ['tracking.consent-gating', 'tracking.fingerprint', 'tracking.ga-anonymize-ip'];

/**
 * Installations in sub-folders of one Mautic host, each with the mtc.js of one line. `tracking` and `landing`
 * are the third-party settings Mautic prints when the Referer is outside / inside site_url (TrackingHelper).
 */
const INSTALLS: Record<string, { line: MtcLine; tracking: MtcOptions; landing: MtcOptions }> = {
  v216: { line: '2.16', tracking: { ga: { id: 'UA-2160-1', anonymize: false } }, landing: {} },
  v44: { line: '4.4.10', tracking: {}, landing: { ga: { id: 'G-LANDING44', anonymize: false } } },
  v51: { line: '5.1', tracking: { ga: { id: 'G-BOTH51', anonymize: true } }, landing: { ga: { id: 'G-BOTH51', anonymize: true } } },
};

const ca = makeCa();
const servers: RunningServer[] = [];
const referers: Record<string, string[]> = {};
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const mauticHandler = (siteUrl: () => string) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const [, folder, file] = path.split('/');
  const install = folder ? INSTALLS[folder] : undefined;
  if (file === 'mtc.js') (referers[folder!] ??= []).push(req.headers.referer ?? '');
  if (install && file === 'mtc.js') {
    const landing = (req.headers.referer ?? '').includes(siteUrl());
    const opts = landing ? install.landing : install.tracking;
    return void res.writeHead(200, { 'Content-Type': 'application/javascript' }).end(mtcScript(install.line, { host: 'localhost', ...opts }));
  }
  if (folder === 'soft' && file === 'mtc.js') return void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<!doctype html><html><body>Willkommen</body></html>');
  if (file === 'mtc.js') return void res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body>Not Found</body></html>');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...HARDENED_HEADERS }).end(HARDENED_PAGE);
};

const pages = (mtc: string): Record<string, string> => ({
  '/plain': `<!doctype html><html><head><title>Offen</title><script src="${mtc}" async></script></head><body><h1>Offen</h1></body></html>`,
  '/cookiebot': `<!doctype html><html><head><title>Cookiebot</title><script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="0000"></script>
<script type="text/plain" data-cookieconsent="marketing">(function(w,d,t,u,n,a,m){w['MauticTrackingObject']=n;w[n]=w[n]||function(){(w[n].q=w[n].q||[]).push(arguments)},a=d.createElement(t),m=d.getElementsByTagName(t)[0];a.async=1;a.src=u;m.parentNode.insertBefore(a,m)})(window,document,'script','${mtc}','mt');mt('send','pageview');</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','G-SITE1',{'anonymize_ip':true});</script>
</head><body><h1>Cookiebot</h1></body></html>`,
  '/gtm': `<!doctype html><html><head><title>GTM</title><script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-TEST');</script></head><body></body></html>`,
});

type Audited = Awaited<ReturnType<typeof auditTarget>>;
let mautic: RunningServer;
let httpUrl: string;
let website: RunningServer;

beforeAll(async () => {
  mautic = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), mauticHandler(() => `https://localhost:${mautic.port}`));
  const plain = await startHttp(redirectHandler(mautic.port));
  servers.push(mautic, plain);
  httpUrl = plain.url;
  const html = pages(`https://localhost:${mautic.port}/v216/mtc.js`);
  website = await startHttps(ca.issue({ commonName: '127.0.0.1', hosts: LOCAL_HOSTS }), (req, res) => {
    const body = html[new URL(req.url ?? '/', 'https://x').pathname];
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' }).end(body ?? '<html><body>Not Found</body></html>');
  });
  servers.push(website);
});

const page = (path: string) => `https://127.0.0.1:${website.port}${path}`;
const install = (folder: string) => `https://localhost:${mautic.port}/${folder}/`;
const audit = (folder: string, landingPages?: string[]) => auditTarget({ url: install(folder), httpUrl, caPem: ca.certPem, landingPages });

function expectStoredEvidence(audited: Audited, ids = TRACKING_CHECKS) {
  const stored = new Set(audited.result.evidence.map((e) => e.sha256));
  for (const id of ids) {
    const check = audited.check(id);
    expect(check.automated, id).toBe(true);
    expect(check.evidence.length, id).toBeGreaterThan(0);
    for (const sha of check.evidence) expect(stored.has(sha), `${id} ${sha}`).toBe(true);
  }
}

describe('Mautic 2.16 in a sub-folder, GA without anonymisation on tracking pages, a landing page loading mtc.js openly', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await audit('v216', [page('/plain')]);
  });

  it('fetched mtc.js twice: with the landing page and with the installation as Referer', () => {
    expect(referers.v216).toEqual([page('/plain'), install('v216')]);
    const evidence = audited.check('tracking.fingerprint').evidence.map((sha) => audited.store.readBlob(sha).toString('utf8'));
    expect(evidence.some((e) => e.includes(`"referer"`) && e.includes(page('/plain')) && e.includes('/v216/mtc.js'))).toBe(true);
  });

  it('fails tracking.fingerprint and reports the version line 2.8–2.16', () => {
    const check = audited.check('tracking.fingerprint');
    expect(check.status).toBe('fail');
    expect(audited.codes('tracking.fingerprint')).toEqual(['fingerprint2', 'mautic-version']);
    expect(check.findings[1]!.params).toEqual({ version: '2.8–2.16', markers: ['Fingerprint2', 'fingerprintComponents', 'handleFingerprintInit'] });
    expect(check.message).toContain('2.8–2.16');
  });

  it('fails tracking.ga-anonymize-ip for the analytics.js ID, in the tracking-page context only', () => {
    const check = audited.check('tracking.ga-anonymize-ip');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([{ code: 'ga-not-anonymized', status: 'fail', params: { id: 'UA-2160-1', where: [`${install('v216')}mtc.js [google_analytics_trackingpage_enabled]`] } }]);
  });

  it('fails tracking.consent-gating for the page that loads mtc.js without a consent manager', () => {
    const check = audited.check('tracking.consent-gating');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([{ code: 'mautic-ungated', status: 'fail', params: { page: page('/plain'), loaders: [`script https://localhost:${mautic.port}/v216/mtc.js`] } }]);
  });

  it('cites stored evidence for every tracking check', () => {
    expectStoredEvidence(audited);
  });
});

describe('Mautic 4.4.10+ with gtag on landing pages, a page gated by Cookiebot', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await audit('v44', [page('/cookiebot')]);
  });

  it('passes tracking.fingerprint and tells the line from gtag', () => {
    expect(audited.check('tracking.fingerprint').status).toBe('pass');
    expect(audited.check('tracking.fingerprint').findings[1]!.params!.version).toBe('4.4.10–4.4');
  });

  it('warns for GA4 without anonymize_ip in the landing-page context; the page GA is anonymised', () => {
    const check = audited.check('tracking.ga-anonymize-ip');
    expect(check.status).toBe('warn');
    expect(check.findings).toEqual([
      { code: 'gtag-not-anonymized', status: 'warn', params: { id: 'G-LANDING44', where: [`${install('v44')}mtc.js [google_analytics_landingpage_enabled]`] } },
      { code: 'ga-anonymized', status: 'pass', params: { id: 'G-SITE1', where: [page('/cookiebot')] } },
    ]);
  });

  it('passes tracking.consent-gating: Cookiebot holds the loader back', () => {
    expect(audited.check('tracking.consent-gating').findings).toEqual([{ code: 'mautic-gated', status: 'pass', params: { page: page('/cookiebot'), cmps: ['Cookiebot'] } }]);
    expectStoredEvidence(audited);
  });
});

describe('Mautic 5.1 with anonymised GA4 and no landing pages', () => {
  it('passes fingerprint and GA, and leaves consent gating to the auditor', async () => {
    const audited = await audit('v51');
    expect(audited.check('tracking.fingerprint').findings[1]!.params!.version).toBe('5.0+');
    expect(audited.check('tracking.ga-anonymize-ip').status).toBe('pass');
    expect(audited.check('tracking.ga-anonymize-ip').findings[0]!.params!.where).toHaveLength(2);
    expect(audited.check('tracking.consent-gating').status).toBe('manual');
    expect(audited.codes('tracking.consent-gating')).toEqual(['consent-no-pages']);
    expectStoredEvidence(audited, ['tracking.fingerprint', 'tracking.ga-anonymize-ip']);
  });
});

describe('no Mautic script where the installation should be', () => {
  it('warns for a 404 and for an HTML page, and does not apply GA', async () => {
    const missing = await audit('missing', [page('/gtm')]);
    expect(missing.check('tracking.fingerprint').status).toBe('warn');
    expect(missing.codes('tracking.fingerprint')).toEqual(['mtc-not-found', 'mautic-version-unknown']);
    expect(missing.check('tracking.ga-anonymize-ip').status).toBe('not_applicable');
    expect(missing.check('tracking.consent-gating').status).toBe('manual');
    expect(missing.codes('tracking.consent-gating')).toEqual(['mautic-not-embedded', 'tag-manager']);
    expectStoredEvidence(missing);
    const soft = await audit('soft');
    expect(soft.codes('tracking.fingerprint')).toEqual(['mtc-not-javascript', 'mautic-version-unknown']);
  });
});

describe('an installation that does not answer', () => {
  it('reports error, never pass, for the mtc.js checks', async () => {
    const gone = await startHttp(() => undefined);
    const port = gone.port;
    await gone.close();
    const audited = await auditTarget({ url: `https://localhost:${port}/`, httpUrl, caPem: ca.certPem, timeoutMs: 2000 });
    expect(audited.check('tracking.fingerprint').status).toBe('error');
    expect(audited.check('tracking.ga-anonymize-ip').status).toBe('error');
    expect(audited.codes('tracking.fingerprint')).toEqual(['probe-error', 'mautic-version-unknown']);
  });
});
