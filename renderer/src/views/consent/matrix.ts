// The consent matrix of one landing page, as the panel draws it. The one place that turns visits into rows: to be
// switched to electron/shared/consent-matrix.ts once that exists, without touching the panel.
import type { ConsentPageView, ConsentVisitView } from '../../../../electron/shared/contract';
import type { TrackingList } from '../../../../electron/shared/consent';
import { trackerOfName, trackerOfRequest } from '../../../../electron/shared/tracking-match';

export const MATRIX_STATES = ['before', 'accepted', 'rejected'] as const;
export type MatrixState = (typeof MATRIX_STATES)[number];

export interface MatrixRow {
  state: MatrixState;
  /** The visit the row comes from; null: the run has no such visit. */
  visit: ConsentVisitView | null;
  cookies: { name: string; domain: string; tracker: string | null }[];
  thirdParties: string[];
  trackingRequests: { tracker: string; host: string; count: number }[];
  storageKeys: { key: string; area: 'local' | 'session'; tracker: string | null }[];
}

const hostOf = (url: string) => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

/** before: the visit without a click; accepted / rejected: what was there after that visit's click. */
function rowOf(state: MatrixState, visit: ConsentVisitView | undefined, page: ConsentPageView, list: TrackingList): MatrixRow {
  if (!visit) return { state, visit: null, cookies: [], thirdParties: [], trackingRequests: [], storageKeys: [] };
  const clickedPhase = state !== 'before' && visit.clicked !== null;
  const requests = clickedPhase ? visit.requests.filter((r) => r.phase === 'after') : visit.requests;
  const thirdParties = [...new Set(requests.filter((r) => r.thirdParty).map((r) => hostOf(r.url)))].sort();
  const tracking = new Map<string, { tracker: string; host: string; count: number }>();
  for (const r of requests) {
    const tracker = trackerOfRequest(list, r.url, page.installationHost);
    if (!tracker) continue;
    const host = hostOf(r.url);
    const key = `${tracker}\n${host}`;
    const entry = tracking.get(key) ?? { tracker, host, count: 0 };
    entry.count++;
    tracking.set(key, entry);
  }
  const storage = (clickedPhase ? visit.storage.after : null) ?? visit.storage.before;
  return {
    state,
    visit,
    cookies: visit.cookies.map((c) => ({ name: c.name, domain: c.domain, tracker: trackerOfName(list, c.name) })).sort((a, b) => Number(b.tracker !== null) - Number(a.tracker !== null) || a.name.localeCompare(b.name)),
    thirdParties,
    trackingRequests: [...tracking.values()],
    storageKeys: [
      ...storage.local.map((key) => ({ key, area: 'local' as const, tracker: trackerOfName(list, key) })),
      ...storage.session.map((key) => ({ key, area: 'session' as const, tracker: trackerOfName(list, key) })),
    ],
  };
}

export function consentMatrix(page: ConsentPageView, list: TrackingList): MatrixRow[] {
  const visit = (action: ConsentVisitView['action']) => page.visits.find((v) => v.action === action);
  return [rowOf('before', visit('none'), page, list), rowOf('accepted', visit('accept'), page, list), rowOf('rejected', visit('reject'), page, list)];
}
