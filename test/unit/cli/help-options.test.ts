// The help of `pruefstand audit` names every option the parser accepts, in German and English; the batch part
// names every batch option (a new option without a line in --help would be invisible to users).
import { describe, expect, it } from 'vitest';
import { AUDIT_PARSE_OPTIONS } from '../../../electron/cli/args';
import { BATCH_PARSE_OPTIONS } from '../../../electron/cli/batch-args';
import { text } from '../../../electron/cli/texts';

const BATCH_HEADING = { de: 'Sammelprüfung (audit --targets', en: 'Batch audit (audit --targets' } as const;

describe.each(['de', 'en'] as const)('pruefstand --help (%s)', (lang) => {
  const usage = text(lang, 'usage');
  const start = usage.indexOf(BATCH_HEADING[lang]);
  const single = usage.slice(0, start);
  const batch = usage.slice(start);

  it('has the batch part after the single audit', () => {
    expect(start).toBeGreaterThan(0);
  });

  it.each(Object.keys(AUDIT_PARSE_OPTIONS))('names --%s for a single audit', (option) => {
    expect(single).toMatch(new RegExp(`--${option}\\b`));
  });

  it.each(Object.keys(BATCH_PARSE_OPTIONS).filter((o) => o !== 'targets'))('names --%s for a batch', (option) => {
    expect(batch).toMatch(new RegExp(`--${option}\\b`));
  });
});
