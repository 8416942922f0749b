// npm run bench (CLI part): the built CLI's cold start (`pruefstand --help`) and a full CLI audit of the same
// loopback installation, each in a fresh process, so the figures sit next to the in-process engine time.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../electron/core/package-root';
import type { TestCa } from '../fixtures/certs';
import type { MauticFixture } from '../fixtures/mautic';

const CLI = path.join(packageRoot(), 'dist/electron/cli.js');

export interface CliFigures {
  /** `node -e 0`: what any Node process costs here, for reference. */
  nodeMs: number;
  helpMs: number;
  auditMs: number;
  runs: number;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** Wall time of one child process, spawn to exit; asynchronous, since the target servers live in this process. */
function timed(args: string[]): Promise<{ ms: number; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { env: { ...process.env, LANG: 'C', LC_ALL: '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ ms: performance.now() - t0, code, stderr }));
  });
}

async function medianOf(runs: number, args: string[], check: (r: { code: number | null; stderr: string }) => void): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await timed(args);
    check(r);
    times.push(r.ms);
  }
  return median(times);
}

/** Runs `node -e 0`, `pruefstand --help` and `pruefstand audit …` (every source the in-process bench uses) `runs` times each. */
export async function benchCli(mautic: MauticFixture, ca: TestCa, dir: string, runs: number): Promise<CliFigures> {
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  const db = path.join(dir, 'cli.db');
  const json = path.join(dir, 'cli.json');
  const ok = (what: string) => (r: { code: number | null; stderr: string }) => {
    if (r.code !== 0) throw new Error(`${what} exited ${r.code}: ${r.stderr}`);
  };
  const nodeMs = await medianOf(runs, ['-e', '0'], ok('node -e 0'));
  const helpMs = await medianOf(runs, [CLI, '--help'], ok('pruefstand --help'));
  const audit = [
    CLI, 'audit', mautic.url, '--ca', caFile, '--http-url', mautic.httpUrl,
    ...mautic.landingPages.flatMap((p) => ['--page', p]),
    ...mautic.formUrls.flatMap((f) => ['--form', f]),
    '--privacy-policy', mautic.privacyPolicyUrl, '--config', mautic.localPhpPath, '--crontab', mautic.crontabPath,
    '--db', db, '--json', json, '--quiet', '--lang', 'en',
  ];
  const auditMs = await medianOf(runs, audit, (r) => {
    // Exit 0, 1 or 3 are verdicts; what matters here, as in-process, is that no check ended in an error.
    if (r.code === null || r.code === 2 || r.code > 3) throw new Error(`pruefstand audit exited ${r.code}: ${r.stderr}`);
    const doc = JSON.parse(readFileSync(json, 'utf8')) as { errors: { checks: number } };
    if (doc.errors.checks) throw new Error(`the CLI audit gave ${doc.errors.checks} error verdict(s): ${readFileSync(json, 'utf8').slice(0, 2000)}`);
  });
  return { nodeMs, helpMs, auditMs, runs };
}
