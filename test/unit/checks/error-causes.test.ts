import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../electron/core/checks';
import type { Observations } from '../../../electron/core/probes/types';
import { ERROR_CAUSES, type ErrorCause } from '../../../electron/shared/domain';
import { causeLabel, completenessLabels, undecidedSentence } from '../../../electron/shared/completeness-texts';
import { completenessOf, isComplete, undecidedChecks } from '../../../electron/shared/completeness';

function allFailed(probes: readonly string[], code: ErrorCause): Observations {
  const obs: Record<string, unknown> = {};
  for (const p of probes) obs[p] = { ok: false, error: { code, message: `${p}: ${code}` }, evidence: [`sha-${p}`] };
  return obs as Observations;
}

describe('the cause of an undecided check', () => {
  it('every automated check whose probes failed is an error that names the probes\' cause', () => {
    for (const code of ['timeout', 'oversized', 'unsafe-redirect', 'tls'] as const) {
      for (const check of CHECKS) {
        const o = check.evaluate(allFailed(check.probes, code));
        expect(o.status, `${check.id} ${code}`).toBe('error');
        const errors = o.findings.filter((f) => f.status === 'error');
        expect(errors.length, check.id).toBeGreaterThan(0);
        expect(errors.every((f) => f.cause === code), `${check.id} ${JSON.stringify(errors)}`).toBe(true);
      }
    }
  });

  it('groups the undecided checks by cause, most first, and ignores manual and decided ones', () => {
    const check = (checkId: string, status: string, cause?: ErrorCause, automated = true) => ({
      checkId, status, automated, findings: status === 'error' ? [{ code: 'x', status: 'error' as const, ...(cause ? { cause } : {}) }] : [],
    });
    const items = [
      { checks: [check('a.1', 'error', 'timeout'), check('a.2', 'pass'), check('a.3', 'manual', undefined, false)] },
      { checks: [check('b.1', 'error', 'unsafe-redirect'), check('b.2', 'error', 'timeout'), check('b.3', 'error')] },
    ] as never;
    const u = undecidedChecks(items);
    expect(u.checks).toBe(4);
    expect(u.byCause).toEqual([
      { cause: 'timeout', checkIds: ['a.1', 'b.2'] },
      { cause: 'unsafe-redirect', checkIds: ['b.1'] },
      { cause: 'internal', checkIds: ['b.3'] },
    ]);
    expect(isComplete('complete', u)).toBe(false);
    expect(isComplete('complete', { checks: 0 })).toBe(true);
    expect(isComplete('cancelled', { checks: 0 })).toBe(false);
  });

  it('names every cause in German and English', () => {
    for (const cause of ERROR_CAUSES) {
      expect(causeLabel(cause, 'de').length, cause).toBeGreaterThan(2);
      expect(causeLabel(cause, 'en').length, cause).toBeGreaterThan(2);
    }
    expect(causeLabel('oversized', 'en')).toBe('oversized response');
  });
});

describe('completeness of a run', () => {
  it('a run that ended with undecided checks is incomplete; one whose process died is interrupted', () => {
    expect(completenessOf('complete', 0)).toBe('complete');
    expect(completenessOf('complete', 2)).toBe('incomplete');
    expect(completenessOf('incomplete', 0)).toBe('interrupted');
    expect(completenessOf('cancelled', 3)).toBe('cancelled');
    expect(completenessOf('running', 1)).toBe('running');
  });

  it('names it in both languages, and the sentence lists each cause with its checks', () => {
    expect(completenessLabels('de')).toMatchObject({ incomplete: 'Unvollständig', interrupted: 'Unterbrochen' });
    expect(completenessLabels('en')).toMatchObject({ incomplete: 'Incomplete', interrupted: 'Interrupted' });
    const undecided = { checks: 3, byCause: [{ cause: 'timeout' as const, checkIds: ['a.b', 'c.d'] }, { cause: 'tls' as const, checkIds: ['e.f'] }] };
    expect(undecidedSentence(undecided, 'en')).toBe('3 automated check(s) could not run – timeout 2 (a.b, c.d); TLS failure 1 (e.f)');
    expect(undecidedSentence(undecided, 'de')).toBe('3 automatische Prüfung(en) konnten nicht laufen – Zeitüberschreitung 2 (a.b, c.d); TLS-Fehler 1 (e.f)');
    expect(undecidedSentence({ checks: 0, byCause: [] }, 'de')).toBe('');
  });
});
