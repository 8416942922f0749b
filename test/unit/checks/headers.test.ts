import { describe, expect, it } from 'vitest';
import { parseSetCookie, splitSetCookieValue } from '../../../electron/core/checks/cookie-parse';
import { parseSfDictionary } from '../../../electron/core/checks/header-parse';
import {
  HEADER_CHECKS,
  headersContentTypeOptions,
  headersCookies,
  headersCsp,
  headersFrameOptions,
  headersPermissionsPolicy,
  headersReferrerPolicy,
} from '../../../electron/core/checks/headers';
import type { Exchange } from '../../../electron/core/net/types';
import { exchange, failed, httpRedirect, httpsMain, redirectToHttps, type ExchangeSpec } from './exchange-fixture';

const html = (spec: ExchangeSpec = {}) => {
  const given = Array.isArray(spec.headers) ? spec.headers : Object.entries(spec.headers ?? {}).flatMap(([n, v]) => (Array.isArray(v) ? v : [v]).map((x): [string, string] => [n, x]));
  return exchange({ ...spec, headers: [['Content-Type', 'text/html; charset=utf-8'], ...given] });
};
const run = (check: typeof headersCsp, headers: ExchangeSpec['headers'], body = '') => check.evaluate({ 'https-main': httpsMain(html({ headers, body })) });
const codes = (o: { findings: { code: string }[] }) => o.findings.map((f) => f.code);

describe('HEADER_CHECKS', () => {
  it('has the six ids and declares every code plus probe-error', () => {
    expect(HEADER_CHECKS.map((c) => c.id)).toEqual([
      'headers.csp',
      'headers.frame-options',
      'headers.content-type-options',
      'headers.referrer-policy',
      'headers.permissions-policy',
      'headers.cookies',
    ]);
    for (const c of HEADER_CHECKS) expect(c.codes).toContain('probe-error');
  });

  it('returns error, never pass, when the probe failed or the final exchange has no response', () => {
    for (const check of [headersCsp, headersFrameOptions, headersContentTypeOptions, headersReferrerPolicy, headersPermissionsPolicy]) {
      const o = check.evaluate({ 'https-main': failed('connect ECONNREFUSED') });
      expect(o).toEqual({ status: 'error', findings: [{ code: 'probe-error', status: 'error', cause: 'timeout', params: { error: 'connect ECONNREFUSED' } }], evidence: ['sha256-failed'] });
    }
    const noResponse = httpsMain(exchange({ status: 301, headers: { Location: '/x' } }), exchange({ url: 'https://mautic.example.org/x', response: false }));
    expect(headersCsp.evaluate({ 'https-main': noResponse }).findings).toEqual([{ code: 'probe-error', status: 'error', cause: 'timeout', params: { error: 'timed out' } }]);
  });

  it('judges the last exchange of the chain and cites it as evidence', () => {
    const first = exchange({ status: 302, headers: { Location: '/s/login', 'X-Content-Type-Options': 'nosniff' } });
    const last = html({ url: 'https://mautic.example.org/s/login' });
    const o = headersContentTypeOptions.evaluate({ 'https-main': httpsMain(first, last) });
    expect(codes(o)).toEqual(['xcto-missing']);
    expect(o.evidence).toEqual([last.evidence]);
  });
});

describe('headers.csp', () => {
  const csp = (value: string | string[], extra: Record<string, string> = {}) => run(headersCsp, { 'Content-Security-Policy': value, ...extra });

  it('passes a strict policy, noting default-src none', () => {
    const o = csp("default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'none'");
    expect(o.status).toBe('pass');
    expect(o.findings).toEqual([
      { code: 'csp-ok', status: 'pass', params: { policy: "default-src 'none'; script-src 'self'; style-src 'self'; frame-ancestors 'none'" } },
      { code: 'csp-default-none', status: 'pass' },
    ]);
  });

  it('fails when missing, or only report-only', () => {
    expect(run(headersCsp, {}).findings).toEqual([{ code: 'csp-missing', status: 'fail' }]);
    expect(run(headersCsp, { 'Content-Security-Policy-Report-Only': "default-src 'self'" }).findings).toEqual([{ code: 'csp-report-only', status: 'fail' }]);
  });

  it('fails an invalid policy (duplicate directive) and still judges what browsers enforce', () => {
    const o = csp("default-src 'self'; object-src 'none'; script-src 'self'; script-src 'unsafe-inline'");
    expect(o.status).toBe('fail');
    expect(o.findings[0]).toMatchObject({ code: 'csp-invalid', params: { problems: ['duplicate directive: script-src'] } });
    expect(codes(o)).not.toContain('csp-unsafe-inline');
  });

  it('fails unsafe-inline and data: in script-src', () => {
    const o = csp("default-src 'self'; script-src 'self' 'unsafe-inline' data:");
    expect(o.findings).toContainEqual({ code: 'csp-unsafe-inline', status: 'fail', params: { directive: 'script-src', sources: ["'unsafe-inline'", 'data:'] } });
  });

  it('does not fail unsafe-inline next to a nonce', () => {
    expect(csp("default-src 'self'; script-src 'self' 'nonce-Zm9v' 'unsafe-inline'").status).toBe('pass');
  });

  it('fails broad or missing script/object restrictions', () => {
    const broad = csp("default-src 'self'; script-src https: 'self'");
    expect(broad.findings).toContainEqual({ code: 'csp-broad-source', status: 'fail', params: { directive: 'script-src', sources: ['https:'], unset: false } });
    const unset = csp("img-src 'self'; style-src 'self'");
    expect(unset.findings.filter((f) => f.code === 'csp-broad-source').map((f) => f.params)).toEqual([
      { directive: 'script-src', sources: [], unset: true },
      { directive: 'object-src', sources: [], unset: true },
    ]);
  });

  it('fails http: sources for active content, warns for passive content only', () => {
    const active = csp("default-src 'self'; connect-src http://api.example.com");
    expect(active.findings).toContainEqual({ code: 'csp-insecure-scheme', status: 'fail', params: { sources: ['http://api.example.com'] } });
    const passive = csp("default-src 'self'; img-src 'self' http://img.example.com");
    expect(passive.status).toBe('warn');
    expect(passive.findings).toEqual([{ code: 'csp-passive-insecure', status: 'warn', params: { sources: ['http://img.example.com'] } }]);
  });

  it("warns 'unsafe-eval' and records unsafe styles with a pass status", () => {
    const o = csp("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'");
    expect(o.status).toBe('warn');
    expect(o.findings).toEqual([
      { code: 'csp-unsafe-eval', status: 'warn' },
      { code: 'csp-unsafe-style', status: 'pass', params: { sources: ["'unsafe-inline'"] } },
    ]);
  });

  it('combines several CSP header fields: the stricter one wins', () => {
    const o = run(headersCsp, [
      ['Content-Security-Policy', "default-src * 'unsafe-inline'"],
      ['Content-Security-Policy', "script-src 'self'; object-src 'none'"],
    ]);
    expect(o.status).toBe('pass');
  });

  it('reads a policy from <meta http-equiv> when there is no header', () => {
    const body = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'unsafe-inline'"></head></html>`;
    expect(codes(run(headersCsp, {}, body))).toContain('csp-unsafe-inline');
  });
});

describe('headers.frame-options', () => {
  it('accepts frame-ancestors from the header in place of X-Frame-Options', () => {
    const o = run(headersFrameOptions, { 'Content-Security-Policy': "default-src 'self'; frame-ancestors 'self' https://a.example.com", 'X-Frame-Options': 'ALLOW-FROM https://a.example.com' });
    expect(o.findings).toEqual([{ code: 'xfo-frame-ancestors', status: 'pass', params: { value: "'self' https://a.example.com" } }]);
  });

  it('fails a broad frame-ancestors, which overrides a good X-Frame-Options', () => {
    const o = run(headersFrameOptions, { 'Content-Security-Policy': 'frame-ancestors *', 'X-Frame-Options': 'DENY' });
    expect(o.findings).toEqual([{ code: 'xfo-frame-ancestors-broad', status: 'fail', params: { value: '*' } }]);
  });

  it('ignores frame-ancestors in a meta policy', () => {
    const body = `<head><meta http-equiv="Content-Security-Policy" content="frame-ancestors 'none'; default-src 'self'"></head>`;
    expect(codes(run(headersFrameOptions, {}, body))).toEqual(['xfo-missing']);
  });

  it('judges X-Frame-Options values case-insensitively', () => {
    expect(run(headersFrameOptions, { 'X-Frame-Options': 'sameOrigin' }).findings).toEqual([{ code: 'xfo-ok', status: 'pass', params: { value: 'sameOrigin' } }]);
    expect(run(headersFrameOptions, { 'X-Frame-Options': ['SAMEORIGIN', 'SAMEORIGIN'] }).status).toBe('pass');
    expect(run(headersFrameOptions, { 'X-Frame-Options': 'ALLOW-FROM https://x.example' }).findings[0]).toMatchObject({ code: 'xfo-allow-from', status: 'warn' });
    expect(run(headersFrameOptions, { 'X-Frame-Options': 'ALLOWALL' }).findings).toEqual([{ code: 'xfo-invalid', status: 'fail', params: { value: 'ALLOWALL' } }]);
    expect(run(headersFrameOptions, {}).findings).toEqual([{ code: 'xfo-missing', status: 'fail' }]);
  });
});

describe('headers.content-type-options', () => {
  it('passes nosniff in any case, fails missing or other values', () => {
    expect(run(headersContentTypeOptions, { 'x-content-type-options': 'NoSniff' }).findings).toEqual([{ code: 'xcto-nosniff', status: 'pass' }]);
    expect(run(headersContentTypeOptions, {}).findings).toEqual([{ code: 'xcto-missing', status: 'fail' }]);
    expect(run(headersContentTypeOptions, { 'X-Content-Type-Options': 'sniff' }).findings).toEqual([{ code: 'xcto-invalid', status: 'fail', params: { value: 'sniff' } }]);
  });
});

describe('headers.referrer-policy', () => {
  const rp = (value: string | string[], body = '') => run(headersReferrerPolicy, { 'Referrer-Policy': value }, body).findings;

  it('classifies by what leaks', () => {
    expect(rp('strict-origin-when-cross-origin')).toEqual([{ code: 'referrer-private', status: 'pass', params: { policy: 'strict-origin-when-cross-origin' } }]);
    expect(rp('Origin-When-Cross-Origin')).toEqual([{ code: 'referrer-origin', status: 'warn', params: { policy: 'origin-when-cross-origin' } }]);
    expect(rp('no-referrer-when-downgrade')).toEqual([{ code: 'referrer-unsafe', status: 'fail', params: { policy: 'no-referrer-when-downgrade' } }]);
    expect(rp('everything')).toEqual([{ code: 'referrer-invalid', status: 'fail', params: { value: 'everything' } }]);
    expect(run(headersReferrerPolicy, {}).findings).toEqual([{ code: 'referrer-missing', status: 'warn' }]);
  });

  it('takes the last recognised token across header fields', () => {
    expect(rp(['no-referrer, unsafe-url', 'made-up-policy'])[0]).toMatchObject({ code: 'referrer-unsafe', params: { policy: 'unsafe-url' } });
  });

  it('reads <meta name="referrer"> when there is no header', () => {
    const o = run(headersReferrerPolicy, {}, '<head><meta name="referrer" content="never"></head>');
    expect(o.findings).toEqual([{ code: 'referrer-private', status: 'pass', params: { policy: 'no-referrer' } }]);
  });
});

describe('headers.permissions-policy', () => {
  it('passes a structured-field dictionary and lists the features', () => {
    const o = run(headersPermissionsPolicy, { 'Permissions-Policy': 'geolocation=(), camera=(self "https://a.example"), fullscreen=*, interest-cohort=()' });
    expect(o.findings).toEqual([{ code: 'permissions-ok', status: 'pass', params: { features: ['geolocation', 'camera', 'fullscreen', 'interest-cohort'] } }]);
  });

  it('warns when malformed, missing, or only the legacy Feature-Policy', () => {
    expect(run(headersPermissionsPolicy, { 'Permissions-Policy': "geolocation 'none'" }).findings).toEqual([
      { code: 'permissions-invalid', status: 'warn', params: { value: "geolocation 'none'" } },
    ]);
    expect(run(headersPermissionsPolicy, {}).findings).toEqual([{ code: 'permissions-missing', status: 'warn' }]);
    expect(run(headersPermissionsPolicy, { 'Feature-Policy': "camera 'none'" }).findings).toEqual([{ code: 'permissions-feature-policy-only', status: 'warn' }]);
  });

  it('parses RFC 8941 dictionaries strictly', () => {
    const d = parseSfDictionary('a=(self "x\\"y");p=1, b, c=?0, d=-1.5');
    expect(d?.get('a')?.value).toEqual([{ value: { token: 'self' }, params: new Map() }, { value: 'x"y', params: new Map() }]);
    expect(d?.get('a')?.params.get('p')).toBe(1);
    expect(d?.get('b')?.value).toBe(true);
    expect(d?.get('c')?.value).toBe(false);
    expect(d?.get('d')?.value).toBe(-1.5);
    expect(parseSfDictionary('a=(), ')).toBeNull();
    expect(parseSfDictionary('Camera=()')).toBeNull();
    expect(parseSfDictionary('a=("unterminated)')).toBeNull();
  });
});

describe('Set-Cookie parsing', () => {
  it('keeps the comma of Expires and splits folded cookies', () => {
    expect(splitSetCookieValue('a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure, b=2; HttpOnly')).toEqual([
      'a=1; Expires=Wed, 21 Oct 2026 07:28:00 GMT; Secure',
      'b=2; HttpOnly',
    ]);
    const c = parseSetCookie(' sid = x=y ; expires=Wed, 21 Oct 2026 07:28:00 GMT; SECURE; httponly; SameSite=Lax; samesite=Strict; Path=/');
    expect(c).toMatchObject({ name: 'sid', value: 'x=y', secure: true, httpOnly: true, sameSite: 'Strict', path: '/', expires: Date.UTC(2026, 9, 21, 7, 28) });
  });
});

describe('headers.cookies', () => {
  const judge = (setCookie: string[], http: Exchange[] = []) => {
    const final = exchange({ headers: { 'Set-Cookie': setCookie } });
    return headersCookies.evaluate({ 'https-main': httpsMain(final), 'http-redirect': httpRedirect(http) });
  };

  it('is not applicable without cookies', () => {
    const o = judge([]);
    expect(o.status).toBe('not_applicable');
    expect(codes(o)).toEqual(['cookies-none']);
  });

  it('passes secure cookies and names them', () => {
    const o = judge(['MAUTICSESSID=1; Secure; HttpOnly; SameSite=Lax', 'mtc_id=5; Secure; SameSite=Lax']);
    expect(o.findings).toEqual([{ code: 'cookies-ok', status: 'pass', params: { names: ['MAUTICSESSID', 'mtc_id'] } }]);
  });

  it('fails cookies without Secure and session cookies without HttpOnly, but not tracking cookies', () => {
    const o = judge([
      '0123456789abcdef0123456789abcdef=s; path=/; SameSite=Lax',
      'mtc_id=5; SameSite=Lax',
      'mautic_device_id=d; Secure; SameSite=Lax',
      'mtc_sid=9; Secure; SameSite=Lax',
    ]);
    expect(o.findings).toEqual([
      { code: 'cookies-not-secure', status: 'fail', params: { names: ['0123456789abcdef0123456789abcdef', 'mtc_id'] } },
      { code: 'cookies-session-not-httponly', status: 'fail', params: { names: ['0123456789abcdef0123456789abcdef'] } },
    ]);
  });

  it('fails cookies set over plain HTTP and cites every exchange', () => {
    const plain = exchange({ url: 'http://mautic.example.org/', status: 301, headers: { Location: 'https://mautic.example.org/', 'Set-Cookie': 'lang=de; Secure; SameSite=Lax' } });
    const final = exchange({});
    const o = headersCookies.evaluate({ 'https-main': httpsMain(final), 'http-redirect': httpRedirect([plain, final]) });
    expect(o.findings).toEqual([{ code: 'cookies-over-http', status: 'fail', params: { names: ['lang'] } }]);
    expect(o.evidence).toEqual([final.evidence, plain.evidence]);
  });

  it('warns about a missing SameSite and fails invalid ones', () => {
    expect(judge(['a=1; Secure']).findings).toEqual([{ code: 'cookies-no-samesite', status: 'warn', params: { names: ['a'] } }]);
    expect(judge(['a=1; Secure; SameSite=Sometimes', 'b=2; SameSite=None', 'c=3; Secure; SameSite=None']).findings).toEqual([
      { code: 'cookies-not-secure', status: 'fail', params: { names: ['b'] } },
      { code: 'cookies-samesite-invalid', status: 'fail', params: { names: ['a', 'b'] } },
    ]);
  });

  it('ignores cookie removals', () => {
    expect(judge(['old=deleted; expires=Thu, 01-Jan-1970 00:00:01 GMT', 'x=; Max-Age=0']).status).toBe('not_applicable');
  });

  it('errors when either probe failed', () => {
    const o = headersCookies.evaluate({ 'https-main': httpsMain(exchange()), 'http-redirect': failed('read ECONNRESET') });
    expect(o.status).toBe('error');
    expect(o.findings).toEqual([{ code: 'probe-error', status: 'error', cause: 'timeout', params: { error: 'read ECONNRESET' } }]);
    expect(headersCookies.evaluate({ 'https-main': failed(), 'http-redirect': redirectToHttps() }).status).toBe('error');
  });
});
