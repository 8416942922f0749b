// The consent part of the report model: the run's browser-visit records grouped by landing page, the consent
// matrix over them, the full list of cookies and tracking requests, and each visit's screenshot (PNG bytes).
import { recordedConsent } from '../../shared/consent-records';
import { consentDetails, consentMatrix, type ConsentDetail, type ConsentMatrixPage } from '../../shared/consent-matrix';
import { loadTrackingList } from '../checklist/tracking-load';
import type { StoredEvidence } from '../store';

export interface ReportConsentPage extends ConsentMatrixPage {
  /** The PNG of each row's screenshot, row by row; null when none was kept or it is not evidence of this run. */
  screenshots: (Buffer | null)[];
}

export interface ReportConsent {
  /** Where the tracking classification came from (the run's own list; the shipped one for runs that kept none). */
  trackingSource: string;
  installationHost: string;
  pages: ReportConsentPage[];
  details: ConsentDetail[];
}

/** Null when the run has no browser-visit evidence. */
export function reportConsent(evidence: readonly StoredEvidence[], read: (sha256: string) => Buffer): ReportConsent | null {
  const recorded = recordedConsent(evidence, read);
  const pages = recorded.pages;
  if (pages.length === 0) return null;
  // The list the checks judged by; the shipped one only for a run that kept none.
  const list = recorded.tracking ?? loadTrackingList();
  const input = { pages, installationHost: pages.find((p) => p.installationHost)?.installationHost ?? '' };
  const screenshots = new Set(evidence.filter((e) => e.kind === 'screenshot').map((e) => e.sha256));
  const png = (sha256: string | null) => (sha256 && screenshots.has(sha256) ? read(sha256) : null);
  return {
    trackingSource: list.source,
    installationHost: input.installationHost,
    pages: consentMatrix(input, list).map((page) => ({ ...page, screenshots: page.rows.map((r) => png(r.screenshot)) })),
    details: consentDetails(input, list),
  };
}
