// Reports from the CLI (audit --pdf/--xlsx/--pack, report <runId>) and from the app's service.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, dispatch } from '../../electron/core/service';
import type { AuditEventEnvelope } from '../../electron/shared/contract';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { runCli } from '../fixtures/cli';

const ca = makeCa();
const dir = tempDir('pruefstand-reports-');
const caFile = path.join(dir, 'ca.pem');
writeFileSync(caFile, ca.certPem);
const servers: RunningServer[] = [];
let target: { url: string; httpUrl: string };

const cli = (args: string[]) => runCli(args);

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  target = { url: https.url, httpUrl: http.url };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('reports from the command line', () => {
  const db = path.join(dir, 'cli.db');
  const out = (name: string) => path.join(dir, name);

  it('audit --pdf --xlsx --pack writes all three, and the pack verifies', async () => {
    const r = await cli(['audit', target.url, '--http-url', target.httpUrl, '--ca', caFile, '--db', db, '--quiet', '--lang', 'de', '--auditor', 'Anna Weiß', '--pdf', out('a.pdf'), '--xlsx', out('a.xlsx'), '--pack', out('a.zip')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out('a.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(out('a.xlsx')).subarray(0, 2).toString()).toBe('PK');
    const verified = await cli(['verify', out('a.zip')]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });

  it('report <runId> writes the asked-for files of a stored run', async () => {
    const r = await cli(['report', '1', '--db', db, '--lang', 'en', '--pdf', out('b.pdf')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(out('b.pdf'));
    expect(existsSync(out('b.pdf'))).toBe(true);
    expect(existsSync(out('b.xlsx'))).toBe(false);
  });

  it.each([
    [['report'], /run number is missing/],
    [['report', 'x1', '--pdf', '/tmp/x.pdf'], /not a run number/],
    [['report', '1'], /--pdf FILE, --xlsx FILE and\/or --pack FILE/],
  ])('report usage error %j exits 2', async (args, message) => {
    const r = await cli([...(args as string[]), '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('names a run that does not exist', async () => {
    const r = await cli(['report', '99', '--db', db, '--pdf', out('c.pdf')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no run 99/);
    expect(existsSync(out('c.pdf'))).toBe(false);
  });
});

describe('reports from the app', () => {
  it('exports into the store’s exports folder with progress, and reveals only files there', async () => {
    const storeFile = path.join(tempDir(), 'app.db');
    const service = createAppService({ storeFile, locale: 'de-DE' });
    try {
      const client = await dispatch(service.handlers, 'clients:create', { name: 'Kunde' });
      const installation = await dispatch(service.handlers, 'installations:create', { clientId: (client as { value: { id: number } }).value.id, name: 'Prod', baseUrl: target.url, httpUrl: target.httpUrl, caPem: ca.certPem });
      const installationId = (installation as { value: { id: number } }).value.id;
      const events: AuditEventEnvelope[] = [];
      const finished = new Promise<number>((resolve) =>
        service.onEvent((e) => {
          events.push(e);
          if (e.event.type === 'run-finished') resolve(e.event.runId);
        }),
      );
      await dispatch(service.handlers, 'audits:start', { installationId, lang: 'de' });
      const runId = await finished;

      const result = await dispatch(service.handlers, 'reports:export', { runId, lang: 'de', kinds: ['pdf', 'xlsx', 'pack'], exportId: 'export-1' });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const { folder, files } = (result as { value: { folder: string; files: string[] } }).value;
      expect(path.dirname(folder)).toBe(path.join(path.dirname(storeFile), 'exports'));
      expect(files.map((f) => path.basename(f))).toEqual(['pruefbericht.pdf', 'evidenz.xlsx', 'evidenzpaket.zip']);
      for (const f of files) expect(existsSync(f)).toBe(true);
      const steps = events.filter((e) => e.auditId === 'export-1').map((e) => e.event);
      expect(steps.map((s) => (s as { step: string }).step)).toEqual(['model', 'pdf', 'xlsx', 'pack']);
      expect(steps.at(-1)).toMatchObject({ done: 4, total: 4 });

      expect(await dispatch(service.handlers, 'reports:reveal', { file: files[0] })).toEqual({ ok: true, value: { revealed: false } });
      expect(await dispatch(service.handlers, 'reports:reveal', { file: storeFile })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await dispatch(service.handlers, 'reports:reveal', { file: path.join(folder, '..', '..', 'app.db') })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await dispatch(service.handlers, 'reports:export', { runId: 999, lang: 'de', kinds: ['pdf'], exportId: 'export-2' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    } finally {
      await service.close();
    }
  });
});
