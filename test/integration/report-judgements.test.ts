// The auditor's judgements in the PDF, the workbook and the pack, from a real audit of a loopback HTTPS site in
// a real store: an attestation with a PDF attachment on a manual check, an override of a measured verdict, one
// withdrawn, and a re-audit that carries them (one of them now stale). Every file is read back from disk.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook, ValueType, type Worksheet } from 'exceljs';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../../electron/core/audit/run';
import { auditTarget as makeTarget } from '../../electron/core/audit/target';
import { loadChecklist } from '../../electron/core/checklist/load';
import { exportRun } from '../../electron/core/reports/export';
import { isStale } from '../../electron/core/reports/judgements';
import { buildReportModel, type ReportModel } from '../../electron/core/reports/model';
import { serializeManifest, signManifest, type PackManifest } from '../../electron/core/reports/pack';
import { writePdf } from '../../electron/core/reports/pdf';
import { loadOrCreateSigningKey } from '../../electron/core/reports/signing-key';
import { REPORT_TEXTS } from '../../electron/core/reports/texts';
import { verifyPack } from '../../electron/core/reports/verify-pack';
import { writeXlsx } from '../../electron/core/reports/xlsx';
import { XLSX_TEXTS } from '../../electron/core/reports/xlsx-texts';
import type { Store } from '../../electron/core/store';
import type { Judgement } from '../../electron/shared/registers';
import { auditTarget, tempDir, type AuditedTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { SECRET_LOCAL_PHP } from '../fixtures/mautic-config-files';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { readZip } from '../fixtures/zip';

const PNG_DIR = '/tmp/report-judgement-page';
const ATTESTED = 'doi.attested';
const OVERRIDDEN = 'tls.protocols';
/** Manual without the installation's config (run 1), measured with it (run 2): the attestation turns stale. */
const CONFIG_CHECK = 'config.anonymize-ip';
const WITHDRAWN = 'retention.unconsented-deletion';
const AUDITOR = 'Dr. Anna Berger';
const STATEMENT = 'Double-Opt-In im Formular „Newsletter“ geprüft: Bestätigungs-Mail mit Link, Zeitstempel im Kontakt.';
const ATTACHMENT = Buffer.from('%PDF-1.4\n% Screenshot der DOI-Bestätigungs-Mail\n%%EOF\n');
const REASON = 'TLS 1.0 ist nur im internen Netz erreichbar; vom Internet aus abgeschaltet (Firewall-Regel 12).';

const ca = makeCa();
const servers: RunningServer[] = [];
const dir = tempDir('pruefstand-judgements-');
let audited: AuditedTarget;
let store: Store;
let run1: number;
let run2: number;
let before: ReportModel;
let attestation: Judgement;
let override: Judgement;
let stale: Judgement;
let withdrawn: Judgement;
let attachmentSha: string;

const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (s: string) => s.replace(/\s+/g, ' ');
const bare = (s: string) => s.replace(/\s+/g, '');
const pdfPages = (file: string) => sh('pdftotext', ['-layout', file, '-']).split('\f');
/** The verdict counts of the summary page (table and chart), read from the text after their heading. */
const countsOf = (pages: string[], lang: 'de' | 'en') => {
  const t = REPORT_TEXTS[lang];
  const page = pages.find((p) => p.includes(t.verdictCounts))!;
  const lines = page.slice(page.indexOf(t.chartTitle)).split('\n');
  return Object.values(t.statuses).map((label) => lines.filter((l) => l.trim().startsWith(label)).map((l) => /(\d+)\s*$/.exec(l)?.[1]));
};
const sheet = (wb: Workbook, name: string): Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const rowValues = (ws: Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);
const readWorkbook = async (file: string) => {
  const wb = new Workbook();
  await wb.xlsx.readFile(file);
  return wb;
};
const manifestOf = async (file: string) => JSON.parse((await readZip(file)).find(([n]) => n === 'manifest.json')![1].toString('utf8')) as PackManifest;

async function export_(runId: number, lang: 'de' | 'en', name: string) {
  const files = { pdf: path.join(dir, `${name}.pdf`), xlsx: path.join(dir, `${name}.xlsx`), pack: path.join(dir, `${name}.zip`) };
  await exportRun(store, runId, files, { lang, auditor: AUDITOR });
  return files;
}

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  audited = await auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
  store = audited.store;
  run1 = audited.result.runId;
  before = buildReportModel(store, run1, { lang: 'de' });

  attachmentSha = store.registers.storeDocument(ATTACHMENT, 'application/pdf');
  attestation = store.judgements.record(run1, { kind: 'attestation', checkId: ATTESTED, status: 'pass', statement: STATEMENT, by: AUDITOR, attachments: [attachmentSha] });
  const measured = audited.check(OVERRIDDEN).status;
  override = store.judgements.record(run1, { kind: 'override', checkId: OVERRIDDEN, status: measured === 'pass' ? 'warn' : 'pass', statement: REASON, by: AUDITOR, attachments: [] });
  stale = store.judgements.record(run1, { kind: 'attestation', checkId: CONFIG_CHECK, status: 'pass', statement: 'IP-Anonymisierung in den Einstellungen gesehen.', by: AUDITOR, attachments: [] });
  withdrawn = store.judgements.record(run1, { kind: 'attestation', checkId: WITHDRAWN, status: 'pass', statement: 'Löschjob läuft.', by: AUDITOR, attachments: [] });
  store.judgements.withdraw(withdrawn.id, AUDITOR, 'Der Löschjob war deaktiviert.');

  // The re-audit of the same installation, this time with its local.php: the config checks are measured.
  const localPhp = path.join(dir, 'local.php');
  writeFileSync(localPhp, SECRET_LOCAL_PHP);
  const second = await runAudit({
    target: makeTarget({ baseUrl: https.url, httpUrl: http.url, config: { kind: 'files', localPhpPath: localPhp, crontabPath: null } }),
    checklist: loadChecklist('mautic-dsgvo'),
    installationId: store.getRun(run1)!.installationId,
    recorder: store,
    net: { timeoutMs: 5000, maxRedirects: 10, maxBodyBytes: 1024 * 1024, extraCaPem: ca.certPem, extraCaName: 'test-ca.pem' },
    concurrency: 8,
    lang: 'en',
  });
  run2 = second.runId;
}, 120_000);

afterAll(async () => {
  store?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe('the report model', () => {
  it('lists the judgements in force in check order, beside the measured verdict, and leaves what was measured alone', () => {
    const after = buildReportModel(store, run1, { lang: 'de' });
    expect(after.judgements.map((j) => [j.checkId, j.kind, j.stale])).toEqual([
      [ATTESTED, 'attestation', false],
      [CONFIG_CHECK, 'attestation', false],
      [OVERRIDDEN, 'override', false],
    ]);
    const a = after.judgements[0]!;
    expect(a).toMatchObject({ measured: 'manual', status: 'pass', statement: STATEMENT, by: AUDITOR, madeInRun: run1, evidence: attestation.evidence, itemNumber: 4 });
    expect(a.attachments).toEqual([{ sha256: attachmentSha, mediaType: 'application/pdf', size: ATTACHMENT.length }]);
    expect(after.judgements[2]!.measured).toBe(audited.check(OVERRIDDEN).status);
    expect(after.summary).toEqual(before.summary);
    expect(after.items.map((i) => [i.status, i.checks.map((c) => c.status)])).toEqual(before.items.map((i) => [i.status, i.checks.map((c) => c.status)]));
    expect(after.judgements.some((j) => j.checkId === WITHDRAWN)).toBe(false);
  });

  it('marks a judgement stale when it no longer fits the measurement', () => {
    expect(isStale('attestation', 'manual')).toBe(false);
    expect(isStale('attestation', 'pass')).toBe(true);
    expect(isStale('override', 'fail')).toBe(false);
    expect(isStale('override', 'manual')).toBe(true);
  });
});

describe('the reports of run 1', () => {
  let files: { pdf: string; xlsx: string; pack: string };
  let baselinePdf: string[];
  beforeAll(async () => {
    // The same run rendered before any judgement: its summary counts are what the judged report must show.
    const plain = path.join(dir, 'plain.pdf');
    await writePdf(before, plain);
    baselinePdf = pdfPages(plain);
    files = await export_(run1, 'de', 'run1-de');
  });

  it('PDF: each judged check has a marked box under its checks table, the measured verdict beside the judgement', () => {
    const t = REPORT_TEXTS.de;
    const pages = pdfPages(files.pdf);
    const text = bare(pages.join('\n'));
    expect(text).toContain(bare(`${t.judgements.label} — ${t.judgements.kinds.attestation}: ${t.statuses.pass} (${t.judgements.measured}: ${t.statuses.manual}) · ${AUDITOR}`));
    const m = audited.check(OVERRIDDEN).status;
    expect(text).toContain(bare(`${t.judgements.label} — ${t.judgements.kinds.override}: ${t.statuses[override.status]} (${t.judgements.measured}: ${t.statuses[m]}) · ${AUDITOR}`));
    expect(text).toContain(bare(STATEMENT));
    expect(text).toContain(bare(REASON));
    expect(text).not.toContain(bare('Löschjob läuft.'));

    // The box stands on the page of its item (or the next), after the checks table and before the advice.
    const item = buildReportModel(store, run1, { lang: 'de' }).items.find((i) => i.checks.some((c) => c.checkId === ATTESTED))!;
    const itemPage = pages.findIndex((p, i) => i > 1 && bare(p).includes(bare(`${item.number}. ${item.title}`)));
    const label = bare(`${t.judgements.label} — ${t.judgements.kinds.attestation}`);
    const n = pages.findIndex((p, i) => i >= itemPage && bare(p).includes(label));
    expect(itemPage).toBeGreaterThan(1);
    expect(n - itemPage).toBeLessThanOrEqual(1);
    const page = bare(pages.slice(itemPage, n + 2).join(''));
    const heading = page.indexOf(bare(`${item.number}. ${item.title}`));
    const checksAt = page.indexOf(bare(t.checks), heading);
    const at = page.indexOf(label);
    expect(at).toBeGreaterThan(checksAt);
    expect(checksAt).toBeGreaterThan(heading);
    expect(at).toBeLessThan(page.indexOf(bare(t.advice), checksAt));

    rmSync(PNG_DIR, { recursive: true, force: true });
    mkdirSync(PNG_DIR, { recursive: true });
    sh('pdftoppm', ['-r', '60', '-f', String(n + 1), '-l', String(n + 1), '-png', files.pdf, path.join(PNG_DIR, 'judgement-page')]);
    const png = readdirSync(PNG_DIR);
    expect(png).toHaveLength(1);
    console.log(`the page with the judgement box: ${path.join(PNG_DIR, png[0]!)} (page ${n + 1})`);
  });

  it('PDF: the section of judgements after the remediation plan (in the TOC), with evidence and attachments; the summary counts as measured', () => {
    const t = REPORT_TEXTS.de;
    const pages = pdfPages(files.pdf);
    const toc = pages[1]!.split('\n');
    const line = (title: string) => toc.findIndex((l) => l.includes(title));
    expect(line(t.judgements.section)).toBeGreaterThan(line(t.remediation));
    expect(line(t.judgements.section)).toBeLessThan(line(t.appendix));
    const sectionPage = Number(/(\d+)\s*$/.exec(toc[line(t.judgements.section)]!)![1]);
    expect(pages[sectionPage - 1]).toContain(t.judgements.section);
    const section = bare(pages.slice(sectionPage - 1).join('').split(bare(t.appendix))[0]!);
    for (const j of [attestation, override, stale]) expect(section).toContain(j.evidence);
    expect(section).toContain(attachmentSha);
    expect(section).toContain(bare(t.judgements.intro).slice(0, 80));

    const summary = squash(pages.find((p) => p.includes(t.verdictCounts))!);
    expect(summary).toContain(squash(t.judgements.summaryCount.replace('{n}', '3')));
    const counts = countsOf(pages, 'de');
    expect(counts).toEqual(countsOf(baselinePdf, 'de'));
    expect(counts).toEqual(Object.keys(t.statuses).map((st) => [String(before.summary.counts[st as keyof typeof before.summary.counts]), String(before.summary.counts[st as keyof typeof before.summary.counts])]));
    expect(squash(baselinePdf.join(' '))).toContain(squash(t.judgements.summaryNone));
    expect(squash(baselinePdf.join(' '))).toContain(squash(t.judgements.none));
  });

  it('PDF: every word of the boxes and the section stays inside the page and its right margin', () => {
    const html = sh('pdftotext', ['-bbox-layout', files.pdf, '-']);
    let words = 0;
    for (const page of html.split('<page ').slice(1)) {
      const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!.map(Number) as [number, number, number];
      for (const m of page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</g)) {
        words++;
        expect(Number(m[1]), m[5]).toBeGreaterThanOrEqual(0);
        expect(Number(m[3]), m[5]).toBeLessThanOrEqual(w - 50 + 1);
        expect(Number(m[4]), m[5]).toBeLessThanOrEqual(h);
      }
    }
    expect(words).toBeGreaterThan(500);
  });

  it('workbook: the Judgements sheet with each row, a Date cell, and the last column of Checks', async () => {
    const t = XLSX_TEXTS.de;
    const wb = await readWorkbook(files.xlsx);
    expect(wb.worksheets.map((ws) => ws.name).at(-1)).toBe(t.judgements.sheet);
    const ws = sheet(wb, t.judgements.sheet);
    expect(rowValues(ws, 1)).toEqual(t.judgements.headers);
    expect(ws.rowCount).toBe(4);
    const a = rowValues(ws, 2);
    expect(a.slice(0, 8)).toEqual([4, ATTESTED, expect.any(String), t.judgements.kinds.attestation, t.status.manual, t.status.pass, STATEMENT, AUDITOR]);
    expect(ws.getCell(2, 9).type).toBe(ValueType.Date);
    expect((ws.getCell(2, 9).value as Date).toISOString()).toBe(attestation.at);
    expect(a.slice(9)).toEqual([run1, attachmentSha, attestation.evidence, t.no]);
    const o = rowValues(ws, 4);
    expect(o.slice(1, 7)).toEqual([OVERRIDDEN, expect.any(String), t.judgements.kinds.override, t.status[audited.check(OVERRIDDEN).status], t.status[override.status], REASON]);
    expect(o[10]).toBeUndefined();
    expect(ws.autoFilter).toBe('A1:M4');

    const checks = sheet(wb, t.sheets.checks);
    const header = rowValues(checks, 1);
    expect(header.at(-1)).toBe(t.judgements.checksColumn);
    expect(header.length).toBe(9);
    const byCheck = new Map<string, unknown[]>();
    checks.eachRow((row, r) => r > 1 && byCheck.set(String(row.getCell(3).value), rowValues(checks, r)));
    expect(byCheck.get(ATTESTED)![4]).toBe(t.status.manual);
    expect(byCheck.get(ATTESTED)![8]).toBe(`${t.judgements.kinds.attestation}: ${t.status.pass}`);
    expect(byCheck.get(OVERRIDDEN)![4]).toBe(t.status[audited.check(OVERRIDDEN).status]);
    expect(byCheck.get(OVERRIDDEN)![8]).toBe(`${t.judgements.kinds.override}: ${t.status[override.status]}`);
    expect(byCheck.get(WITHDRAWN)![8]).toBeUndefined();
  });

  it('workbook: a statement or name that looks like a formula stays text', async () => {
    const model = structuredClone(buildReportModel(store, run1, { lang: 'en' }));
    model.judgements[0]!.statement = '=HYPERLINK("http://evil","x")';
    model.judgements[0]!.by = '@SUM(1,2)';
    const file = path.join(dir, 'hostile.xlsx');
    await writeXlsx(model, file);
    const ws = sheet(await readWorkbook(file), XLSX_TEXTS.en.judgements.sheet);
    expect(ws.getCell(2, 7).value).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(ws.getCell(2, 8).value).toBe(`'@SUM(1,2)`);
    expect(ws.getCell(2, 7).type).toBe(ValueType.String);
  });

  it('pack: the manifest lists the judgements, their evidence is in evidence/, and it verifies (also with the CLI)', async () => {
    const manifest = await manifestOf(files.pack);
    expect(manifest.judgements!.map((j) => [j.checkId, j.kind, j.status, j.measured, j.by])).toEqual([
      [ATTESTED, 'attestation', 'pass', 'manual', AUDITOR],
      [CONFIG_CHECK, 'attestation', 'pass', 'manual', AUDITOR],
      [OVERRIDDEN, 'override', override.status, audited.check(OVERRIDDEN).status, AUDITOR],
    ]);
    expect(manifest.judgements![0]).toMatchObject({ at: attestation.at, evidence: attestation.evidence, madeInRun: run1, attachments: [{ sha256: attachmentSha, mediaType: 'application/pdf', size: ATTACHMENT.length }] });
    const names = new Set((await readZip(files.pack)).map(([n]) => n));
    for (const sha of [attestation.evidence, override.evidence, attachmentSha]) expect(names.has(`evidence/${sha}`), sha).toBe(true);
    const verified = await verifyPack(files.pack);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
    const cli = await runCli(['verify', files.pack]);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    const echoed = cli.stdout.split('\n').filter((line) => line.startsWith("Auditor's judgement: "));
    expect(echoed).toHaveLength(3);
    expect(echoed[0]).toBe(`Auditor's judgement: ${ATTESTED} attestation pass (measured manual) by ${AUDITOR} on ${attestation.at}, in run ${run1}, 1 attachment(s)`);
    expect(echoed[2]).toMatch(new RegExp(`^Auditor's judgement: ${OVERRIDDEN.replace(/\./g, '\\.')} override ${override.status} \\(measured ${audited.check(OVERRIDDEN).status}\\) by `));
  });

  it('pack: one that names a judgement whose evidence it lacks does not verify; an old pack without judgements does', async () => {
    const key = loadOrCreateSigningKey(path.dirname(store.file));
    const entries = await readZip(files.pack);
    const manifest = await manifestOf(files.pack);
    const repack = async (name: string, m: PackManifest, drop: (n: string) => boolean) => {
      const zip = new ZipFile();
      const bytes = serializeManifest(m);
      for (const [n, b] of entries) if (n !== 'manifest.json' && n !== 'manifest.sig' && !drop(n)) zip.addBuffer(b, n);
      zip.addBuffer(bytes, 'manifest.json');
      zip.addBuffer(signManifest(bytes, key), 'manifest.sig');
      zip.end();
      const chunks: Buffer[] = [];
      for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
      const file = path.join(dir, name);
      writeFileSync(file, Buffer.concat(chunks));
      return verifyPack(file);
    };
    const old = { ...manifest };
    delete old.judgements;
    expect((await repack('old.zip', old, () => false)).ok).toBe(true);

    const gone = `evidence/${attachmentSha}`;
    const lacking = { ...manifest, files: manifest.files.filter((f) => f.path !== gone) };
    const v = await repack('lacking.zip', lacking, (n) => n === gone);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([{ path: gone, problem: 'removed', reason: 'missing', detail: `the judgement of ${ATTESTED} rests on it` }]);
  });
});

describe('the reports of a re-audit (run 2)', () => {
  let files: { pdf: string; xlsx: string; pack: string };
  let model: ReportModel;
  beforeAll(async () => {
    model = buildReportModel(store, run2, { lang: 'en' });
    files = await export_(run2, 'en', 'run2-en');
  });

  it('carries the judgements made on run 1, the one for a now measured check marked stale, the withdrawn one not at all', () => {
    expect(run2).toBeGreaterThan(run1);
    expect(model.judgements.map((j) => [j.checkId, j.madeInRun, j.stale])).toEqual([
      [ATTESTED, run1, false],
      [CONFIG_CHECK, run1, true],
      [OVERRIDDEN, run1, false],
    ]);
    expect(model.judgements[1]!.measured).not.toBe('manual');
    const shas = new Set(model.evidence.map((e) => e.sha256));
    for (const sha of [attestation.evidence, override.evidence, stale.evidence, attachmentSha]) expect(shas.has(sha), sha).toBe(true);
    expect(shas.has(withdrawn.evidence)).toBe(false);
  });

  it('PDF (English): the boxes, the stale note, and the carried evidence in the appendix', () => {
    const t = REPORT_TEXTS.en;
    const text = bare(pdfPages(files.pdf).join('\n'));
    expect(text).toContain(bare(`${t.judgements.label} — ${t.judgements.kinds.attestation}: ${t.statuses.pass} (${t.judgements.measured}: ${t.statuses.manual})`));
    expect(text).toContain(bare(t.judgements.stale));
    expect(text).toContain(bare(t.judgements.madeInRun.replace('{run}', String(run1))));
    const appendix = text.slice(text.lastIndexOf(bare(t.appendix)));
    for (const sha of [attestation.evidence, attachmentSha]) expect(appendix).toContain(sha);
  });

  it('workbook and pack: the carried judgements with their evidence; the pack verifies', async () => {
    const t = XLSX_TEXTS.en;
    const ws = sheet(await readWorkbook(files.xlsx), t.judgements.sheet);
    expect([2, 3, 4].map((r) => [ws.getCell(r, 2).value, ws.getCell(r, 10).value, ws.getCell(r, 13).value])).toEqual([
      [ATTESTED, run1, t.no],
      [CONFIG_CHECK, run1, t.yes],
      [OVERRIDDEN, run1, t.no],
    ]);
    const manifest = await manifestOf(files.pack);
    expect(manifest.run.id).toBe(run2);
    expect(manifest.judgements!.map((j) => [j.checkId, j.madeInRun, j.stale])).toEqual(model.judgements.map((j) => [j.checkId, j.madeInRun, j.stale]));
    const names = new Set((await readZip(files.pack)).map(([n]) => n));
    for (const sha of [attestation.evidence, stale.evidence, attachmentSha]) expect(names.has(`evidence/${sha}`), sha).toBe(true);
    const verified = await verifyPack(files.pack);
    expect(verified.problems).toEqual([]);
    expect(verified.ok).toBe(true);
  });
});
