import type { Finding } from '../../shared/domain';
import { MAX_PAGES, MAX_RESOURCES, type LandingPageObservation, type LandingResource } from '../probes/landing';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { finding, outcome, probeError } from './outcome';
import { defineCheck, PROBE_ERROR, type CheckOutcome } from './types';

type Probe = ProbeResult<ObservationMap['landing-pages']>;
type Data = ObservationMap['landing-pages'];

/** Google's font hosts: loading from them sends the visitor's IP to Google (LG München I, 3 O 17493/20). */
export const GOOGLE_FONT_HOSTS = new Set(['fonts.googleapis.com', 'fonts.gstatic.com']);
const SRI_VALUE = /^(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}(\?\S*)?$/;

/** Codes every landing check may emit besides its own. */
const COMMON = ['landing-none', 'landing-unreachable', PROBE_ERROR];
/** Codes of the checks that judge page content (a cut-off page cannot pass unseen parts). */
const CONTENT = [...COMMON, 'landing-incomplete'];

const finalUrl = (p: LandingPageObservation) => p.chain[p.chain.length - 1] ?? p.url;
const reached = (p: LandingPageObservation) => p.status !== null;
const urlOf = (r: LandingResource) => (r.url ? new URL(r.url) : null);
const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** The hosts the site itself controls: the page's own host (with or without www.) and the Mautic installation. */
export function firstParty(page: LandingPageObservation, data: Data): Set<string> {
  return new Set([bare(new URL(finalUrl(page)).hostname), bare(data.installationHost)]);
}

/** A resource on the web (http/https) from a host the site does not control; null for first-party or non-web URLs. */
export function thirdPartyHost(r: LandingResource, own: Set<string>): string | null {
  const u = urlOf(r);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  return own.has(bare(u.hostname)) ? null : u.hostname.toLowerCase();
}

/**
 * Runs a landing check: no pages → not applicable; unreachable pages → error findings; the judge sees the
 * pages that answered. `content` checks also warn when a page was only partly read.
 */
function landingCheck(probe: Probe, content: boolean, judge: (pages: LandingPageObservation[], data: Data) => { findings: Finding[]; evidence: string[] }): CheckOutcome {
  if (!probe.ok) return probeError(probe.error, probe.evidence);
  const { pages } = probe.data;
  if (!pages.length) return outcome([finding('landing-none', 'not_applicable')], []);
  const answered = pages.filter(reached);
  const { findings, evidence } = judge(answered, probe.data);
  for (const p of pages.filter((x) => !reached(x))) {
    findings.push(finding('landing-unreachable', 'error', { page: p.url, error: p.error?.message ?? 'no response' }));
    evidence.push(...p.evidence);
  }
  if (content) {
    const partial = answered.filter((p) => p.bodyTruncated || p.resourcesTruncated);
    if (partial.length) {
      findings.push(finding('landing-incomplete', 'warn', { pages: partial.map((p) => p.url), limit: MAX_RESOURCES }));
      evidence.push(...partial.flatMap((p) => p.evidence));
    }
  }
  return outcome(findings, evidence.length ? evidence : probe.evidence);
}

export const landingHttps = defineCheck({
  id: 'landing.https',
  probes: ['landing-pages'],
  codes: ['landing-redirect-to-http', 'landing-not-https', 'landing-status', 'landing-pages-capped', 'landing-https-ok', ...COMMON],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, false, (pages, data) => {
      const findings: Finding[] = [];
      const evidence: string[] = [];
      // A chain that went from https to http, even if it then broke off, exposes the request.
      for (const p of probe.ok ? probe.data.pages : pages) {
        const down = p.chain.findIndex((u, i) => i > 0 && u.startsWith('http:') && p.chain.slice(0, i).some((x) => x.startsWith('https:')));
        if (down > 0) {
          findings.push(finding('landing-redirect-to-http', 'fail', { page: p.url, location: p.chain[down]! }));
          evidence.push(...p.evidence);
        } else if (reached(p) && finalUrl(p).startsWith('http:')) {
          findings.push(finding('landing-not-https', 'fail', { page: p.url, url: finalUrl(p) }));
          evidence.push(...p.evidence);
        }
      }
      for (const p of pages.filter((x) => x.status! < 200 || x.status! > 299)) {
        findings.push(finding('landing-status', 'warn', { page: p.url, status: p.status! }));
        evidence.push(...p.evidence);
      }
      if (data.skipped > 0) findings.push(finding('landing-pages-capped', 'warn', { limit: MAX_PAGES, skipped: data.skipped }));
      if (!findings.some((f) => f.status === 'fail') && pages.length) findings.unshift(finding('landing-https-ok', 'pass', { count: pages.length }));
      return { findings, evidence };
    }),
});

export const landingMixedContent = defineCheck({
  id: 'landing.mixed-content',
  probes: ['landing-pages'],
  codes: ['mixed-content', 'mixed-content-none', 'mixed-content-no-https', ...CONTENT],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, true, (pages) => {
      const secure = pages.filter((p) => finalUrl(p).startsWith('https:'));
      const findings: Finding[] = [];
      const evidence: string[] = [];
      for (const p of secure) {
        const insecure = p.resources.filter((r) => urlOf(r)?.protocol === 'http:');
        if (!insecure.length) continue;
        findings.push(finding('mixed-content', 'fail', { page: p.url, resources: insecure.map((r) => `${r.kind} ${r.url!}`) }));
        evidence.push(...p.evidence);
      }
      if (!findings.length && pages.length) {
        findings.push(secure.length ? finding('mixed-content-none', 'pass', { count: secure.length }) : finding('mixed-content-no-https', 'not_applicable'));
      }
      return { findings, evidence };
    }),
});

export const landingThirdParties = defineCheck({
  id: 'landing.third-parties',
  probes: ['landing-pages'],
  codes: ['third-party', 'third-parties-none', ...CONTENT],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, true, (pages, data) => {
      const hosts = new Map<string, { kinds: Set<string>; pages: Set<string>; evidence: string[] }>();
      for (const p of pages) {
        const own = firstParty(p, data);
        for (const r of p.resources) {
          const host = thirdPartyHost(r, own);
          if (!host) continue;
          const entry = hosts.get(host) ?? { kinds: new Set(), pages: new Set(), evidence: [] };
          entry.kinds.add(r.kind);
          if (!entry.pages.has(p.url)) entry.evidence.push(...p.evidence);
          entry.pages.add(p.url);
          hosts.set(host, entry);
        }
      }
      const sorted = [...hosts.entries()].sort(([a], [b]) => a.localeCompare(b));
      const findings = sorted.map(([host, e]) => finding('third-party', 'warn', { host, kinds: [...e.kinds].sort(), pages: [...e.pages] }));
      if (!findings.length && pages.length) findings.push(finding('third-parties-none', 'pass', { count: pages.length }));
      return { findings, evidence: sorted.flatMap(([, e]) => e.evidence) };
    }),
});

export const landingGoogleFonts = defineCheck({
  id: 'landing.google-fonts',
  probes: ['landing-pages'],
  codes: ['google-fonts', 'google-fonts-none', ...CONTENT],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, true, (pages) => {
      const findings: Finding[] = [];
      const evidence: string[] = [];
      for (const p of pages) {
        const google = p.resources.filter((r) => GOOGLE_FONT_HOSTS.has(urlOf(r)?.hostname.toLowerCase() ?? ''));
        if (!google.length) continue;
        findings.push(finding('google-fonts', 'fail', { page: p.url, urls: [...new Set(google.map((r) => r.url!))] }));
        evidence.push(...p.evidence);
      }
      if (!findings.length && pages.length) findings.push(finding('google-fonts-none', 'pass', { count: pages.length }));
      return { findings, evidence };
    }),
});

const SRI_KINDS = new Set(['script', 'stylesheet']);

export const landingSri = defineCheck({
  id: 'landing.sri',
  probes: ['landing-pages'],
  codes: ['sri-missing', 'sri-invalid', 'sri-ok', 'sri-not-needed', ...CONTENT],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, true, (pages, data) => {
      const findings: Finding[] = [];
      const evidence: string[] = [];
      let covered = 0;
      for (const p of pages) {
        const own = firstParty(p, data);
        const foreign = p.resources.filter((r) => SRI_KINDS.has(r.kind) && thirdPartyHost(r, own) !== null);
        const missing = foreign.filter((r) => r.integrity === null);
        // Several hashes may be given, separated by whitespace; one valid one is enough.
        const invalid = foreign.filter((r) => r.integrity !== null && !r.integrity.split(/\s+/).some((v) => SRI_VALUE.test(v)));
        covered += foreign.length - missing.length - invalid.length;
        if (missing.length) findings.push(finding('sri-missing', 'warn', { page: p.url, resources: missing.map((r) => `${r.kind} ${r.url!}`) }));
        if (invalid.length) findings.push(finding('sri-invalid', 'warn', { page: p.url, resources: invalid.map((r) => `${r.kind} ${r.url!}`) }));
        if (missing.length || invalid.length) evidence.push(...p.evidence);
      }
      if (!findings.length && pages.length) findings.push(covered ? finding('sri-ok', 'pass', { count: covered }) : finding('sri-not-needed', 'pass'));
      return { findings, evidence };
    }),
});

export const LANDING_CHECKS = [landingHttps, landingMixedContent, landingThirdParties, landingGoogleFonts, landingSri];
