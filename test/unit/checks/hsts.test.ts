import { describe, expect, it } from 'vitest';
import { HSTS_CHECK } from '../../../electron/core/checks/hsts';
import { parseHsts } from '../../../electron/core/checks/hsts-parse';
import { exchange, failed, httpsMain, trustedTls, type ExchangeSpec } from './exchange-fixture';

describe('parseHsts (RFC 6797 §6.1)', () => {
  it('parses directives case-insensitively, with quoted values and stray semicolons', () => {
    expect(parseHsts(' MAX-AGE="31536000" ; includeSubDomains;; Preload ')).toEqual({
      maxAge: 31536000,
      includeSubDomains: true,
      preload: true,
      valid: true,
      problems: [],
    });
    expect(parseHsts('max-age=300; unknown-directive="x"')).toMatchObject({ maxAge: 300, valid: true });
  });

  it('is invalid without max-age, with a non-numeric one, or with a duplicate directive', () => {
    expect(parseHsts('includeSubDomains')).toMatchObject({ valid: false, problems: ['max-age missing'] });
    expect(parseHsts('max-age=-1')).toMatchObject({ valid: false, maxAge: null });
    expect(parseHsts('max-age=1y').valid).toBe(false);
    expect(parseHsts('max-age="31536000')).toMatchObject({ valid: false, problems: ['malformed value: max-age="31536000', 'max-age missing'] });
    expect(parseHsts('max-age=600; Max-Age=31536000')).toMatchObject({ valid: false, maxAge: 600, problems: ['duplicate directive: max-age'] });
    expect(parseHsts('max-age=31536000, max-age=31536000').valid).toBe(false);
  });
});

describe('tls.hsts', () => {
  const judge = (headers: ExchangeSpec['headers'], tls?: ExchangeSpec['tls']) => HSTS_CHECK.evaluate({ 'https-main': httpsMain(exchange({ headers, tls })) });

  it('passes at least 180 days', () => {
    expect(judge({ 'Strict-Transport-Security': 'max-age=15552000' }).findings).toEqual([{ code: 'hsts-ok', status: 'pass', params: { maxAge: 15552000 } }]);
  });

  it('warns below 180 days, fails 0, missing and invalid', () => {
    expect(judge({ 'Strict-Transport-Security': 'max-age=15551999' }).findings).toEqual([
      { code: 'hsts-short', status: 'warn', params: { maxAge: 15551999, minimum: 15552000 } },
    ]);
    expect(judge({ 'Strict-Transport-Security': 'max-age=0' }).findings).toEqual([{ code: 'hsts-disabled', status: 'fail' }]);
    expect(judge({}).findings).toEqual([{ code: 'hsts-missing', status: 'fail' }]);
    expect(judge({ 'Strict-Transport-Security': 'max-age=abc' }).findings).toEqual([
      { code: 'hsts-invalid', status: 'fail', params: { value: 'max-age=abc', problems: ['max-age is not a number of seconds: max-age=abc'] } },
    ]);
  });

  it('processes only the first header field', () => {
    expect(judge([['Strict-Transport-Security', 'max-age=600'], ['Strict-Transport-Security', 'max-age=31536000']]).findings[0]!.code).toBe('hsts-short');
  });

  it('warns that browsers ignore HSTS over an untrusted certificate', () => {
    const o = judge({ 'Strict-Transport-Security': 'max-age=31536000' }, trustedTls({ trusted: false, trustError: 'SELF_SIGNED_CERT_IN_CHAIN' }));
    expect(o.status).toBe('warn');
    expect(o.findings[1]).toEqual({ code: 'hsts-untrusted-cert', status: 'warn', params: { url: 'https://mautic.example.org/', reason: 'SELF_SIGNED_CERT_IN_CHAIN' } });
    const mismatch = judge({ 'Strict-Transport-Security': 'max-age=31536000' }, { hostnameMatches: false, hostnameError: "Host: a. is not in the cert's altnames" });
    expect(mismatch.findings.map((f) => f.code)).toEqual(['hsts-ok', 'hsts-untrusted-cert']);
  });

  it('judges the final response and cites first and final exchanges', () => {
    const first = exchange({ status: 301, headers: { Location: 'https://www.example.org/', 'Strict-Transport-Security': 'max-age=31536000' } });
    const final = exchange({ url: 'https://www.example.org/' });
    const o = HSTS_CHECK.evaluate({ 'https-main': httpsMain(first, final) });
    expect(o.findings).toEqual([{ code: 'hsts-missing', status: 'fail' }]);
    expect(o.evidence).toEqual([first.evidence, final.evidence]);
  });

  it('returns error when the https probe failed', () => {
    const o = HSTS_CHECK.evaluate({ 'https-main': failed('getaddrinfo ENOTFOUND') });
    expect(o).toEqual({ status: 'error', findings: [{ code: 'probe-error', status: 'error', cause: 'timeout', params: { error: 'getaddrinfo ENOTFOUND' } }], evidence: ['sha256-failed'] });
  });
});
