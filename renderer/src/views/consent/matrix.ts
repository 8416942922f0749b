// The consent matrix of one landing page as the panel draws it: the rows and the classification come from
// shared/consent-matrix.ts (the same the PDF and the workbook use); here they only get the names to list per cell.
import type { ConsentPageView, ConsentVisitView } from '../../../../electron/shared/contract';
import type { TrackingList } from '../../../../electron/shared/consent';
import { consentDetails, consentMatrix, STATE_ACTION, type ConsentMatrixRow, type ConsentState } from '../../../../electron/shared/consent-matrix';

export interface MatrixRow {
  state: ConsentState;
  /** The visit the row comes from; null: the run has no such visit. */
  visit: ConsentVisitView | null;
  matrix: ConsentMatrixRow;
  cookies: { name: string; domain: string; tracker: string | null }[];
  trackingRequests: { tracker: string; host: string; count: number }[];
  storageKeys: { key: string; area: 'local' | 'session'; tracker: string | null }[];
}

export function pageMatrix(page: ConsentPageView, list: TrackingList): MatrixRow[] {
  const input = { pages: [page], installationHost: page.installationHost };
  const [matrix] = consentMatrix(input, list);
  const details = consentDetails(input, list);
  return matrix!.rows.map((row) => {
    const visit = page.visits.find((v) => v.action === STATE_ACTION[row.state]) ?? null;
    const mine = details.filter((d) => d.state === row.state);
    const cookies = new Map<string, MatrixRow['cookies'][number]>();
    for (const d of mine) if (d.type === 'cookie') cookies.set(`${d.name}\n${d.domain}`, { name: d.name, domain: d.domain, tracker: d.tracker });
    const requests = new Map<string, MatrixRow['trackingRequests'][number]>();
    for (const d of mine) {
      if (d.type !== 'request' || d.tracker === null) continue;
      const key = `${d.tracker}\n${d.domain}`;
      const entry = requests.get(key) ?? { tracker: d.tracker, host: d.domain, count: 0 };
      entry.count++;
      requests.set(key, entry);
    }
    const trackerOf = new Map(row.storage.tracking.map((k) => [k.name, k.tracker]));
    const areaOf = (key: string): 'local' | 'session' =>
      visit && (visit.storage.before.local.includes(key) || visit.storage.after?.local.includes(key)) ? 'local' : 'session';
    return {
      state: row.state,
      visit,
      matrix: row,
      cookies: [...cookies.values()].sort((a, b) => Number(b.tracker !== null) - Number(a.tracker !== null) || a.name.localeCompare(b.name)),
      trackingRequests: [...requests.values()],
      storageKeys: row.storage.keys.map((key) => ({ key, area: areaOf(key), tracker: trackerOf.get(key) ?? null })),
    };
  });
}
