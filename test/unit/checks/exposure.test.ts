import { describe, expect, it } from 'vitest';
import { EXPOSURE_CHECKS, exposureCors, exposureSensitivePaths, exposureVersionDisclosure, judgeVersionDisclosure } from '../../../electron/core/checks/exposure';
import { classifyPath, mauticVersionIn, phpEndOfLife, versionTokens } from '../../../electron/core/checks/exposure-classify';
import { EXPOSURE_PATHS, FOREIGN_ORIGIN, baseOf, type CorsObservation, type ExposureKind, type PathObservation } from '../../../electron/core/probes/exposure';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';
import { exchange, failed, httpsMain } from './exchange-fixture';

let n = 0;
const SOFT_404 = '<!doctype html><html><head><title>Mautic</title></head><body><h1>Willkommen</h1></body></html>';

function path(p: string, spec: Partial<PathObservation> = {}): PathObservation {
  const kind: ExposureKind = spec.kind ?? EXPOSURE_PATHS.find((x) => `/${x.path}` === p)?.kind ?? 'not-found';
  n += 1;
  return { path: p, kind, url: `https://mautic.example.org${p}`, status: 404, contentType: 'text/html', location: null, headers: [], excerpt: '', bytes: 0, error: null, evidence: `sha-path-${n}`, ...spec, ...(spec.excerpt !== undefined && spec.bytes === undefined ? { bytes: spec.excerpt.length } : {}) };
}

/** Every path of the probe answered 404, with the given ones overridden. */
function paths(over: Record<string, Partial<PathObservation>> = {}): ProbeResult<ObservationMap['exposure-paths']> {
  const list = EXPOSURE_PATHS.map((x) => path(`/${x.path}`, over[`/${x.path}`] ?? {}));
  return { ok: true, data: { base: 'https://mautic.example.org/', paths: list }, evidence: list.map((p) => p.evidence) };
}

const soft404Everywhere = () =>
  paths(Object.fromEntries(EXPOSURE_PATHS.map((x) => [`/${x.path}`, { status: 200, contentType: 'text/html; charset=utf-8', excerpt: SOFT_404 }])));

const LOCAL_PHP = "<?php\n$parameters = array(\n\t'db_driver' => 'pdo_mysql',\n\t'db_password' => 'secret',\n\t'secret_key' => 'abc',\n);\n";
const codes = (o: { findings: { code: string }[] }) => o.findings.map((f) => f.code);

describe('EXPOSURE_CHECKS', () => {
  it('has the three ids of CHECKLIST.md, each declaring probe-error', () => {
    expect(EXPOSURE_CHECKS.map((c) => c.id)).toEqual(['exposure.sensitive-paths', 'exposure.version-disclosure', 'exposure.cors']);
    for (const c of EXPOSURE_CHECKS) expect(c.codes).toContain('probe-error');
  });

  it('probes every path CHECKLIST.md names', () => {
    const probed = EXPOSURE_PATHS.map((p) => `/${p.path}`);
    for (const p of ['/installer', '/index_dev.php', '/app/config/local.php', '/config/local.php', '/app/logs/', '/var/logs/', '/.env', '/.git/HEAD', '/media/files/']) expect(probed).toContain(p);
  });

  it('resolves paths against the installation folder', () => {
    expect(baseOf({ url: new URL('https://x.example/mautic/index.php?a=1'), httpUrl: new URL('http://x.example/') }).href).toBe('https://x.example/mautic/');
    expect(baseOf({ url: new URL('https://x.example/mautic/'), httpUrl: new URL('http://x.example/') }).href).toBe('https://x.example/mautic/');
    expect(new URL('.git/HEAD', 'https://x.example/mautic/').href).toBe('https://x.example/mautic/.git/HEAD');
  });

  it('reports error, never pass, when a probe failed', () => {
    expect(exposureSensitivePaths.evaluate({ 'exposure-paths': failed() }).status).toBe('error');
    expect(exposureCors.evaluate({ 'exposure-cors': failed() }).status).toBe('error');
    expect(exposureVersionDisclosure.evaluate({ 'https-main': failed(), 'exposure-paths': paths() }).status).toBe('error');
    expect(exposureVersionDisclosure.evaluate({ 'https-main': httpsMain(exchange()), 'exposure-paths': failed() }).status).toBe('error');
  });
});

describe('exposure.sensitive-paths', () => {
  const run = (over: Record<string, Partial<PathObservation>> | ProbeResult<ObservationMap['exposure-paths']>) =>
    exposureSensitivePaths.evaluate({ 'exposure-paths': 'ok' in over ? (over as ProbeResult<ObservationMap['exposure-paths']>) : paths(over as Record<string, Partial<PathObservation>>) });

  it('passes when every path answers 403 or 404, citing every exchange', () => {
    const probe = paths({ '/app/config/local.php': { status: 403 }, '/installer': { status: 302, location: '/s/dashboard' } });
    const o = run(probe);
    expect(o.status).toBe('pass');
    expect(o.findings).toEqual([{ code: 'paths-protected', status: 'pass', params: { count: 11 } }]);
    expect(o.evidence.length).toBe(11);
  });

  it('fails a served local.php as critical config exposure, naming the path', () => {
    const o = run({ '/app/config/local.php': { status: 200, contentType: 'text/plain', excerpt: LOCAL_PHP } });
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([{ code: 'config-exposed', status: 'fail', params: { path: '/app/config/local.php', status: 200 } }]);
    expect(o.evidence).toHaveLength(1);
  });

  it('recognises .git/HEAD, .env, composer.json, directory listings, log lines, the installer and the profiler', () => {
    const o = run({
      '/.git/HEAD': { status: 200, contentType: 'text/plain', excerpt: 'ref: refs/heads/main\n' },
      '/.env': { status: 200, contentType: 'text/plain', excerpt: 'APP_ENV=prod\nMAUTIC_DB_PASSWORD=x\n' },
      '/composer.json': { status: 200, contentType: 'application/json', excerpt: '{"name":"mautic/core","require":{"php":">=8.0"}}' },
      '/media/files/': { status: 200, excerpt: '<html><head><title>Index of /media/files</title></head><body></body></html>' },
      '/var/logs/': { status: 200, contentType: 'text/plain', excerpt: '[2026-01-01 10:00:00] mautic.ERROR: x {"email":"a@b.c"}' },
      '/installer': { status: 200, excerpt: '<html><title>Mautic Installation</title><form name="install_check_step"></form></html>' },
      '/index_dev.php': { status: 200, excerpt: '<html><body><div class="sf-toolbar"></div></body></html>' },
    });
    expect(codes(o).sort()).toEqual(['composer-exposed', 'dev-front-controller-exposed', 'env-exposed', 'git-exposed', 'installer-exposed', 'logs-exposed', 'media-listing']);
    expect(o.status).toBe('fail');
  });

  it('does not mistake a soft-404 page with status 200 for an exposed file', () => {
    const o = run(soft404Everywhere());
    expect(o.status).toBe('pass');
    expect(codes(o)).toEqual(['paths-protected', 'paths-soft-404']);
    expect(o.findings[1]!.params!.paths).toContain('/.git/HEAD');
  });

  it('treats a 200 answer equal to the unknown path’s answer as soft 404 even when it is not HTML', () => {
    const same = { status: 200, contentType: 'text/plain', excerpt: 'Nothing here.' };
    const o = run({ '/.env': same, '/pruefstand-not-found-7d1e4c.txt': same });
    expect(codes(o)).toEqual(['paths-protected', 'paths-soft-404']);
  });

  it('warns about a 2xx answer it cannot classify (e.g. an empty 200 for local.php: PHP ran, the deny rule did not)', () => {
    const o = run({ '/config/local.php': { status: 200, contentType: 'text/html', excerpt: '' }, '/.env': { status: 200, contentType: 'application/octet-stream', excerpt: '\u0000\u0001binary' } });
    expect(o.status).toBe('warn');
    expect(o.findings).toEqual([{ code: 'path-served', status: 'warn', params: { paths: ['/config/local.php', '/.env'] } }]);
  });

  it('a path without an answer is an error for that path, never a pass', () => {
    const o = run({ '/.env': { status: null, error: { code: 'reset', message: 'socket hang up' } } });
    expect(o.status).toBe('error');
    expect(o.findings).toEqual([{ code: 'probe-error', status: 'error', cause: 'reset', params: { error: '/.env: socket hang up' } }]);
  });
});

describe('exposure.version-disclosure', () => {
  const now = new Date('2026-11-23T12:00:00Z');
  const run = (headers: Record<string, string>, over: Record<string, Partial<PathObservation>> = {}) =>
    judgeVersionDisclosure({ 'https-main': httpsMain(exchange({ headers })), 'exposure-paths': paths(over) }, now);

  it('passes without version numbers (a bare Server: nginx is fine)', () => {
    const o = run({ Server: 'nginx' });
    expect(o.findings).toEqual([{ code: 'version-none', status: 'pass' }]);
  });

  it('warns on version numbers in Server or X-Powered-By', () => {
    const o = run({ Server: 'Apache/2.4.62 (Debian)', 'X-Powered-By': 'PHP/8.3.14' });
    expect(o.status).toBe('warn');
    expect(o.findings).toEqual([
      { code: 'version-header', status: 'warn', params: { header: 'Server', value: 'Apache/2.4.62 (Debian)' } },
      { code: 'version-header', status: 'warn', params: { header: 'X-Powered-By', value: 'PHP/8.3.14' } },
    ]);
  });

  it('fails an end-of-life PHP version, also when only an error page names it', () => {
    const o = run({}, { '/app/config/local.php': { status: 403, headers: [['X-Powered-By', 'PHP/7.4.3']] } });
    expect(o.status).toBe('fail');
    expect(codes(o)).toEqual(['version-header', 'php-eol']);
    expect(o.findings[1]!.params).toEqual({ version: '7.4.3' });
    expect(o.evidence).toHaveLength(1);
  });

  it('warns when app/version.txt or release_metadata.json is readable', () => {
    const o = run({}, { '/app/release_metadata.json': { status: 200, contentType: 'application/json', excerpt: '{"version":"4.4.13","stability":"stable"}' } });
    expect(o.findings).toEqual([{ code: 'mautic-version-file', status: 'warn', params: { path: '/app/release_metadata.json', version: '4.4.13' } }]);
  });

  it('knows PHP end-of-life dates', () => {
    expect(phpEndOfLife('7.4.3', now)).toBe(true);
    expect(phpEndOfLife('8.1.2', now)).toBe(true);
    expect(phpEndOfLife('8.2.0', now)).toBe(false);
    expect(phpEndOfLife('8.2.0', new Date('2027-01-02'))).toBe(true);
    expect(phpEndOfLife('5.3.29', now)).toBe(true);
    expect(phpEndOfLife('9.0.0', now)).toBeNull();
    expect(versionTokens('Apache/2.4.41 (Ubuntu) PHP/7.4.3 OpenSSL/1.1.1f').map((t) => t.product)).toEqual(['Apache', 'PHP', 'OpenSSL']);
    expect(mauticVersionIn(path('/app/version.txt', { status: 200, excerpt: '2.16.5\n' }))).toBe('2.16.5');
    expect(mauticVersionIn(path('/app/version.txt', { status: 200, excerpt: SOFT_404 }))).toBeNull();
  });
});

describe('exposure.cors', () => {
  function cors(...over: Partial<CorsObservation>[]): ProbeResult<ObservationMap['exposure-cors']> {
    const base: CorsObservation[] = [
      { label: 'preflight', method: 'OPTIONS', path: '/mtc/event', url: '', origin: FOREIGN_ORIGIN, status: 204, allowOrigin: null, allowCredentials: null, error: null, evidence: 'sha-c1' },
      { label: 'preflight', method: 'OPTIONS', path: '/api/contacts', url: '', origin: FOREIGN_ORIGIN, status: 204, allowOrigin: null, allowCredentials: null, error: null, evidence: 'sha-c2' },
      { label: 'xhr', method: 'GET', path: '/mtc', url: '', origin: FOREIGN_ORIGIN, status: 200, allowOrigin: null, allowCredentials: null, error: null, evidence: 'sha-c3' },
    ];
    const requests = base.map((r, i) => ({ ...r, ...(over[i] ?? {}) }));
    return { ok: true, data: { base: 'https://mautic.example.org/', requests }, evidence: requests.map((r) => r.evidence) };
  }
  const run = (...over: Partial<CorsObservation>[]) => exposureCors.evaluate({ 'exposure-cors': cors(...over) });

  it('passes when no foreign origin is granted (own origin only)', () => {
    const o = run({ allowOrigin: 'https://www.example.org', allowCredentials: 'true' });
    expect(o.findings).toEqual([{ code: 'cors-restricted', status: 'pass', params: { requests: ['OPTIONS /mtc/event', 'OPTIONS /api/contacts', 'GET /mtc'] } }]);
    expect(o.evidence).toEqual(['sha-c1', 'sha-c2', 'sha-c3']);
  });

  it('fails a reflected foreign origin with credentials (cors_restrict_domains off)', () => {
    const o = run({ allowOrigin: FOREIGN_ORIGIN, allowCredentials: 'true' });
    expect(o.status).toBe('fail');
    expect(o.findings).toEqual([{ code: 'cors-reflects-credentials', status: 'fail', params: { request: 'OPTIONS /mtc/event', origin: FOREIGN_ORIGIN } }]);
    expect(o.evidence).toEqual(['sha-c1']);
  });

  it('fails * with credentials; warns on * or a reflection without credentials', () => {
    expect(codes(run({ allowOrigin: '*', allowCredentials: 'true' }))).toEqual(['cors-wildcard-credentials']);
    const o = run({}, { allowOrigin: '*' }, { allowOrigin: FOREIGN_ORIGIN });
    expect(o.status).toBe('warn');
    expect(codes(o)).toEqual(['cors-wildcard', 'cors-reflects-origin']);
  });

  it('a request without an answer is an error', () => {
    const o = run({}, { status: null, error: { code: 'timeout', message: 'timed out' } });
    expect(o.findings).toEqual([{ code: 'probe-error', status: 'error', cause: 'timeout', params: { error: 'OPTIONS /api/contacts: timed out' } }]);
  });
});

describe('classifyPath', () => {
  it('calls a redirect or a 204 protected', () => {
    expect(classifyPath(path('/installer', { status: 302 }), undefined).state).toBe('protected');
    expect(classifyPath(path('/.env', { status: 204 }), undefined).state).toBe('protected');
  });
});
