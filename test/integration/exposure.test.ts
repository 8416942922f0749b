import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const EXPOSURE_CHECKS = ['exposure.sensitive-paths', 'exposure.version-disclosure', 'exposure.cors'];
const LOCAL_PHP = "<?php\n$parameters = array(\n\t'db_driver' => 'pdo_mysql',\n\t'db_host' => 'localhost',\n\t'db_password' => 'hunter2',\n\t'secret_key' => 'deadbeef',\n);\n";

const ca = makeCa();
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** An installation behind nginx without Mautic's .htaccess rules, PHP 7.4 and cors_restrict_domains off. */
const insecureHandler: Handler = (req, res) => {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const origin = req.headers.origin;
  const common: Record<string, string> = { 'X-Powered-By': 'PHP/7.4.3' };
  // Like CORSMiddleware with cors_restrict_domains=false: any origin is echoed, always with credentials.
  if (origin && (req.headers['access-control-request-headers'] || req.headers['x-requested-with'] === 'XMLHttpRequest')) {
    Object.assign(common, { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': 'GET, POST, OPTIONS' });
  }
  if (req.method === 'OPTIONS') return void res.writeHead(204, common).end();
  if (path === '/app/config/local.php') return void res.writeHead(200, { ...common, 'Content-Type': 'text/plain' }).end(LOCAL_PHP);
  if (path === '/.git/HEAD') return void res.writeHead(200, { ...common, 'Content-Type': 'text/plain' }).end('ref: refs/heads/main\n');
  if (path === '/') return void res.writeHead(200, { ...common, ...HARDENED_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).end(HARDENED_PAGE);
  res.writeHead(404, { ...common, 'Content-Type': 'text/html' }).end('<html><body>Not Found</body></html>');
};

const DENIED = /^\/(app|var|bin|translations|media\/files|\.git)(\/|$)|^\/config\/|^\/composer\.(json|lock)$|^\/index_dev\.php$/;

/**
 * Mautic's rules applied: 403 for denied folders, the installer redirects, unknown paths get the normal page (soft 404).
 * .env has no rule in Mautic (MAUTIC_FACTS §4): here it does not exist, so it gets the soft-404 page too.
 */
const secureHandler: Handler = (req, res) => {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const origin = req.headers.origin;
  const cors: Record<string, string> = origin === 'https://www.example.org' ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' } : {};
  if (req.method === 'OPTIONS') return void res.writeHead(204, cors).end();
  if (DENIED.test(path)) return void res.writeHead(403, { 'Content-Type': 'text/html' }).end('<html><body>Forbidden</body></html>');
  if (path === '/installer') return void res.writeHead(302, { Location: '/s/dashboard' }).end();
  res.writeHead(200, { ...HARDENED_HEADERS, ...cors, 'Content-Type': 'text/html; charset=utf-8' }).end(HARDENED_PAGE);
};

async function site(handler: Handler) {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  return auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
}

type Audited = Awaited<ReturnType<typeof auditTarget>>;

function expectStoredEvidence(audited: Audited) {
  const stored = new Set(audited.result.evidence.map((e) => e.sha256));
  for (const id of EXPOSURE_CHECKS) {
    const check = audited.check(id);
    expect(check.automated, id).toBe(true);
    expect(check.evidence.length, id).toBeGreaterThan(0);
    for (const sha of check.evidence) expect(stored.has(sha), `${id} ${sha}`).toBe(true);
  }
}

const summaries = (audited: Audited, id: string) => {
  const byHash = new Map(audited.result.evidence.map((e) => [e.sha256, e.summary]));
  return audited.check(id).evidence.map((sha) => byHash.get(sha) ?? '');
};

describe('an exposed installation (local.php and .git served, PHP 7.4 announced, CORS open)', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await site(insecureHandler);
  });

  it('fails exposure.sensitive-paths, naming local.php and .git/HEAD', () => {
    const check = audited.check('exposure.sensitive-paths');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      { code: 'config-exposed', status: 'fail', params: { path: '/app/config/local.php', status: 200 } },
      { code: 'git-exposed', status: 'fail', params: { path: '/.git/HEAD', status: 200 } },
    ]);
    expect(check.message).toContain('/app/config/local.php');
    const seen = summaries(audited, 'exposure.sensitive-paths');
    expect(seen.some((s) => s.includes('/app/config/local.php') && s.includes('200'))).toBe(true);
    expect(seen.some((s) => s.includes('/.git/HEAD'))).toBe(true);
  });

  it('fails exposure.version-disclosure: X-Powered-By names PHP 7.4.3, which is end of life', () => {
    const check = audited.check('exposure.version-disclosure');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([
      { code: 'version-header', status: 'warn', params: { header: 'X-Powered-By', value: 'PHP/7.4.3' } },
      { code: 'php-eol', status: 'fail', params: { version: '7.4.3' } },
    ]);
  });

  it('fails exposure.cors: a foreign origin is echoed with credentials', () => {
    const check = audited.check('exposure.cors');
    expect(check.status).toBe('fail');
    expect(audited.codes('exposure.cors')).toEqual(['cors-reflects-credentials', 'cors-reflects-credentials', 'cors-reflects-credentials']);
    expect(check.findings[0]!.params).toEqual({ request: 'OPTIONS /mtc/event', origin: 'https://evil.example' });
    expect(summaries(audited, 'exposure.cors')[0]).toMatch(/^OPTIONS https:\/\/localhost:\d+\/mtc\/event → 204/);
  });

  it('keeps stored evidence for every exposure verdict', () => expectStoredEvidence(audited));
});

describe('a protected installation (403/404, installer redirects, soft 404 for unknown paths, strict CORS)', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await site(secureHandler);
  });

  it('passes exposure.sensitive-paths and does not mistake the soft-404 page for a file', () => {
    const check = audited.check('exposure.sensitive-paths');
    expect(check.status, check.message).toBe('pass');
    expect(check.findings).toEqual([
      { code: 'paths-protected', status: 'pass', params: { count: 11 } },
      { code: 'paths-soft-404', status: 'pass', params: { paths: ['/.env'] } },
    ]);
  });

  it('passes the other exposure checks', () => {
    for (const id of ['exposure.version-disclosure', 'exposure.cors']) expect(audited.check(id).status, audited.check(id).message).toBe('pass');
    expect(audited.codes('exposure.cors')).toEqual(['cors-restricted']);
  });

  it('keeps stored evidence for every exposure verdict', () => expectStoredEvidence(audited));
});

describe('a site that answers every unknown path with its normal page (status 200)', () => {
  it('notes the soft 404 and still passes', async () => {
    const audited = await site((req, res) => {
      if (req.method === 'OPTIONS') return void res.writeHead(204).end();
      res.writeHead(200, { ...HARDENED_HEADERS, 'Content-Type': 'text/html; charset=utf-8' }).end(HARDENED_PAGE);
    });
    expect(audited.check('exposure.sensitive-paths').status).toBe('pass');
    expect(audited.codes('exposure.sensitive-paths')).toEqual(['paths-protected', 'paths-soft-404']);
    expectStoredEvidence(audited);
  });
});
