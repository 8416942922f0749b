// Pure domain vocabulary shared by core, main, preload and renderer. No node, electron or DOM imports.

export const STATUSES = ['pass', 'fail', 'warn', 'manual', 'error', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export type Localized = Record<Lang, string>;

/** Higher is worse. An item is the worst of its checks (CHECKLIST.md: fail > error > warn > manual > pass; all n/a → n/a). */
const STATUS_RANK: Record<Status, number> = {
  not_applicable: 0,
  pass: 1,
  manual: 2,
  warn: 3,
  error: 4,
  fail: 5,
};

export function statusRank(status: Status): number {
  return STATUS_RANK[status];
}

export function worstStatus(statuses: readonly Status[]): Status {
  if (statuses.length === 0) return 'manual';
  return statuses.reduce((worst, s) => (STATUS_RANK[s] > STATUS_RANK[worst] ? s : worst));
}

/** Scalar values a finding message can interpolate; arrays are shown as comma-separated lists. */
export type ParamValue = string | number | boolean | readonly (string | number)[];
export type Params = Record<string, ParamValue>;

/**
 * Why something could not be observed: the codes of the net client (timeout, tls …) and of the probes that
 * read local files or judge content. A finding with status `error` names its cause, so that a run can say
 * how many checks could not run and why.
 */
export const ERROR_CAUSES = [
  'timeout',
  'tls',
  'refused',
  'dns',
  'reset',
  'oversized',
  'protocol',
  'redirect-loop',
  'too-many-redirects',
  'unsafe-redirect',
  'invalid-url',
  'http-status',
  'content',
  'io',
  'parse',
  'auth',
  'aborted',
  'internal',
  /** No browser for the consent visits, or it failed or crashed. */
  'browser',
] as const;
export type ErrorCause = (typeof ERROR_CAUSES)[number];

/** One observation that a check made, identified by a code whose text lives in the checklist data. */
export interface Finding {
  code: string;
  status: Status;
  params?: Params;
  /** Why the check could not decide (findings with status `error` only). */
  cause?: ErrorCause;
}

export interface CheckResult {
  checkId: string;
  status: Status;
  findings: Finding[];
  /** The findings rendered in the run's language, joined. */
  message: string;
  /** SHA-256 of each evidence document this verdict rests on. */
  evidence: string[];
  automated: boolean;
}

export interface ItemResult {
  itemId: string;
  status: Status;
  severity: Severity;
  title: string;
  checks: CheckResult[];
}

export const SSH_AUTH_KINDS = ['agent', 'key', 'password'] as const;
export type SshAuthKind = (typeof SSH_AUTH_KINDS)[number];

/** A read-only SSH login to an installation's server. The password or key passphrase is never part of it. */
export interface SshSettings {
  host: string;
  port: number;
  username: string;
  auth: SshAuthKind;
  /** The private key file on this workstation (auth 'key'). */
  keyPath: string | null;
  /** The Mautic folder on the server; null: the usual places are tried. */
  mauticRoot: string | null;
  /** Whose crontab to list (the web server's user); null: the login user's. */
  webUser: string | null;
  /** The server's host key (`SHA256:…`), pinned after the first login. */
  hostKeySha256: string | null;
}

export const EVIDENCE_KINDS = [
  'http-exchange',
  'tls-handshake',
  'tls-protocols',
  'http-body',
  'config-file',
  'command-output',
  'page-text',
  /** The client's registers (processors, records of processing) as the audit read them. */
  'registers',
  /** An attestation or override by the auditor, or its withdrawal (JSON). */
  'judgement',
  /** A document the auditor attached (a DPA, a screenshot of a setting). */
  'document',
  /** What happened to the installation's findings: opened, fixed, reopened by a run; changed or commented by a person (JSON). */
  'remediation',
  /** One visit of a landing page in a real browser: requests, cookies, storage keys, the banner (JSON). */
  'browser-visit',
  /** A full-page screenshot of such a visit (PNG). */
  'screenshot',
  /** The HAR file of such a visit, response bodies capped. */
  'har',
  /** The tracking list the consent visits were judged by (JSON): the reports and the app classify with it. */
  'tracking-list',
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export interface EvidenceRef {
  sha256: string;
  kind: EvidenceKind;
  capturedAt: string;
  summary: string;
}

export type StatusCounts = Record<Status, number>;

export interface HeaderScore {
  /** 0–100, as the MDN HTTP Observatory computes it, clamped. */
  score: number;
  /** The Observatory's letter grade for the unclamped score. */
  grade: string;
  modifiers: { test: string; result: string; modifier: number }[];
}

export interface RunSummary {
  counts: StatusCounts;
  /** 0–100 over decided items, weighted by severity; null when nothing is decided yet. */
  score: number | null;
  headerScore: HeaderScore | null;
}

export const RUN_STATES = ['running', 'complete', 'incomplete', 'cancelled'] as const;
export type RunState = (typeof RUN_STATES)[number];

/** Progress of a running audit, as the engine reports it. */
export type AuditEvent =
  | { type: 'run-started'; runId: number; totalChecks: number; totalProbes: number }
  | { type: 'probe-started'; probeId: string }
  | { type: 'probe-finished'; probeId: string; ok: boolean; ms: number }
  | { type: 'check-started'; checkId: string }
  | { type: 'check-finished'; checkId: string; status: Status; done: number; total: number }
  | { type: 'run-finished'; runId: number; state: RunState };
