// From the browser to the report: the consent-visits probe in Debian's Chromium against the loopback consent
// sites writes its evidence into a real store, and the report's consent matrix is built from that evidence
// alone. Pages to look at: test-artifacts/consent-report/probe-*.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlaywrightLauncher } from '../../electron/core/browser/playwright-engine';
import { loadChecklist } from '../../electron/core/checklist/load';
import { consentVisitsProbe } from '../../electron/core/probes/consent-visits';
import { CONSENT_TEXTS } from '../../electron/core/reports/consent-texts';
import { buildReportModel, type ReportModel } from '../../electron/core/reports/model';
import { writePdf } from '../../electron/core/reports/pdf';
import { openStore, type Store } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { CHROMIUM } from '../fixtures/browser';
import { startConsentSites, TRACKER_HOST, TRACKER_NAME, type ConsentSites } from '../fixtures/consent-sites';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/consent-report');
let sites: ConsentSites;
let store: Store;
let model: ReportModel;
let text: string;

beforeAll(async () => {
  sites = await startConsentSites();
  store = openStore(path.join(tempDir(), 'store.db'));
  const target = new URL(sites.mautic.href.replace('http:', 'https:'));
  const installation = store.ensureInstallationForUrl(target.href, 'Consent client');
  const checklist = loadChecklist('mautic-dsgvo');
  const runId = store.startRun({ installationId: installation.id, checklistId: checklist.id, checklistVersion: checklist.version, engineVersion: '0.1.0', targetUrl: target.href, options: {} });
  const result = await consentVisitsProbe.run({
    target: { url: target, httpUrl: sites.mautic, landingPages: [sites.sites.gates, sites.sites.firesBefore] },
    consent: { launch: createPlaywrightLauncher(CHROMIUM), unavailable: null, tracking: sites.trackingList(), addressScope: (a) => (a === TRACKER_HOST ? 'public' : 'loopback') },
    net: null as never,
    evidence: { add: (e) => store.addEvidence(runId, e) },
    signal: new AbortController().signal,
  });
  if (!result.ok) throw new Error(result.error.message);
  // No list given: the report classifies with the one the probe kept in the run (its tracker is not shipped).
  model = buildReportModel(store, runId, { lang: 'en' });
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, 'probe-en.pdf');
  await writePdf(model, file);
  text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
  const first = text.split('\f').findIndex((p) => p.includes(CONSENT_TEXTS.en.screenshots)) + 1;
  execFileSync('pdftoppm', ['-r', '80', '-png', '-f', String(first), '-l', String(first + 1), file, path.join(ARTIFACTS, 'probe-en')]);
}, 120_000);
afterAll(async () => {
  store?.close();
  await sites?.close();
});

describe('the consent matrix of real browser visits', () => {
  const row = (site: URL, state: string) => model.consent!.pages.find((p) => p.url === site.href)!.rows.find((r) => r.state === state)!;

  it('groups the records by landing page and reads every screenshot', () => {
    expect(model.consent!.pages.map((p) => p.url)).toEqual([sites.sites.gates.href, sites.sites.firesBefore.href]);
    for (const page of model.consent!.pages) expect(page.screenshots.every((s) => s?.subarray(1, 4).toString() === 'PNG')).toBe(true);
    expect(model.consent!.installationHost).toBe('127.0.0.1');
    expect(model.consent!.trackingSource).toBe(sites.trackingList().source);
    expect(model.evidence.filter((e) => e.kind === 'tracking-list')).toHaveLength(1);
  });

  it('shows a banner that gates: no tracker before a click or after refusal, the tracker after consent', () => {
    expect(row(sites.sites.gates, 'before').trackingRequests.count).toBe(0);
    expect(row(sites.sites.gates, 'rejected').trackingRequests.count).toBe(0);
    expect(row(sites.sites.gates, 'accepted').trackingRequests.trackers).toContain(TRACKER_NAME);
    expect(row(sites.sites.gates, 'accepted').cookies.tracking.map((c) => c.name)).toEqual(expect.arrayContaining(['_ga', 'mtc_id']));
  });

  it('shows a page that fires before the click, in the matrix and in the PDF', () => {
    const before = row(sites.sites.firesBefore, 'before');
    expect(before.trackingRequests.trackers).toContain(TRACKER_NAME);
    expect(before.thirdPartyHosts).toContain(TRACKER_HOST);
    expect(text).toContain(CONSENT_TEXTS.en.page.replace('{url}', sites.sites.firesBefore.href));
    expect(text).toContain(TRACKER_NAME);
  });
});
