import type { Finding } from '../../shared/domain';
import { headerValues, type Exchange } from '../net/types';
import { finalOf } from './header-parse';
import { parseHsts } from './hsts-parse';
import { finding, outcome, probeError } from './outcome';
import { defineCheck, PROBE_ERROR } from './types';

/** 180 days: the checklist's threshold (the Observatory's score accepts the same value as "six months"). */
export const HSTS_MIN_MAX_AGE = 15_552_000;

/** Browsers ignore an HSTS header received over a connection with certificate errors (RFC 6797 §8.1). */
export function hasCertificateProblem(exchange: Exchange | undefined): boolean {
  const tls = exchange?.tls;
  return !!tls && (!tls.trusted || tls.hostnameMatches === false);
}

export const HSTS_CHECK = defineCheck({
  id: 'tls.hsts',
  probes: ['https-main'],
  codes: ['hsts-ok', 'hsts-short', 'hsts-missing', 'hsts-disabled', 'hsts-invalid', 'hsts-untrusted-cert', PROBE_ERROR],
  evaluate({ 'https-main': probe }) {
    const got = finalOf(probe);
    if (!got.ok) return probeError(got.error, probe.evidence);
    const { final, exchanges } = got;
    const first = exchanges[0]!;
    const evidence = [first.evidence, final.evidence];
    const findings: Finding[] = [];
    // RFC 6797 §8.1: only the first Strict-Transport-Security field is processed.
    const value = headerValues(final.response.headers, 'strict-transport-security')[0];
    if (value === undefined) {
      findings.push(finding('hsts-missing', 'fail'));
    } else {
      const hsts = parseHsts(value);
      if (!hsts.valid) findings.push(finding('hsts-invalid', 'fail', { value, problems: hsts.problems }));
      else if (hsts.maxAge === 0) findings.push(finding('hsts-disabled', 'fail'));
      else if (hsts.maxAge! < HSTS_MIN_MAX_AGE) findings.push(finding('hsts-short', 'warn', { maxAge: hsts.maxAge!, minimum: HSTS_MIN_MAX_AGE }));
      else findings.push(finding('hsts-ok', 'pass', { maxAge: hsts.maxAge! }));
    }
    const badCert = [first, final].find(hasCertificateProblem);
    if (badCert) {
      const reason = badCert.tls!.trusted ? (badCert.tls!.hostnameError ?? 'hostname mismatch') : (badCert.tls!.trustError ?? 'untrusted');
      findings.push(finding('hsts-untrusted-cert', 'warn', { url: badCert.request.url, reason }));
    }
    return outcome(findings, evidence);
  },
});
