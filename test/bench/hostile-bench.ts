// npm run bench (hostile part): one full audit per hostile site, each in a fresh process with the CLI's default
// limits (10 s per request), printing its wall time, peak RSS and how many automated checks ended in `error`.
// Aim: every audit under 60 s and 400 MB, none of them with a page check passed on what it could not read.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAudit } from '../../electron/core/audit/run';
import { auditTarget } from '../../electron/core/audit/target';
import { loadChecklist } from '../../electron/core/checklist/load';
import { DEFAULT_NET_OPTIONS } from '../../electron/core/net/options';
import { openStore, verifyStore } from '../../electron/core/store';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { BODY_HOSTILES, dripBody } from '../fixtures/hostile/bodies';
import { xssPage } from '../fixtures/hostile/content';
import { HEADER_HOSTILES, slowHeaders } from '../fixtures/hostile/headers';
import { startRaw, type RawResponder } from '../fixtures/hostile/raw';
import { endlessChain, loopEverywhere, redirectTo } from '../fixtures/hostile/redirects';
import { redirectHandler, startHttp } from '../fixtures/servers';

const CASES: Record<string, RawResponder> = {
  'redirect loop': loopEverywhere,
  'endless redirect chain': endlessChain,
  'redirect to file:': redirectTo('file:///etc/passwd'),
  'redirect to javascript:': redirectTo('javascript:alert(1)'),
  'gzip bomb': BODY_HOSTILES['/gzip-bomb'],
  'brotli bomb': BODY_HOSTILES['/br-bomb'],
  'broken chunked': BODY_HOSTILES['/broken-chunked'],
  'truncated body': BODY_HOSTILES['/short-body'],
  'body dripping 1 byte/s': dripBody(1000),
  'headers 1 byte/s': slowHeaders(1000),
  '10,000 header lines': HEADER_HOSTILES['/many-headers'],
  '2,000 malformed cookies': HEADER_HOSTILES['/malformed-cookies'],
  'CSP with 5,000 directives': HEADER_HOSTILES['/monster-csp'],
  'invalid UTF-8': HEADER_HOSTILES['/invalid-utf8'],
  'garbage status line': HEADER_HOSTILES['/garbage-status'],
  'XSS payloads': xssPage,
};

interface CaseFigures {
  ms: number;
  rssMiB: number;
  errors: number;
  passedPageChecks: string[];
  verified: boolean;
}

/** Checks whose only input is the hostile page: a pass among them would be a verdict on unread content. */
const PAGE_CHECKS = ['headers.csp', 'headers.frame-options', 'headers.content-type-options', 'headers.referrer-policy', 'headers.permissions-policy'];

async function runCase(name: string): Promise<CaseFigures> {
  const ca = makeCa();
  const https = await startRaw(CASES[name]!, { cert: ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }) });
  const http = await startHttp(redirectHandler(https.port));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-hostile-'));
  const store = openStore(path.join(dir, 'hostile.db'));
  const url = `https://localhost:${https.port}/`;
  const t0 = performance.now();
  const result = await runAudit({
    target: auditTarget({ baseUrl: url, httpUrl: http.url }),
    checklist: loadChecklist('mautic-dsgvo'),
    installationId: store.ensureInstallationForUrl(url, 'Hostile').id,
    recorder: store,
    net: { ...DEFAULT_NET_OPTIONS, extraCaPem: ca.certPem },
    concurrency: 8,
    lang: 'en',
  });
  const ms = performance.now() - t0;
  const checks = result.items.flatMap((i) => i.checks);
  const figures = {
    ms,
    rssMiB: process.resourceUsage().maxRSS / 1024,
    errors: checks.filter((c) => c.automated && c.status === 'error').length,
    passedPageChecks: checks.filter((c) => PAGE_CHECKS.includes(c.checkId) && c.status === 'pass').map((c) => c.checkId),
    verified: verifyStore(store).ok,
  };
  store.close();
  await Promise.all([https.close(), http.close()]);
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

function inChild(name: string): Promise<CaseFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [name], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (m) => resolve(m as CaseFigures));
    child.once('exit', (code) => (code ? reject(new Error(`${name}: exited with ${code}`)) : undefined));
  });
}

async function main() {
  const only = process.argv[2];
  if (only) {
    process.send!(await runCase(only));
    process.exit(0);
  }
  console.log('\nPrüfstand hostile-site benchmark (one fresh process per site, default limits)\n');
  const width = Math.max(...Object.keys(CASES).map((n) => n.length));
  let worstMs = 0;
  let worstRss = 0;
  for (const name of Object.keys(CASES)) {
    const f = await inChild(name);
    worstMs = Math.max(worstMs, f.ms);
    worstRss = Math.max(worstRss, f.rssMiB);
    const notes = [f.verified ? 'store verifies' : 'STORE BROKEN', f.passedPageChecks.length ? `PASSED: ${f.passedPageChecks.join(', ')}` : ''].filter(Boolean).join('; ');
    console.log(`${name.padEnd(width)}  ${(f.ms / 1000).toFixed(1).padStart(5)} s  ${f.rssMiB.toFixed(0).padStart(4)} MiB  ${String(f.errors).padStart(2)} checks error  ${notes}`);
  }
  console.log(`\nslowest audit ${(worstMs / 1000).toFixed(1)} s, highest peak RSS ${worstRss.toFixed(0)} MiB; aim: each under 60 s and 400 MB`);
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
