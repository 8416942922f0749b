import { describe, expect, it } from 'vitest';
import { computeHeaderScore } from '../../../electron/core/checks/header-score';
import { gradeFor, SCORE_TABLE } from '../../../electron/core/checks/observatory-table';
import { exchange, failed, httpRedirect, httpsMain, redirectToHttps, trustedTls, type ExchangeSpec } from './exchange-fixture';

const page = (headers: Record<string, string | string[]>, body = '<html><head></head><body></body></html>', extra: ExchangeSpec = {}) =>
  exchange({ headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers }, body, ...extra });

const byTest = (score: ReturnType<typeof computeHeaderScore>) => Object.fromEntries(score!.modifiers.map((m) => [m.test, [m.result, m.modifier]]));

describe('Observatory grade chart', () => {
  it('grades by 5-point band, negative as 0 and above 100 as A+', () => {
    expect([130, 100, 99, 90, 89, 85, 80, 79, 65, 60, 50, 45, 40, 30, 25, 24, 0, -40].map(gradeFor)).toEqual([
      'A+', 'A+', 'A', 'A', 'A-', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F', 'F', 'F',
    ]);
  });
});

describe('computeHeaderScore', () => {
  it('is null without an https response', () => {
    expect(computeHeaderScore({})).toBeNull();
    expect(computeHeaderScore({ 'https-main': failed() })).toBeNull();
    expect(computeHeaderScore({ 'https-main': httpsMain(exchange({ response: false })) })).toBeNull();
  });

  it('a fully hardened response earns bonuses: 140, shown as 100, A+', () => {
    const final = page(
      {
        'Content-Security-Policy': "default-src 'none'; script-src 'self' https://cdn.example.net; style-src 'self'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
        'Strict-Transport-Security': 'max-age=63072000; includeSubDomains; preload',
        'X-Content-Type-Options': 'nosniff',
        'X-Frame-Options': 'DENY',
        'Referrer-Policy': 'no-referrer',
        'Cross-Origin-Resource-Policy': 'same-origin',
        'Set-Cookie': 'MAUTICSESSID=abc; Path=/; Secure; HttpOnly; SameSite=Lax',
      },
      '<html><head><script src="https://cdn.example.net/lib.js" integrity="sha384-abc" crossorigin="anonymous"></script></head></html>',
    );
    const score = computeHeaderScore({ 'https-main': httpsMain(final), 'http-redirect': redirectToHttps(final) });
    // +10 CSP default-src none, +5 cookies, +5 referrer, +5 SRI on external script, +5 frame-ancestors, +10 CORP → 140.
    expect(byTest(score)).toEqual({
      'content-security-policy': ['csp-implemented-with-no-unsafe-default-src-none', 10],
      cookies: ['cookies-secure-with-httponly-sessions-and-samesite', 5],
      'cross-origin-resource-sharing': ['cross-origin-resource-sharing-not-implemented', 0],
      redirection: ['redirection-to-https', 0],
      'referrer-policy': ['referrer-policy-private', 5],
      'strict-transport-security': ['hsts-implemented-max-age-at-least-six-months', 0],
      'subresource-integrity': ['sri-implemented-and-external-scripts-loaded-securely', 5],
      'x-content-type-options': ['x-content-type-options-nosniff', 0],
      'x-frame-options': ['x-frame-options-implemented-via-csp', 5],
      'cross-origin-resource-policy': ['corp-implemented-with-same-origin', 10],
    });
    expect(score).toMatchObject({ score: 100, grade: 'A+' });
  });

  it('a bare Mautic-like response with an insecure cookie scores 10, F', () => {
    const final = page(
      { 'Set-Cookie': ['0123456789abcdef0123456789abcdef=k1; path=/', 'mtc_id=12; path=/'] },
      '<html><head><script src="/media/js/mautic-form.js"></script></head></html>',
    );
    const score = computeHeaderScore({ 'https-main': httpsMain(final), 'http-redirect': redirectToHttps(final) });
    // CSP not implemented -25; cookies without Secure (no HSTS to protect them) -20 (the hexadecimal Symfony session
    // name is no session cookie to the Observatory, which only looks for "sess"/"login"); HSTS missing -20;
    // X-Content-Type-Options missing -5; X-Frame-Options missing -20; everything else 0 (redirect to https, no
    // Referrer-Policy, same-origin script without SRI, no CORS, no CORP).
    // uncurved = 100 - 25 - 20 - 20 - 5 - 20 = 10 < 90, so no bonus: score 10, grade F.
    expect(byTest(score)).toMatchObject({
      'content-security-policy': ['csp-not-implemented', -25],
      cookies: ['cookies-without-secure-flag', -20],
      redirection: ['redirection-to-https', 0],
      'referrer-policy': ['referrer-policy-not-implemented', 0],
      'strict-transport-security': ['hsts-not-implemented', -20],
      'subresource-integrity': ['sri-not-implemented-but-all-scripts-loaded-from-secure-origin', 0],
      'x-content-type-options': ['x-content-type-options-not-implemented', -5],
      'x-frame-options': ['x-frame-options-not-implemented', -20],
    });
    expect(score).toMatchObject({ score: 10, grade: 'F' });
  });

  it('a middling response below 90 gets no bonus: 70, B', () => {
    const final = page({
      'Content-Security-Policy': "default-src 'self'; script-src 'self' 'unsafe-inline'",
      'Strict-Transport-Security': 'max-age=86400',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'SAMEORIGIN',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Set-Cookie': 'lang=de; Path=/; Secure',
    });
    const score = computeHeaderScore({ 'https-main': httpsMain(final), 'http-redirect': redirectToHttps(final) });
    // unsafe-inline -20, HSTS < 180 days -10 → uncurved 70; the referrer bonus (+5) only counts from 90 up.
    expect(byTest(score)).toMatchObject({
      'content-security-policy': ['csp-implemented-with-unsafe-inline', -20],
      cookies: ['cookies-secure-with-httponly-sessions', 0],
      'strict-transport-security': ['hsts-implemented-max-age-less-than-six-months', -10],
      'referrer-policy': ['referrer-policy-private', 5],
      'x-frame-options': ['x-frame-options-sameorigin-or-deny', 0],
    });
    expect(score).toMatchObject({ score: 70, grade: 'B' });
  });

  it('keeps bonuses once the uncurved score reaches 90: 90 + 5 = 95, A', () => {
    const final = page({
      'Content-Security-Policy': "default-src 'self'; object-src 'none'",
      'Strict-Transport-Security': 'max-age=600',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
    });
    const score = computeHeaderScore({ 'https-main': httpsMain(final), 'http-redirect': redirectToHttps(final) });
    expect(score).toMatchObject({ score: 95, grade: 'A' });
  });

  it('scores session cookies, HSTS protection, invalid certificates and redirections as the Observatory does', () => {
    const hsts = { 'Strict-Transport-Security': 'max-age=31536000' };
    const sessionNoSecure = page({ ...hsts, 'Set-Cookie': 'PHPSESSID=1; HttpOnly; SameSite=Lax' });
    expect(byTest(computeHeaderScore({ 'https-main': httpsMain(sessionNoSecure) })).cookies).toEqual([
      'cookies-session-without-secure-flag-but-protected-by-hsts',
      -10,
    ]);
    const notHttpOnly = page({ 'Set-Cookie': ['a=1; Secure', 'login_token=2; Secure; SameSite=Strict'] });
    expect(byTest(computeHeaderScore({ 'https-main': httpsMain(notHttpOnly) })).cookies).toEqual(['cookies-session-without-httponly-flag', -30]);

    const badCert = page(hsts, undefined, { tls: trustedTls({ trusted: false, trustError: 'CERT_HAS_EXPIRED' }) });
    const scored = byTest(computeHeaderScore({ 'https-main': httpsMain(badCert), 'http-redirect': failed() }));
    expect(scored['strict-transport-security']).toEqual(['hsts-invalid-cert', -20]);
    expect(scored.redirection).toEqual(['redirection-not-tested', 0]);

    const redirect = (urls: string[]) =>
      byTest(computeHeaderScore({ 'https-main': httpsMain(page({})), 'http-redirect': httpRedirect(urls.map((url) => exchange({ url, status: 301 }))) })).redirection;
    expect(redirect(['http://a.example/'])).toEqual(['redirection-missing', -20]);
    expect(redirect(['http://a.example/', 'http://a.example/x'])).toEqual(['redirection-not-to-https', -20]);
    expect(redirect(['http://a.example/', 'http://www.a.example/', 'https://www.a.example/'])).toEqual(['redirection-not-to-https-on-initial-redirection', -10]);
    expect(redirect(['http://a.example/', 'https://www.a.example/'])).toEqual(['redirection-off-host-from-http', -5]);
    const refused = httpRedirect([exchange({ url: 'http://a.example/', response: false })], { code: 'refused', message: 'ECONNREFUSED' });
    expect(byTest(computeHeaderScore({ 'https-main': httpsMain(page({})), 'http-redirect': refused })).redirection).toEqual(['redirection-not-needed-no-http', 0]);
  });

  it('scores SRI, CORS and CORP from the response', () => {
    const insecureExternal = page({}, '<script src="http://cdn.other.net/a.js"></script><script src="//cdn.other.net/b.js" integrity="sha384-x"></script>');
    expect(byTest(computeHeaderScore({ 'https-main': httpsMain(insecureExternal) }))['subresource-integrity']).toEqual([
      'sri-not-implemented-and-external-scripts-not-loaded-securely',
      -50,
    ]);
    const reflected = page(
      { 'Access-Control-Allow-Origin': 'https://evil.example', 'Access-Control-Allow-Credentials': 'true', 'Cross-Origin-Resource-Policy': 'everyone' },
      '',
      { requestHeaders: [['Origin', 'https://evil.example']] },
    );
    const scored = byTest(computeHeaderScore({ 'https-main': httpsMain(reflected) }));
    expect(scored['cross-origin-resource-sharing']).toEqual(['cross-origin-resource-sharing-implemented-with-universal-access', -50]);
    expect(scored['cross-origin-resource-policy']).toEqual(['corp-header-invalid', -5]);
    expect(scored['subresource-integrity']).toEqual(['sri-not-implemented-but-no-scripts-loaded', 0]);
  });

  it('has the published modifiers', () => {
    expect(SCORE_TABLE['content-security-policy']['csp-not-implemented-but-reporting-enabled']).toBe(-25);
    expect(SCORE_TABLE.cookies['cookies-session-without-secure-flag']).toBe(-40);
    expect(SCORE_TABLE['subresource-integrity']['sri-not-implemented-and-external-scripts-not-loaded-securely']).toBe(-50);
    expect(SCORE_TABLE['cross-origin-resource-policy']['corp-implemented-with-same-site']).toBe(10);
  });
});
