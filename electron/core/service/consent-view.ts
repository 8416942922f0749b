import type { z } from 'zod';
import { CONSENT_ACTIONS, type TrackingList } from '../../shared/consent';
import { visitRecordSchema, type runConsentSchema } from '../../shared/contract-consent';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

type RunConsent = z.output<typeof runConsentSchema>;
type Page = RunConsent['pages'][number];

/** A run's browser visits grouped by landing page (in the order first visited), each page's visits none, accept, reject. */
export function consentView(store: Store, runId: number, tracking: TrackingList): RunConsent {
  if (!store.getRun(runId)) throw new ServiceError('not-found', `run ${runId} does not exist`);
  const pages = new Map<string, Page>();
  let unreadable = 0;
  for (const ref of store.listEvidence(runId)) {
    if (ref.kind !== 'browser-visit') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(store.readBlob(ref.sha256).toString('utf8'));
    } catch {
      unreadable++;
      continue;
    }
    const record = visitRecordSchema.safeParse(parsed);
    if (!record.success) {
      unreadable++;
      continue;
    }
    const { page: url, installationHost, browser, visit } = record.data;
    let page = pages.get(url);
    if (!page) pages.set(url, (page = { url, installationHost, browser, visits: [] }));
    // A record cannot name its own hash (it is hashed with the field still null); the store's ref does.
    const withSha = { ...visit, evidence: { ...visit.evidence, record: ref.sha256 } };
    const same = page.visits.findIndex((v) => v.action === visit.action);
    if (same >= 0) page.visits[same] = withSha;
    else page.visits.push(withSha);
  }
  const order = (a: { action: string }) => CONSENT_ACTIONS.indexOf(a.action as (typeof CONSENT_ACTIONS)[number]);
  for (const page of pages.values()) page.visits.sort((a, b) => order(a) - order(b));
  return { pages: [...pages.values()], unreadable, tracking };
}
