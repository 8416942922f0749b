// The one reader of stored browser-visit records (reports and app): the probe's record, what it skips and counts,
// and how records group into pages.
import { describe, expect, it } from 'vitest';
import { parseVisitRecord, recordedConsent } from '../../../electron/shared/consent-records';
import { INSTALLATION_HOST, PAGE_URL, request, visit } from '../../fixtures/consent-visits';

const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const record = (v: ReturnType<typeof visit>, page = PAGE_URL) => ({ page, installationHost: INSTALLATION_HOST, browser: 'Chromium 131', visit: v });

describe('parseVisitRecord', () => {
  it('reads the page, the installation host, the browser and the visit of the stored record', () => {
    const r = record(visit('accept', { requests: [request('https://10.0.0.1/x', { blocked: 'lan' }), request('https://bad.example/x', { blocked: 'certificate' })] }));
    expect(parseVisitRecord(json(r))).toEqual(r);
  });

  it('skips what is not a visit record', () => {
    expect(parseVisitRecord(Buffer.from('{not json'))).toBeNull();
    expect(parseVisitRecord(json([1, 2]))).toBeNull();
    expect(parseVisitRecord(json(visit('none')))).toBeNull();
    expect(parseVisitRecord(json(record({ ...visit('none'), action: 'click' } as never)))).toBeNull();
    expect(parseVisitRecord(json(record({ ...visit('none'), cookies: 'x' } as never)))).toBeNull();
    expect(parseVisitRecord(json({ ...record(visit('none')), page: 42 }))).toBeNull();
  });
});

describe('recordedConsent', () => {
  it('groups by page in the order first visited, visits none, accept, reject, the first of a repeat kept, the unreadable counted', () => {
    const other = 'https://www.example-shop.de/other';
    const blobs = new Map<string, Buffer>([
      ['a', json(record(visit('reject'), other))],
      ['b', json(record(visit('reject', { ms: 1 })))],
      ['c', json(record(visit('none')))],
      ['d', json(record(visit('reject', { ms: 2 })))],
      ['e', Buffer.from('garbage')],
      ['f', json(record(visit('accept')))],
      ['g', json({ unrelated: true })],
    ]);
    const evidence = [...blobs.keys()].map((sha256) => ({ kind: 'browser-visit', sha256 }));
    evidence.push({ kind: 'screenshot', sha256: 'png' });
    const got = recordedConsent(evidence, (sha) => blobs.get(sha)!);
    expect(got.unreadable).toBe(2);
    expect(got.pages.map((p) => p.url)).toEqual([other, PAGE_URL]);
    const page = got.pages[1]!;
    expect(page).toMatchObject({ installationHost: INSTALLATION_HOST, browser: 'Chromium 131' });
    expect(page.visits.map((v) => [v.action, v.evidence.record])).toEqual([['none', 'c'], ['accept', 'f'], ['reject', 'b']]);
    expect(page.visits[2]!.ms).toBe(1);
    expect(got.tracking).toBeNull();
  });

  it('gives the tracking list the run kept, and counts one that cannot be read', () => {
    const list = { source: 'eigene-liste.yaml', hosts: [{ host: 'tracker.example', path: null, name: 'Tracker' }], cookies: [{ pattern: 'tr_*', name: 'Tracker' }], mauticPaths: ['/mtc.js'] };
    const blobs = new Map<string, Buffer>([
      ['l', json(list)],
      ['v', json(record(visit('none')))],
      ['x', json({ source: 'broken' })],
    ]);
    const read = (sha: string) => blobs.get(sha)!;
    expect(recordedConsent([{ kind: 'tracking-list', sha256: 'l' }, { kind: 'browser-visit', sha256: 'v' }], read)).toMatchObject({ tracking: list, unreadable: 0 });
    expect(recordedConsent([{ kind: 'tracking-list', sha256: 'x' }, { kind: 'browser-visit', sha256: 'v' }], read)).toMatchObject({ tracking: null, unreadable: 1 });
  });
});
