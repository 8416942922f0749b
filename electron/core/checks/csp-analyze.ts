// Judges the effective CSP of a response following the semantics of the MDN HTTP Observatory's CSP test
// (src/analyzer/tests/csp.js). Several policies are all enforced, so a weakness only counts when every policy has it.
import { headerValues, type Exchange, type HttpResponseRecord } from '../net/types';
import { isHtmlResponse, parseCspHeaders, parseCspMeta, scanHtml, type CspPolicy } from './csp-parse';

export type CspExpectation =
  | 'csp-implemented-with-no-unsafe-default-src-none'
  | 'csp-implemented-with-no-unsafe'
  | 'csp-implemented-with-unsafe-inline-in-style-src-only'
  | 'csp-implemented-with-insecure-scheme-in-passive-content-only'
  | 'csp-implemented-with-unsafe-eval'
  | 'csp-implemented-with-unsafe-inline'
  | 'csp-implemented-with-insecure-scheme'
  | 'csp-implemented-but-duplicate-directives'
  | 'csp-header-invalid'
  | 'csp-not-implemented'
  | 'csp-not-implemented-but-reporting-enabled';

export interface SourceFlaw {
  /** The directive that supplied the sources (script-src, or default-src as its fallback). */
  directive: string;
  sources: string[];
  /** The directive and default-src are both absent: everything is allowed. */
  unset: boolean;
}

export interface CspAnalysis {
  implemented: boolean;
  reportOnly: boolean;
  /** The enforced policy text as received (header values, then meta contents). */
  policyText: string;
  invalid: { value: string; problems: string[] }[];
  unsafeInline: SourceFlaw | null;
  broad: SourceFlaw[];
  insecureActive: string[];
  unsafeEval: boolean;
  insecurePassive: string[];
  unsafeStyle: string[];
  defaultNone: boolean;
  /** frame-ancestors of the header policies (meta cannot carry it); null when none sets it. */
  frameAncestors: { value: string; broad: boolean } | null;
  expectation: CspExpectation;
}

const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const UNSAFE_INLINE = new Set(["'unsafe-inline'", 'data:']);
const NONCE_HASH = ["'nonce-", "'sha256-", "'sha384-", "'sha512-"];
const PASSIVE = ['img-src', 'media-src'];
/** Directives whose values are not fetch sources (report endpoints, flags). */
const NOT_SOURCE_LISTS = new Set(['report-uri', 'report-to', 'sandbox', 'upgrade-insecure-requests', 'block-all-mixed-content', 'require-trusted-types-for', 'trusted-types', 'plugin-types']);

const isInsecureScheme = (s: string): boolean => s.startsWith('http:') || s.startsWith('ftp:');
const hasNonceOrHash = (sources: readonly string[]): boolean => sources.some((s) => NONCE_HASH.some((p) => s.startsWith(p)));

interface Effective {
  directive: string;
  sources: string[];
}

function lookup(policy: CspPolicy, name: string): Effective | null {
  const own = policy.directives.get(name);
  if (own) return { directive: name, sources: [...own] };
  const fallback = policy.directives.get('default-src');
  return fallback ? { directive: 'default-src', sources: [...fallback] } : null;
}

/** script-src after the browser's own neutralisations: nonces/hashes disable 'unsafe-inline', strict-dynamic disables allow-lists. */
function scriptSources(policy: CspPolicy): { eff: Effective | null; strictDynamicProblem: boolean } {
  const eff = lookup(policy, 'script-src');
  if (!eff) return { eff, strictDynamicProblem: false };
  const nonceHash = hasNonceOrHash(eff.sources);
  if (eff.sources.includes("'strict-dynamic'")) {
    if (!nonceHash) return { eff, strictDynamicProblem: true };
    eff.sources = eff.sources.filter((s) => s.startsWith("'") && s !== "'self'" && s !== "'unsafe-inline'");
  } else if (nonceHash) {
    eff.sources = eff.sources.filter((s) => s !== "'unsafe-inline'");
  }
  return { eff, strictDynamicProblem: false };
}

function styleSources(policy: CspPolicy): Effective | null {
  const eff = lookup(policy, 'style-src');
  if (eff && hasNonceOrHash(eff.sources)) eff.sources = eff.sources.filter((s) => s !== "'unsafe-inline'");
  return eff;
}

/**
 * One policy's view of a weakness: the offending sources, 'open' when it does not restrict that kind of content at
 * all, or null when it restricts it safely. Every policy is enforced, so the weakness remains only if no policy
 * blocks it, and it is reported only if some policy names it.
 */
type Per = string[] | 'open' | null;

function combine(per: readonly Per[]): string[] {
  if (!per.length || per.some((p) => p === null)) return [];
  return [...new Set(per.flatMap((p) => (Array.isArray(p) ? p : [])))];
}

const found = (sources: string[]): Per => (sources.length ? sources : null);

function sourceFlaw(eff: Effective | null, bad: (s: string) => boolean, name: string): SourceFlaw | null {
  if (!eff) return { directive: name, sources: [], unset: true };
  const sources = eff.sources.filter(bad);
  return sources.length ? { directive: eff.directive, sources, unset: false } : null;
}

/** Broad sources, where an unset directive is itself the weakness. */
function broadFlaw(effs: (Effective | null)[], name: string): SourceFlaw | null {
  const flaws = effs.map((e) => sourceFlaw(e, (s) => BROAD.has(s), name));
  if (!flaws.length || flaws.some((f) => f === null)) return null;
  const named = flaws.find((f) => !f!.unset) ?? flaws[0]!;
  return { ...named, sources: [...new Set(flaws.flatMap((f) => f!.sources))] };
}

export function analyzeCsp(exchange: Exchange & { response: HttpResponseRecord }): CspAnalysis {
  const headers = exchange.response.headers;
  const headerRaw = headerValues(headers, 'content-security-policy');
  const metaRaw = isHtmlResponse(headers) ? scanHtml(exchange.body).cspMeta : [];
  const reportOnly = headerValues(headers, 'content-security-policy-report-only').some((v) => v.trim() !== '');
  const all = [...parseCspHeaders(headerRaw), ...parseCspMeta(metaRaw)];
  const invalid = all.filter((p) => p.problems.length).map((p) => ({ value: p.raw, problems: [...p.problems] }));
  const policies = all.filter((p) => p.directives.size > 0);
  const secure = exchange.request.url.toLowerCase().startsWith('https:');

  const scripts = policies.map(scriptSources);
  scripts.forEach((s, i) => {
    if (s.strictDynamicProblem) invalid.push({ value: policies[i]!.raw, problems: ["'strict-dynamic' without a nonce or hash"] });
  });
  const scriptEff = scripts.map((s) => s.eff);
  const objectEff = policies.map((p) => lookup(p, 'object-src'));
  const styleEff = policies.map(styleSources);

  const inlinePer: Per[] = scriptEff.map((e) => (e ? found(e.sources.filter((s) => UNSAFE_INLINE.has(s))) : 'open'));
  const inlineSources = combine(inlinePer);
  const inlineFrom = scriptEff.find((e, i) => e && inlinePer[i] !== 'open' && inlinePer[i] !== null);
  const unsafeInline = inlineSources.length ? { directive: inlineFrom!.directive, sources: inlineSources, unset: false } : null;
  const broad = [broadFlaw(scriptEff, 'script-src'), broadFlaw(objectEff, 'object-src')].filter((f): f is SourceFlaw => f !== null);

  const insecureActive = !secure
    ? []
    : combine(
        policies.map((p, i) => {
          const active = [...p.directives].filter(([d]) => !PASSIVE.includes(d) && d !== 'script-src' && !NOT_SOURCE_LISTS.has(d));
          const bad = [...active.flatMap(([, s]) => s), ...(scriptEff[i]?.sources ?? [])].filter(isInsecureScheme);
          return bad.length ? bad : p.directives.has('default-src') ? null : 'open';
        }),
      );
  const unsafeEval =
    combine(
      policies.map((_, i) => {
        if (!scriptEff[i] && !styleEff[i]) return 'open';
        return found([...(scriptEff[i]?.sources ?? []), ...(styleEff[i]?.sources ?? [])].filter((s) => s === "'unsafe-eval'"));
      }),
    ).length > 0;
  const insecurePassive = !secure
    ? []
    : combine(
        policies.map((p) => {
          const effs = PASSIVE.map((d) => lookup(p, d));
          return effs.every((e) => !e) ? 'open' : found(effs.flatMap((e) => e?.sources ?? []).filter(isInsecureScheme));
        }),
      );
  // As the Observatory: a policy that does not restrict styles at all counts as allowing '*'.
  const unsafeStyle = combine(styleEff.map((e) => found((e?.sources ?? ['*']).filter((s) => BROAD.has(s) || UNSAFE_INLINE.has(s)))));
  const defaultNone = policies.some((p) => {
    const d = p.directives.get('default-src');
    return d?.length === 1 && d[0] === "'none'";
  });

  const ancestors = policies.filter((p) => p.origin === 'header' && p.directives.has('frame-ancestors'));
  const describe = (p: CspPolicy) => {
    const sources = p.directives.get('frame-ancestors')!;
    return { value: sources.join(' '), broad: sources.some((s) => BROAD.has(s)) };
  };
  // Every policy must allow a framing, so one strict frame-ancestors protects the page.
  const frameAncestors = ancestors.length ? ancestors.map(describe).find((f) => !f.broad) ?? describe(ancestors[0]!) : null;

  const duplicates = policies.some((p) => p.duplicates.length > 0);
  const analysis: CspAnalysis = {
    implemented: policies.length > 0,
    reportOnly,
    policyText: [...headerRaw, ...metaRaw].join(', '),
    invalid,
    unsafeInline,
    broad,
    insecureActive,
    unsafeEval,
    insecurePassive,
    unsafeStyle,
    defaultNone,
    frameAncestors,
    expectation: 'csp-not-implemented',
  };
  analysis.expectation = expectationOf(analysis, duplicates, headerRaw.length + metaRaw.length > 0);
  return analysis;
}

function expectationOf(a: CspAnalysis, duplicates: boolean, present: boolean): CspExpectation {
  if (!a.implemented) {
    if (present && a.invalid.length) return 'csp-header-invalid';
    return a.reportOnly ? 'csp-not-implemented-but-reporting-enabled' : 'csp-not-implemented';
  }
  if (a.invalid.length) return 'csp-header-invalid';
  if (a.unsafeInline || a.broad.length) return 'csp-implemented-with-unsafe-inline';
  if (a.insecureActive.length) return 'csp-implemented-with-insecure-scheme';
  if (a.unsafeEval) return 'csp-implemented-with-unsafe-eval';
  const passing: CspExpectation = a.insecurePassive.length
    ? 'csp-implemented-with-insecure-scheme-in-passive-content-only'
    : a.unsafeStyle.length
      ? 'csp-implemented-with-unsafe-inline-in-style-src-only'
      : a.defaultNone
        ? 'csp-implemented-with-no-unsafe-default-src-none'
        : 'csp-implemented-with-no-unsafe';
  return duplicates ? 'csp-implemented-but-duplicate-directives' : passing;
}
