// The PDF's "History and open findings" from real audits of a loopback HTTPS site whose headers change: a weak
// audit opens findings, one whose HTTP port is closed is provisional (tls.redirect could not run), a hardened one
// fixes some, a targeted re-audit is left out of the chart. Checked with poppler: the TOC, the texts, the pixels.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../electron/core/audit/run';
import { auditTarget } from '../../electron/core/audit/target';
import { loadChecklist } from '../../electron/core/checklist/load';
import { buildReportModel, type ReportModel } from '../../electron/core/reports/model';
import { writePdf } from '../../electron/core/reports/pdf';
import { REPORT_TEXTS } from '../../electron/core/reports/texts';
import { openStore, type Store } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, startSilent, type RunningServer } from '../fixtures/servers';

const PNG_DIR = '/tmp/dashboard-page';
const NOW = new Date('2030-06-15T09:00:00Z');
const OWNER = 'IT-Leitung (M. Kurz)';
const dir = tempDir('pruefstand-report-dashboard-');
const servers: RunningServer[] = [];
const ca = makeCa();
let weak = true;
let store: Store;
const runIds: number[] = [];
let model: ReportModel;
let pdf: string;
let pages: string[];

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const bare = (s: string) => s.replace(/\s+/g, '');

beforeAll(async () => {
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = { ...HARDENED_HEADERS };
    if (weak) {
      delete headers['X-Frame-Options'];
      delete headers['X-Content-Type-Options'];
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const redirect = await startHttp(redirectHandler(https.port));
  // Accepts connections and never answers: tls.redirect times out, an error, so that audit is provisional.
  const silent = await startSilent('http');
  servers.push(https, redirect, silent);
  store = openStore(path.join(dir, 'store.db'));
  const installation = store.ensureInstallationForUrl(https.url, 'Kunde GmbH');
  const audit = (httpUrl: string, onlyChecks?: string[]) =>
    runAudit({
      target: auditTarget({ baseUrl: https.url, httpUrl }),
      checklist: loadChecklist('mautic-dsgvo'),
      installationId: installation.id,
      recorder: store,
      net: { timeoutMs: 1500, maxRedirects: 10, maxBodyBytes: 1024 * 1024, extraCaPem: ca.certPem, extraCaName: 'test-ca.pem' },
      concurrency: 8,
      lang: 'de',
      onlyChecks,
    }).then((r) => r.runId);
  runIds.push(await audit(redirect.url));
  runIds.push(await audit(silent.url));
  weak = false;
  runIds.push(await audit(redirect.url));
  runIds.push(await audit(redirect.url, store.findings.activeChecks(installation.id)));
  weak = true;
  runIds.push(await audit(redirect.url));

  const [frame] = store.findings.list(installation.id, ['open']).filter((f) => f.checkId === 'headers.content-type-options');
  store.findings.update(frame!.id, { owner: OWNER, dueOn: '2030-05-31', status: 'in-progress' }, 'DSB Berger');
  // The others are due five days after the report date: upcoming, not overdue.
  for (const f of store.findings.list(installation.id, ['open'])) store.findings.update(f.id, { dueOn: '2030-06-20' }, 'DSB Berger');
  model = buildReportModel(store, runIds.at(-1)!, { lang: 'de', now: NOW });
  pdf = path.join(dir, 'report.pdf');
  await writePdf(model, pdf);
  pages = sh('pdftotext', ['-layout', pdf, '-']).split('\f');
}, 120_000);

afterAll(async () => {
  store?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe('the report history', () => {
  it('has the score of every finished full audit, the provisional one flagged, the targeted re-audit left out', () => {
    const h = model.history;
    expect(h.today).toBe('2030-06-15');
    expect(h.points.map((p) => p.runId)).toEqual([runIds[0], runIds[1], runIds[2], runIds[4]]);
    expect(h.points.map((p) => p.complete)).toEqual([true, false, true, true]);
    expect(h.points.map((p) => p.score)).toEqual([0, 1, 2, 4].map((i) => store.getRun(runIds[i]!)!.score));
    expect(h.targetedLeftOut).toBe(1);
    expect(h.overdue.map((f) => [f.checkId, f.owner, f.dueOn, f.daysLeft])).toEqual([['headers.content-type-options', OWNER, '2030-05-31', -15]]);
    const open = store.findings.list(store.getRun(runIds[0]!)!.installationId, ['open', 'in-progress', 'accepted-risk']);
    expect(Object.values(h.openBySeverity).reduce((a, b) => a + b, 0)).toBe(open.length);
    expect(h.upcoming.map((f) => f.daysLeft)).toEqual(open.filter((f) => f.id !== h.overdue[0]!.id).map(() => 5));
    expect(h.upcoming.length).toBeGreaterThan(0);
  });
});

describe('the PDF section "Verlauf und offene Befunde"', () => {
  const t = REPORT_TEXTS.de;
  const sectionPage = () => {
    const toc = pages[1]!.split('\n');
    const line = toc.find((l) => l.includes(t.dashboard.section));
    expect(line).toBeDefined();
    return Number(/(\d+)\s*$/.exec(line!)![1]);
  };

  it('stands in the TOC between the remediation plan and the judgements, on the page it names', () => {
    const toc = pages[1]!.split('\n');
    const at = (title: string) => toc.findIndex((l) => l.includes(title));
    expect(at(t.dashboard.section)).toBeGreaterThan(at(t.remediation));
    expect(at(t.dashboard.section)).toBeLessThan(at(t.judgements.section));
    expect(pages[sectionPage() - 1]).toContain(t.dashboard.section);
  });

  it('shows the chart with its axis labels and legend, the severity bars and the overdue finding', () => {
    const page = pages[sectionPage() - 1]!;
    expect(page).toContain(t.dashboard.chartTitle);
    for (const label of ['100', '75', '50', '25']) expect(page).toMatch(new RegExp(`^\\s*${label}\\b`, 'm'));
    expect(bare(page)).toContain(bare(t.dashboard.legendComplete));
    expect(bare(page)).toContain(bare(t.dashboard.legendProvisional));
    expect(bare(page)).toContain(bare(t.dashboard.targetedLeftOut.replace('{n}', '1')));
    for (const s of Object.values(t.severities)) expect(page).toContain(s);
    expect(page).toContain(OWNER);
    expect(page).toContain('31.05.2030');
    expect(page).toMatch(/31\.05\.2030\s+15\b/);
    expect(bare(page)).toContain(bare(t.dashboard.upcoming.replace('{n}', String(model.history.upcoming.length))));
  });

  it('draws the line and the points in the chart area (non-white accent pixels between the title and the legend)', () => {
    const n = sectionPage();
    rmSync(PNG_DIR, { recursive: true, force: true });
    mkdirSync(PNG_DIR, { recursive: true });
    sh('pdftoppm', ['-r', '60', '-f', String(n), '-l', String(n), '-png', pdf, path.join(PNG_DIR, 'dashboard-page')]);
    execFileSync('pdftoppm', ['-r', '60', '-f', String(n), '-l', String(n), pdf, path.join(PNG_DIR, 'raw')]);
    const ppm = readFileSync(sh('sh', ['-c', `ls ${PNG_DIR}/raw*.ppm`]).trim());
    const [, w, h] = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.toString('latin1', 0, 40))!.map(Number) as [unknown, number, number];
    const headerLength = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.toString('latin1', 0, 40))![0].length;
    // Where the chart stands: between its title and its legend, from the text's bounding boxes (in points).
    const boxes = sh('pdftotext', ['-f', String(n), '-l', String(n), '-bbox', pdf, '-']);
    const yOf = (word: string) => Number(new RegExp(`yMin="([\\d.]+)"[^>]*>${word}<`).exec(boxes)![1]);
    const scale = 60 / 72;
    const top = Math.ceil((yOf('Compliance-Score') + 14) * scale);
    const bottom = Math.floor(yOf('vollständiges') * scale) - 14;
    let accent = 0;
    for (let y = top; y < bottom; y++) {
      for (let x = 0; x < w; x++) {
        const i = headerLength + (y * w + x) * 3;
        const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
        if (b > r + 40 && b > g + 10) accent++;
      }
    }
    expect(h).toBeGreaterThan(bottom);
    expect(bottom - top).toBeGreaterThan(80);
    expect(accent).toBeGreaterThan(60);
  });
});
