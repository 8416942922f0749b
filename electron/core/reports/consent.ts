// The consent part of the report model: the run's browser-visit records grouped by landing page, the consent
// matrix over them, the full list of cookies and tracking requests, and each visit's screenshot (PNG bytes).
import { CONSENT_ACTIONS, type ConsentPage, type ConsentVisit, type TrackingList } from '../../shared/consent';
import { consentDetails, consentMatrix, type ConsentDetail, type ConsentMatrixPage } from '../../shared/consent-matrix';
import { loadTrackingList } from '../checklist/tracking-load';
import type { StoredEvidence } from '../store';

export interface ReportConsentPage extends ConsentMatrixPage {
  /** The PNG of each row's screenshot, row by row; null when none was kept or it is not evidence of this run. */
  screenshots: (Buffer | null)[];
}

export interface ReportConsent {
  /** Where the tracking classification came from (the shipped list unless the caller gave one). */
  trackingSource: string;
  installationHost: string;
  pages: ReportConsentPage[];
  details: ConsentDetail[];
}

/** What the probe stores per visit (kind 'browser-visit'). */
interface VisitRecord {
  page: string;
  installationHost: string;
  visit: ConsentVisit;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function looksLikeVisit(v: unknown): v is ConsentVisit {
  if (!isObject(v)) return false;
  const storage = v.storage;
  return (
    CONSENT_ACTIONS.includes(v.action as ConsentVisit['action']) &&
    Array.isArray(v.requests) &&
    Array.isArray(v.cookies) &&
    isObject(storage) &&
    isObject(storage.before) &&
    isObject(v.evidence)
  );
}

/** A record as stored, or a bare ConsentVisit (grouped by its final URL); null for anything else. */
export function parseVisitRecord(body: Buffer): VisitRecord | null {
  let data: unknown;
  try {
    data = JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
  if (!isObject(data)) return null;
  if (looksLikeVisit(data.visit) && typeof data.page === 'string') {
    return { page: data.page, installationHost: typeof data.installationHost === 'string' ? data.installationHost : '', visit: data.visit };
  }
  if (looksLikeVisit(data)) return { page: data.finalUrl ?? '', installationHost: '', visit: data };
  return null;
}

/** Null when the run has no browser-visit evidence. */
export function reportConsent(evidence: readonly StoredEvidence[], read: (sha256: string) => Buffer, tracking?: TrackingList): ReportConsent | null {
  const records = evidence.filter((e) => e.kind === 'browser-visit').flatMap((e) => parseVisitRecord(read(e.sha256)) ?? []);
  if (records.length === 0) return null;
  const list = tracking ?? loadTrackingList();
  const byPage = new Map<string, ConsentPage>();
  for (const r of records) {
    let page = byPage.get(r.page);
    if (!page) byPage.set(r.page, (page = { url: r.page, visits: [] }));
    // The first record of an action wins; a repeat of the same visit is not a new state.
    if (!page.visits.some((v) => v.action === r.visit.action)) page.visits.push(r.visit);
  }
  const input = { pages: [...byPage.values()], installationHost: records.find((r) => r.installationHost)?.installationHost ?? '' };
  const screenshots = new Set(evidence.filter((e) => e.kind === 'screenshot').map((e) => e.sha256));
  const png = (sha256: string | null) => (sha256 && screenshots.has(sha256) ? read(sha256) : null);
  return {
    trackingSource: list.source,
    installationHost: input.installationHost,
    pages: consentMatrix(input, list).map((page) => ({ ...page, screenshots: page.rows.map((r) => png(r.screenshot)) })),
    details: consentDetails(input, list),
  };
}
