// One row per installation of a batch: what its run came to, in the figures the summary lists.
import { undecidedChecks } from '../../shared/completeness';
import type { RunState, Status } from '../../shared/domain';
import type { AuditResult } from '../audit/types';
import type { BatchTarget } from './targets';

/** A run's state, or why there is none: cancelled before its turn ('not-started'), or it broke off ('error'). */
export type BatchRowState = RunState | 'not-started' | 'error';

export type BatchAudit = Pick<AuditResult, 'runId' | 'state' | 'unreachable' | 'items' | 'summary'>;

export interface BatchRow {
  target: BatchTarget;
  installationId: number | null;
  runId: number | null;
  state: BatchRowState;
  /** Ran to its end, reached the target and decided every automated check. */
  complete: boolean;
  score: number | null;
  /** Automated checks by verdict. */
  failed: number;
  warned: number;
  errors: number;
  manual: number;
  /** Why nothing could be reached at the base URL; null when the target answered. */
  unreachable: string | null;
  /** Why the audit broke off (state 'error'); null otherwise. */
  error: string | null;
  audit: BatchAudit | null;
}

function countChecks(audit: BatchAudit, status: Status, automated: boolean | null): number {
  let n = 0;
  for (const item of audit.items) for (const c of item.checks) if (c.status === status && (automated === null || c.automated === automated)) n++;
  return n;
}

export function rowOfResult(target: BatchTarget, installationId: number, audit: BatchAudit): BatchRow {
  const undecided = undecidedChecks(audit.items).checks;
  return {
    target,
    installationId,
    runId: audit.runId,
    state: audit.state,
    complete: audit.state === 'complete' && !audit.unreachable && undecided === 0,
    score: audit.summary.score,
    failed: countChecks(audit, 'fail', true),
    warned: countChecks(audit, 'warn', true),
    errors: undecided,
    manual: countChecks(audit, 'manual', null),
    unreachable: audit.unreachable,
    error: null,
    audit,
  };
}

export function rowWithoutRun(target: BatchTarget, installationId: number | null, state: 'not-started' | 'error', error: string | null): BatchRow {
  return { target, installationId, runId: null, state, complete: false, score: null, failed: 0, warned: 0, errors: 0, manual: 0, unreachable: null, error, audit: null };
}
