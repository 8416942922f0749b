import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../electron/shared/compare';
import type { CheckResult, Finding, ItemResult, Status } from '../../../electron/shared/domain';

const sha = (c: string) => c.repeat(64);

function check(checkId: string, status: Status, findings: Finding[] = [], evidence: string[] = []): CheckResult {
  return { checkId, status, findings, message: '', evidence, automated: true };
}

function item(itemId: string, ...checks: CheckResult[]): ItemResult {
  return { itemId, status: checks[0]?.status ?? 'pass', severity: 'high', title: itemId, checks };
}

const hostFinding = (host: string, status: Status = 'fail'): Finding => ({ code: 'third-party', status, params: { host } });

describe('compareRuns', () => {
  it('calls an identity fixed when its check decided in B and no longer counts it', () => {
    const a = [item('headers', check('hsts', 'fail', [], [sha('a')])), item('tracking', check('third', 'fail', [hostFinding('x.test'), hostFinding('y.test')]))];
    const b = [item('headers', check('hsts', 'pass', [], [sha('b')])), item('tracking', check('third', 'fail', [hostFinding('y.test')]))];
    const { entries, counts } = compareRuns(a, b, []);
    expect(counts).toEqual({ regressed: 0, new: 0, fixed: 2, unchanged: 1, undecided: 0 });
    const hsts = entries.find((e) => e.checkId === 'hsts');
    expect(hsts).toMatchObject({ change: 'fixed', subject: '', before: 'fail', after: 'pass', evidenceBefore: [sha('a')], evidenceAfter: [sha('b')] });
    expect(entries.find((e) => e.subject === 'host:x.test')).toMatchObject({ change: 'fixed', after: 'pass' });
    expect(entries.find((e) => e.subject === 'host:y.test')).toMatchObject({ change: 'unchanged', before: 'fail', after: 'fail' });
  });

  it('counts a check that became not applicable as fixed, with that status', () => {
    const { entries } = compareRuns([item('i', check('c', 'warn'))], [item('i', check('c', 'not_applicable'))], []);
    expect(entries).toEqual([expect.objectContaining({ change: 'fixed', before: 'warn', after: 'not_applicable' })]);
  });

  it('calls a failure new when no run before ever had it', () => {
    const older = [item('i', check('c', 'pass'))];
    const { entries, counts } = compareRuns([item('i', check('c', 'pass'))], [item('i', check('c', 'fail', [], [sha('c')]))], [older]);
    expect(counts.new).toBe(1);
    expect(entries[0]).toMatchObject({ change: 'new', before: null, after: 'fail', evidenceAfter: [sha('c')] });
  });

  it('calls a failure regressed when it was gone in A but failed in a run before A', () => {
    const older = [item('i', check('c', 'fail', [hostFinding('x.test')]))];
    const { entries, counts } = compareRuns([item('i', check('c', 'pass'))], [item('i', check('c', 'fail', [hostFinding('x.test')]))], [older]);
    expect(counts).toMatchObject({ regressed: 1, new: 0 });
    expect(entries[0]).toMatchObject({ change: 'regressed', reason: 'returned', subject: 'host:x.test', before: null, after: 'fail' });
  });

  it('calls warn -> fail regressed (worse) and fail -> warn unchanged, showing both statuses', () => {
    const a = [item('i', check('worse', 'warn'), check('better', 'fail'))];
    const b = [item('i', check('worse', 'fail'), check('better', 'warn'))];
    const { entries } = compareRuns(a, b, []);
    expect(entries.find((e) => e.checkId === 'worse')).toMatchObject({ change: 'regressed', reason: 'worse', before: 'warn', after: 'fail' });
    expect(entries.find((e) => e.checkId === 'better')).toMatchObject({ change: 'unchanged', before: 'fail', after: 'warn' });
  });

  it('lists identities whose check could not decide in B (error, manual, missing) as undecided, never fixed', () => {
    const a = [item('i', check('err', 'fail'), check('man', 'warn'), check('gone', 'fail'))];
    const b = [item('i', check('err', 'error'), check('man', 'manual'))];
    const { entries, counts } = compareRuns(a, b, []);
    expect(counts).toEqual({ regressed: 0, new: 0, fixed: 0, unchanged: 0, undecided: 3 });
    expect(Object.fromEntries(entries.map((e) => [e.checkId, e.after]))).toEqual({ err: 'error', man: 'manual', gone: null });
  });

  it('orders entries by change kind, then by item order of B', () => {
    const a = [item('one', check('c1', 'fail')), item('two', check('c2', 'pass'))];
    const b = [item('two', check('c2', 'fail')), item('one', check('c1', 'pass'))];
    expect(compareRuns(a, b, []).entries.map((e) => `${e.change}:${e.checkId}`)).toEqual(['new:c2', 'fixed:c1']);
  });

  it('compares two identical runs as all unchanged', () => {
    const run = [item('i', check('c', 'fail', [hostFinding('a.test'), hostFinding('b.test', 'warn')]))];
    const { counts } = compareRuns(run, run, [run]);
    expect(counts).toEqual({ regressed: 0, new: 0, fixed: 0, unchanged: 2, undecided: 0 });
  });
});
