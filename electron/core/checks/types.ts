import type { Finding, Status } from '../../shared/domain';
import type { ObservationMap, ProbeId, ProbeResult } from '../probes/types';

export interface CheckOutcome {
  status: Status;
  findings: Finding[];
  evidence: string[];
}

type Needed<P extends ProbeId> = { [K in P]: ProbeResult<ObservationMap[K]> };

/**
 * A pure function from observations to a verdict. It never fetches: the probes it names have run
 * before it is called, and their results (ok or not) are passed in.
 */
export interface Check<P extends ProbeId = ProbeId> {
  id: string;
  probes: readonly P[];
  /** Every finding code this check can emit; the checklist must have a text for each. */
  codes: readonly string[];
  evaluate(observations: Needed<P>): CheckOutcome;
}

/** Lets checks with different probe needs sit in one array. */
export type AnyCheck = Check<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineCheck<P extends ProbeId>(check: Check<P>): Check<P> {
  return check;
}

/** Finding code every check may emit when a probe it needs could not run. */
export const PROBE_ERROR = 'probe-error';
/** Finding code for a check with no automation: the auditor decides. */
export const NOT_AUTOMATED = 'not-automated';
/** A targeted re-audit (only the checks of open findings) did not run this check. */
export const NOT_RECHECKED = 'not-rechecked';
