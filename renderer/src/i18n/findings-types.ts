import type { FindingEventKind, FindingStatus } from '../../../electron/shared/findings';

/** The texts of findings across audits on the installation page. */
export interface FindingMessages {
  heading: string;
  intro: string;
  showOpen: string;
  showAll: string;
  none: string;
  noneOpen: string;
  count: (shown: number, total: number) => string;
  recheck: string;
  recheckHint: string;
  columns: { severity: string; finding: string; status: string; owner: string; due: string; seen: string };
  statuses: Record<FindingStatus, string>;
  overdue: string;
  unassigned: string;
  seenIn: (runId: number) => string;
  fixedIn: (runId: number) => string;
  /** Beside a check in the run view: the tracked findings it counts against. */
  inRun: { label: string; ref: (id: number) => string; wholeCheck: string; provedFixed: string; owner: (name: string) => string; due: (day: string) => string; open: (title: string) => string };
  edit: (title: string) => string;
  editTitle: (title: string) => string;
  status: string;
  owner: string;
  dueOn: string;
  reason: string;
  reasonHint: string;
  expiresOn: string;
  comment: string;
  by: string;
  save: string;
  saving: string;
  fixedNote: string;
  history: string;
  events: Record<FindingEventKind, string>;
  eventLine: (kind: string, by: string, at: string) => string;
  change: (field: string, from: string, to: string) => string;
  fields: Record<'status' | 'owner' | 'dueOn' | 'reason' | 'expiresOn', string>;
  evidenceBeforeAfter: (before: number, after: number) => string;
}
