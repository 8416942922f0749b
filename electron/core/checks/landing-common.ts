import type { Finding } from '../../shared/domain';
import { MAX_RESOURCES, MAX_STYLESHEETS, type LandingPageObservation, type LandingResource } from '../probes/landing';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { errorFinding, finding, noAnswer, outcome, probeError } from './outcome';
import { PROBE_ERROR, type CheckOutcome } from './types';

export type LandingProbe = ProbeResult<ObservationMap['landing-pages']>;
export type LandingData = ObservationMap['landing-pages'];
type Judgement = { findings: Finding[]; evidence: string[] };

/** Codes every landing check may emit besides its own. */
export const COMMON = ['landing-none', 'landing-unreachable', PROBE_ERROR];
/** Codes of the checks that judge page content (a cut-off page cannot pass unseen parts). */
export const CONTENT = [...COMMON, 'landing-incomplete', 'landing-not-html'];
/** Codes of the content checks that also judge what stylesheets load. */
export const CSS_CONTENT = [...CONTENT, 'landing-stylesheets-unread'];

export const finalUrl = (p: LandingPageObservation) => p.chain[p.chain.length - 1] ?? p.url;
export const reached = (p: LandingPageObservation) => p.status !== null;
export const urlOf = (r: LandingResource) => (r.url ? new URL(r.url) : null);
const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** The hosts the site itself controls: the page's own host (with or without www.) and the Mautic installation. */
export function firstParty(page: LandingPageObservation, data: LandingData): Set<string> {
  return new Set([bare(new URL(finalUrl(page)).hostname), bare(data.installationHost)]);
}

/** A resource on the web (http/https) from a host the site does not control; null for first-party or non-web URLs. */
export function thirdPartyHost(r: Pick<LandingResource, 'url'>, own: Set<string>): string | null {
  const u = r.url ? new URL(r.url) : null;
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  return own.has(bare(u.hostname)) ? null : u.hostname.toLowerCase();
}

/** The resources grouped by the stylesheet that loads them (null: the page's HTML), in order of appearance. */
export function byVia(resources: LandingResource[]): Map<string | null, LandingResource[]> {
  const groups = new Map<string | null, LandingResource[]>();
  for (const r of resources) {
    const group = groups.get(r.via);
    if (group) group.push(r);
    else groups.set(r.via, [r]);
  }
  return groups;
}

/** The evidence of the page and, for what CSS loads, of the stylesheet it came through. */
export function evidenceOf(p: LandingPageObservation, via: string | null): string[] {
  return [...p.evidence, ...(via ? (p.stylesheets.find((s) => s.url === via)?.evidence ?? []) : [])];
}

interface Options {
  /** The check judges page content: pages cut off or not HTML cannot pass unseen. */
  content: boolean;
  /** The check also judges what the page's stylesheets load: unread first-party stylesheets leave a gap. */
  css: boolean;
}

/**
 * Runs a landing check: no pages → not applicable; unreachable pages → error findings. The judge sees the
 * pages that answered, or for content checks the pages read as HTML: a named page that is no HTML is an
 * error, a linked one (a download) is skipped. Content checks warn when a page or stylesheet was read in part.
 */
export function landingCheck(probe: LandingProbe, options: Options, judge: (pages: LandingPageObservation[], data: LandingData) => Judgement): CheckOutcome {
  if (!probe.ok) return probeError(probe.error, probe.evidence);
  const { pages } = probe.data;
  if (!pages.length) return outcome([finding('landing-none', 'not_applicable')], []);
  const answered = pages.filter(reached);
  const judged = options.content ? answered.filter((p) => p.parsedAsHtml) : answered;
  const { findings, evidence } = judge(judged, probe.data);
  for (const p of pages.filter((x) => !reached(x))) {
    findings.push(noAnswer('landing-unreachable', p.error, { page: p.url }));
    evidence.push(...p.evidence);
  }
  if (options.content) {
    for (const p of answered.filter((x) => !x.parsedAsHtml && x.discoveredFrom === null)) {
      findings.push(errorFinding('landing-not-html', 'content', { page: p.url, contentType: p.contentType ?? '-' }));
      evidence.push(...p.evidence);
    }
    const partial = judged.filter((p) => p.bodyTruncated || p.resourcesTruncated);
    if (partial.length) {
      findings.push(finding('landing-incomplete', 'warn', { pages: partial.map((p) => p.url), limit: MAX_RESOURCES }));
      evidence.push(...partial.flatMap((p) => p.evidence));
    }
  }
  if (options.css) unreadStylesheets(judged, probe.data, findings, evidence);
  return outcome(findings, evidence.length ? evidence : probe.evidence);
}

/**
 * First-party stylesheets that could not be read (in full): what they load is unknown. Third-party ones are
 * reported as third parties already, and their loads are the provider's.
 */
function unreadStylesheets(pages: LandingPageObservation[], data: LandingData, findings: Finding[], evidence: string[]) {
  const unread = new Map<string, string[]>();
  for (const p of pages) {
    const own = firstParty(p, data);
    for (const s of p.stylesheets) {
      if ((s.unread !== null || s.truncated) && thirdPartyHost(s, own) === null) unread.set(s.url, s.evidence);
    }
  }
  if (!unread.size) return;
  findings.push(finding('landing-stylesheets-unread', 'warn', { stylesheets: [...unread.keys()], limit: MAX_STYLESHEETS }));
  evidence.push(...[...unread.values()].flat());
}
