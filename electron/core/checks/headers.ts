import type { Finding } from '../../shared/domain';
import { headerValues } from '../net/types';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { analyzeCsp } from './csp-analyze';
import { collectCookies, hasInvalidSameSite, isSessionCookieName, uniqueNames, type ObservedCookie } from './cookie-parse';
import {
  classifyXcto,
  classifyXfo,
  effectiveReferrer,
  finalOf,
  parseSfDictionary,
  REFERRER_ORIGIN,
  REFERRER_PRIVATE,
  REFERRER_UNSAFE,
  type FinalExchange,
} from './header-parse';
import { finding, outcome, probeError } from './outcome';
import { defineCheck, PROBE_ERROR, type CheckOutcome } from './types';

type HttpsMain = ProbeResult<ObservationMap['https-main']>;

/** Runs a judgement on the final https response, or reports why there is none. */
function onFinal(probe: HttpsMain, judge: (final: FinalExchange) => Finding[]): CheckOutcome {
  const got = finalOf(probe);
  if (!got.ok) return probeError(got.error, probe.evidence);
  return outcome(judge(got.final), [got.final.evidence]);
}

const passing = (findings: readonly Finding[]) => findings.every((f) => f.status === 'pass');

export const headersCsp = defineCheck({
  id: 'headers.csp',
  probes: ['https-main'],
  codes: [
    'csp-ok',
    'csp-default-none',
    'csp-missing',
    'csp-report-only',
    'csp-invalid',
    'csp-unsafe-inline',
    'csp-broad-source',
    'csp-insecure-scheme',
    'csp-unsafe-eval',
    'csp-passive-insecure',
    'csp-unsafe-style',
    PROBE_ERROR,
  ],
  evaluate: ({ 'https-main': probe }) =>
    onFinal(probe, (final) => {
      const csp = analyzeCsp(final);
      const findings: Finding[] = csp.invalid.map((i) => finding('csp-invalid', 'fail', { value: i.value, problems: i.problems }));
      if (!csp.implemented) {
        if (!findings.length) findings.push(csp.reportOnly ? finding('csp-report-only', 'fail') : finding('csp-missing', 'fail'));
        return findings;
      }
      if (csp.unsafeInline) findings.push(finding('csp-unsafe-inline', 'fail', { directive: csp.unsafeInline.directive, sources: csp.unsafeInline.sources }));
      for (const b of csp.broad) findings.push(finding('csp-broad-source', 'fail', { directive: b.directive, sources: b.sources, unset: b.unset }));
      if (csp.insecureActive.length) findings.push(finding('csp-insecure-scheme', 'fail', { sources: csp.insecureActive }));
      if (csp.unsafeEval) findings.push(finding('csp-unsafe-eval', 'warn'));
      if (csp.insecurePassive.length) findings.push(finding('csp-passive-insecure', 'warn', { sources: csp.insecurePassive }));
      if (passing(findings)) findings.unshift(finding('csp-ok', 'pass', { policy: csp.policyText }));
      if (csp.defaultNone) findings.push(finding('csp-default-none', 'pass'));
      if (csp.unsafeStyle.length) findings.push(finding('csp-unsafe-style', 'pass', { sources: csp.unsafeStyle }));
      return findings;
    }),
});

export const headersFrameOptions = defineCheck({
  id: 'headers.frame-options',
  probes: ['https-main'],
  codes: ['xfo-frame-ancestors', 'xfo-ok', 'xfo-allow-from', 'xfo-missing', 'xfo-invalid', 'xfo-frame-ancestors-broad', PROBE_ERROR],
  evaluate: ({ 'https-main': probe }) =>
    onFinal(probe, (final) => {
      // frame-ancestors overrides X-Frame-Options in browsers, for better (a strict list) or worse (a broad one).
      const ancestors = analyzeCsp(final).frameAncestors;
      if (ancestors && !ancestors.broad) return [finding('xfo-frame-ancestors', 'pass', { value: ancestors.value })];
      if (ancestors) return [finding('xfo-frame-ancestors-broad', 'fail', { value: ancestors.value })];
      const xfo = classifyXfo(final.response.headers);
      switch (xfo.state) {
        case 'ok':
          return [finding('xfo-ok', 'pass', { value: xfo.value })];
        case 'allow-from':
          return [finding('xfo-allow-from', 'warn', { value: xfo.value })];
        case 'invalid':
          return [finding('xfo-invalid', 'fail', { value: xfo.value })];
        default:
          return [finding('xfo-missing', 'fail')];
      }
    }),
});

export const headersContentTypeOptions = defineCheck({
  id: 'headers.content-type-options',
  probes: ['https-main'],
  codes: ['xcto-nosniff', 'xcto-missing', 'xcto-invalid', PROBE_ERROR],
  evaluate: ({ 'https-main': probe }) =>
    onFinal(probe, (final) => {
      const xcto = classifyXcto(final.response.headers);
      if (xcto.state === 'nosniff') return [finding('xcto-nosniff', 'pass')];
      if (xcto.state === 'missing') return [finding('xcto-missing', 'fail')];
      return [finding('xcto-invalid', 'fail', { value: xcto.value })];
    }),
});

export const headersReferrerPolicy = defineCheck({
  id: 'headers.referrer-policy',
  probes: ['https-main'],
  codes: ['referrer-private', 'referrer-origin', 'referrer-unsafe', 'referrer-missing', 'referrer-invalid', PROBE_ERROR],
  evaluate: ({ 'https-main': probe }) =>
    onFinal(probe, (final) => {
      const { policy, value } = effectiveReferrer(final);
      if (value === null) return [finding('referrer-missing', 'warn')];
      if (policy === null) return [finding('referrer-invalid', 'fail', { value })];
      if (REFERRER_PRIVATE.includes(policy)) return [finding('referrer-private', 'pass', { policy })];
      if (REFERRER_ORIGIN.includes(policy)) return [finding('referrer-origin', 'warn', { policy })];
      if (REFERRER_UNSAFE.includes(policy)) return [finding('referrer-unsafe', 'fail', { policy })];
      return [finding('referrer-invalid', 'fail', { value })];
    }),
});

export const headersPermissionsPolicy = defineCheck({
  id: 'headers.permissions-policy',
  probes: ['https-main'],
  codes: ['permissions-ok', 'permissions-missing', 'permissions-invalid', 'permissions-feature-policy-only', PROBE_ERROR],
  evaluate: ({ 'https-main': probe }) =>
    onFinal(probe, (final) => {
      const values = headerValues(final.response.headers, 'permissions-policy');
      if (!values.length) {
        const legacy = headerValues(final.response.headers, 'feature-policy').length > 0;
        return [legacy ? finding('permissions-feature-policy-only', 'warn') : finding('permissions-missing', 'warn')];
      }
      // Several fields of a structured header are one field joined with commas (RFC 8941 §4.2).
      const value = values.join(', ');
      const dict = parseSfDictionary(value);
      if (!dict || dict.size === 0) return [finding('permissions-invalid', 'warn', { value })];
      return [finding('permissions-ok', 'pass', { features: [...dict.keys()] })];
    }),
});

function judgeCookies(cookies: readonly ObservedCookie[]): Finding[] {
  if (!cookies.length) return [finding('cookies-none', 'not_applicable')];
  const findings: Finding[] = [];
  const add = (code: string, status: 'fail' | 'warn', matching: ObservedCookie[]) => {
    if (matching.length) findings.push(finding(code, status, { names: uniqueNames(matching) }));
  };
  add('cookies-over-http', 'fail', cookies.filter((c) => c.overHttp));
  add('cookies-not-secure', 'fail', cookies.filter((c) => !c.overHttp && !c.secure));
  add('cookies-session-not-httponly', 'fail', cookies.filter((c) => isSessionCookieName(c.name) && !c.httpOnly));
  add('cookies-samesite-invalid', 'fail', cookies.filter(hasInvalidSameSite));
  add('cookies-no-samesite', 'warn', cookies.filter((c) => c.sameSite === null));
  if (!findings.length) findings.push(finding('cookies-ok', 'pass', { names: uniqueNames(cookies) }));
  return findings;
}

export const headersCookies = defineCheck({
  id: 'headers.cookies',
  probes: ['https-main', 'http-redirect'],
  codes: [
    'cookies-none',
    'cookies-ok',
    'cookies-not-secure',
    'cookies-over-http',
    'cookies-session-not-httponly',
    'cookies-no-samesite',
    'cookies-samesite-invalid',
    PROBE_ERROR,
  ],
  evaluate({ 'https-main': https, 'http-redirect': http }) {
    const got = finalOf(https);
    if (!got.ok) return probeError(got.error, https.evidence);
    if (!http.ok) return probeError(http.error, http.evidence);
    const exchanges = [...got.exchanges, ...http.data.exchanges];
    return outcome(judgeCookies(collectCookies(exchanges)), exchanges.map((e) => e.evidence));
  },
});

export const HEADER_CHECKS = [headersCsp, headersFrameOptions, headersContentTypeOptions, headersReferrerPolicy, headersPermissionsPolicy, headersCookies];
