// Comparing runs of one installation, end to end through the built CLI: a loopback HTTPS site audited three
// times with its headers changed in between, then `report --compare` and `audit --compare previous`; the PDF is
// read back with pdftotext, the workbook with exceljs.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPARE_TEXTS, COMPARE_XLSX_TEXTS } from '../../electron/core/reports/compare-texts';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const ca = makeCa();
const dir = tempDir('pruefstand-compare-');
const file = (name: string) => path.join(dir, name);
const db = file('store.db');
const servers: RunningServer[] = [];
/** What the site sends; changed between the audits. */
let headers: Record<string, string | string[]> = {};
let site: { url: string; httpUrl: string };
const runs: number[] = [];

const without = (...names: string[]) => Object.fromEntries(Object.entries(HARDENED_HEADERS).filter(([name]) => !names.includes(name)));
const squash = (s: string) => s.replace(/\s+/g, ' ');
const pdfText = (pdf: string) => squash(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));

async function audit(extra: string[] = [], url = site.url): Promise<number> {
  const json = file(`run-${runs.length + 1}.json`);
  const r = await runCli(['audit', url, '--ca', file('ca.pem'), '--http-url', site.httpUrl, '--db', db, '--quiet', '--json', json, ...extra]);
  expect([0, 1, 3], r.stderr).toContain(r.code);
  return (JSON.parse(readFileSync(json, 'utf8')) as { runId: number }).runId;
}

async function workbookRows(xlsx: string, sheet: string): Promise<string[][]> {
  const wb = new Workbook();
  await wb.xlsx.readFile(xlsx);
  const ws: Worksheet | undefined = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`no sheet ${sheet} in ${xlsx}`);
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

beforeAll(async () => {
  writeFileSync(file('ca.pem'), ca.certPem);
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  });
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  site = { url: https.url, httpUrl: http.url };
  // Run 1: no Referrer-Policy (warn).
  headers = without('Referrer-Policy');
  runs.push(await audit());
  // Run 2: Referrer-Policy added (fixed), X-Content-Type-Options removed (new); its reports compare with run 1.
  headers = without('X-Content-Type-Options');
  runs.push(await audit(['--compare', 'previous', '--pdf', file('run2.pdf'), '--xlsx', file('run2.xlsx'), '--lang', 'en']));
  // Run 3: Referrer-Policy gone again (regressed: it was missing in run 1), X-Content-Type-Options still missing.
  headers = without('X-Content-Type-Options', 'Referrer-Policy');
  runs.push(await audit());
}, 240_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('audit --compare previous', () => {
  it('puts a comparison with the run before into the PDF (listed in the contents) and the workbook', async () => {
    const t = COMPARE_TEXTS.en;
    const text = pdfText(file('run2.pdf'));
    const section = `Comparison with run ${runs[0]}`;
    // Twice: in the table of contents and as the heading of the section.
    expect(text.split(section).length - 1).toBeGreaterThanOrEqual(2);
    const compared = text.slice(text.lastIndexOf(section));
    expect(compared).toContain(`${t.kinds.fixed} (1)`);
    expect(compared).toContain(`${t.kinds.new} (1)`);
    expect(compared).toContain('headers.referrer-policy');
    expect(compared).toContain('headers.content-type-options');
    expect(compared).not.toContain(`${t.kinds.regressed} (`);

    const rows = await workbookRows(file('run2.xlsx'), COMPARE_XLSX_TEXTS.en.sheet);
    expect(rows[0]).toEqual(COMPARE_XLSX_TEXTS.en.headers);
    const byCheck = (id: string) => rows.find((r) => r[4]!.includes(`(${id})`));
    expect(byCheck('headers.referrer-policy')?.slice(6, 8)).toEqual(['Warning', 'Pass'].map((s) => expect.stringMatching(new RegExp(s, 'i'))));
    expect(byCheck('headers.referrer-policy')?.[0]).toBe(COMPARE_XLSX_TEXTS.en.kinds.fixed);
    expect(byCheck('headers.content-type-options')?.[0]).toBe(COMPARE_XLSX_TEXTS.en.kinds.new);
    // Each entry carries the evidence its verdicts rest on, as SHA-256 hashes.
    expect(byCheck('headers.content-type-options')?.[9]).toMatch(/^[0-9a-f]{64}/);
  });
});

describe('report --compare', () => {
  beforeAll(async () => {
    const r = await runCli(['report', String(runs[2]), '--compare', String(runs[1]), '--db', db, '--pdf', file('run3.pdf'), '--xlsx', file('run3.xlsx'), '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);

  it('shows a header that came back as regressed and one still missing as unchanged, in German', async () => {
    const t = COMPARE_TEXTS.de;
    const text = pdfText(file('run3.pdf'));
    const compared = text.slice(text.lastIndexOf(`Vergleich mit Lauf ${runs[1]}`));
    expect(compared).toContain(`${t.kinds.regressed} (1)`);
    expect(compared).toContain(`${t.kinds.unchanged} (`);
    expect(compared).not.toContain(`${t.kinds.fixed} (`);
    const regressed = compared.slice(compared.indexOf(`${t.kinds.regressed} (1)`), compared.indexOf(`${t.kinds.unchanged} (`));
    expect(regressed).toContain('headers.referrer-policy');
    expect(regressed).not.toContain('headers.content-type-options');
    // Absent in run 2, a warning in run 3, and why it counts as regressed (the cell wraps between the columns).
    expect(regressed).toContain('— → Warnung');
    expect(regressed).toMatch(/\(wieder .*aufgetreten\)/);

    const rows = await workbookRows(file('run3.xlsx'), COMPARE_XLSX_TEXTS.de.sheet);
    const kinds = COMPARE_XLSX_TEXTS.de.kinds;
    expect(rows.find((r) => r[4]!.includes('(headers.referrer-policy)'))?.slice(0, 2)).toEqual([kinds.regressed, COMPARE_XLSX_TEXTS.de.reasons.returned]);
    expect(rows.find((r) => r[4]!.includes('(headers.content-type-options)'))?.[0]).toBe(kinds.unchanged);
    expect(rows.at(-1)?.[0]).toBe(`Vergleich von Lauf ${runs[1]} (älter) mit Lauf ${runs[2]} (neuer)`);
  });

  it('writes no comparison unless asked', async () => {
    const r = await runCli(['report', String(runs[2]), '--db', db, '--pdf', file('plain.pdf'), '--xlsx', file('plain.xlsx')]);
    expect(r.code, r.stderr).toBe(0);
    expect(pdfText(file('plain.pdf'))).not.toContain('Comparison with run');
    const wb = new Workbook();
    await wb.xlsx.readFile(file('plain.xlsx'));
    expect(wb.getWorksheet(COMPARE_XLSX_TEXTS.en.sheet)).toBeUndefined();
  });

  it('refuses a run of another installation, the same run and a value that is no run', async () => {
    const other = await audit([], site.url.replace('localhost', '127.0.0.1'));
    const report = (compare: string) => runCli(['report', String(runs[2]), '--compare', compare, '--db', db, '--pdf', file('refused.pdf')]);
    const cross = await report(String(other));
    expect(cross.code).toBe(2);
    expect(cross.stderr).toContain(`run ${other} belongs to another installation than run ${runs[2]}`);
    expect((await report(String(runs[2]))).stderr).toContain('cannot be compared with itself');
    const bad = await report('yesterday');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"yesterday" is neither previous nor a run number');

    // audit --compare: a run of another installation is refused before the audit runs; without a report, always.
    const early = await runCli(['audit', site.url, '--ca', file('ca.pem'), '--http-url', site.httpUrl, '--db', db, '--quiet', '--compare', String(other), '--pdf', file('never.pdf')]);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain(`run ${other} is not a run of ${site.url}`);
    expect(existsSync(file('never.pdf'))).toBe(false);
    const noReport = await runCli(['audit', site.url, '--db', db, '--compare', 'previous']);
    expect(noReport.code).toBe(2);
    expect(noReport.stderr).toContain('--compare compares in the reports');
  }, 120_000);
});
