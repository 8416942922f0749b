import type { Finding } from '../../shared/domain';
import { MAX_TEXT_CHARS } from '../probes/page-text';
import type { PrivacyPolicyObservation } from '../probes/privacy-policy';
import { ART13_ELEMENTS, VOCABULARY } from '../probes/privacy-vocabulary';
import { causeOf, errorFinding, finding, noAnswer, outcome, probeError } from './outcome';
import { MAUTIC_CODES, mauticFindings, THIRD_PARTY_CODES, thirdPartyFindings } from './privacy-mentions';
import { defineCheck, PROBE_ERROR, type AnyCheck, type CheckOutcome } from './types';

// Heuristics never pass on their own: an element found is `manual` (the auditor confirms the quote), an element
// not found is `warn` (the policy may say it in words the vocabulary does not know).

/** Codes of the content checks when there is no text to read. */
const CONTENT_COMMON = ['policy-not-read', 'policy-not-located', 'policy-text-truncated', PROBE_ERROR];

const is2xx = (status: number | null) => status !== null && status >= 200 && status < 300;
const finalUrl = (o: PrivacyPolicyObservation) => o.chain[o.chain.length - 1] ?? o.url ?? '';
const present = (list: (string | null)[]) => list.filter((e): e is string => e !== null);
const textEvidence = (o: PrivacyPolicyObservation) => present([o.textEvidence, o.elementsEvidence, ...o.fetchEvidence]);
/** Some page searched for the policy link answered (so a missing link is what the site serves, not a failure). */
const searchAnswered = (o: PrivacyPolicyObservation) => o.searched.some((p) => p.status !== null);
/** Why the policy, or the pages searched for its link, could not be fetched. */
const fetchError = (o: PrivacyPolicyObservation) => o.error ?? o.searched.find((p) => p.error)?.error;

function reachability(o: PrivacyPolicyObservation, evidence: string[]): CheckOutcome {
  if (o.source === 'not-found') {
    if (!searchAnswered(o)) return outcome([noAnswer('policy-search-failed', fetchError(o), { pages: o.searched.map((p) => p.url) })], evidence);
    return outcome([finding('policy-not-found', 'warn', { pages: o.searched.filter((p) => p.status !== null).map((p) => p.url) })], evidence);
  }
  const findings: Finding[] = [];
  const url = finalUrl(o);
  if (o.link) findings.push(finding('policy-link-found', 'pass', { page: o.link.page, text: o.link.text, url: o.url! }));
  if (o.status === null) {
    findings.push(noAnswer('policy-unreachable', o.error, { url: o.url! }));
    return outcome(findings, evidence);
  }
  if (!is2xx(o.status)) findings.push(finding('policy-status', 'fail', { url, status: o.status }));
  else if (!o.text) findings.push(finding('policy-no-text', 'warn', { url, contentType: o.contentType ?? '-' }));
  if (url.startsWith('http:')) {
    const https = o.httpsVariant;
    findings.push(https && is2xx(https.status) ? finding('policy-http-link', 'warn', { url, https: https.url }) : finding('policy-http-only', 'fail', { url }));
  } else if (is2xx(o.status) && o.text) {
    findings.push(finding('policy-reachable', 'pass', { url }));
  }
  return outcome(findings, evidence);
}

export const privacyPolicyReachable = defineCheck({
  id: 'privacy-policy.reachable',
  probes: ['privacy-policy'],
  codes: ['policy-reachable', 'policy-link-found', 'policy-http-only', 'policy-http-link', 'policy-status', 'policy-no-text', 'policy-not-found', 'policy-search-failed', 'policy-unreachable', PROBE_ERROR],
  evaluate: ({ 'privacy-policy': probe }) => {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const o = probe.data;
    const linkPage = o.link ? (o.searched.find((p) => p.url === o.link!.page)?.evidence ?? []) : o.searched.flatMap((p) => p.evidence);
    return reachability(o, [...linkPage, ...o.fetchEvidence, ...(o.httpsVariant?.evidence ?? [])]);
  },
});

/** A content check: no text → error (could not be checked); something missing in a cut-off text → say so. */
function contentCheck(o: PrivacyPolicyObservation, judge: () => { findings: Finding[]; evidence: string[] }, fallback: string[]): CheckOutcome {
  // No policy located on pages that answered: nothing failed, the auditor has to point to it (or review it).
  if (o.source === 'not-found' && searchAnswered(o)) return outcome([finding('policy-not-located', 'manual')], fallback);
  if (!o.text) return outcome([errorFinding('policy-not-read', o.status === null ? causeOf(fetchError(o)) : 'content')], fallback);
  const { findings, evidence } = judge();
  if ((o.text.bodyTruncated || o.text.textTruncated) && findings.some((f) => f.status === 'warn')) {
    findings.push(finding('policy-text-truncated', 'warn', { limit: MAX_TEXT_CHARS }));
  }
  return outcome(findings, [...textEvidence(o), ...evidence]);
}

/** When every element was found (and nothing left uncompared), the first finding asks the auditor to confirm the quotes. */
function confirmFirst(findings: Finding[], code: string): Finding[] {
  const complete = findings.every((f) => f.status === 'manual' || f.status === 'pass') && !findings.some((f) => f.code === 'third-parties-not-compared');
  return complete ? [finding(code, 'manual'), ...findings] : findings;
}

export const privacyPolicyMentionsTracking = defineCheck({
  id: 'privacy-policy.mentions-tracking',
  probes: ['privacy-policy', 'landing-pages'],
  codes: ['tracking-all-named', ...MAUTIC_CODES, ...THIRD_PARTY_CODES, ...CONTENT_COMMON],
  evaluate: ({ 'privacy-policy': probe, 'landing-pages': landing }) => {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const o = probe.data;
    return contentCheck(
      o,
      () => {
        const third = thirdPartyFindings(o, landing);
        return { findings: confirmFirst([...mauticFindings(o), ...third.findings], 'tracking-all-named'), evidence: third.evidence };
      },
      probe.evidence,
    );
  },
});

const ART13_CODES = ART13_ELEMENTS.flatMap((id) => [`${id}-found`, `${id}-missing`]);

export function art13Findings(o: PrivacyPolicyObservation): Finding[] {
  return ART13_ELEMENTS.map((id) => {
    const match = o.elements[id];
    const parts = VOCABULARY[id].parts;
    if (parts) {
      const missing = parts.filter((p) => p.required && !match?.parts?.includes(p.id)).map((p) => p.id);
      if (missing.length || !match) return finding(`${id}-missing`, 'warn', { element: id, missing });
    }
    return match ? finding(`${id}-found`, 'manual', { element: id, quote: match.quote }) : finding(`${id}-missing`, 'warn', { element: id });
  });
}

export const privacyPolicyArt13 = defineCheck({
  id: 'privacy-policy.art13',
  probes: ['privacy-policy'],
  codes: ['art13-all-found', ...ART13_CODES, ...CONTENT_COMMON],
  evaluate: ({ 'privacy-policy': probe }) => {
    if (!probe.ok) return probeError(probe.error, probe.evidence);
    const o = probe.data;
    return contentCheck(o, () => ({ findings: confirmFirst(art13Findings(o), 'art13-all-found'), evidence: [] }), probe.evidence);
  },
});

export const PRIVACY_POLICY_CHECKS: readonly AnyCheck[] = [privacyPolicyReachable, privacyPolicyMentionsTracking, privacyPolicyArt13];
