import type { ErrorCause, ItemResult, RunState } from './domain';

type Checks = readonly Pick<ItemResult, 'checks'>[];

export interface UndecidedCause {
  cause: ErrorCause;
  /** The automated checks that could not run for this cause, in checklist order. */
  checkIds: string[];
}

/** The automated checks of a run that ended in `error`, grouped by their first cause (most checks first). */
export interface Undecided {
  checks: number;
  byCause: UndecidedCause[];
}

/** The cause a check's first error finding names; `internal` for an error that names none. */
export function causeOfCheck(check: ItemResult['checks'][number]): ErrorCause {
  return check.findings.find((f) => f.status === 'error' && f.cause)?.cause ?? 'internal';
}

export function undecidedChecks(items: Checks): Undecided {
  const groups = new Map<ErrorCause, string[]>();
  let checks = 0;
  for (const item of items) {
    for (const check of item.checks) {
      if (!check.automated || check.status !== 'error') continue;
      checks++;
      const cause = causeOfCheck(check);
      const ids = groups.get(cause) ?? [];
      ids.push(check.checkId);
      groups.set(cause, ids);
    }
  }
  const byCause = [...groups].map(([cause, checkIds]) => ({ cause, checkIds })).sort((a, b) => b.checkIds.length - a.checkIds.length);
  return { checks, byCause };
}

/** A run is complete when it ran to its end and every automated check was decided (none is `error`). */
export function isComplete(state: RunState, undecided: Pick<Undecided, 'checks'>): boolean {
  return state === 'complete' && undecided.checks === 0;
}

/**
 * What a run amounts to, for the auditor: `incomplete` is a run that ended but left automated checks
 * undecided; `interrupted` one whose process died before it ended (stored as state `incomplete`).
 */
export const COMPLETENESS = ['running', 'complete', 'incomplete', 'interrupted', 'cancelled'] as const;
export type Completeness = (typeof COMPLETENESS)[number];

export function completenessOf(state: RunState, errorChecks: number): Completeness {
  if (state === 'incomplete') return 'interrupted';
  if (state === 'complete' && errorChecks > 0) return 'incomplete';
  return state;
}
