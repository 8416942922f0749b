// npm run bench: one batch audit of 100 loopback Mautic installations (servers in a child process of their own,
// as throughput-bench), through the batch runner in-process with the real engine and store, the per-host limit
// on and both summaries written; prints wall time and peak RSS. Aim: 100 in under 15 s on 2 cores, under 500 MB.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBatch } from '../../electron/core/batch/run-batch';
import type { BatchTarget } from '../../electron/core/batch/targets';
import { writeSummaryCsv } from '../../electron/core/batch/summary';
import { writeSummaryXlsx } from '../../electron/core/batch/summary-xlsx';
import { vendorCatalogue } from '../../electron/core/audit/client-registers';
import { loadChecklist } from '../../electron/core/checklist/load';
import { openStore } from '../../electron/core/store';
import { startBenchServers } from './bench-servers';

const INSTALLATIONS = Number(process.env.BENCH_BATCH_INSTALLATIONS ?? 100);
const CONCURRENCY = Number(process.env.BENCH_BATCH_CONCURRENCY ?? 8);

async function main() {
  const servers = await startBenchServers(INSTALLATIONS);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-batch-bench-'));
  const store = openStore(path.join(dir, 'bench.db'));
  const checklist = loadChecklist('mautic-dsgvo');
  const vendors = await vendorCatalogue(null);
  const targets: BatchTarget[] = servers.installations.map((m, i) => ({
    row: i + 2,
    client: `Client ${i % 10}`,
    installation: `Installation ${i}`,
    baseUrl: new URL(m.url),
    httpUrl: new URL(m.httpUrl),
    landingPages: m.landingPages.map((p) => new URL(p)),
    formUrls: m.formUrls.map((p) => new URL(p)),
    privacyPolicyUrl: new URL(m.privacyPolicyUrl),
    config: { kind: 'files', localPhpPath: m.localPhpPath, crontabPath: m.crontabPath },
  }));
  try {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const result = await runBatch({
      targets,
      checklist,
      store,
      vendors,
      net: { timeoutMs: 20_000, maxRedirects: 10, maxBodyBytes: 2 * 1024 * 1024, extraCaPem: servers.caPem },
      concurrency: CONCURRENCY,
      probeConcurrency: 8,
      lang: 'en',
      sshAuth: null,
    });
    const rows = result.rows.map((r) => ({ ...r, exitCode: r.failed ? 1 : r.complete ? 0 : 3 }));
    await writeSummaryCsv(path.join(dir, 'summary.csv'), rows, 'en');
    await writeSummaryXlsx(path.join(dir, 'summary.xlsx'), rows, 'en');
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const notAudited = result.rows.filter((r) => r.unreachable || r.state !== 'complete');
    const errors = result.rows.reduce((n, r) => n + r.errors, 0);
    if (notAudited.length) throw new Error(`${notAudited.length} installations were not audited: ${notAudited.map((r) => r.unreachable ?? r.error ?? r.state).join('; ')}`);
    console.log(`\nPrüfstand batch benchmark (${INSTALLATIONS} loopback Mautic 4.4 installations in a separate process; full checklist; ${CONCURRENCY} at once, <= 2 connections per host:port)\n`);
    console.log(`${INSTALLATIONS} installations in ${seconds.toFixed(1)} s (${(INSTALLATIONS / seconds).toFixed(1)} per s; ${((cpu.user + cpu.system) / 1000 / INSTALLATIONS).toFixed(0)} ms CPU each; ${errors} error checks in all)`);
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
    console.log('aim: 100 installations in under 15 s on 2 cores, under 500 MB');
  } finally {
    store.close();
    servers.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
