import type { ItemResult, Status, StatusCounts } from '../../shared/domain';
import type { Checklist } from '../checklist/load';

export function countStatuses(items: readonly ItemResult[]): StatusCounts {
  const counts: StatusCounts = { pass: 0, fail: 0, warn: 0, manual: 0, error: 0, not_applicable: 0 };
  for (const item of items) counts[item.status]++;
  return counts;
}

/**
 * 0–100 over the items decided so far, weighted by severity. Credits per verdict come from the checklist
 * data; verdicts without a credit (manual, not_applicable) are left out until the auditor decides them.
 */
export function complianceScore(items: readonly ItemResult[], checklist: Checklist): number | null {
  let weighted = 0;
  let total = 0;
  for (const item of items) {
    const credit = (checklist.verdictCredit as Partial<Record<Status, number>>)[item.status];
    if (credit === undefined) continue;
    const weight = checklist.severityWeights[item.severity];
    weighted += weight * credit;
    total += weight;
  }
  return total === 0 ? null : Math.round((100 * weighted) / total);
}
