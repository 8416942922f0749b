// npm run bench (second part): report generation for a large run — 500 checks, 2,000 evidence items —
// the PDF and the workbook each in a fresh process, with wall time and peak RSS.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadChecklist } from '../../electron/core/checklist/load';
import { buildReportModel } from '../../electron/core/reports/model';
import { writePdf } from '../../electron/core/reports/pdf';
import { writeXlsx } from '../../electron/core/reports/xlsx';
import { openStore } from '../../electron/core/store';
import type { CheckResult, ItemResult, Status } from '../../electron/shared/domain';

const CHECKS = 500;
const EVIDENCE = 2000;
const STATUSES: Status[] = ['pass', 'fail', 'warn', 'manual', 'error'];

/** A store with one finished run of the given size; evidence documents look like real HTTP exchanges. */
function seed(dbFile: string): number {
  const store = openStore(dbFile);
  const checklist = loadChecklist('mautic-dsgvo');
  const installation = store.ensureInstallationForUrl('https://mautic.example.org/', 'Zażółć gęślą jaźń GmbH');
  const runId = store.startRun({ installationId: installation.id, checklistId: checklist.id, checklistVersion: checklist.version, engineVersion: '0.0.0', targetUrl: installation.baseUrl, options: {} });
  const shas: string[] = [];
  for (let i = 0; i < EVIDENCE; i++) {
    const doc = {
      request: { method: 'GET', url: `https://mautic.example.org/page/${i}`, headers: [['user-agent', 'bench']] },
      response: { status: 200, statusText: 'OK', httpVersion: '1.1', headers: [['content-security-policy', `default-src 'self' ${'https://cdn.example.org '.repeat(40)}`], ['x-n', String(i)]] },
      body: { sha256: '0'.repeat(64), bytesKept: 0, bytesRead: 0, truncated: false, excerpt: 'x'.repeat(500) },
    };
    shas.push(store.addEvidence(runId, { kind: 'http-exchange', summary: `GET https://mautic.example.org/page/${i} → 200 OK`, mediaType: 'application/json', content: Buffer.from(JSON.stringify(doc)), capturedAt: new Date().toISOString() }));
  }
  const perItem = Math.ceil(CHECKS / checklist.items.length);
  let n = 0;
  const items: ItemResult[] = checklist.items.map((item) => {
    const checks: CheckResult[] = [];
    for (let j = 0; j < perItem && n < CHECKS; j++, n++) {
      checks.push({
        checkId: `bench.check-${n}`,
        status: STATUSES[n % STATUSES.length]!,
        findings: [],
        message: `Finding ${n}: the response of https://mautic.example.org/page/${n} lacks a header; ${'details '.repeat(20)}`,
        evidence: [shas[(n * 4) % EVIDENCE]!, shas[(n * 4 + 1) % EVIDENCE]!],
        automated: true,
      });
    }
    return { itemId: item.id, status: 'fail', severity: item.severity, title: item.title.en, checks };
  });
  store.finishRun(runId, { state: 'complete', items, summary: { counts: { pass: 0, fail: 15, warn: 0, manual: 0, error: 0, not_applicable: 0 }, score: 0, headerScore: null }, finishedAt: new Date().toISOString() });
  store.close();
  return runId;
}

async function child(kind: 'pdf' | 'xlsx', dbFile: string, runId: number, out: string): Promise<void> {
  const t0 = performance.now();
  const store = openStore(dbFile);
  const model = buildReportModel(store, runId, { lang: 'de', auditor: 'Bench' });
  if (kind === 'pdf') await writePdf(model, out);
  else await writeXlsx(model, out);
  store.close();
  const wall = performance.now() - t0;
  process.stdout.write(JSON.stringify({ wall, maxRssMiB: process.resourceUsage().maxRSS / 1024 }));
}

function main(): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-report-bench-'));
  const dbFile = path.join(dir, 'bench.db');
  const runId = seed(dbFile);
  console.log(`\nPrüfstand report benchmark (one run: ${CHECKS} checks, ${EVIDENCE} evidence items; each kind in a fresh process)\n`);
  for (const kind of ['pdf', 'xlsx'] as const) {
    const out = path.join(dir, `report.${kind}`);
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const r = spawnSync(process.execPath, [...profile, __filename, kind, dbFile, String(runId), out], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${kind} failed: ${r.stderr}`);
    const { wall, maxRssMiB } = JSON.parse(r.stdout) as { wall: number; maxRssMiB: number };
    console.log(`${kind.padEnd(5)} wall ${wall.toFixed(0).padStart(6)} ms   peak RSS ${maxRssMiB.toFixed(1).padStart(6)} MiB   size ${(statSync(out).size / 1024).toFixed(0)} KiB`);
  }
  console.log('aim: under 3000 ms each');
  rmSync(dir, { recursive: true, force: true });
}

const [kind, dbFile, runId, out] = process.argv.slice(2);
if (kind === 'pdf' || kind === 'xlsx') {
  child(kind, dbFile!, Number(runId), out!).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
} else {
  main();
}
