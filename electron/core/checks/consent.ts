// The consent.* checks: what a real browser saw on each landing page without a click, after consent was given
// and after it was refused (probe consent-visits), judged against the tracking list.
import { CONSENT_ACTIONS, type ConsentPage, type ConsentVisitsObservation } from '../../shared/consent';
import type { Finding } from '../../shared/domain';
import {
  afterClick,
  beforeConsent,
  cappedFindings,
  CONSENT_COMMON,
  failOrError,
  judgePages,
  sightingCodes,
  sightingFindings,
  sightingsOf,
  visitEvidence,
  visitOf,
  type ConsentProbe,
} from './consent-common';
import { finding } from './outcome';
import { defineCheck } from './types';

type Probes = { 'consent-visits': ConsentProbe };

const allEvidence = (page: ConsentPage) => page.visits.flatMap(visitEvidence);

export const consentBefore = defineCheck({
  id: 'consent.before',
  probes: ['consent-visits'],
  codes: [...sightingCodes('before'), 'before-clean', 'consent-pages-capped', ...CONSENT_COMMON],
  evaluate: ({ 'consent-visits': probe }: Probes) =>
    judgePages(
      probe,
      (page, data) =>
        failOrError(page, sightingFindings('before', page.url, beforeConsent(page, data)), CONSENT_ACTIONS, () => ({
          findings: [finding('before-clean', 'pass', { page: page.url })],
          evidence: allEvidence(page),
        })),
      (data) => (data.skipped > 0 ? [finding('consent-pages-capped', 'warn', { visited: data.pages.length, skipped: data.skipped })] : []),
    ),
});

export const consentReject = defineCheck({
  id: 'consent.reject',
  probes: ['consent-visits'],
  codes: [...sightingCodes('reject'), 'reject-respected', 'reject-no-button', ...CONSENT_COMMON],
  evaluate: ({ 'consent-visits': probe }: Probes) =>
    judgePages(probe, (page, data) =>
      failOrError(page, sightingFindings('reject', page.url, afterClick(page, 'reject', data)), ['reject'], () => {
        const visit = visitOf(page, 'reject')!;
        const found = visit.clicked
          ? finding('reject-respected', 'pass', { page: page.url, button: visit.clicked.text })
          : finding('reject-no-button', 'manual', { page: page.url });
        return { findings: [found], evidence: visitEvidence(visit) };
      }),
    ),
});

function mauticVerdict(page: ConsentPage, data: ConsentVisitsObservation) {
  const before = sightingFindings('mautic-before', page.url, beforeConsent(page, data).filter((s) => s.mautic));
  const afterReject = sightingFindings('mautic-after-reject', page.url, afterClick(page, 'reject', data).filter((s) => s.mautic));
  const fails = { findings: [...before.findings, ...afterReject.findings], evidence: [...before.evidence, ...afterReject.evidence] };
  return failOrError(page, fails, CONSENT_ACTIONS, () => {
    const evidence = allEvidence(page);
    if (!visitOf(page, 'accept')!.clicked) return { findings: [finding('mautic-no-accept-button', 'manual', { page: page.url })], evidence };
    const loaded = afterClick(page, 'accept', data).filter((s) => s.mautic);
    if (!loaded.length) return { findings: [finding('mautic-not-loaded', 'not_applicable', { page: page.url })], evidence };
    return { findings: [finding('mautic-after-accept', 'pass', { page: page.url, loaded: [...new Set(loaded.map((s) => s.name))] })], evidence };
  });
}

export const consentMautic = defineCheck({
  id: 'consent.mautic',
  probes: ['consent-visits'],
  codes: [...sightingCodes('mautic-before'), ...sightingCodes('mautic-after-reject'), 'mautic-after-accept', 'mautic-not-loaded', 'mautic-no-accept-button', ...CONSENT_COMMON],
  evaluate: ({ 'consent-visits': probe }: Probes) => judgePages(probe, mauticVerdict),
});

/** Judged on the visit without a click: is there a banner, and is refusing as easy as accepting on its first layer? */
function bannerVerdict(page: ConsentPage, data: ConsentVisitsObservation) {
  const visit = visitOf(page, 'none');
  const banner = visit?.banner;
  const evidence = visit ? visitEvidence(visit) : [];
  let fails: { findings: Finding[]; evidence: string[] } = { findings: [], evidence: [] };
  if (visit && banner && !banner.shown) {
    const trackers = [...new Set(sightingsOf(visit, data).map((s) => s.tracker))];
    if (trackers.length) fails = { findings: [finding('banner-none-tracking', 'fail', { page: page.url, trackers })], evidence };
  } else if (banner?.shown && banner.accept && !banner.reject) {
    fails = { findings: [finding('banner-no-reject', 'fail', { page: page.url, accept: banner.accept.text })], evidence };
  }
  const judged = failOrError(page, fails, ['none'], () => {
    if (!banner!.shown) return { findings: [finding('banner-none', 'manual', { page: page.url }), ...cappedFindings(page, ['none'])], evidence };
    if (!banner!.accept) return { findings: [finding('banner-no-accept', 'manual', { page: page.url, reject: banner!.reject?.text ?? '' })], evidence };
    return { findings: [finding('banner-choice', 'pass', { page: page.url, accept: banner!.accept.text, reject: banner!.reject!.text })], evidence };
  }, []);
  // Informational (pass never worsens the verdict): which consent manager the banner belongs to.
  if (banner?.cmp) judged.findings.push(finding('banner-cmp', 'pass', { page: page.url, cmp: banner.cmp.name }));
  return judged;
}

export const consentBanner = defineCheck({
  id: 'consent.banner',
  probes: ['consent-visits'],
  codes: ['banner-choice', 'banner-no-reject', 'banner-no-accept', 'banner-none-tracking', 'banner-none', 'banner-cmp', ...CONSENT_COMMON],
  evaluate: ({ 'consent-visits': probe }: Probes) => judgePages(probe, bannerVerdict),
});

export const CONSENT_CHECKS = [consentBefore, consentReject, consentMautic, consentBanner];
