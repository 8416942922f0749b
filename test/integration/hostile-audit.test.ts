import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStore } from '../../electron/core/store';
import type { CheckResult } from '../../electron/shared/domain';
import { auditTarget, type AuditedTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { bombsOf, gzipBomb } from '../fixtures/hostile/bodies';
import { XSS, XSS_HEADER, XSS_PAGE, xssPage } from '../fixtures/hostile/content';
import { malformedCookies, manyHeaders, monsterCsp } from '../fixtures/hostile/headers';
import { startRaw, type RawResponder } from '../fixtures/hostile/raw';
import { loopEverywhere, redirectTo } from '../fixtures/hostile/redirects';
import { redirectHandler, startHttp, type RunningServer } from '../fixtures/servers';

// Full audits through the engine against sites that answer every path with one hostile response.

const ca = makeCa();
const cert = ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS });
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function audit(responder: RawResponder): Promise<AuditedTarget & { url: string }> {
  const https = await startRaw(responder, { cert });
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  const url = `https://localhost:${https.port}/`;
  return { ...(await auditTarget({ url, httpUrl: http.url, caPem: ca.certPem, timeoutMs: 2000 })), url };
}

const automated = (a: AuditedTarget): CheckResult[] => a.result.items.flatMap((i) => i.checks).filter((c) => c.automated);

/** Checks that every page request feeds: when the site's answers cannot be read, none of them may pass. */
const PAGE_CHECKS = ['headers.csp', 'headers.frame-options', 'headers.content-type-options', 'headers.referrer-policy', 'headers.permissions-policy', 'headers.cookies', 'tls.hsts', 'exposure.version-disclosure', 'tracking.ga-anonymize-ip', 'privacy-policy.reachable'];
/**
 * Checks decided by other means than the hostile page: TLS handshakes, the plain-HTTP port, and requests
 * (sensitive paths, CORS) that are not followed and whose answer — a redirect — is itself the evidence.
 */
const DECIDED_ELSEWHERE = new Set(['tls.certificate', 'tls.protocols', 'tls.redirect', 'exposure.sensitive-paths', 'exposure.cors']);

function expectUndecided(a: AuditedTarget, cause: string) {
  for (const id of PAGE_CHECKS) {
    const c = a.check(id);
    expect(c.status, `${id}: ${c.message}`).toBe('error');
    expect(c.findings.filter((f) => f.status === 'error').map((f) => f.cause), id).toContain(cause);
  }
  const passed = automated(a).filter((c) => c.status === 'pass').map((c) => c.checkId);
  for (const id of passed) expect(DECIDED_ELSEWHERE.has(id), `${id} passed`).toBe(true);
}

function expectSound(a: AuditedTarget) {
  expect(a.result.state).toBe('complete');
  expect(verifyStore(a.store)).toMatchObject({ ok: true, firstBroken: null });
}

function exchangeDoc(a: AuditedTarget, url: string) {
  const ref = a.store.listEvidence(a.result.runId).find((e) => e.kind === 'http-exchange' && e.summary.startsWith(`GET ${url} `));
  expect(ref, `exchange evidence for ${url}`).toBeDefined();
  return JSON.parse(a.store.readBlob(ref!.sha256).toString('utf8'));
}

describe('audits of hostile sites', () => {
  beforeAll(() => void bombsOf());

  it('a redirect loop on every path: the page checks are errors caused by the loop', async () => {
    const a = await audit(loopEverywhere);
    expectUndecided(a, 'redirect-loop');
    expectSound(a);
  });

  it('a redirect to file:///etc/passwd: never followed, the page checks are unsafe-redirect errors', async () => {
    const a = await audit(redirectTo('file:///etc/passwd'));
    expectUndecided(a, 'unsafe-redirect');
    expect(a.check('headers.csp').message).toContain('file:');
    expect(a.store.listEvidence(a.result.runId).some((e) => e.summary.includes('file:///etc/passwd') && e.summary.startsWith('GET file:'))).toBe(false);
    expectSound(a);
  });

  it('10,000 header lines: the page checks are oversized errors, not verdicts on a cut header block', async () => {
    const a = await audit(manyHeaders);
    expectUndecided(a, 'oversized');
    expect(a.check('headers.csp').message).toMatch(/more than 4096 header lines/);
    expectSound(a);
  });

  it('a gzip bomb: the headers are judged, the page is decoded up to the cap and kept as capped evidence', async () => {
    const a = await audit(gzipBomb);
    for (const id of PAGE_CHECKS.filter((id) => id.startsWith('headers.'))) expect(a.check(id).status, id).not.toBe('error');
    const doc = exchangeDoc(a, a.url);
    expect(doc.body).toMatchObject({ truncated: true, bytesKept: 1024 * 1024, decodedFrom: 'gzip' });
    expect(doc.body.bytesRead).toBeLessThan(1024 * 1024);
    expectSound(a);
  });

  it('2,000 malformed Set-Cookie lines: the cookie check decides, and not pass', async () => {
    const a = await audit(malformedCookies);
    const cookies = a.check('headers.cookies');
    expect(cookies.status).toBe('fail');
    expect(a.codes('headers.cookies')).toContain('cookies-not-secure');
    expectSound(a);
  });

  it('a CSP of 5,000 directives with control characters: invalid, never pass', async () => {
    const a = await audit(monsterCsp);
    expect(a.check('headers.csp').status).toBe('fail');
    expect(a.codes('headers.csp')).toContain('csp-invalid');
    expectSound(a);
  });

  it('script payloads in headers and page are kept as text evidence, byte for byte', async () => {
    const a = await audit(xssPage);
    const refs = a.store.listEvidence(a.result.runId);
    const bodies = refs.filter((e) => e.kind === 'http-body').map((e) => a.store.readBlob(e.sha256).toString('utf8'));
    expect(bodies).toContain(XSS_PAGE);
    const exchanges = refs.filter((e) => e.kind === 'http-exchange').map((e) => JSON.parse(a.store.readBlob(e.sha256).toString('utf8')));
    const answered = exchanges.filter((d) => d.response && d.request.url.startsWith(a.url));
    expect(answered.length).toBeGreaterThan(0);
    for (const d of answered) {
      expect(d.response.headers).toContainEqual(['X-Greeting', XSS_HEADER]);
      expect(d.response.headers).toContainEqual(['Server', XSS]);
    }
    expect(answered.some((d) => d.body.excerpt === XSS_PAGE)).toBe(true);
    expectSound(a);
  });
});
