import type { Finding } from '../../shared/domain';
import { MAX_PAGES, type LandingPageObservation } from '../probes/landing';
import { finding } from './outcome';
import { defineCheck } from './types';
import { byVia, COMMON, CONTENT, CSS_CONTENT, evidenceOf, finalUrl, firstParty, landingCheck, reached, thirdPartyHost, urlOf } from './landing-common';

export { firstParty, thirdPartyHost } from './landing-common';

/** Google's font hosts: loading from them sends the visitor's IP to Google (LG München I, 3 O 17493/20). */
export const GOOGLE_FONT_HOSTS = new Set(['fonts.googleapis.com', 'fonts.gstatic.com']);
const SRI_VALUE = /^(sha256|sha384|sha512)-[A-Za-z0-9+/]+={0,2}(\?\S*)?$/;
const isGoogleFont = (url: string | null) => url !== null && GOOGLE_FONT_HOSTS.has(new URL(url).hostname.toLowerCase());

/** The pages found by following links, grouped by the page that links them. */
function discovered(pages: LandingPageObservation[]): Finding[] {
  const bySource = new Map<string, string[]>();
  for (const p of pages) {
    if (p.discoveredFrom === null) continue;
    const found = bySource.get(p.discoveredFrom);
    if (found) found.push(p.url);
    else bySource.set(p.discoveredFrom, [p.url]);
  }
  return [...bySource].map(([from, found]) => finding('landing-discovered', 'pass', { from, count: found.length, pages: found }));
}

export const landingHttps = defineCheck({
  id: 'landing.https',
  probes: ['landing-pages'],
  codes: ['landing-redirect-to-http', 'landing-not-https', 'landing-status', 'landing-pages-capped', 'landing-https-ok', 'landing-discovered', ...COMMON],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, { content: false, css: false }, (pages, data) => {
      const findings: Finding[] = [];
      const evidence: string[] = [];
      // A chain that went from https to http, even if it then broke off, exposes the request.
      for (const p of data.pages) {
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
      findings.push(...discovered(data.pages));
      return { findings, evidence };
    }),
});

export const landingMixedContent = defineCheck({
  id: 'landing.mixed-content',
  probes: ['landing-pages'],
  codes: ['mixed-content', 'mixed-content-css', 'mixed-content-none', 'mixed-content-no-https', ...CSS_CONTENT],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, { content: true, css: true }, (pages) => {
      const secure = pages.filter((p) => finalUrl(p).startsWith('https:'));
      const findings: Finding[] = [];
      const evidence: string[] = [];
      for (const p of secure) {
        // What an http: stylesheet loads is moot: browsers block the stylesheet itself (reported as such).
        const insecure = p.resources.filter((r) => urlOf(r)?.protocol === 'http:' && !r.via?.startsWith('http:'));
        for (const [via, list] of byVia(insecure)) {
          const resources = list.map((r) => `${r.kind} ${r.url!}`);
          findings.push(via ? finding('mixed-content-css', 'fail', { page: p.url, stylesheet: via, resources }) : finding('mixed-content', 'fail', { page: p.url, resources }));
          evidence.push(...evidenceOf(p, via));
        }
      }
      if (!findings.length && pages.length) {
        findings.push(secure.length ? finding('mixed-content-none', 'pass', { count: secure.length }) : finding('mixed-content-no-https', 'not_applicable'));
      }
      return { findings, evidence };
    }),
});

interface HostUse {
  kinds: Set<string>;
  pages: Set<string>;
  stylesheets: Set<string>;
  evidence: string[];
}

export const landingThirdParties = defineCheck({
  id: 'landing.third-parties',
  probes: ['landing-pages'],
  codes: ['third-party', 'third-party-css', 'third-parties-none', ...CSS_CONTENT],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, { content: true, css: true }, (pages, data) => {
      const hosts = new Map<string, HostUse>();
      for (const p of pages) {
        const own = firstParty(p, data);
        for (const r of p.resources) {
          const host = thirdPartyHost(r, own);
          if (!host) continue;
          const entry = hosts.get(host) ?? { kinds: new Set(), pages: new Set(), stylesheets: new Set(), evidence: [] };
          entry.kinds.add(r.kind);
          if (!entry.pages.has(p.url)) entry.evidence.push(...p.evidence);
          entry.pages.add(p.url);
          if (r.via && !entry.stylesheets.has(r.via)) entry.evidence.push(...evidenceOf(p, r.via));
          if (r.via) entry.stylesheets.add(r.via);
          hosts.set(host, entry);
        }
      }
      const sorted = [...hosts.entries()].sort(([a], [b]) => a.localeCompare(b));
      const findings = sorted.map(([host, e]) => {
        const params = { host, kinds: [...e.kinds].sort(), pages: [...e.pages] };
        return e.stylesheets.size ? finding('third-party-css', 'warn', { ...params, stylesheets: [...e.stylesheets] }) : finding('third-party', 'warn', params);
      });
      if (!findings.length && pages.length) findings.push(finding('third-parties-none', 'pass', { count: pages.length }));
      return { findings, evidence: sorted.flatMap(([, e]) => e.evidence) };
    }),
});

export const landingGoogleFonts = defineCheck({
  id: 'landing.google-fonts',
  probes: ['landing-pages'],
  codes: ['google-fonts', 'google-fonts-css', 'google-fonts-none', ...CSS_CONTENT],
  evaluate: ({ 'landing-pages': probe }) =>
    landingCheck(probe, { content: true, css: true }, (pages) => {
      const findings: Finding[] = [];
      const evidence: string[] = [];
      for (const p of pages) {
        // The fonts Google's own CSS names follow from loading that CSS, which is reported already.
        const google = p.resources.filter((r) => isGoogleFont(r.url) && !isGoogleFont(r.via));
        for (const [via, list] of byVia(google)) {
          const urls = [...new Set(list.map((r) => r.url!))];
          findings.push(via ? finding('google-fonts-css', 'fail', { page: p.url, stylesheet: via, urls }) : finding('google-fonts', 'fail', { page: p.url, urls }));
          evidence.push(...evidenceOf(p, via));
        }
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
    landingCheck(probe, { content: true, css: false }, (pages, data) => {
      const findings: Finding[] = [];
      const evidence: string[] = [];
      let covered = 0;
      for (const p of pages) {
        const own = firstParty(p, data);
        // Only elements of the page can carry integrity; what CSS loads cannot.
        const foreign = p.resources.filter((r) => r.via === null && SRI_KINDS.has(r.kind) && thirdPartyHost(r, own) !== null);
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
