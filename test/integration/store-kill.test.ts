// 50 audits killed with SIGKILL at random moments into one store: after every kill the store opens, no run is
// left 'running', and the hash chain and every blob verify; at the end `pruefstand verify-store` agrees. The
// moments are drawn from a seeded generator (the seed is printed) over the length of a whole audit, so most kills
// land mid-run: while probes write evidence, checks are stored, the run is finished or the reports are written.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, verifyStore } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { CLI, runCli } from '../fixtures/cli';
import { startHardenedSite, type HardenedSite } from '../fixtures/servers';

const KILLS = 50;
const SEED = Number(process.env.KILL_SEED ?? Date.now() % 1_000_000);
const dir = tempDir('pruefstand-kill-');
const db = path.join(dir, 'store.db');
let site: HardenedSite;
let args: string[];

/** mulberry32: small, seedable, good enough to spread kill moments. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Starts an audit and kills it after `ms` (or lets it end first); true when the kill hit a live process. */
function auditKilledAfter(ms: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    let exited = false;
    const timer = setTimeout(() => {
      if (!exited) child.kill('SIGKILL');
    }, ms);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      exited = true;
      clearTimeout(timer);
      resolve(signal === 'SIGKILL');
    });
  });
}

function checkStore(): { states: string[] } {
  const store = openStore(db);
  try {
    const report = verifyStore(store);
    expect(report.firstBroken, JSON.stringify(report.firstBroken)).toBeNull();
    expect(report.ok).toBe(true);
    const installation = store.ensureInstallationForUrl(site.url, 'Ad-hoc');
    return { states: store.listRuns(installation.id).map((r) => r.state) };
  } finally {
    store.close();
  }
}

beforeAll(async () => {
  const ca = makeCa();
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  site = await startHardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
  const pack = path.join(dir, 'pack.zip');
  args = ['audit', site.url, '--ca', caFile, '--http-url', site.httpUrl, '--page', `${site.url}landing`, '--db', db, '--quiet', '--no-browser', '--pack', pack];
});
afterAll(async () => {
  for (const s of site?.servers ?? []) await s.close();
});

describe('audits killed at random moments', () => {
  it(`leave a store that opens and verifies, every time (${KILLS} kills, seed ${SEED})`, async () => {
    const started = Date.now();
    const whole = await runCli(args);
    expect(whole.code, whole.stderr).not.toBe(2);
    const wholeMs = Date.now() - started;
    const next = random(SEED);
    let killed = 0;
    for (let i = 0; i < KILLS; i++) {
      const ms = Math.round(next() * wholeMs * 1.1);
      if (await auditKilledAfter(ms)) killed++;
      const { states } = checkStore();
      expect(states, `kill ${i + 1} after ${ms} ms (seed ${SEED})`).not.toContain('running');
    }
    // Most kills must have hit a running audit, or the test proved little.
    expect(killed).toBeGreaterThanOrEqual(KILLS / 2);
    const verified = await runCli(['verify-store', '--db', db]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    console.log(`store-kill: seed ${SEED}, a whole audit ${wholeMs} ms, ${killed} of ${KILLS} kills hit a running audit`);
  }, 600_000);
});
