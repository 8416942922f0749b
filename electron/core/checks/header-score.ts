// The 0–100 header score as the MDN HTTP Observatory computes it (src/scanner/index.js + src/analyzer/tests/*),
// from the same observations the header checks use, so users can compare the number with the Observatory's.
import type { HeaderScore } from '../../shared/domain';
import { headerValues, type Exchange } from '../net/types';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { analyzeCsp } from './csp-analyze';
import { isHtmlResponse, scanHtml } from './csp-parse';
import { collectCookies, hasInvalidSameSite } from './cookie-parse';
import { classifyXcto, classifyXfo, effectiveReferrer, finalOf, REFERRER_PRIVATE, type FinalExchange } from './header-parse';
import { parseHsts } from './hsts-parse';
import { hasCertificateProblem } from './hsts';
import {
  COOKIE_SEVERITY_ORDER,
  gradeFor,
  MINIMUM_SCORE_FOR_EXTRA_CREDIT,
  SCORE_TABLE,
  SRI_SEVERITY_ORDER,
  type ExpectationOf,
  type ObservatoryTest,
} from './observatory-table';

export interface HeaderScoreObservations {
  'https-main'?: ProbeResult<ObservationMap['https-main']>;
  'http-redirect'?: ProbeResult<ObservationMap['http-redirect']>;
}

/** The Observatory counts 15552000 s (180 days) as "six months" although its text says 15768000. */
const SIX_MONTHS = 15_552_000;

type Modifier = HeaderScore['modifiers'][number];

function entry<T extends ObservatoryTest>(test: T, result: ExpectationOf<T>): Modifier {
  return { test, result, modifier: (SCORE_TABLE[test] as Record<string, number>)[result]! };
}

/** The Observatory's onlyIfWorse: a result is replaced only by one further down the order. */
function worse<T extends string>(order: readonly T[], current: T | null, next: T): T {
  return current === null || order.indexOf(next) > order.indexOf(current) ? next : current;
}

function hstsResult(final: FinalExchange, first: Exchange): ExpectationOf<'strict-transport-security'> {
  // 'hsts-preloaded' needs Chromium's preload list, which cannot be consulted offline: it is never awarded here.
  if (hasCertificateProblem(first) || hasCertificateProblem(final)) return 'hsts-invalid-cert';
  const value = headerValues(final.response.headers, 'strict-transport-security')[0];
  if (value === undefined) return 'hsts-not-implemented';
  const hsts = parseHsts(value);
  if (!hsts.valid || hsts.maxAge === null) return 'hsts-header-invalid';
  return hsts.maxAge < SIX_MONTHS ? 'hsts-implemented-max-age-less-than-six-months' : 'hsts-implemented-max-age-at-least-six-months';
}

function cookiesResult(exchanges: readonly Exchange[], hstsPasses: boolean): ExpectationOf<'cookies'> {
  const cookies = collectCookies(exchanges);
  if (!cookies.length) return 'cookies-not-found';
  let result: ExpectationOf<'cookies'> | null = null;
  const flag = (next: ExpectationOf<'cookies'>) => (result = worse(COOKIE_SEVERITY_ORDER, result, next));
  for (const c of cookies) {
    // The Observatory's own notion of a session cookie (narrower than the headers.cookies check's).
    const session = /login|sess/i.test(c.name);
    const secure = c.secure && !c.overHttp;
    if (hasInvalidSameSite(c)) flag('cookies-samesite-flag-invalid');
    if (!secure) flag(hstsPasses ? 'cookies-without-secure-flag-but-protected-by-hsts' : 'cookies-without-secure-flag');
    if (/csrf/i.test(c.name) && c.sameSite === null) flag('cookies-anticsrf-without-samesite-flag');
    if (session && !secure) flag(hstsPasses ? 'cookies-session-without-secure-flag-but-protected-by-hsts' : 'cookies-session-without-secure-flag');
    if (session && !c.httpOnly) flag('cookies-session-without-httponly-flag');
  }
  if (result) return result;
  return cookies.some((c) => c.sameSite === null) ? 'cookies-secure-with-httponly-sessions' : 'cookies-secure-with-httponly-sessions-and-samesite';
}

function redirectionResult(probe: HeaderScoreObservations['http-redirect']): ExpectationOf<'redirection'> {
  if (!probe?.ok) return 'redirection-not-tested';
  const { exchanges, connectError } = probe.data;
  if (connectError || !exchanges[0]?.response) return 'redirection-not-needed-no-http';
  const badCert = exchanges.some((e) => e.request.url.startsWith('https:') && (hasCertificateProblem(e) || e.error?.code === 'tls'));
  if (badCert) return 'redirection-invalid-cert';
  const route = exchanges.map((e) => new URL(e.request.url));
  if (route.length === 1) return 'redirection-missing';
  if (route.at(-1)!.protocol !== 'https:') return 'redirection-not-to-https';
  if (route[1]!.protocol === 'http:') return 'redirection-not-to-https-on-initial-redirection';
  if (route[0]!.hostname !== route[1]!.hostname) return 'redirection-off-host-from-http';
  return 'redirection-to-https';
}

function referrerResult(final: FinalExchange): ExpectationOf<'referrer-policy'> {
  const { policy, value } = effectiveReferrer(final);
  if (value === null) return 'referrer-policy-not-implemented';
  if (policy === null) return 'referrer-policy-header-invalid';
  return REFERRER_PRIVATE.includes(policy) ? 'referrer-policy-private' : 'referrer-policy-unsafe';
}

/**
 * The Observatory compares registrable domains with the public-suffix list; offline we take the last two labels,
 * which treats e.g. two different *.co.uk sites as one site.
 */
function siteOf(hostname: string): string {
  if (/^[\d.]+$/.test(hostname) || hostname.includes(':')) return hostname;
  return hostname.toLowerCase().split('.').slice(-2).join('.');
}

function sriResult(final: FinalExchange, siteHost: string): ExpectationOf<'subresource-integrity'> {
  if (!isHtmlResponse(final.response.headers)) return 'sri-not-implemented-response-not-html';
  const scripts = scanHtml(final.body).scripts;
  if (!scripts.length) return 'sri-not-implemented-but-no-scripts-loaded';
  const pageSecure = final.request.url.startsWith('https:');
  let result: ExpectationOf<'subresource-integrity'> | null = null;
  let foreign = false;
  for (const script of scripts) {
    const src = script.src?.trim();
    if (!src) continue;
    const integrity = !!script.integrity;
    const protocolRelative = /^\/\/[^/]/.test(src);
    const absolute = /^https?:\/\//i.test(src);
    let sameSite = true;
    let secureScheme = !protocolRelative && !absolute && pageSecure;
    if (absolute) {
      try {
        const url = new URL(src);
        sameSite = siteOf(url.hostname) === siteOf(siteHost);
        secureScheme = url.protocol === 'https:';
      } catch {
        sameSite = false;
      }
    }
    const secureOrigin = !protocolRelative && sameSite;
    if (secureOrigin) {
      if (integrity && secureScheme && result === null) result = 'sri-implemented-and-all-scripts-loaded-securely';
      continue;
    }
    foreign = true;
    if (integrity && !secureScheme) result = worse(SRI_SEVERITY_ORDER, result, 'sri-implemented-but-external-scripts-not-loaded-securely');
    else if (!integrity && secureScheme) result = worse(SRI_SEVERITY_ORDER, result, 'sri-not-implemented-but-external-scripts-loaded-securely');
    else if (!integrity) result = worse(SRI_SEVERITY_ORDER, result, 'sri-not-implemented-and-external-scripts-not-loaded-securely');
  }
  if (result) return result;
  return foreign ? 'sri-implemented-and-external-scripts-loaded-securely' : 'sri-not-implemented-but-all-scripts-loaded-from-secure-origin';
}

function frameResult(final: FinalExchange): ExpectationOf<'x-frame-options'> {
  if (analyzeCsp(final).frameAncestors) return 'x-frame-options-implemented-via-csp';
  const state = classifyXfo(final.response.headers).state;
  if (state === 'ok') return 'x-frame-options-sameorigin-or-deny';
  if (state === 'allow-from') return 'x-frame-options-allow-from-origin';
  return state === 'invalid' ? 'x-frame-options-header-invalid' : 'x-frame-options-not-implemented';
}

function corpResult(final: FinalExchange): ExpectationOf<'cross-origin-resource-policy'> {
  const header = headerValues(final.response.headers, 'cross-origin-resource-policy')[0];
  const meta = isHtmlResponse(final.response.headers)
    ? scanHtml(final.body).httpEquiv.filter(([n]) => n === 'cross-origin-resource-policy').at(-1)?.[1]
    : undefined;
  const value = (header ?? meta)?.trim().toLowerCase();
  if (!value) return 'corp-not-implemented';
  if (value === 'same-origin') return 'corp-implemented-with-same-origin';
  if (value === 'same-site') return 'corp-implemented-with-same-site';
  return value === 'cross-origin' ? 'corp-implemented-with-cross-origin' : 'corp-header-invalid';
}

/**
 * Only what the response itself shows: we send no Origin of our own, so a reflected origin is recognised only when
 * the request carried one (the exposure.cors check tests reflection with a preflight).
 */
function corsResult(final: FinalExchange): ExpectationOf<'cross-origin-resource-sharing'> {
  const acao = headerValues(final.response.headers, 'access-control-allow-origin')[0]?.trim();
  if (!acao) return 'cross-origin-resource-sharing-not-implemented';
  if (acao === '*') return 'cross-origin-resource-sharing-implemented-with-public-access';
  const origin = headerValues(final.request.headers, 'origin')[0]?.trim();
  const credentials = headerValues(final.response.headers, 'access-control-allow-credentials')[0]?.trim().toLowerCase();
  return origin && origin === acao && credentials === 'true'
    ? 'cross-origin-resource-sharing-implemented-with-universal-access'
    : 'cross-origin-resource-sharing-implemented-with-restricted-access';
}

export function computeHeaderScore(obs: HeaderScoreObservations): HeaderScore | null {
  const https = obs['https-main'];
  if (!https) return null;
  const got = finalOf(https);
  if (!got.ok) return null;
  const { final, exchanges } = got;
  const first = exchanges[0]!;
  const hsts = hstsResult(final, first);
  const http = obs['http-redirect'];
  const cookieExchanges = http?.ok ? [...exchanges, ...http.data.exchanges] : exchanges;
  const xcto = classifyXcto(final.response.headers).state;

  // In the Observatory's order of tests.
  const modifiers: Modifier[] = [
    entry('content-security-policy', analyzeCsp(final).expectation),
    entry('cookies', cookiesResult(cookieExchanges, hsts === 'hsts-implemented-max-age-at-least-six-months')),
    entry('cross-origin-resource-sharing', corsResult(final)),
    entry('redirection', redirectionResult(http)),
    entry('referrer-policy', referrerResult(final)),
    entry('strict-transport-security', hsts),
    entry('subresource-integrity', sriResult(final, new URL(first.request.url).hostname)),
    entry(
      'x-content-type-options',
      xcto === 'nosniff' ? 'x-content-type-options-nosniff' : xcto === 'missing' ? 'x-content-type-options-not-implemented' : 'x-content-type-options-header-invalid',
    ),
    entry('x-frame-options', frameResult(final)),
    entry('cross-origin-resource-policy', corpResult(final)),
  ];

  let uncurved = 100;
  let withExtraCredit = 100;
  for (const { modifier } of modifiers) {
    withExtraCredit += modifier;
    if (modifier < 0) uncurved += modifier;
  }
  const raw = uncurved >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withExtraCredit : uncurved;
  return { score: Math.min(100, Math.max(0, raw)), grade: gradeFor(raw), modifiers };
}
