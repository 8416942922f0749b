import { worstStatus, type ErrorCause, type Finding, type Params, type Status } from '../../shared/domain';
import type { NetError } from '../net/types';
import { PROBE_ERROR, type CheckOutcome } from './types';

export function finding(code: string, status: Status, params?: Params): Finding {
  return params ? { code, status, params } : { code, status };
}

/** The verdict is the worst of the findings. */
export function outcome(findings: Finding[], evidence: string[]): CheckOutcome {
  return { status: worstStatus(findings.map((f) => f.status)), findings, evidence: [...new Set(evidence)] };
}

/** A finding that says the check could not decide, and why (the cause groups the run's undecided checks). */
export function errorFinding(code: string, cause: ErrorCause, params?: Params): Finding {
  return params ? { code, status: 'error', params, cause } : { code, status: 'error', cause };
}

/** The cause of a failed observation; an observation that failed without a recorded error broke the protocol. */
export const causeOf = (error: NetError | null | undefined): ErrorCause => error?.code ?? 'protocol';

/** A request that got no answer: an error finding with the request's cause and message. */
export function noAnswer(code: string, error: NetError | null | undefined, params: Params): Finding {
  return errorFinding(code, causeOf(error), { ...params, error: error?.message ?? 'no response' });
}

export function probeError(error: NetError, evidence: string[]): CheckOutcome {
  return outcome([errorFinding(PROBE_ERROR, error.code, { error: error.message })], evidence);
}
