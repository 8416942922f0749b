// The one reader of a run's stored 'browser-visit' records, for the reports and the app alike: each parsed
// against the contract's schema (a malformed or foreign record is counted, never shown), grouped by landing page
// in the order first visited, each page's visits in the order none, accept, reject.
import { CONSENT_ACTIONS, type ConsentVisit, type ConsentVisitRecord, type TrackingList } from './consent';
import { trackingListSchema, visitRecordSchema } from './contract-consent';

export interface RecordedConsentPage {
  url: string;
  installationHost: string;
  browser: string;
  visits: ConsentVisit[];
}

export interface RecordedConsent {
  pages: RecordedConsentPage[];
  /** Records that could not be read (not JSON, another shape). */
  unreadable: number;
  /** The tracking list the run's visits were judged by ('tracking-list' evidence); null for a run that kept none. */
  tracking: TrackingList | null;
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(body));
  } catch {
    return undefined;
  }
}

/** A stored record, or null for anything that is not one. */
export function parseVisitRecord(body: Uint8Array): ConsentVisitRecord | null {
  const record = visitRecordSchema.safeParse(parseJson(body));
  return record.success ? record.data : null;
}

/**
 * The records among `evidence`, read with `read`, and the tracking list kept with them. A record cannot name its own hash (it is hashed with the field
 * still null), so its evidence ref fills it in. The first record of a page and action wins: a repeat of the same
 * visit is not a new state.
 */
export function recordedConsent(evidence: readonly { kind: string; sha256: string }[], read: (sha256: string) => Uint8Array): RecordedConsent {
  const pages = new Map<string, RecordedConsentPage>();
  let unreadable = 0;
  let tracking: TrackingList | null = null;
  for (const ref of evidence) {
    if (ref.kind === 'tracking-list' && !tracking) {
      const list = trackingListSchema.safeParse(parseJson(read(ref.sha256)));
      if (list.success) tracking = list.data;
      else unreadable++;
    }
    if (ref.kind !== 'browser-visit') continue;
    const record = parseVisitRecord(read(ref.sha256));
    if (!record) {
      unreadable++;
      continue;
    }
    const { page: url, installationHost, browser, visit } = record;
    let page = pages.get(url);
    if (!page) pages.set(url, (page = { url, installationHost, browser, visits: [] }));
    if (!page.visits.some((v) => v.action === visit.action)) page.visits.push({ ...visit, evidence: { ...visit.evidence, record: ref.sha256 } });
  }
  for (const page of pages.values()) page.visits.sort((a, b) => CONSENT_ACTIONS.indexOf(a.action) - CONSENT_ACTIONS.indexOf(b.action));
  return { pages: [...pages.values()], unreadable, tracking };
}
