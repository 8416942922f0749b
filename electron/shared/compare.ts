// Comparing two runs of one installation: which failed or warned identities (check id + subject, see
// findings.ts) were fixed, came back or got worse, are new, stayed, or could not be told in the newer run.
// Pure: no node, electron or DOM imports.
import type { CheckResult, ItemResult, Status } from './domain';
import { findingKey, findingSubjects } from './findings';

export const CHANGE_KINDS = ['regressed', 'new', 'fixed', 'unchanged', 'undecided'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface ComparisonEntry {
  itemId: string;
  checkId: string;
  /** What the finding is about ('host:…', 'page:…'), '' for the check as a whole. */
  subject: string;
  /** The identity's status in the older run A; null when it did not fail or warn there. */
  before: Status | null;
  /** Its status in the newer run B: fail/warn when still there, the check's verdict (pass, not_applicable, error, manual) otherwise; null when B did not run the check. */
  after: Status | null;
  change: ChangeKind;
  /** Regressed entries only: 'returned' (failed before A, gone in A, back in B) or 'worse' (warn in A, fail in B). */
  reason?: 'returned' | 'worse';
  evidenceBefore: string[];
  evidenceAfter: string[];
}

export interface Comparison {
  entries: ComparisonEntry[];
  counts: Record<ChangeKind, number>;
}

const DECIDED: readonly Status[] = ['pass', 'warn', 'fail', 'not_applicable'];

interface Located {
  itemId: string;
  check: CheckResult;
}

function checksById(items: readonly ItemResult[]): Map<string, Located> {
  const byId = new Map<string, Located>();
  for (const item of items) for (const check of item.checks) if (!byId.has(check.checkId)) byId.set(check.checkId, { itemId: item.itemId, check });
  return byId;
}

interface Identity {
  itemId: string;
  checkId: string;
  subject: string;
  status: 'fail' | 'warn';
}

function identities(checks: Map<string, Located>): Map<string, Identity> {
  const found = new Map<string, Identity>();
  for (const [checkId, { itemId, check }] of checks) {
    for (const { subject, status } of findingSubjects(check)) found.set(findingKey(checkId, subject), { itemId, checkId, subject, status });
  }
  return found;
}

const zeroCounts = (): Record<ChangeKind, number> => Object.fromEntries(CHANGE_KINDS.map((k) => [k, 0])) as Record<ChangeKind, number>;

/**
 * Compares run A (older) with run B (newer) of one installation. `earlier` holds the runs before A (any
 * order); an identity that is back in B after having failed or warned in one of them is 'regressed', not 'new'.
 */
export function compareRuns(a: readonly ItemResult[], b: readonly ItemResult[], earlier: readonly (readonly ItemResult[])[]): Comparison {
  const checksA = checksById(a);
  const checksB = checksById(b);
  const inA = identities(checksA);
  const inB = identities(checksB);
  const seenBefore = new Set<string>();
  for (const run of earlier) for (const key of identities(checksById(run)).keys()) seenBefore.add(key);

  const entries: ComparisonEntry[] = [];
  for (const [key, was] of inA) {
    const now = inB.get(key);
    const evidenceBefore = [...(checksA.get(was.checkId)?.check.evidence ?? [])];
    const inRunB = checksB.get(was.checkId);
    const evidenceAfter = [...(inRunB?.check.evidence ?? [])];
    const base = { itemId: inRunB?.itemId ?? was.itemId, checkId: was.checkId, subject: was.subject, before: was.status, evidenceBefore, evidenceAfter };
    if (now) {
      const worse = was.status === 'warn' && now.status === 'fail';
      entries.push(worse ? { ...base, after: now.status, change: 'regressed', reason: 'worse' } : { ...base, after: now.status, change: 'unchanged' });
    } else if (inRunB && DECIDED.includes(inRunB.check.status)) {
      // The check decided and this identity is not among its failures: for this subject it passed.
      const after: Status = inRunB.check.status === 'not_applicable' ? 'not_applicable' : 'pass';
      entries.push({ ...base, after, change: 'fixed' });
    } else {
      entries.push({ ...base, after: inRunB?.check.status ?? null, change: 'undecided' });
    }
  }
  for (const [key, now] of inB) {
    if (inA.has(key)) continue;
    const evidenceAfter = [...(checksB.get(now.checkId)?.check.evidence ?? [])];
    const evidenceBefore = [...(checksA.get(now.checkId)?.check.evidence ?? [])];
    const base = { itemId: now.itemId, checkId: now.checkId, subject: now.subject, before: null, after: now.status, evidenceBefore, evidenceAfter };
    entries.push(seenBefore.has(key) ? { ...base, change: 'regressed', reason: 'returned' } : { ...base, change: 'new' });
  }

  const order = new Map<string, number>();
  for (const item of [...b, ...a]) if (!order.has(item.itemId)) order.set(item.itemId, order.size);
  const kindOrder = (k: ChangeKind) => CHANGE_KINDS.indexOf(k);
  entries.sort(
    (x, y) =>
      kindOrder(x.change) - kindOrder(y.change) ||
      (order.get(x.itemId) ?? 0) - (order.get(y.itemId) ?? 0) ||
      x.checkId.localeCompare(y.checkId) ||
      x.subject.localeCompare(y.subject),
  );
  const counts = zeroCounts();
  for (const entry of entries) counts[entry.change]++;
  return { entries, counts };
}
