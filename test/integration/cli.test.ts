import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, verifyStore } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { CLI, runCli } from '../fixtures/cli';

const ITEM_IDS = [
  'privacy-policy', 'records-of-processing', 'processor-agreements', 'double-opt-in', 'form-consent', 'delete-unconsented',
  'cleanup-job', 'tracking-consent', 'tracking-settings', 'google-analytics', 'https-only', 'server-hardening',
  'security-headers', 'landing-pages', 'single-tenant',
];

/** Runs the built CLI without blocking this process: the target servers live in it and must keep answering. */
const cli = runCli;

const ca = makeCa();
const dir = tempDir('pruefstand-cli-');
const caFile = path.join(dir, 'ca.pem');
writeFileSync(caFile, ca.certPem);
const servers: RunningServer[] = [];
let good: { url: string; httpUrl: string };

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  good = { url: https.url, httpUrl: http.url };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('pruefstand audit', () => {
  it('writes the JSON document with every checklist item and exits 0 when nothing failed', async () => {
    const db = path.join(dir, 'good.db');
    const r = await cli(['audit', good.url, '--ca', caFile, '--http-url', good.httpUrl, '--db', db, '--json', '-', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.tool).toEqual({ name: 'pruefstand', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(doc.checklist).toEqual({ id: 'mautic-dsgvo', version: '1.0.0' });
    // The test site is no Mautic: no /mtc.js, so no version line.
    expect(doc.target).toEqual({ url: good.url, mauticVersion: null });
    expect(Date.parse(doc.startedAt)).toBeLessThanOrEqual(Date.parse(doc.finishedAt));
    expect(Object.keys(doc.summary)).toEqual(expect.arrayContaining(['pass', 'fail', 'warn', 'manual', 'error', 'notApplicable', 'score', 'headerScore']));
    expect(doc.summary.headerScore).toBe(100);
    expect(doc.complete).toBe(true);
    expect(doc.errors).toEqual({ checks: 0, byCause: [] });
    expect(doc.items.map((i: { id: string }) => i.id)).toEqual(ITEM_IDS);
    const https = doc.items.find((i: { id: string }) => i.id === 'https-only');
    expect(https.checks.map((c: { id: string }) => c.id)).toEqual(['tls.redirect', 'tls.certificate', 'tls.protocols', 'tls.hsts', 'config.site-url-https']);
    const evidence = new Set(doc.evidence.map((e: { sha256: string }) => e.sha256));
    for (const item of doc.items) {
      for (const check of item.checks) {
        expect(check).toEqual(expect.objectContaining({ id: expect.any(String), status: expect.any(String), message: expect.any(String), evidence: expect.any(Array) }));
        for (const sha of check.evidence) expect(evidence.has(sha)).toBe(true);
      }
    }
    expect(doc.evidence[0]).toEqual({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/), kind: expect.any(String), capturedAt: expect.any(String), summary: expect.any(String) });
  });

  it('prints a readable summary table, in German when asked', async () => {
    const r = await cli(['audit', good.url, '--ca', caFile, '--http-url', good.httpUrl, '--db', path.join(dir, 'de.db'), '--lang', 'de']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/security-headers\s+bestanden\s+mittel/);
    // https-only also holds config.site-url, which has no probe yet: the item stays manual, never pass.
    expect(r.stdout).toMatch(/https-only\s+manuell\s+kritisch\s+4\/5/);
    expect(r.stdout).toContain('Compliance-Score');
    expect(r.stdout).toContain('Header-Score (MDN Observatory): 100/100 (A+)');
  });

  it('exits 1 when an automated check failed (untrusted certificate without --ca)', async () => {
    const r = await cli(['audit', good.url, '--http-url', good.httpUrl, '--db', path.join(dir, 'fail.db')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/tls\.certificate: .*not trusted|tls\.certificate: .*untrusted/i);
  });

  it('exits 3 when nothing failed but automated checks could not run, and says how many and why', async () => {
    const closed = await startHttp((_q, res) => res.end());
    await closed.close();
    // A landing page that nobody answers: the landing checks cannot run; nothing fails.
    const args = ['audit', good.url, '--ca', caFile, '--http-url', good.httpUrl, '--page', `https://localhost:${closed.port}/lp`, '--db', path.join(dir, 'incomplete.db')];
    const r = await cli([...args, '--json', '-']);
    expect(r.code, r.stderr).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.state).toBe('complete');
    expect(doc.complete).toBe(false);
    expect(doc.summary.fail).toBe(0);
    expect(doc.errors.checks).toBeGreaterThan(0);
    const byCause = doc.errors.byCause as { cause: string; checkIds: string[] }[];
    // The browser visits of the page are refused too (the certificate check of --ca never blames a closed port).
    expect(byCause).toEqual([{ cause: 'refused', checkIds: expect.arrayContaining(['landing.third-parties', 'consent.before', 'consent.reject', 'consent.mautic', 'consent.banner']) }]);
    const refused = byCause[0]!;
    const ids = refused.checkIds;
    expect(doc.errors.checks).toBe(ids.length);
    const checks = doc.items.flatMap((i: { checks: unknown[] }) => i.checks) as { id: string; status: string; findings: { status: string; cause?: string }[] }[];
    expect(checks.filter((c) => c.status === 'error').map((c) => c.id).sort()).toEqual([...ids].sort());
    for (const id of refused.checkIds) expect(checks.find((c) => c.id === id)!.findings.find((f) => f.status === 'error')!.cause, id).toBe('refused');
    const table = await cli([...args, '--lang', 'en']);
    expect(table.code).toBe(3);
    expect(table.stdout).toMatch(new RegExp(`Incomplete: ${doc.errors.checks} automated check\\(s\\) could not run – connection refused ${refused.checkIds.length} \\(${refused.checkIds[0]!.replace('.', '\\.')}`));
    expect(table.stdout).toMatch(/Compliance score: .*provisional/);
  });

  it('exits 2 with a one-line reason when the target cannot be audited at all', async () => {
    const gone = await startHttp((_q, res) => res.end());
    await gone.close();
    const r = await cli(['audit', `https://localhost:${gone.port}/`, '--http-url', `http://localhost:${gone.port}/`, '--db', path.join(dir, 'gone.db'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unreachable: ECONNREFUSED/);
  });

  it.each([
    [['audit'], /https URL is missing/],
    [['audit', 'http://example.org/'], /not an https URL/],
    [['audit', 'https://example.org/', '--timeout-ms', 'soon'], /--timeout-ms takes a whole number/],
    [['audit', 'https://example.org/', '--bogus'], /Unknown option '--bogus'/],
    [['audit', 'https://example.org/', '--ca', '/nonexistent/ca.pem'], /CA file \/nonexistent\/ca.pem: ENOENT/],
    [['audit', 'https://example.org/', '--checklist', 'nope'], /nope/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('usage error %j exits 2 with a clear message', async (args, message) => {
    const r = await cli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a corrupt store file without touching it', async () => {
    const db = path.join(dir, 'corrupt.db');
    writeFileSync(db, 'this is not a database, but somebody’s notes');
    const r = await cli(['audit', good.url, '--db', db, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(db);
    expect(readFileSync(db, 'utf8')).toBe('this is not a database, but somebody’s notes');
  });
});

describe('pruefstand verify-store', () => {
  it('names the first broken entry after tampering', async () => {
    const db = path.join(dir, 'verify.db');
    expect((await cli(['audit', good.url, '--ca', caFile, '--http-url', good.httpUrl, '--db', db, '--quiet'])).code).toBe(0);
    const ok = await cli(['verify-store', '--db', db]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/intact: \d+ entries/);
    const raw = new Database(db);
    const victim = raw.prepare('SELECT e.id, l.seq FROM evidence e JOIN evidence_log l ON l.evidence_id = e.id ORDER BY l.seq LIMIT 1 OFFSET 2').get() as { id: number; seq: number };
    raw.exec('DROP TRIGGER evidence_immutable_update');
    raw.prepare('UPDATE evidence SET sealed = (SELECT sealed FROM evidence WHERE id <> ? LIMIT 1) WHERE id = ?').run(victim.id, victim.id);
    raw.close();
    const broken = await cli(['verify-store', '--db', db]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`entry ${victim.seq} `);
  });
});

describe('an audit killed half way', () => {
  it('leaves a store that opens and verifies, with the run marked incomplete', async () => {
    // HTTP answers at once; the https page never answers, so the audit is mid-way when it is killed.
    const hanging = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), () => undefined);
    servers.push(hanging);
    const db = path.join(dir, 'killed.db');
    const child = spawn(process.execPath, [CLI, 'audit', hanging.url, '--ca', caFile, '--http-url', good.httpUrl, '--db', db, '--timeout-ms', '30000', '--quiet'], { stdio: 'ignore' });
    const deadline = Date.now() + 20_000;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      try {
        const raw = new Database(db, { readonly: true, fileMustExist: true });
        const n = (raw.prepare('SELECT count(*) AS n FROM evidence').get() as { n: number }).n;
        raw.close();
        if (n >= 3) break;
      } catch {
        // not created yet
      }
      if (Date.now() > deadline) throw new Error('the audit never wrote evidence');
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const store = openStore(db);
    try {
      const runs = store.listRuns(store.ensureInstallationForUrl(hanging.url, 'Ad-hoc').id);
      expect(runs).toHaveLength(1);
      expect(runs[0]!.state).toBe('incomplete');
      expect(verifyStore(store).ok).toBe(true);
    } finally {
      store.close();
    }
  });
});
