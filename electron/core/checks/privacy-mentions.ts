import type { Finding } from '../../shared/domain';
import type { LandingPageObservation } from '../probes/landing';
import { quoteOf } from '../probes/privacy-elements';
import type { PrivacyPolicyObservation } from '../probes/privacy-policy';
import { VOCABULARY } from '../probes/privacy-vocabulary';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { firstParty, thirdPartyHost } from './landing';
import { finding } from './outcome';
import { namesForHost } from './third-party-names';

type LandingProbe = ProbeResult<ObservationMap['landing-pages']>;

/** Codes of the Mautic part of privacy-policy.mentions-tracking. */
export const MAUTIC_CODES = ['mautic-found', 'mautic-missing', 'mautic-cookies-found', 'mautic-cookies-missing'];
/** Codes of the third-party part. */
export const THIRD_PARTY_CODES = ['third-party-named', 'third-party-not-named', 'third-parties-none', 'third-parties-not-compared'];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name as a whole word (a trailing genitive "s" allowed: "Googles"); a host also inside a longer host name. */
function namePattern(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escape(name)}s?(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The sentences as one text, so that a name is searched once, not once per sentence. */
export interface SentenceIndex {
  sentences: readonly string[];
  text: string;
  starts: number[];
}

export function indexSentences(sentences: readonly string[]): SentenceIndex {
  const starts: number[] = [];
  let at = 0;
  for (const s of sentences) {
    starts.push(at);
    at += s.length + 1;
  }
  return { sentences, text: sentences.join('\n'), starts };
}

function sentenceAt(index: SentenceIndex, offset: number): number {
  let lo = 0;
  let hi = index.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (index.starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The earliest mention of any of the names, with the name it used and the sentence around it. */
export function findMention(index: SentenceIndex, names: readonly string[]): { name: string; quote: string } | null {
  let best: { name: string; offset: number } | null = null;
  for (const name of names) {
    const m = namePattern(name).exec(index.text);
    if (m && (!best || m.index < best.offset)) best = { name, offset: m.index };
  }
  if (!best) return null;
  const i = sentenceAt(index, best.offset);
  return { name: best.name, quote: quoteOf(index.sentences, i, best.offset - index.starts[i]!) };
}

export function mauticFindings(o: PrivacyPolicyObservation): Finding[] {
  const findings: Finding[] = [];
  const mautic = o.elements.mautic;
  findings.push(mautic ? finding('mautic-found', 'manual', { element: 'mautic', quote: mautic.quote }) : finding('mautic-missing', 'warn', { element: 'mautic' }));
  const cookies = o.elements['mautic-cookies'];
  const required = VOCABULARY['mautic-cookies'].parts!.filter((p) => p.required).map((p) => p.id);
  const missing = required.filter((id) => !cookies?.parts?.includes(id));
  findings.push(
    missing.length || !cookies
      ? finding('mautic-cookies-missing', 'warn', { element: 'mautic-cookies', missing })
      : finding('mautic-cookies-found', 'manual', { element: 'mautic-cookies', cookies: cookies.parts!, quote: cookies.quote }),
  );
  return findings;
}

/** Each third-party host the landing pages load, with the pages that load it. */
function thirdPartyHosts(pages: LandingPageObservation[], data: ObservationMap['landing-pages']): Map<string, { pages: string[]; evidence: string[] }> {
  const hosts = new Map<string, { pages: string[]; evidence: string[] }>();
  for (const p of pages) {
    const own = firstParty(p, data);
    for (const r of p.resources) {
      const host = thirdPartyHost(r, own);
      if (!host) continue;
      const entry = hosts.get(host) ?? { pages: [], evidence: [] };
      if (!entry.pages.includes(p.url)) {
        entry.pages.push(p.url);
        entry.evidence.push(...p.evidence);
      }
      hosts.set(host, entry);
    }
  }
  return new Map([...hosts.entries()].sort(([a], [b]) => a.localeCompare(b)));
}

/** Every third-party host of the landing pages must be named in the policy, by host or by its provider's name. */
export function thirdPartyFindings(o: PrivacyPolicyObservation, landing: LandingProbe): { findings: Finding[]; evidence: string[] } {
  if (!landing.ok) return { findings: [finding('third-parties-not-compared', 'manual')], evidence: [] };
  const answered = landing.data.pages.filter((p) => p.status !== null);
  if (!answered.length) return { findings: [finding('third-parties-not-compared', 'manual')], evidence: [] };
  const hosts = thirdPartyHosts(answered, landing.data);
  if (!hosts.size) return { findings: [finding('third-parties-none', 'pass', { count: answered.length })], evidence: answered.flatMap((p) => p.evidence) };
  const findings: Finding[] = [];
  const evidence: string[] = [];
  const index = indexSentences(o.sentences);
  for (const [host, seen] of hosts) {
    const names = namesForHost(host);
    const mention = findMention(index, names);
    findings.push(
      mention
        ? finding('third-party-named', 'manual', { element: host, host, name: mention.name, quote: mention.quote })
        : finding('third-party-not-named', 'warn', { element: host, host, names, pages: seen.pages }),
    );
    evidence.push(...seen.evidence);
  }
  return { findings, evidence };
}
