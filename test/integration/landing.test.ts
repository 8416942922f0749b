import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { startHardenedSite, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const LANDING_CHECKS = ['landing.https', 'landing.mixed-content', 'landing.third-parties', 'landing.google-fonts', 'landing.sri'];

const BAD_PAGE = `<!doctype html><html lang="de"><head><title>Angebot</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto&amp;display=swap">
<script src="http://cdn.example.net/jquery.min.js"></script>
<script src="https://cdn.tracker.example/track.js"></script>
</head><body><h1>Angebot</h1><form action="/form/submit?formId=1" method="post"><input name="email"></form></body></html>`;

const GOOD_PAGE = `<!doctype html><html lang="de"><head><title>Newsletter</title>
<link rel="stylesheet" href="/css/site.css"><link rel="preload" as="font" href="/fonts/roboto.woff2">
<script src="https://cdn.example.net/lib.js" integrity="sha384-oqVuAfXRKap7fdgcCY5uykM6+R9GqQ8K/uxy9rx7HNQlGYl1kPzQho1wx4JwY8wC" crossorigin="anonymous"></script>
</head><body><h1>Newsletter</h1><img src="/img/logo.png"><form action="/form/submit?formId=2" method="post"></form></body></html>`;

const ca = makeCa();
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** The website with the landing pages: a different host (127.0.0.1) from the Mautic installation (localhost). */
const websiteHandler = (httpPort: number) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  if (path === '/bad') return void res.writeHead(200, html).end(BAD_PAGE);
  if (path === '/good') return void res.writeHead(200, html).end(GOOD_PAGE);
  if (path === '/css/site.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end('@font-face { font-family: Roboto; src: url(/fonts/roboto.woff2) format("woff2") } body { font-family: Roboto }');
  if (path === '/old') return void res.writeHead(301, { Location: `http://127.0.0.1:${httpPort}/old` }).end();
  res.writeHead(404, html).end('<html><body>Not Found</body></html>');
};

type Audited = Awaited<ReturnType<typeof auditTarget>>;
let mautic: { url: string; httpUrl: string };
let website: RunningServer;
let plain: RunningServer;

beforeAll(async () => {
  const site = await startHardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
  plain = await startHttp((_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html' }).end(GOOD_PAGE));
  servers.push(...site.servers, plain);
  website = await startHttps(ca.issue({ commonName: '127.0.0.1', hosts: LOCAL_HOSTS }), websiteHandler(plain.port));
  servers.push(website);
  mautic = { url: site.url, httpUrl: site.httpUrl };
});

const page = (path: string) => `https://127.0.0.1:${website.port}${path}`;
const audit = (landingPages?: string[]) => auditTarget({ ...mautic, caPem: ca.certPem, landingPages });

function expectStoredEvidence(audited: Audited) {
  const stored = new Set(audited.result.evidence.map((e) => e.sha256));
  for (const id of LANDING_CHECKS) {
    const check = audited.check(id);
    expect(check.automated, id).toBe(true);
    expect(check.evidence.length, id).toBeGreaterThan(0);
    for (const sha of check.evidence) expect(stored.has(sha), `${id} ${sha}`).toBe(true);
  }
}

describe('a bad landing page (http:// script, Google Fonts, third-party script without integrity)', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await audit([page('/bad')]);
  });

  it('passes landing.https (served over https)', () => {
    expect(audited.check('landing.https').status).toBe('pass');
    expect(audited.codes('landing.https')).toEqual(['landing-https-ok']);
  });

  it('fails landing.mixed-content, naming the http script', () => {
    const check = audited.check('landing.mixed-content');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([{ code: 'mixed-content', status: 'fail', params: { page: page('/bad'), resources: ['script http://cdn.example.net/jquery.min.js'] } }]);
    expect(check.message).toContain('http://cdn.example.net/jquery.min.js');
  });

  it('warns in landing.third-parties, listing every third-party host', () => {
    const check = audited.check('landing.third-parties');
    expect(check.status).toBe('warn');
    // Where the machine can reach Google, its CSS adds fonts.gstatic.com (kind font); that is not under test here.
    expect(check.findings.map((f) => f.params?.host).filter((h) => h !== 'fonts.gstatic.com')).toEqual(['cdn.example.net', 'cdn.tracker.example', 'fonts.googleapis.com']);
  });

  it('fails landing.google-fonts and cites the ruling', () => {
    const check = audited.check('landing.google-fonts');
    expect(check.status).toBe('fail');
    expect(audited.codes('landing.google-fonts')).toEqual(['google-fonts']);
    expect(check.message).toContain('3 O 17493/20');
  });

  it('warns in landing.sri for the third-party scripts and the font stylesheet', () => {
    const check = audited.check('landing.sri');
    expect(check.status).toBe('warn');
    expect(check.findings[0]!.params!.resources).toEqual([
      'stylesheet https://fonts.googleapis.com/css2?family=Roboto&display=swap',
      'script http://cdn.example.net/jquery.min.js',
      'script https://cdn.tracker.example/track.js',
    ]);
  });

  it('cites stored evidence for every landing check', () => {
    expectStoredEvidence(audited);
  });
});

describe('a good landing page (own resources, third-party script with SRI)', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await audit([page('/good')]);
  });

  it('passes https, mixed content, Google Fonts and SRI; warns only for the one CDN', () => {
    expect(audited.check('landing.https').status).toBe('pass');
    expect(audited.check('landing.mixed-content').status).toBe('pass');
    expect(audited.check('landing.google-fonts').status).toBe('pass');
    expect(audited.check('landing.sri').status).toBe('pass');
    expect(audited.codes('landing.sri')).toEqual(['sri-ok']);
    expect(audited.check('landing.third-parties').findings).toEqual([{ code: 'third-party', status: 'warn', params: { host: 'cdn.example.net', kinds: ['script'], pages: [page('/good')] } }]);
    expectStoredEvidence(audited);
  });
});

describe('a landing page that redirects to http', () => {
  it('fails landing.https', async () => {
    const audited = await audit([page('/old')]);
    const check = audited.check('landing.https');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([{ code: 'landing-redirect-to-http', status: 'fail', params: { page: page('/old'), location: `http://127.0.0.1:${plain.port}/old` } }]);
  });
});

describe('no landing pages given', () => {
  it('reports every landing check as not applicable', async () => {
    const audited = await audit();
    for (const id of LANDING_CHECKS) {
      expect(audited.check(id).status, id).toBe('not_applicable');
      expect(audited.codes(id), id).toEqual(['landing-none']);
    }
  });
});
