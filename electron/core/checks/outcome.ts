import { worstStatus, type Finding, type Params, type Status } from '../../shared/domain';
import type { NetError } from '../net/types';
import { PROBE_ERROR, type CheckOutcome } from './types';

export function finding(code: string, status: Status, params?: Params): Finding {
  return params ? { code, status, params } : { code, status };
}

/** The verdict is the worst of the findings. */
export function outcome(findings: Finding[], evidence: string[]): CheckOutcome {
  return { status: worstStatus(findings.map((f) => f.status)), findings, evidence: [...new Set(evidence)] };
}

export function probeError(error: NetError, evidence: string[]): CheckOutcome {
  return outcome([finding(PROBE_ERROR, 'error', { error: error.message })], evidence);
}
