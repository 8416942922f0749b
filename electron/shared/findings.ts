// Findings that live across audits: every failed or warned check of a run becomes a finding of its installation,
// identified by (installation, check id, subject) so that the same problem keeps its identity from run to run.
// Pure vocabulary and identity: no node, electron or DOM imports.
import type { CheckResult, Finding, Severity, Status } from './domain';

export const FINDING_STATUSES = ['open', 'in-progress', 'fixed', 'accepted-risk', 'false-positive'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** Still to be worked on: what the dashboard counts as open and a targeted re-audit re-runs. */
export const ACTIVE_STATUSES: readonly FindingStatus[] = ['open', 'in-progress'];

/** Days from the audit to the default due date, by severity. */
export const DUE_DAYS: Record<Severity, number> = { critical: 7, high: 30, medium: 60, low: 90 };

/**
 * The finding params that name what a finding is about, most specific first. A finding without any of them is
 * about its check as a whole (subject '').
 */
export const SUBJECT_PARAMS = ['host', 'form', 'page', 'header', 'cookie', 'path', 'url', 'processor', 'vendor', 'service', 'activity'] as const;

function subjectOf(f: Finding): string {
  for (const key of SUBJECT_PARAMS) {
    const value = f.params?.[key];
    if (value === undefined || value === '') continue;
    const text = Array.isArray(value) ? [...value].map(String).sort().join(', ') : String(value);
    return `${key}:${text}`;
  }
  return '';
}

const RANK: Record<Status, number> = { fail: 3, warn: 2, error: 1, manual: 0, not_applicable: 0, pass: 0 };

/**
 * The subjects a check result counts against, each with its worst status: one per subject of its failed and
 * warned findings; a failed or warned check with no such finding counts once, against itself (subject '').
 */
export function findingSubjects(check: Pick<CheckResult, 'status' | 'findings'>): { subject: string; status: 'fail' | 'warn' }[] {
  if (check.status !== 'fail' && check.status !== 'warn') return [];
  const worst = new Map<string, 'fail' | 'warn'>();
  for (const f of check.findings) {
    if (f.status !== 'fail' && f.status !== 'warn') continue;
    const subject = subjectOf(f);
    const was = worst.get(subject);
    if (!was || RANK[f.status] > RANK[was]) worst.set(subject, f.status);
  }
  if (worst.size === 0) worst.set('', check.status);
  return [...worst].map(([subject, status]) => ({ subject, status })).sort((a, b) => a.subject.localeCompare(b.subject));
}

/** One key per identity within an installation. */
/** A finding's subject without its kind prefix (host:, form: …) as people read it; '' for a finding about its check as a whole. */
export const subjectText = (subject: string) => subject.replace(/^[a-z]+:/, '');

export const findingKey = (checkId: string, subject: string) => `${checkId}\u0000${subject}`;

/** The default due date: the audit day plus the severity's days, as YYYY-MM-DD. */
export function defaultDueDate(severity: Severity, auditedAt: string): string {
  const day = new Date(auditedAt);
  day.setUTCDate(day.getUTCDate() + DUE_DAYS[severity]);
  return day.toISOString().slice(0, 10);
}

/** A finding as the store keeps it. Dates are YYYY-MM-DD; null when not set. */
export interface TrackedFinding {
  id: number;
  installationId: number;
  checkId: string;
  subject: string;
  itemId: string;
  severity: Severity;
  /** The status it was last measured with. */
  measured: 'fail' | 'warn';
  status: FindingStatus;
  owner: string;
  dueOn: string | null;
  /** Why a risk is accepted or a finding is a false positive. */
  reason: string;
  /** Until when an accepted risk stands; a re-audit after it reopens the finding. */
  expiresOn: string | null;
  firstRunId: number;
  lastSeenRunId: number;
  fixedRunId: number | null;
  createdAt: string;
  updatedAt: string;
}

/** What a person may change. `fixed` is not among the statuses: a re-audit proves a fix. */
export interface FindingPatch {
  status?: Exclude<FindingStatus, 'fixed'>;
  owner?: string;
  dueOn?: string | null;
  reason?: string;
  expiresOn?: string | null;
}

export const FINDING_EVENT_KINDS = ['opened', 'fixed', 'reopened', 'changed', 'comment'] as const;
export type FindingEventKind = (typeof FINDING_EVENT_KINDS)[number];

/** One entry of a finding's history; `evidence` is the sealed 'remediation' document it belongs to. */
export interface FindingEvent {
  id: number;
  findingId: number;
  /** The run that opened, fixed or reopened it; null for a person's change or comment. */
  runId: number | null;
  kind: FindingEventKind;
  by: string;
  at: string;
  data: Record<string, unknown>;
  evidence: string;
}

/** What applying a run to the findings did. */
export interface FindingsSync {
  opened: number[];
  fixed: number[];
  reopened: number[];
}
