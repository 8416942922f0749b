import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../../electron/core/checklist/load';
import { findCheck, findItemOfCheck, interpolate, renderFinding } from '../../../electron/core/checklist/messages';

const list = loadChecklist('mautic-dsgvo');

describe('renderFinding', () => {
  it('interpolates numbers plainly in en and de', () => {
    const f = { code: 'hsts-short', status: 'warn' as const, params: { maxAge: 86400, minimum: 15552000 } };
    expect(renderFinding(list, 'tls.hsts', f, 'en')).toBe('HSTS max-age is 86400 s, below the recommended 15552000 s (180 days).');
    expect(renderFinding(list, 'tls.hsts', f, 'de')).toBe('HSTS max-age beträgt 86400 s und liegt unter den empfohlenen 15552000 s (180 Tage).');
  });

  it('writes calendar dates the German way in German, as they are in English; other text stays as it is', () => {
    expect(interpolate('signed {on}; seen {at}', { on: '2026-02-01', at: '2026-02-01T10:00:00Z' }, 'de')).toBe('signed 01.02.2026; seen 2026-02-01T10:00:00Z');
    expect(interpolate('signed {on}', { on: '2026-02-01' }, 'en')).toBe('signed 2026-02-01');
    expect(interpolate('{dates}', { dates: ['2026-02-01', '2027-12-31'] }, 'de')).toBe('01.02.2026, 31.12.2027');
  });

  it('joins arrays with ", "', () => {
    const f = { code: 'protocols-legacy', status: 'fail' as const, params: { versions: ['TLSv1', 'TLSv1.1'] } };
    expect(renderFinding(list, 'tls.protocols', f, 'en')).toContain('(TLSv1, TLSv1.1)');
    expect(renderFinding(list, 'tls.protocols', f, 'de')).toContain('(TLSv1, TLSv1.1)');
  });

  it('keeps the placeholder of a missing param visible', () => {
    const f = { code: 'cert-expires-soon', status: 'warn' as const, params: { daysLeft: 5 } };
    expect(renderFinding(list, 'tls.certificate', f, 'en')).toBe('The certificate expires in 5 days ({validTo}); renew it now or check that automatic renewal works.');
    expect(renderFinding(list, 'tls.certificate', f, 'de')).toContain('in 5 Tagen ab ({validTo})');
  });

  it('falls back to the common messages', () => {
    const f = { code: 'probe-error', status: 'error' as const, params: { error: 'timeout after 10000 ms' } };
    expect(renderFinding(list, 'tls.redirect', f, 'en')).toMatch(/^The check could not be carried out: timeout after 10000 ms\./);
    expect(renderFinding(list, 'no.such-check', f, 'de')).toMatch(/^Die Prüfung konnte nicht durchgeführt werden: timeout after 10000 ms\./);
  });

  it('renders an unknown code as the code with its params', () => {
    expect(renderFinding(list, 'tls.hsts', { code: 'odd-thing', status: 'warn', params: { a: 1, b: ['x', 'y'], c: true } }, 'en')).toBe('odd-thing (a=1; b=x, y; c=true)');
    expect(renderFinding(list, 'tls.hsts', { code: 'odd-thing', status: 'warn' }, 'de')).toBe('odd-thing');
  });

  it('does not treat inherited object keys as params', () => {
    expect(interpolate('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });
});

describe('findCheck', () => {
  it('finds a check and its item, or nothing', () => {
    expect(findCheck(list, 'tls.hsts')?.title.en).toBe('HSTS set (at least 180 days)');
    expect(findItemOfCheck(list, 'tls.hsts')?.id).toBe('https-only');
    expect(findCheck(list, 'tls.nothing')).toBeUndefined();
  });
});
