// npm run bench: audits a loopback target repeatedly, sequentially and concurrently, and prints wall time
// per audit (median, p95), the ratio of an audit's wall time to its slowest probe, and peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAudit } from '../../electron/core/audit/run';
import type { AuditResult } from '../../electron/core/audit/types';
import { loadChecklist } from '../../electron/core/checklist/load';
import { openStore } from '../../electron/core/store';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps } from '../fixtures/servers';

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 30);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const ca = makeCa();
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-bench-'));
  const store = openStore(path.join(dir, 'bench.db'));
  const checklist = loadChecklist('mautic-dsgvo');
  const installation = store.ensureInstallationForUrl(https.url, 'Bench');

  const audit = async () => {
    const t0 = performance.now();
    const result: AuditResult = await runAudit({
      target: { url: new URL(https.url), httpUrl: new URL(http.url) },
      checklist,
      installationId: installation.id,
      recorder: store,
      net: { timeoutMs: 10_000, maxRedirects: 10, maxBodyBytes: 2 * 1024 * 1024, extraCaPem: ca.certPem },
      concurrency: 8,
      lang: 'en',
    });
    const wall = performance.now() - t0;
    const slowest = Math.max(...result.probeTimings.map((p) => p.ms));
    if (result.items.some((i) => i.checks.some((c) => c.status === 'error'))) throw new Error('bench target gave an error verdict');
    return { wall, slowest, ratio: wall / Math.max(slowest, 1) };
  };

  // The first audit of a process also builds the TLS contexts (root store × each protocol version), as a CLI run does.
  const cold = await audit();
  const sequential = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await audit());
  const concurrent = [];
  const t0 = performance.now();
  for (let r = 0; r < ROUNDS; r++) concurrent.push(...(await Promise.all(Array.from({ length: CONCURRENT }, audit))));
  const concurrentTotal = performance.now() - t0;

  const rows = [
    ['mode', 'audits', 'median wall', 'p95 wall', 'median slowest probe', 'median wall/slowest', 'p95 wall/slowest'],
    ...([
      ['sequential', sequential],
      [`concurrent ×${CONCURRENT}`, concurrent],
    ] as const).map(([name, runs]) => [
      name,
      String(runs.length),
      fmt(percentile(runs.map((r) => r.wall), 50)),
      fmt(percentile(runs.map((r) => r.wall), 95)),
      fmt(percentile(runs.map((r) => r.slowest), 50)),
      percentile(runs.map((r) => r.ratio), 50).toFixed(2) + '×',
      percentile(runs.map((r) => r.ratio), 95).toFixed(2) + '×',
    ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  console.log('\nPrüfstand audit benchmark (loopback target, full mautic-dsgvo checklist)\n');
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(`\nfirst (cold) audit of the process: ${fmt(cold.wall)}`);
  console.log(`concurrent throughput: ${((concurrent.length / concurrentTotal) * 1000).toFixed(1)} audits/s`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
  console.log('aim: median wall well under 1000 ms; wall/slowest probe ≤ 1.5×');

  store.close();
  await Promise.all([https.close(), http.close()]);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
