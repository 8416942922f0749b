import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStore } from '../../electron/core/store';
import { auditTarget, TLS_AND_HEADER_CHECKS } from '../fixtures/audit-harness';
import { daysFromNow, LOCAL_HOSTS, makeCa, selfSigned } from '../fixtures/certs';
import { startNginx } from '../fixtures/nginx';
import { startHardenedSite, hardenedHandler, HARDENED_HEADERS, redirectHandler, startHttp, startHttps, startSilent, type RunningServer } from '../fixtures/servers';

const ca = makeCa();
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function hardenedSite(cert = ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler = hardenedHandler()) {
  const site = await startHardenedSite(cert, handler);
  servers.push(...site.servers);
  return { url: site.url, httpUrl: site.httpUrl };
}

const HEADER_CHECKS = TLS_AND_HEADER_CHECKS.filter((id) => id.startsWith('headers.'));
const EXPOSURE_CHECKS = ['exposure.sensitive-paths', 'exposure.version-disclosure', 'exposure.cors'];
const LANDING_CHECKS = ['landing.https', 'landing.mixed-content', 'landing.third-parties', 'landing.google-fonts', 'landing.sri'];
const PRIVACY_POLICY_CHECKS = ['privacy-policy.reachable', 'privacy-policy.mentions-tracking', 'privacy-policy.art13'];
const TRACKING_CHECKS = ['tracking.consent-gating', 'tracking.fingerprint', 'tracking.ga-anonymize-ip'];
const CONSENT_CHECKS = ['consent.before', 'consent.reject', 'consent.mautic', 'consent.banner'];
const FORM_CHECKS = ['forms.consent-checkbox', 'forms.privacy-link', 'forms.https-action'];
const REGISTERS_CHECKS = ['ropa.mautic-entry', 'ropa.legal-basis', 'ropa.mail-service', 'dpa.coverage', 'dpa.transfers', 'dpa.review-due'];
const CONFIG_CHECKS = ['config.anonymize-ip', 'config.track-by-fingerprint', 'config.track-contact-by-ip', 'config.site-url-https', 'config.api-basic-auth', 'tenancy.domains', 'retention.cleanup-cron'];

describe('a well-configured HTTPS target', () => {
  let audited: Awaited<ReturnType<typeof auditTarget>>;
  beforeAll(async () => {
    audited = await auditTarget({ ...(await hardenedSite()), caPem: ca.certPem });
  });

  it.each(TLS_AND_HEADER_CHECKS)('%s passes', (id) => {
    expect(audited.check(id).status, audited.check(id).message).toBe('pass');
  });

  it('says the certificate is trusted only through the auditor’s CA', () => {
    expect(audited.codes('tls.certificate')).toEqual(['cert-ok', 'cert-private-ca']);
    expect(audited.check('tls.certificate').message).toContain('test-ca.pem');
  });

  it('scores the headers 100 (A+) with the Observatory modifiers', () => {
    expect(audited.result.summary.headerScore).toMatchObject({ score: 100, grade: 'A+' });
  });

  it('keeps evidence for every automated verdict, in a store whose chain verifies', () => {
    for (const id of TLS_AND_HEADER_CHECKS) expect(audited.check(id).evidence.length, id).toBeGreaterThan(0);
    const stored = new Set(audited.result.evidence.map((e) => e.sha256));
    for (const id of TLS_AND_HEADER_CHECKS) for (const sha of audited.check(id).evidence) expect(stored.has(sha)).toBe(true);
    expect(verifyStore(audited.store)).toMatchObject({ ok: true, firstBroken: null });
  });

  it('reports progress: every check started and finished, n of m', () => {
    const finished = audited.events.filter((e) => e.type === 'check-finished');
    const total = audited.result.items.flatMap((i) => i.checks).length;
    expect(finished).toHaveLength(total);
    expect(finished.map((e) => (e.type === 'check-finished' ? e.done : 0))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(audited.events.filter((e) => e.type === 'check-started').map((e) => (e.type === 'check-started' ? e.checkId : '')).sort()).toEqual([...TLS_AND_HEADER_CHECKS, ...EXPOSURE_CHECKS, ...LANDING_CHECKS, ...PRIVACY_POLICY_CHECKS, ...TRACKING_CHECKS, ...CONSENT_CHECKS, ...FORM_CHECKS, ...CONFIG_CHECKS, ...REGISTERS_CHECKS].sort());
  });

  it('marks checks without automation manual with what to look at, never pass', () => {
    const manual = audited.result.items.flatMap((i) => i.checks).filter((c) => !c.automated);
    expect(manual.length).toBeGreaterThan(0);
    for (const c of manual) {
      expect(c.status).toBe('manual');
      expect(c.message.length).toBeGreaterThan(20);
    }
  });

  it('records the checklist id and version and the engine version with the run', () => {
    const run = audited.store.getRun(audited.result.runId)!;
    expect(run).toMatchObject({ checklistId: 'mautic-dsgvo', checklistVersion: '1.0.0', state: 'complete' });
    expect(run.engineVersion).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('a badly configured target (nginx: TLS 1.0 on, no redirect, no HSTS, no CSP, weak cookies)', () => {
  let audited: Awaited<ReturnType<typeof auditTarget>>;
  beforeAll(async () => {
    const nginx = await startNginx({
      cert: ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }),
      protocols: 'TLSv1 TLSv1.1 TLSv1.2',
      httpsLocation: 'add_header Set-Cookie "mautic_session=abc; Path=/"; add_header Set-Cookie "mtc_id=1; Path=/"; default_type text/html; return 200 "<html><body>Mautic</body></html>";',
      httpLocation: 'default_type text/html; return 200 "<html><body>plain</body></html>";',
    });
    servers.push(nginx.https);
    audited = await auditTarget({ url: nginx.https.url, httpUrl: nginx.http.url, caPem: ca.certPem });
  });

  it('fails tls.protocols because TLS 1.0 and 1.1 are accepted', () => {
    expect(audited.check('tls.protocols').status).toBe('fail');
    expect(audited.check('tls.protocols').findings[0]).toMatchObject({ code: 'protocols-legacy', params: { versions: ['TLSv1', 'TLSv1.1'] } });
  });

  it('fails the redirect, HSTS, CSP and cookie checks', () => {
    expect(audited.codes('tls.redirect')).toEqual(['no-redirect']);
    expect(audited.codes('tls.hsts')).toEqual(['hsts-missing']);
    expect(audited.codes('headers.csp')).toEqual(['csp-missing']);
    expect(audited.check('headers.cookies').status).toBe('fail');
    expect(audited.codes('headers.cookies')).toEqual(expect.arrayContaining(['cookies-not-secure', 'cookies-session-not-httponly']));
    for (const id of ['tls.redirect', 'tls.hsts', 'headers.csp', 'headers.frame-options', 'headers.content-type-options']) {
      expect(audited.check(id).status, id).toBe('fail');
    }
  });

  it('still trusts the certificate (the weaknesses are elsewhere)', () => {
    expect(audited.check('tls.certificate').status).toBe('pass');
  });

  it('gives a failing header score', () => {
    expect(audited.result.summary.headerScore!.score).toBeLessThan(25);
    expect(audited.result.summary.headerScore!.grade).toBe('F');
  });
});

describe('certificate problems are findings, and the audit goes on over them', () => {
  it('an expired certificate fails tls.certificate; the headers are still checked', async () => {
    const site = await hardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS, notBefore: daysFromNow(-60), notAfter: daysFromNow(-2) }));
    const audited = await auditTarget({ ...site, caPem: ca.certPem });
    expect(audited.check('tls.certificate').status).toBe('fail');
    expect(audited.codes('tls.certificate')).toEqual(['cert-expired']);
    for (const id of HEADER_CHECKS) expect(audited.check(id).status, id).toBe('pass');
    expect(audited.codes('tls.hsts')).toContain('hsts-untrusted-cert');
  });

  it('a hostname mismatch fails tls.certificate and names the host', async () => {
    const site = await hardenedSite(ca.issue({ commonName: 'wrong.example', hosts: ['wrong.example'] }));
    const audited = await auditTarget({ ...site, caPem: ca.certPem });
    expect(audited.codes('tls.certificate')).toEqual(['cert-hostname-mismatch', 'cert-private-ca']);
    expect(audited.check('tls.certificate').message).toContain('localhost');
    expect(audited.check('headers.csp').status).toBe('pass');
  });

  it('a self-signed certificate is untrusted', async () => {
    const site = await hardenedSite(selfSigned({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
    const audited = await auditTarget(site);
    expect(audited.codes('tls.certificate')).toEqual(['cert-untrusted']);
    expect(audited.check('headers.frame-options').status).toBe('pass');
  });

  it('warns when fewer than 21 days are left', async () => {
    const site = await hardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS, notAfter: daysFromNow(10) }));
    const audited = await auditTarget({ ...site, caPem: ca.certPem });
    expect(audited.check('tls.certificate').status).toBe('warn');
    expect(audited.codes('tls.certificate')).toContain('cert-expires-soon');
  });

  it('fails a 1024-bit RSA key', async () => {
    const site = await hardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS, keyBits: 1024 }));
    const audited = await auditTarget({ ...site, caPem: ca.certPem });
    expect(audited.codes('tls.certificate')).toEqual(['cert-weak-key', 'cert-private-ca']);
  });
});

describe('hostile and broken targets give the right verdicts in bounded time and crash nothing', () => {
  it('a closed port: every automated check is error, none pass, and the target is reported unreachable', async () => {
    const gone = await startHttp((_q, r) => r.end());
    const url = `https://localhost:${gone.port}/`;
    await gone.close();
    const audited = await auditTarget({ url, httpUrl: `http://localhost:${gone.port}/` });
    for (const id of TLS_AND_HEADER_CHECKS) expect(audited.check(id).status, id).toBe('error');
    expect(audited.result.unreachable).toMatch(/ECONNREFUSED/);
    expect(audited.result.summary.counts.pass).toBe(0);
  });

  it('a redirect loop: the headers cannot be judged (error), the certificate still can', async () => {
    const cert = ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS });
    const site = await hardenedSite(cert, (req, res) => res.writeHead(302, { Location: req.url === '/a' ? '/b' : '/a' }).end());
    const audited = await auditTarget({ ...site, caPem: ca.certPem });
    for (const id of HEADER_CHECKS) {
      expect(audited.check(id).status, id).toBe('error');
      expect(audited.check(id).message).toMatch(/redirect loop/);
    }
    expect(audited.check('tls.certificate').status).toBe('pass');
    expect(audited.result.unreachable).toBeNull();
  });

  it('a response of hundreds of megabytes is capped, never read whole, and its headers are judged', async () => {
    let sent = 0;
    const site = await hardenedSite(undefined, (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html', ...HARDENED_HEADERS });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        while (sent < 400 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    const audited = await auditTarget({ ...site, caPem: ca.certPem });
    expect(audited.check('headers.csp').status).toBe('pass');
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    const body = audited.result.evidence.find((e) => e.kind === 'http-body' && /capped/.test(e.summary));
    expect(body, 'a capped body is kept as evidence').toBeDefined();
  });

  it('a server that accepts and never answers: timeouts become errors, not passes', async () => {
    const silent = await startSilent('https');
    servers.push(silent);
    const audited = await auditTarget({ url: silent.url, httpUrl: silent.url.replace('https', 'http'), timeoutMs: 600 });
    for (const id of TLS_AND_HEADER_CHECKS) expect(audited.check(id).status, id).toBe('error');
    expect(audited.check('tls.certificate').message).toMatch(/600 ms/);
    expect(audited.result.unreachable).toMatch(/600 ms/);
  });

  it('a temporary redirect to https is a warning', async () => {
    const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
    const http = await startHttp(redirectHandler(https.port, 302));
    servers.push(https, http);
    const audited = await auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
    expect(audited.codes('tls.redirect')).toEqual(['redirect-temporary']);
    expect(audited.check('tls.redirect').status).toBe('warn');
  });
});
