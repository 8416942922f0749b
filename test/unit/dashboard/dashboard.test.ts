// The dashboard builder on a real store: runs and findings made through the store API, seen on a fixed day.
import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../../electron/core/checklist/load';
import { buildDashboard } from '../../../electron/core/service/dashboard';
import { ServiceError } from '../../../electron/core/service/dispatch';
import type { Store } from '../../../electron/core/store';
import { tempStore } from '../store/helpers';
import { audit } from './helpers';

const checklist = loadChecklist('mautic-dsgvo');
const SHOP = 'https://shop.example.org/';
const NEWS = 'https://news.example.org/';
const TODAY = '2030-03-10';

const idOf = (store: Store, url: string) => store.ensureInstallationForUrl(url, 'Kunde GmbH').id;
const findingOf = (store: Store, url: string, checkId: string) => store.findings.list(idOf(store, url)).find((f) => f.checkId === checkId)!;

describe('buildDashboard', () => {
  it('draws the score of finished runs oldest first, flags provisional ones and leaves out cancelled runs and targeted re-audits', () => {
    const store = tempStore();
    const failing = [{ checkId: 'headers.csp', status: 'fail' as const, severity: 'high' as const }];
    const first = audit(store, { url: SHOP, checks: failing, score: 40, finishedAt: '2030-01-05T10:00:00.000Z' });
    const provisional = audit(store, { url: SHOP, checks: [...failing, { checkId: 'tls.protocols', status: 'error', severity: 'high' }], score: 55, finishedAt: '2030-02-01T10:00:00.000Z' });
    audit(store, { url: SHOP, checks: failing, score: 99, finishedAt: '2030-02-02T10:00:00.000Z', state: 'cancelled' });
    audit(store, { url: SHOP, checks: [{ checkId: 'headers.csp', status: 'pass', severity: 'high' }], score: 100, finishedAt: '2030-02-03T10:00:00.000Z', options: { onlyChecks: ['headers.csp'] } });
    const interrupted = audit(store, { url: SHOP, checks: failing, score: 45, finishedAt: '2030-02-20T10:00:00.000Z', state: 'incomplete' });
    store.startRun({ installationId: idOf(store, SHOP), checklistId: 'mautic-dsgvo', checklistVersion: '1', engineVersion: '0.1.0', targetUrl: SHOP, options: {} });

    const view = buildDashboard(store, checklist, { installationId: idOf(store, SHOP) }, { lang: 'de', today: TODAY });
    expect(view.scope).toBe('installation');
    expect(view.series).toHaveLength(1);
    expect(view.series[0]!.points).toEqual([
      { runId: first, at: '2030-01-05T10:00:00.000Z', score: 40, complete: true },
      { runId: provisional, at: '2030-02-01T10:00:00.000Z', score: 55, complete: false },
      { runId: interrupted, at: '2030-02-20T10:00:00.000Z', score: 45, complete: false },
    ]);
    expect(view.series[0]!.targetedLeftOut).toBe(1);
  });

  it('counts open, in-progress and accepted-risk findings by severity and lists overdue and upcoming due dates as of today', () => {
    const store = tempStore();
    audit(store, {
      url: SHOP,
      checks: [
        { checkId: 'exposure.sensitive-paths', status: 'fail', severity: 'critical' },
        { checkId: 'headers.csp', status: 'fail', severity: 'high' },
        { checkId: 'headers.referrer-policy', status: 'warn', severity: 'medium' },
        { checkId: 'headers.permissions-policy', status: 'warn', severity: 'low' },
        { checkId: 'landing.sri', status: 'warn', severity: 'low' },
        { checkId: 'tls.hsts', status: 'warn', severity: 'medium' },
      ],
      score: 30,
      finishedAt: '2030-01-05T10:00:00.000Z',
    });
    const f = (checkId: string) => findingOf(store, SHOP, checkId);
    store.findings.update(f('exposure.sensitive-paths').id, { dueOn: '2030-03-01', owner: 'Hosting (P. Lind)' }, 'DSB');
    store.findings.update(f('headers.csp').id, { dueOn: '2030-03-09', status: 'in-progress', owner: 'Web-Agentur' }, 'DSB');
    store.findings.update(f('headers.referrer-policy').id, { dueOn: '2030-03-10' }, 'DSB');
    store.findings.update(f('headers.permissions-policy').id, { dueOn: '2030-03-24' }, 'DSB');
    store.findings.update(f('landing.sri').id, { dueOn: '2030-03-25' }, 'DSB');
    store.findings.update(f('tls.hsts').id, { status: 'accepted-risk', reason: 'Subdomains ohne TLS bis Q3', expiresOn: '2030-09-30', dueOn: '2030-02-01' }, 'DSB');

    const view = buildDashboard(store, checklist, { installationId: idOf(store, SHOP) }, { lang: 'en', today: TODAY });
    expect(view.openBySeverity).toEqual({ critical: 1, high: 1, medium: 2, low: 2 });
    expect(view.overdue.map((e) => [e.checkId, e.daysLeft, e.owner])).toEqual([
      ['exposure.sensitive-paths', -9, 'Hosting (P. Lind)'],
      ['headers.csp', -1, 'Web-Agentur'],
    ]);
    expect(view.overdue[1]!.title).toBe(checklist.items.flatMap((i) => i.checks).find((c) => c.id === 'headers.csp')!.title.en);
    // Due today and in 14 days are upcoming, in 15 days is not; the accepted risk is in no due list.
    expect(view.upcoming.map((e) => [e.checkId, e.daysLeft])).toEqual([
      ['headers.referrer-policy', 0],
      ['headers.permissions-policy', 14],
    ]);

    // A false positive is no longer counted; a fix by a later run removes it too.
    store.findings.update(f('landing.sri').id, { status: 'false-positive', reason: 'SRI is set by the CDN' }, 'DSB');
    expect(buildDashboard(store, checklist, { installationId: idOf(store, SHOP) }, { lang: 'en', today: TODAY }).openBySeverity.low).toBe(1);
  });

  it('names the oldest open finding with its age in days, and the installation of each entry for a client', () => {
    const store = tempStore();
    audit(store, { url: SHOP, checks: [{ checkId: 'headers.csp', status: 'fail', severity: 'high' }], score: 50, finishedAt: '2030-01-05T10:00:00.000Z' });
    audit(store, { url: NEWS, checks: [{ checkId: 'tls.hsts', status: 'warn', severity: 'medium' }], score: 70, finishedAt: '2030-01-06T10:00:00.000Z' });
    const csp = findingOf(store, SHOP, 'headers.csp');
    const hsts = findingOf(store, NEWS, 'tls.hsts');
    const clientId = store.installations.get(csp.installationId)!.clientId;
    const daysAfterCreation = (n: number) => new Date(Date.parse(`${csp.createdAt.slice(0, 10)}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    store.findings.update(hsts.id, { dueOn: daysAfterCreation(30), owner: 'M. Kurz' }, 'DSB');
    store.findings.update(csp.id, { dueOn: null }, 'DSB');
    const today = daysAfterCreation(40);
    const view = buildDashboard(store, checklist, { clientId }, { lang: 'de', today });
    expect(view.scope).toBe('client');
    expect(new Map(view.series.map((s) => [s.baseUrl, s.points.map((p) => p.score)]))).toEqual(new Map([[NEWS, [70]], [SHOP, [50]]]));
    expect(view.oldest).toMatchObject({ id: csp.id, ageDays: 40, installationName: store.installations.get(csp.installationId)!.name });
    expect(view.overdue.map((e) => [e.id, e.installationName])).toEqual([[hsts.id, store.installations.get(hsts.installationId)!.name]]);
    expect(view.openBySeverity).toEqual({ critical: 0, high: 1, medium: 1, low: 0 });
    expect(new Map(view.series.map((s) => [s.baseUrl, s.openFindings]))).toEqual(new Map([[NEWS, 1], [SHOP, 1]]));
  });

  it('an installation without audits has an empty series and nothing open; an unknown one is not-found', () => {
    const store = tempStore();
    const installation = store.ensureInstallationForUrl(SHOP, 'Kunde GmbH');
    const view = buildDashboard(store, checklist, { installationId: installation.id }, { lang: 'de', today: TODAY });
    expect(view).toEqual({
      scope: 'installation',
      today: TODAY,
      series: [{ installationId: installation.id, name: installation.name, baseUrl: installation.baseUrl, points: [], targetedLeftOut: 0, openFindings: 0 }],
      openBySeverity: { critical: 0, high: 0, medium: 0, low: 0 },
      overdue: [],
      upcoming: [],
      oldest: null,
    });
    const missing = () => buildDashboard(store, checklist, { installationId: 999 }, { lang: 'de', today: TODAY });
    expect(missing).toThrow(ServiceError);
    expect(missing).toThrow(/installation 999 does not exist/);
    expect(() => buildDashboard(store, checklist, { clientId: 999 }, { lang: 'de', today: TODAY })).toThrow(/client 999 does not exist/);
  });
});
