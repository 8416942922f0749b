// npm run bench: audits per second of many loopback Mautic installations at 8 and at 32 concurrent audits,
// the servers in a child process of their own; prints throughput, wall per audit and the peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadChecklist } from '../../electron/core/checklist/load';
import { openStore } from '../../electron/core/store';
import { benchAudit, type BenchAuditResult } from './bench-audit';
import { startBenchServers } from './bench-servers';

const INSTALLATIONS = Number(process.env.BENCH_INSTALLATIONS ?? 8);
const LEVELS = (process.env.BENCH_LEVELS ?? '8,32').split(',').map(Number);
const AUDITS_PER_LEVEL = Number(process.env.BENCH_AUDITS ?? 64);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const servers = await startBenchServers(INSTALLATIONS);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-throughput-'));
  const store = openStore(path.join(dir, 'bench.db'));
  const checklist = loadChecklist('mautic-dsgvo');
  const audit = (i: number) => benchAudit(store, checklist, servers.installations[i % servers.installations.length]!, servers.caPem);
  try {
    // Warm: TLS contexts and compiled code paths, as a batch run has them after its first few installations.
    await Promise.all(Array.from({ length: INSTALLATIONS }, (_, i) => audit(i)));
    console.log(`\nPrüfstand throughput benchmark (${INSTALLATIONS} loopback Mautic 4.4 installations in a separate process; full checklist)\n`);
    for (const level of LEVELS) {
      let next = 0;
      const results: BenchAuditResult[] = [];
      const worker = async () => {
        while (next < AUDITS_PER_LEVEL) results.push(await audit(next++));
      };
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      await Promise.all(Array.from({ length: level }, worker));
      const seconds = (performance.now() - t0) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const cpuPerAudit = (cpu.user + cpu.system) / 1000 / results.length;
      console.log(
        `${String(level).padStart(3)} concurrent: ${(results.length / seconds).toFixed(1)} audits/s (${results.length} audits in ${seconds.toFixed(1)} s; median wall ${median(results.map((r) => r.wall)).toFixed(0)} ms; ${cpuPerAudit.toFixed(0)} ms CPU per audit)`,
      );
    }
    console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
    console.log('aim: at least 8 audits/s at 8 and at 32 concurrent installations on 2 cores');
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
