import { describe, expect, it } from 'vitest';
import { worstStatus, type ItemResult, type Severity, type Status } from '../../../electron/shared/domain';
import { loadChecklist } from '../../../electron/core/checklist/load';
import { complianceScore, countStatuses } from '../../../electron/core/audit/score';
import { createLimiter } from '../../../electron/core/audit/limit';
import { planAudit } from '../../../electron/core/audit/run';
import { CHECKS_BY_ID } from '../../../electron/core/checks';

const checklist = loadChecklist('mautic-dsgvo');

function item(status: Status, severity: Severity): ItemResult {
  return { itemId: `i-${status}-${severity}`, status, severity, title: '', checks: [] };
}

describe('an item is the worst of its checks', () => {
  it('orders fail > error > warn > manual > pass > not_applicable', () => {
    expect(worstStatus(['pass', 'warn', 'fail'])).toBe('fail');
    expect(worstStatus(['pass', 'error', 'warn'])).toBe('error');
    expect(worstStatus(['pass', 'manual'])).toBe('manual');
    expect(worstStatus(['pass', 'not_applicable'])).toBe('pass');
    expect(worstStatus(['not_applicable'])).toBe('not_applicable');
  });
  it('never passes an item with no checks', () => {
    expect(worstStatus([])).toBe('manual');
  });
});

describe('compliance score', () => {
  it('weights decided items by severity and credits warn by half', () => {
    // critical pass (4×1) + medium fail (2×0) + low warn (1×0.5) = 4.5 of 7
    expect(complianceScore([item('pass', 'critical'), item('fail', 'medium'), item('warn', 'low')], checklist)).toBe(Math.round((100 * 4.5) / 7));
  });
  it('leaves manual, not_applicable and error items out until they are decided', () => {
    expect(complianceScore([item('pass', 'high'), item('manual', 'critical'), item('not_applicable', 'critical'), item('error', 'critical')], checklist)).toBe(100);
  });
  it('is null, not 0, when nothing is decided', () => {
    expect(complianceScore([item('manual', 'high'), item('error', 'critical')], checklist)).toBeNull();
  });
  it('counts every verdict', () => {
    expect(countStatuses([item('pass', 'high'), item('pass', 'low'), item('error', 'low')])).toMatchObject({ pass: 2, error: 1, fail: 0 });
  });
});

describe('the plan', () => {
  const plan = planAudit(checklist);
  it('runs every registered check and leaves the others manual', () => {
    const all = checklist.items.flatMap((i) => i.checks.map((c) => c.id));
    expect(plan.automated.length + plan.manual.length).toBe(all.length);
    for (const { check } of plan.automated) expect(CHECKS_BY_ID.get(check.id)).toBe(check);
    for (const { check } of plan.manual) expect(CHECKS_BY_ID.has(check.id)).toBe(false);
  });
  it('plans each probe once, only the ones the automated checks need', () => {
    const needed = new Set(plan.automated.flatMap(({ check }) => check.probes as readonly string[]));
    expect(new Set(plan.probes)).toEqual(needed);
    expect(plan.probes).toHaveLength(needed.size);
  });
});

describe('the concurrency bound', () => {
  it('never has more than the limit in flight and runs everything', async () => {
    const run = createLimiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        run(async () => {
          active++;
          peak = Math.max(peak, active);
          await new Promise((r) => setTimeout(r, 2));
          active--;
          return i;
        }),
      ),
    );
    expect(peak).toBe(3);
    expect(results).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
  it('frees the slot when a task throws', async () => {
    const run = createLimiter(1);
    await expect(run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(run(async () => 'next')).resolves.toBe('next');
  });
});
