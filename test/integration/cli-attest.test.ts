// `pruefstand attest`: the auditor's judgement from the command line, against a run of a real audit of a
// loopback HTTPS server, in a real store: attestations of manual checks with attachments, overrides of measured
// verdicts only when asked for and with a reason, withdrawals; the hash chain verifies after each.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const dir = tempDir('pruefstand-cli-attest-');
const db = path.join(dir, 'store.db');
const servers: RunningServer[] = [];
let audit: string[];

beforeAll(async () => {
  const ca = makeCa();
  const caFile = path.join(dir, 'ca.pem');
  writeFileSync(caFile, ca.certPem);
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  audit = ['audit', https.url, '--ca', caFile, '--http-url', http.url, '--db', db, '--quiet', '--client', 'Kunde GmbH'];
  const first = await runCli(audit);
  expect(first.code, first.stderr).not.toBe(2);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('pruefstand attest', () => {
  it('attests a manual check with an attached PDF, sealed in the chain, and refuses to attest a measured one', async () => {
    const pdf = path.join(dir, 'avv.pdf');
    writeFileSync(pdf, '%PDF-1.4\nAVV Hetzner Online GmbH\n%%EOF\n');
    const ok = await runCli(['attest', '1', 'dpa.coverage', '--db', db, '--statement', 'AVV mit Hetzner liegt vor.', '--by', 'Dr. Anna Berger', '--attach', pdf]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/attachment stored: .*avv\.pdf \([0-9a-f]{64}\)/);
    expect(ok.stdout).toMatch(/Attestation #1 of dpa\.coverage in run 1 recorded \(pass, Dr\. Anna Berger\)/);

    const measured = await runCli(['attest', '1', 'tls.protocols', '--db', db, '--statement', 'passt schon']);
    expect(measured.code).toBe(2);
    expect(measured.stderr).toMatch(/check tls\.protocols was measured \(\w+\); to replace its verdict, add --override/);
    const unknown = await runCli(['attest', '1', 'no.such-check', '--db', db, '--statement', 'x']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/run 1 has no check "no\.such-check"/);
    const noStatement = await runCli(['attest', '1', 'dpa.transfers', '--db', db]);
    expect(noStatement.code).toBe(2);
    expect(noStatement.stderr).toMatch(/--statement missing/);
    const missingFile = await runCli(['attest', '1', 'dpa.transfers', '--db', db, '--statement', 'x', '--attach', path.join(dir, 'nope.pdf')]);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/attachment .*nope\.pdf: ENOENT/);

    const store = openStore(db);
    try {
      const [j] = store.judgements.forRun(1);
      expect(j).toMatchObject({ kind: 'attestation', checkId: 'dpa.coverage', by: 'Dr. Anna Berger', status: 'pass' });
      expect(store.readBlob(j!.attachments[0]!).toString()).toContain('AVV Hetzner');
      expect(store.listEvidence(1).filter((e) => e.kind === 'judgement' || e.kind === 'document')).toHaveLength(2);
      expect(store.verify().ok).toBe(true);
    } finally {
      store.close();
    }
  });

  it('overrides a measured verdict only with --override, --status and a reason; withdraws with a reason; German texts', async () => {
    const noStatus = await runCli(['attest', '1', 'tls.protocols', '--db', db, '--override', '--statement', 'Altgeräte']);
    expect(noStatus.code).toBe(2);
    expect(noStatus.stderr).toMatch(/--override needs --status/);
    const override = await runCli(['attest', '1', 'tls.protocols', '--db', db, '--override', '--status', 'warn', '--statement', 'Nur intern erreichbar.', '--by', 'Prüferin']);
    expect(override.code, override.stderr).toBe(0);
    expect(override.stdout).toMatch(/Override #\d+ of tls\.protocols in run 1 recorded: \w+ → warn \(Prüferin\)/);
    const id = /#(\d+)/.exec(override.stdout)![1]!;

    const noReason = await runCli(['attest', '--withdraw', id, '--db', db]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/--withdraw needs --reason/);
    const withdrawn = await runCli(['attest', '--withdraw', id, '--reason', 'TLS 1.0 abgeschaltet', '--db', db, '--by', 'Prüferin'], { LANG: 'de_DE.UTF-8' });
    expect(withdrawn.code, withdrawn.stderr).toBe(0);
    expect(withdrawn.stdout).toMatch(new RegExp(`Urteil #${id} zu tls\\.protocols zurückgezogen \\(Prüferin\\)`));
    const again = await runCli(['attest', '--withdraw', id, '--reason', 'nochmal', '--db', db]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already withdrawn/);

    const verify = await runCli(['verify-store', '--db', db]);
    expect(verify.code, verify.stdout).toBe(0);
  });

  it('a re-audit carries the attestation; --help documents the command', async () => {
    const second = await runCli([...audit, '--json', path.join(dir, 'second.json')]);
    expect(second.code, second.stderr).not.toBe(2);
    const json = JSON.parse(readFileSync(path.join(dir, 'second.json'), 'utf8')) as { runId: number; judgements: { checkId: string; kind: string; madeInRun: number }[]; items: { checks: { id: string; status: string }[] }[] };
    expect(json.judgements).toEqual([expect.objectContaining({ checkId: 'dpa.coverage', kind: 'attestation', madeInRun: 1, by: 'Dr. Anna Berger' })]);
    // Beside the measured verdict, never folded into it.
    expect(json.items.flatMap((i) => i.checks).find((c) => c.id === 'dpa.coverage')?.status).toBe('manual');
    const store = openStore(db);
    try {
      const runs = store.listRuns(store.getRun(1)!.installationId);
      expect(runs).toHaveLength(2);
      expect(store.judgements.forRun(runs[0]!.id).map((j) => j.checkId)).toEqual(['dpa.coverage']);
    } finally {
      store.close();
    }
    const help = await runCli(['--help']);
    expect(help.stdout).toMatch(/pruefstand attest <run> <check> --statement TEXT/);
    expect(help.stdout).toMatch(/pruefstand registers import <file\.xlsx\|\.csv> --client NAME \[--dry-run\]/);
  });
});
