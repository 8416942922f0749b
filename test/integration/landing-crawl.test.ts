import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { startHardenedSite, startHttps, startSilent, type RunningServer } from '../fixtures/servers';

// The website (127.0.0.1) links its landing page to two pages on its own host and one on another host
// (localhost, the same server under another name). Its stylesheets pull in Google Fonts by @import and by
// @font-face in an imported stylesheet, and a font CDN by @font-face.

const LP = (port: number) => `<!doctype html><html><head><title>Angebot</title><link rel="stylesheet" href="/css/common.css"></head><body>
<nav><a href="/about">Über uns</a> <a href="/team#people">Team</a> <a href="/about#top">Oben</a> <a href="#main">Inhalt</a>
<a href="mailto:info@example.com">Mail</a> <a href="tel:+4930123">Tel</a> <a href="/prospekt.pdf">Prospekt</a>
<a href="https://localhost:${port}/foreign">Partner</a></nav><main id="main"><h1>Angebot</h1></main></body></html>`;
const ABOUT = '<!doctype html><html><head><link rel="stylesheet" href="/css/common.css"><link rel="stylesheet" href="/css/about.css"></head><body><h1>Über uns</h1><a href="/deeper">Mehr</a></body></html>';
const TEAM = '<!doctype html><html><head><link rel="stylesheet" href="/css/common.css"><link rel="stylesheet" href="/css/team.css"></head><body><h1>Team</h1></body></html>';
const FOREIGN = '<!doctype html><html><head><link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Foreign"></head><body>Partner</body></html>';

const CSS: Record<string, string> = {
  '/css/common.css': 'body { margin: 0; background: url("../img/bg.png") }',
  // The commented @import must not count; the real one is after @charset, where browsers honour it.
  '/css/about.css': '@charset "utf-8";\n/* @import url(https://evil.example/commented.css); */\n@import url("https://fonts.googleapis.com/css2?family=Roboto");\nh1 { font-family: Roboto }',
  '/css/team.css': '@import "fonts/nested.css";\n@font-face { font-family: "Brand"; src: url(https://cdn.fonts.example/brand.woff2) format("woff2") }',
  '/css/fonts/nested.css': "@font-face { font-family: 'Open Sans'; src: local('Open Sans'), url('https://fonts.gstatic.com/s/opensans/v1/x.woff2') format('woff2') }",
};

const ca = makeCa();
const servers: RunningServer[] = [];
let mautic: { url: string; httpUrl: string };
let website: RunningServer;
let silent: RunningServer;
/** Every path the website was asked for, with how often. */
const requests = new Map<string, number>();
const GARBAGE = randomBytes(64 * 1024);

const websiteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => {
  const url = new URL(req.url ?? '/', 'https://x');
  const path = url.pathname;
  requests.set(path, (requests.get(path) ?? 0) + 1);
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  if (path === '/lp') return void res.writeHead(200, html).end(LP(website.port));
  if (path === '/about') return void res.writeHead(200, html).end(ABOUT);
  if (path === '/team') return void res.writeHead(200, html).end(TEAM);
  if (path === '/foreign') return void res.writeHead(200, html).end(FOREIGN);
  if (CSS[path]) return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(CSS[path]);
  if (path.startsWith('/many/')) return void res.writeHead(200, html).end(`<html><body><p>${path}</p><a href="/many-linked">x</a></body></html>`);
  if (path === '/garbage') return void res.writeHead(200, html).end(GARBAGE);
  if (path === '/octet') return void res.writeHead(200, { 'Content-Type': 'application/octet-stream' }).end('<script src="https://evil.example/x.js"></script>');
  if (path === '/broken-css') return void res.writeHead(200, html).end('<link rel="stylesheet" href="/css/missing.css"><link rel="stylesheet" href="/css/binary.css"><a href="/css/binary.css">raw</a>');
  if (path === '/css/binary.css') return void res.writeHead(200, { 'Content-Type': 'text/css' }).end(GARBAGE);
  res.writeHead(404, html).end('<html><body>Not Found</body></html>');
};

beforeAll(async () => {
  const site = await startHardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
  website = await startHttps(ca.issue({ commonName: '127.0.0.1', hosts: LOCAL_HOSTS }), websiteHandler);
  silent = await startSilent('https');
  servers.push(...site.servers, website, silent);
  mautic = { url: site.url, httpUrl: site.httpUrl };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const page = (path: string) => `https://127.0.0.1:${website.port}${path}`;
type Audited = Awaited<ReturnType<typeof auditTarget>>;
const audit = (landingPages: string[], timeoutMs?: number) => auditTarget({ ...mautic, caPem: ca.certPem, landingPages, timeoutMs });
const CONTENT_CHECKS = ['landing.mixed-content', 'landing.third-parties', 'landing.google-fonts', 'landing.sri'];

describe('a landing page linking to same-host pages whose stylesheets load Google Fonts', () => {
  let audited: Audited;
  beforeAll(async () => {
    requests.clear();
    audited = await audit([page('/lp')]);
  });

  it('follows the two same-host links once each, and nothing else', () => {
    expect(audited.check('landing.https').findings).toContainEqual({
      code: 'landing-discovered',
      status: 'pass',
      params: { from: page('/lp'), count: 2, pages: [page('/about'), page('/team')] },
    });
    expect(requests.get('/about')).toBe(1);
    expect(requests.get('/team')).toBe(1);
    // Not the foreign host, not a download, not a second step (depth 1).
    for (const path of ['/foreign', '/prospekt.pdf', '/deeper']) expect(requests.has(path), path).toBe(false);
  });

  it('fetches a stylesheet shared by all pages once', () => {
    expect(requests.get('/css/common.css')).toBe(1);
    expect(requests.get('/css/fonts/nested.css')).toBe(1);
  });

  it('fails landing.google-fonts, naming the linked page and the stylesheet the fonts came through', () => {
    const check = audited.check('landing.google-fonts');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      { code: 'google-fonts-css', status: 'fail', params: { page: page('/about'), stylesheet: page('/css/about.css'), urls: ['https://fonts.googleapis.com/css2?family=Roboto'] } },
      { code: 'google-fonts-css', status: 'fail', params: { page: page('/team'), stylesheet: page('/css/fonts/nested.css'), urls: ['https://fonts.gstatic.com/s/opensans/v1/x.woff2'] } },
    ]);
    expect(check.message).toContain(page('/css/about.css'));
    expect(check.message).toContain('3 O 17493/20');
  });

  it('lists the font CDN from @font-face as a third party of kind font, through its stylesheet', () => {
    const check = audited.check('landing.third-parties');
    expect(check.findings).toContainEqual({
      code: 'third-party-css',
      status: 'warn',
      params: { host: 'cdn.fonts.example', kinds: ['font'], pages: [page('/team')], stylesheets: [page('/css/team.css')] },
    });
    expect(check.findings.map((f) => f.params?.host)).not.toContain('evil.example');
  });

  it('keeps the stylesheets as stored evidence of the findings', () => {
    const stored = new Set(audited.result.evidence.map((e) => e.sha256));
    const fonts = audited.check('landing.google-fonts');
    expect(fonts.evidence.length).toBeGreaterThanOrEqual(4);
    for (const sha of fonts.evidence) expect(stored.has(sha)).toBe(true);
    const cited = audited.result.evidence.filter((e) => fonts.evidence.includes(e.sha256)).map((e) => e.summary);
    expect(cited).toContainEqual(expect.stringContaining(`GET ${page('/css/about.css')}`));
    expect(cited).toContainEqual(expect.stringContaining(`GET ${page('/css/fonts/nested.css')}`));
  });

  it('passes the other landing checks', () => {
    expect(audited.check('landing.https').status).toBe('pass');
    expect(audited.check('landing.mixed-content').status).toBe('pass');
    expect(audited.check('landing.sri').status).toBe('pass');
  });
});

describe('bad input', () => {
  it('fetches 50 of 200 named pages and reports the rest as skipped, unanswered pages as unreachable', async () => {
    requests.clear();
    // Every tenth page sits on a server that never answers: the deadline ends each.
    const named = Array.from({ length: 200 }, (_, i) => (i % 10 === 9 ? `https://127.0.0.1:${silent.port}/many/${i}` : page(`/many/${i}`)));
    const audited = await audit(named, 1500);
    const served = [...requests.keys()].filter((p) => p.startsWith('/many/'));
    expect(served).toHaveLength(45);
    expect(served.every((p) => Number(p.slice('/many/'.length)) < 50)).toBe(true);
    expect(requests.has('/many-linked')).toBe(false);
    const https = audited.check('landing.https');
    expect(https.status).toBe('error');
    // Skipped: the 150 named pages past the cap and the one same-host page they link to.
    expect(https.findings).toContainEqual({ code: 'landing-pages-capped', status: 'warn', params: { limit: 50, skipped: 151 } });
    expect(https.message).toContain('151');
    expect(audited.codes('landing.https').filter((c) => c === 'landing-unreachable')).toHaveLength(5);
  });

  it('reports binary garbage and non-HTML content types as not checkable, with no resources from them', async () => {
    const audited = await audit([page('/garbage'), page('/octet')]);
    expect(audited.result.state).toBe('complete');
    expect(audited.check('landing.https').status).toBe('pass');
    for (const id of CONTENT_CHECKS) {
      const check = audited.check(id);
      expect(check.status, id).toBe('error');
      expect(check.findings, id).toEqual([
        { code: 'landing-not-html', status: 'error', cause: 'content', params: { page: page('/garbage'), contentType: 'text/html; charset=utf-8' } },
        { code: 'landing-not-html', status: 'error', cause: 'content', params: { page: page('/octet'), contentType: 'application/octet-stream' } },
      ]);
    }
  });

  it('warns when the site\'s own stylesheets are missing or binary, and does not follow a link to a stylesheet', async () => {
    requests.clear();
    const audited = await audit([page('/broken-css')]);
    for (const id of ['landing.mixed-content', 'landing.third-parties', 'landing.google-fonts']) {
      expect(audited.check(id).status, id).toBe('warn');
      expect(audited.check(id).findings, id).toContainEqual({
        code: 'landing-stylesheets-unread',
        status: 'warn',
        params: { stylesheets: [page('/css/missing.css'), page('/css/binary.css')], limit: 30 },
      });
    }
    expect(requests.get('/css/binary.css')).toBe(1);
    expect(audited.codes('landing.sri')).toEqual(['sri-not-needed']);
  });
});
