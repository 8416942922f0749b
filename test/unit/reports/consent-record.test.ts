// How the report reads a stored browser-visit record: the probe's wrapper, a bare visit, and what it skips.
import { describe, expect, it } from 'vitest';
import { parseVisitRecord } from '../../../electron/core/reports/consent';
import { INSTALLATION_HOST, PAGE_URL, visit } from '../../fixtures/consent-visits';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));

describe('parseVisitRecord', () => {
  it('reads the page, the installation host and the visit of the stored record', () => {
    const v = visit('accept');
    expect(parseVisitRecord(json({ page: PAGE_URL, installationHost: INSTALLATION_HOST, visit: v }))).toEqual({ page: PAGE_URL, installationHost: INSTALLATION_HOST, visit: v });
  });

  it('takes a bare visit by its final URL', () => {
    const v = visit('reject', { finalUrl: 'https://example.org/x' });
    expect(parseVisitRecord(json(v))).toEqual({ page: 'https://example.org/x', installationHost: '', visit: v });
  });

  it('skips what is not a visit record instead of failing the report', () => {
    expect(parseVisitRecord(Buffer.from('{not json'))).toBeNull();
    expect(parseVisitRecord(json([1, 2]))).toBeNull();
    expect(parseVisitRecord(json({ page: PAGE_URL, visit: { ...visit('none'), action: 'click' } }))).toBeNull();
    expect(parseVisitRecord(json({ page: PAGE_URL, visit: { ...visit('none'), cookies: 'x' } }))).toBeNull();
    expect(parseVisitRecord(json({ page: 42, visit: visit('none') }))).toBeNull();
  });
});
