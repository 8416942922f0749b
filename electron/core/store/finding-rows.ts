// Row <-> finding mapping and the validation of a person's changes to a finding.
import { FINDING_STATUSES, type FindingEvent, type FindingPatch, type TrackedFinding } from '../../shared/findings';
import { isCalendarDate } from '../../shared/dates';
import { StoreError } from './errors';

export interface FindingRow {
  id: number;
  installation_id: number;
  check_id: string;
  subject: string;
  item_id: string;
  severity: TrackedFinding['severity'];
  measured: TrackedFinding['measured'];
  status: TrackedFinding['status'];
  owner: string;
  due_on: string | null;
  reason: string;
  expires_on: string | null;
  first_run_id: number;
  last_seen_run_id: number;
  fixed_run_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface EventRow {
  id: number;
  finding_id: number;
  run_id: number | null;
  kind: FindingEvent['kind'];
  by_whom: string;
  at: string;
  data_json: string;
  evidence: string;
}

export const FINDING_COLUMNS =
  'id, installation_id, check_id, subject, item_id, severity, measured, status, owner, due_on, reason, expires_on, first_run_id, last_seen_run_id, fixed_run_id, created_at, updated_at';

export const toFinding = (r: FindingRow): TrackedFinding => ({
  id: r.id,
  installationId: r.installation_id,
  checkId: r.check_id,
  subject: r.subject,
  itemId: r.item_id,
  severity: r.severity,
  measured: r.measured,
  status: r.status,
  owner: r.owner,
  dueOn: r.due_on,
  reason: r.reason,
  expiresOn: r.expires_on,
  firstRunId: r.first_run_id,
  lastSeenRunId: r.last_seen_run_id,
  fixedRunId: r.fixed_run_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const toEvent = (r: EventRow): FindingEvent => ({
  id: r.id,
  findingId: r.finding_id,
  runId: r.run_id,
  kind: r.kind,
  by: r.by_whom,
  at: r.at,
  data: JSON.parse(r.data_json) as Record<string, unknown>,
  evidence: r.evidence,
});


type Editable = Pick<TrackedFinding, 'status' | 'owner' | 'dueOn' | 'reason' | 'expiresOn'>;

/** The finding's editable fields after the patch, validated; throws StoreError 'invalid' naming the field. */
export function applyPatch(current: Editable, patch: FindingPatch, what: string): Editable {
  const next: Editable = { ...current };
  if (patch.status !== undefined) {
    if ((patch.status as string) === 'fixed') throw new StoreError('invalid', `${what}: a fix is proven by a re-audit in which the check passes, not set by hand`);
    if (!(FINDING_STATUSES as readonly string[]).includes(patch.status)) throw new StoreError('invalid', `${what}: status must be one of open, in-progress, accepted-risk, false-positive`);
    next.status = patch.status;
  }
  if (patch.owner !== undefined) {
    if (typeof patch.owner !== 'string' || patch.owner.length > 200) throw new StoreError('invalid', `${what}: the owner must be text of at most 200 characters`);
    next.owner = patch.owner.trim();
  }
  for (const field of ['dueOn', 'expiresOn'] as const) {
    const value = patch[field];
    if (value === undefined) continue;
    if (value !== null && (typeof value !== 'string' || !isCalendarDate(value))) throw new StoreError('invalid', `${what}: ${field === 'dueOn' ? 'the due date' : 'the expiry'} must be a date YYYY-MM-DD`);
    next[field] = value;
  }
  if (patch.reason !== undefined) {
    if (typeof patch.reason !== 'string' || patch.reason.length > 20_000) throw new StoreError('invalid', `${what}: the reason must be text`);
    next.reason = patch.reason.trim();
  }
  if (next.status === 'accepted-risk' && (!next.reason || !next.expiresOn)) throw new StoreError('invalid', `${what}: an accepted risk needs a reason and an expiry date`);
  if (next.status === 'false-positive' && !next.reason) throw new StoreError('invalid', `${what}: a false positive needs a reason`);
  return next;
}

/** The fields that differ, as {field, from, to}. */
export function changesOf(before: Editable, after: Editable): { field: string; from: unknown; to: unknown }[] {
  return (Object.keys(after) as (keyof Editable)[]).filter((k) => before[k] !== after[k]).map((k) => ({ field: k, from: before[k], to: after[k] }));
}
