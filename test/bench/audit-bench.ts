// npm run bench: audits a loopback target repeatedly, sequentially and concurrently, and prints wall time
// per audit (median, p95), the ratio of an audit's wall time to its slowest probe, and peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAudit } from '../../electron/core/audit/run';
import type { AuditResult } from '../../electron/core/audit/types';
import { loadChecklist } from '../../electron/core/checklist/load';
import { openStore } from '../../electron/core/store';
import { auditTarget } from '../../electron/core/audit/target';
import { makeCa } from '../fixtures/certs';
import { startMautic } from '../fixtures/mautic';
import { benchCli } from './cli-bench';

const SEQUENTIAL = Number(process.env.BENCH_SEQUENTIAL ?? 30);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const CLI_RUNS = Number(process.env.BENCH_CLI_RUNS ?? 10);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function main() {
  const ca = makeCa();
  // A well-run Mautic 4.4 with everything an auditor gives: landing pages (and the pages they link), form
  // pages, the privacy policy, local.php and the crontab — the full checklist, every probe at work.
  const mautic = await startMautic({ version: '4.4', secure: true, ca });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-bench-'));
  const store = openStore(path.join(dir, 'bench.db'));
  const checklist = loadChecklist('mautic-dsgvo');
  const installation = store.ensureInstallationForUrl(mautic.url, 'Bench');
  const target = () =>
    auditTarget({
      baseUrl: mautic.url,
      httpUrl: mautic.httpUrl,
      landingPages: mautic.landingPages,
      formUrls: mautic.formUrls,
      privacyPolicyUrl: mautic.privacyPolicyUrl,
      config: { kind: 'files', localPhpPath: mautic.localPhpPath, crontabPath: mautic.crontabPath },
    });

  const audit = async () => {
    const t0 = performance.now();
    const result: AuditResult = await runAudit({
      target: target(),
      checklist,
      installationId: installation.id,
      recorder: store,
      net: { timeoutMs: 10_000, maxRedirects: 10, maxBodyBytes: 2 * 1024 * 1024, extraCaPem: ca.certPem },
      concurrency: 8,
      lang: 'en',
    });
    const wall = performance.now() - t0;
    const slowest = Math.max(...result.probeTimings.map((p) => p.ms));
    const errors = result.items.flatMap((i) => i.checks).filter((c) => c.status === 'error');
    if (errors.length) throw new Error(`bench target gave an error verdict: ${errors.map((c) => `${c.checkId}: ${c.message}`).join('; ')}`);
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
  console.log('\nPrüfstand audit benchmark (loopback Mautic 4.4 with landing pages, forms, policy and config; full mautic-dsgvo checklist)\n');
  for (const r of rows) console.log(r.map((cell, c) => cell.padEnd(widths[c]!)).join('  '));
  console.log(`\nfirst (cold) audit of the process: ${fmt(cold.wall)}`);
  console.log(`concurrent throughput: ${((concurrent.length / concurrentTotal) * 1000).toFixed(1)} audits/s`);
  console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
  console.log('aim: median wall well under 1000 ms; wall/slowest probe ≤ 1.5×');

  // The CLI, each run a fresh process (built by `npm run build`): what a user waits for at the terminal.
  const cli = await benchCli(mautic, ca, dir, CLI_RUNS);
  const sequentialMedian = percentile(sequential.map((r) => r.wall), 50);
  console.log(`\nCLI, fresh process each, median of ${cli.runs} (node -e 0 alone: ${fmt(cli.nodeMs)})`);
  console.log(`cold start (pruefstand --help): ${fmt(cli.helpMs)}`);
  console.log(`full CLI audit (pruefstand audit, same target and sources): ${fmt(cli.auditMs)}`);
  console.log(`  ÷ first (cold) in-process audit: ${(cli.auditMs / cold.wall).toFixed(2)}×; ÷ sequential in-process median: ${(cli.auditMs / sequentialMedian).toFixed(2)}×`);
  console.log('aim: --help under 150 ms; a CLI audit within 1.5× of the in-process audit');

  store.close();
  await mautic.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  // The target servers would keep the process alive.
  process.exit(1);
});
