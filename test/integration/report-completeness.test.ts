// An audit that left automated checks undecided is shown as incomplete in every report: the PDF says so
// above the scores, the workbook's summary names the checks and causes, the pack's signed manifest records
// it. A run whose every automated check was decided says none of that.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRun } from '../../electron/core/reports/export';
import { buildReportModel } from '../../electron/core/reports/model';
import { XLSX_TEXTS } from '../../electron/core/reports/xlsx-texts';
import { auditTarget, tempDir, type AuditedTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { readZip } from '../fixtures/zip';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/completeness');
const ca = makeCa();
const servers: RunningServer[] = [];
let incomplete: AuditedTarget;
let complete: AuditedTarget;

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  const closed = await startHttp((_q, res) => res.end());
  await closed.close();
  servers.push(https, http);
  const base = { url: https.url, httpUrl: http.url, caPem: ca.certPem };
  // A landing page nobody answers: its checks cannot run.
  incomplete = await auditTarget({ ...base, landingPages: [`https://localhost:${closed.port}/lp`] });
  complete = await auditTarget(base);
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(async () => {
  incomplete?.store.close();
  complete?.store.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function exported(audited: AuditedTarget, lang: 'de' | 'en', name: string) {
  const dir = path.join(ARTIFACTS, `${name}-${lang}`);
  mkdirSync(dir, { recursive: true });
  const files = { pdf: path.join(dir, 'report.pdf'), xlsx: path.join(dir, 'evidence.xlsx'), pack: path.join(tempDir(), 'pack.zip') };
  await exportRun(audited.store, audited.result.runId, files, { lang });
  const pdfText = execFileSync('pdftotext', [files.pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  const wb = new Workbook();
  await wb.xlsx.readFile(files.xlsx);
  const summary = wb.getWorksheet(XLSX_TEXTS[lang].sheets.summary)!;
  const rows = new Map<string, unknown>();
  summary.eachRow((row) => rows.set(String(row.getCell(1).value), row.getCell(2).value));
  const entries = await readZip(files.pack);
  const manifest = JSON.parse(entries.find(([name]) => name === 'manifest.json')![1].toString('utf8'));
  return { pdfText, rows, manifest };
}

describe('reports of an incomplete run', () => {
  it('the model counts the undecided checks by cause', () => {
    const model = buildReportModel(incomplete.store, incomplete.result.runId, { lang: 'en' });
    expect(model.run.state).toBe('complete');
    expect(model.summary.completeness).toBe('incomplete');
    expect(model.summary.undecided.checks).toBeGreaterThan(0);
    // The harness gives no browser, so the consent visits of the page cannot run either (cause browser).
    expect(model.summary.undecided.byCause).toEqual([
      { cause: 'refused', checkIds: expect.arrayContaining(['landing.third-parties']) },
      { cause: 'browser', checkIds: ['consent.before', 'consent.reject', 'consent.mautic', 'consent.banner'] },
    ]);
    expect(incomplete.store.getRun(incomplete.result.runId)!.errorChecks).toBe(model.summary.undecided.checks);
  });

  it.each(['de', 'en'] as const)('PDF, workbook and pack say so (%s)', async (lang) => {
    const { undecided } = buildReportModel(incomplete.store, incomplete.result.runId, { lang }).summary;
    const n = undecided.checks;
    const refused = undecided.byCause.find((c) => c.cause === 'refused')!.checkIds.length;
    const { pdfText, rows, manifest } = await exported(incomplete, lang, 'incomplete');
    const t = XLSX_TEXTS[lang].summary;
    if (lang === 'de') {
      expect(pdfText).toContain(`Unvollständig ${n} automatische Prüfung(en) konnten nicht laufen – Verbindung abgelehnt ${refused} (`);
      expect(pdfText).toContain('vorläufig');
      expect(rows.get(t.runState)).toBe('Unvollständig');
    } else {
      expect(pdfText).toContain(`Incomplete ${n} automated check(s) could not run – connection refused ${refused} (`);
      expect(pdfText).toContain('provisional');
      expect(rows.get(t.runState)).toBe('Incomplete');
    }
    expect(pdfText).toContain('landing.third-parties');
    expect(String(rows.get(t.undecided))).toMatch(new RegExp(`^${n}: .*landing\\.third-parties`));
    expect([...rows.keys()].some((k) => k.startsWith(t.score) && k !== t.score)).toBe(true);
    expect(manifest.run).toMatchObject({ state: 'complete', complete: false, undecided: { checks: n, byCause: [{ cause: 'refused' }, { cause: 'browser' }] } });
  });
});

describe('reports of a complete run', () => {
  it('say nothing of incompleteness', async () => {
    const model = buildReportModel(complete.store, complete.result.runId, { lang: 'de' });
    expect(model.summary.undecided.checks).toBe(0);
    expect(model.summary.completeness).toBe('complete');
    const { pdfText, rows, manifest } = await exported(complete, 'de', 'complete');
    expect(pdfText).not.toContain('Unvollständig');
    expect(pdfText).not.toContain('vorläufig');
    expect(pdfText).toContain('Vollständigkeit Vollständig');
    const t = XLSX_TEXTS.de.summary;
    expect(rows.get(t.runState)).toBe('Vollständig');
    expect(rows.get(t.undecided)).toBe(0);
    expect(rows.has(t.score)).toBe(true);
    expect(manifest.run).toMatchObject({ complete: true, undecided: { checks: 0, byCause: [] } });
  });
});
