import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../../electron/core/checklist/load';
import { compareRunsView, compareStoredRuns } from '../../../electron/core/service/compare';
import { ServiceError } from '../../../electron/core/service/dispatch';
import type { Store } from '../../../electron/core/store';
import type { ItemResult, Status } from '../../../electron/shared/domain';
import { tempStore } from '../store/helpers';

function items(status: Status, host = 'tracker.test'): ItemResult[] {
  const findings = status === 'fail' ? [{ code: 'ungated', status, params: { host } }] : [{ code: 'ok', status }];
  return [
    {
      itemId: 'tracking-consent',
      status,
      severity: 'high',
      title: 'Tracking',
      checks: [{ checkId: 'tracking.consent-gating', status, automated: true, findings, message: '', evidence: [] }],
    },
  ];
}

function audit(store: Store, url: string, status: Status): number {
  const installationId = store.ensureInstallationForUrl(url).id;
  const runId = store.startRun({ installationId, checklistId: 'mautic-dsgvo', checklistVersion: '1', engineVersion: '0', targetUrl: url, options: {} });
  store.finishRun(runId, { state: 'complete', items: items(status), summary: { counts: { pass: 0, fail: 0, warn: 0, manual: 0, error: 0, not_applicable: 0 }, score: null, headerScore: null }, finishedAt: new Date().toISOString() });
  return runId;
}

describe('compareStoredRuns', () => {
  const url = 'https://mautic.example.org/';

  it('puts the older run first whatever the order asked, and uses the runs before it as history', () => {
    const store = tempStore();
    const first = audit(store, url, 'fail');
    const second = audit(store, url, 'pass');
    const third = audit(store, url, 'fail');
    const { before, after, comparison } = compareStoredRuns(store, third, second);
    expect([before.id, after.id]).toEqual([second, third]);
    expect(comparison.entries).toEqual([expect.objectContaining({ change: 'regressed', reason: 'returned', subject: 'host:tracker.test' })]);
    expect(compareStoredRuns(store, first, second).comparison.counts.fixed).toBe(1);
  });

  it('names the item and check in the language asked for', () => {
    const store = tempStore();
    const a = audit(store, url, 'pass');
    const b = audit(store, url, 'fail');
    const title = loadChecklist('mautic-dsgvo').items.find((i) => i.id === 'tracking-consent')!.title;
    const de = compareRunsView(store, loadChecklist, a, b, 'de');
    const en = compareRunsView(store, loadChecklist, a, b, 'en');
    expect(de.entries[0]).toMatchObject({ change: 'new', itemTitle: title.de });
    expect(en.entries[0]!.itemTitle).toBe(title.en);
    expect(en.before.id).toBe(a);
  });

  it('refuses runs of different installations, missing runs and a run with itself', () => {
    const store = tempStore();
    const a = audit(store, url, 'pass');
    const other = audit(store, 'https://other.example.org/', 'fail');
    expect(() => compareStoredRuns(store, a, other)).toThrow(/different installations/);
    expect(() => compareStoredRuns(store, a, 999)).toThrow(ServiceError);
    expect(() => compareStoredRuns(store, a, 999)).toThrow(/run 999 does not exist/);
    expect(() => compareStoredRuns(store, a, a)).toThrow(/itself/);
  });
});
