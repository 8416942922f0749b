// The arguments of 'dashboard:get' as the contract accepts them: one scope, a language, an optional real day.
import { describe, expect, it } from 'vitest';
import { CONTRACT } from '../../../electron/shared/contract';

const args = CONTRACT['dashboard:get'].args;
const problems = (value: unknown) => {
  const parsed = args.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe("contract 'dashboard:get'", () => {
  it('takes an installation or a client, never both or neither', () => {
    expect(problems({ installationId: 1, lang: 'de' })).toEqual([]);
    expect(problems({ clientId: 2, lang: 'en', today: '2030-02-28' })).toEqual([]);
    expect(problems({ installationId: 1, clientId: 2, lang: 'de' })).toEqual(['give installationId or clientId']);
    expect(problems({ lang: 'de' })).toEqual(['give installationId or clientId']);
  });

  it('refuses a day that is not a real calendar date, and unknown keys', () => {
    expect(problems({ installationId: 1, lang: 'de', today: '2030-02-30' })).toEqual(['a real calendar date']);
    expect(problems({ installationId: 1, lang: 'de', today: '10.03.2030' })).toContain('a date YYYY-MM-DD');
    expect(problems({ installationId: 1, lang: 'de', now: 1 }).length).toBeGreaterThan(0);
  });
});

describe("contract 'dashboard:pdf'", () => {
  it('takes the same scope as the dashboard itself and answers with the written file', () => {
    expect(CONTRACT['dashboard:pdf'].args).toBe(args);
    expect(CONTRACT['dashboard:pdf'].result.safeParse({ file: '/x/exports/dashboard-Kunde-1.pdf' }).success).toBe(true);
  });
});
