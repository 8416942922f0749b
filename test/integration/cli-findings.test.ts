// Findings across audits through the CLI, against a real loopback HTTPS server whose headers change between
// audits: a missing header opens findings, a targeted re-audit (--recheck-open) proves the fix, a regression
// reopens it; the DPO sets owner, due date and status and comments; the hash chain verifies throughout.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const dir = tempDir('pruefstand-cli-findings-');
const db = path.join(dir, 'store.db');
const servers: RunningServer[] = [];
/** What the site sends: hardened, or without its frame and content-type protections. */
let weak = true;
let audit: string[];

beforeAll(async () => {
  const ca = makeCa();
  writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = { ...HARDENED_HEADERS };
    if (weak) {
      delete headers['X-Frame-Options'];
      delete headers['X-Content-Type-Options'];
      headers['Content-Security-Policy'] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'";
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  audit = ['audit', https.url, '--ca', path.join(dir, 'ca.pem'), '--http-url', http.url, '--db', db, '--client', 'Kunde GmbH'];
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

type Listed = { id: number; checkId: string; subject: string; status: string; owner: string; dueOn: string | null; fixedRunId: number | null }[];
async function listed(...extra: string[]): Promise<Listed> {
  const r = await runCli(['findings', 'list', audit[1]!, '--db', db, '--json', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Listed;
}

describe('findings across audits (CLI)', () => {
  it('an audit opens findings for what failed or warned and says so', async () => {
    const r = await runCli(audit);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Findings: \d+ new, 0 fixed, 0 reopened; \d+ open in all/);
    const open = await listed();
    const checks = open.map((f) => f.checkId);
    expect(checks).toEqual(expect.arrayContaining(['headers.frame-options', 'headers.content-type-options']));
    expect(open.every((f) => f.status === 'open' && f.dueOn !== null)).toBe(true);
    const table = await runCli(['findings', 'list', audit[1]!, '--db', db]);
    expect(table.stdout).toMatch(/headers\.frame-options/);
  });

  it('the DPO assigns, schedules, accepts a risk with reason and expiry, and comments; bad changes are refused', async () => {
    const [first] = (await listed()).filter((f) => f.checkId === 'headers.content-type-options');
    const set = await runCli(['findings', 'set', String(first!.id), '--owner', 'IT (M. Kurz)', '--due', '2027-01-31', '--status', 'in-progress', '--by', 'DSB Berger', '--db', db]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(new RegExp(`finding #${first!.id} changed: status open → in-progress; owner – → IT \\(M\\. Kurz\\); dueOn \\S+ → 2027-01-31`));
    const noReason = await runCli(['findings', 'set', String(first!.id), '--status', 'accepted-risk', '--db', db]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/accepted risk needs a reason and an expiry/);
    const fixedByHand = await runCli(['findings', 'set', String(first!.id), '--status', 'fixed', '--db', db]);
    expect(fixedByHand.code).toBe(2);
    const comment = await runCli(['findings', 'comment', String(first!.id), '--text', 'Ticket OPS-1234', '--by', 'M. Kurz', '--db', db]);
    expect(comment.code, comment.stderr).toBe(0);
    const show = await runCli(['findings', 'show', String(first!.id), '--db', db]);
    expect(show.stdout).toMatch(/opened\s+Prüfstand \(run 1\)/);
    expect(show.stdout).toMatch(/comment\s+M\. Kurz\s+\{"comment":"Ticket OPS-1234"\}/);
  });

  it('a targeted re-audit runs only the checks of open findings and proves the fix; a regression reopens it', async () => {
    weak = false;
    const recheck = await runCli([...audit, '--recheck-open', '--json', path.join(dir, 'recheck.json')]);
    expect([0, 3], recheck.stderr).toContain(recheck.code);
    const json = JSON.parse(readFileSync(path.join(dir, 'recheck.json'), 'utf8')) as { runId: number; items: { checks: { id: string; status: string; message: string }[] }[] };
    const checks = json.items.flatMap((i) => i.checks);
    expect(checks.find((c) => c.id === 'headers.frame-options')?.status).toBe('pass');
    // Not re-run: recorded as such, not as a verdict.
    const tls = checks.find((c) => c.id === 'tls.certificate')!;
    expect(tls.status).toBe('not_applicable');
    expect(tls.message).toMatch(/Not checked again in this targeted re-audit/);
    const after = await listed();
    const frame = after.find((f) => f.checkId === 'headers.frame-options')!;
    expect(frame).toMatchObject({ status: 'fixed', fixedRunId: json.runId });
    // The header findings are fixed; what the site still lacks (no privacy policy, no mtc.js) stays open, seen again.
    expect(after.filter((f) => f.checkId.startsWith('headers.')).every((f) => f.status === 'fixed')).toBe(true);
    const still = after.filter((f) => f.status === 'open');
    expect(still.length).toBeGreaterThan(0);
    expect(still.every((f) => !f.checkId.startsWith('headers.') && (f as unknown as { lastSeenRunId: number }).lastSeenRunId === json.runId)).toBe(true);

    // With every finding fixed or set aside, there is nothing left to re-check.
    const store0 = openStore(db);
    try {
      for (const f of still) store0.findings.update(f.id, { status: 'false-positive', reason: 'Testsystem ohne Datenschutzerklärung und Tracking' }, 'DSB');
    } finally {
      store0.close();
    }
    const nothing = await runCli([...audit, '--recheck-open']);
    expect(nothing.code).toBe(0);
    expect(nothing.stderr).toMatch(/has no open findings: nothing to re-check/);

    weak = true;
    const regression = await runCli(audit);
    expect(regression.stdout).toMatch(/Findings: 0 new, 0 fixed, \d+ reopened/);
    expect((await listed('--status', 'open')).map((f) => f.id)).toContain(frame.id);
    const store = openStore(db);
    try {
      expect(store.findings.history(frame.id).map((e) => e.kind)).toEqual(['opened', 'fixed', 'reopened']);
      expect(store.verify().ok).toBe(true);
    } finally {
      store.close();
    }
  });
});
