// `pruefstand audit --targets FILE`: many installations on few hosts, against real loopback servers that count
// the connections open to them at once; the summary read back; every run in the store.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, parseCsv } from '../../electron/core/registers/csv';
import { openStore } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { CLI, runCli } from '../fixtures/cli';
import { startCountingHttp, startCountingHttps, type CountingServer } from '../fixtures/connection-counter';
import { HARDENED_HEADERS, HARDENED_PAGE } from '../fixtures/servers';

const ca = makeCa();
const dir = tempDir('pruefstand-batch-');
const caFile = path.join(dir, 'ca.pem');
writeFileSync(caFile, ca.certPem);

interface Host {
  https: CountingServer;
  http: CountingServer;
}
const hosts: Host[] = [];
let closedPort = 0;

/** A hardened site that answers a little slowly, so that audits sharing its host would overlap connections. */
function slowHardened(delayMs: number) {
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    setTimeout(() => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...HARDENED_HEADERS });
      res.end(HARDENED_PAGE);
    }, delayMs);
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const https = await startCountingHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), slowHardened(15));
    const http = await startCountingHttp((req, res) => {
      res.writeHead(301, { Location: `https://localhost:${https.port}${req.url ?? '/'}` });
      res.end();
    });
    hosts.push({ https, http });
  }
  closedPort = await freePort();
});
afterAll(async () => {
  await Promise.all(hosts.flatMap((h) => [h.https.close(), h.http.close()]));
});

/** Six installations on three hosts (two per host:port, told apart by path), and one that nobody answers. */
function targetsCsv(): string {
  const rows = [
    ['Acme', 'Shop', hosts[0]!, 'shop/'],
    ['Acme', 'Newsletter', hosts[0]!, 'news/'],
    ['Beta GmbH', 'Haupt', hosts[1]!, 'a/'],
    ['Beta GmbH', 'Zweit', hosts[1]!, 'b/'],
    ['Gamma', 'Eins', hosts[2]!, 'x/'],
    ['Gamma', 'Zwei', hosts[2]!, 'y/'],
  ].map(([client, name, host, p]) => {
    const h = host as Host;
    return [client, name, new URL(p as string, h.https.url).href, new URL(p as string, h.http.url).href].join(';');
  });
  rows.push(['Delta', 'Weg', `https://localhost:${closedPort}/`, `http://localhost:${closedPort}/`].join(';'));
  return ['Mandant;Installation;Basis-URL;HTTP-URL', ...rows].join('\r\n') + '\r\n';
}

describe('pruefstand audit --targets', () => {
  it('audits every installation with at most two connections per host:port, writes the summary and stores every run', async () => {
    const targets = path.join(dir, 'targets.csv');
    writeFileSync(targets, targetsCsv());
    const db = path.join(dir, 'batch.db');
    const csv = path.join(dir, 'summary.csv');
    const xlsx = path.join(dir, 'summary.xlsx');
    const r = await runCli(['audit', '--targets', targets, '--concurrency', '6', '--ca', caFile, '--db', db, '--summary', csv, '--summary', xlsx, '--timeout-ms', '3000']);
    // One installation could not be audited: incomplete (3), none failed.
    expect(r.code, r.stderr + r.stdout).toBe(3);

    for (const h of hosts) {
      expect(h.https.total()).toBeGreaterThan(20);
      expect(h.https.maxConcurrent()).toBeLessThanOrEqual(2);
      expect(h.http.maxConcurrent()).toBeLessThanOrEqual(2);
    }
    expect(r.stdout).toMatch(/Delta \/ Weg: unreachable: /);
    expect(r.stdout).toContain('7 installations: 6 complete, 0 failed, 1 incomplete');

    const [header, ...rows] = parseCsv(decodeText(readFileSync(csv)), ',').filter((row) => row.some((f) => f !== ''));
    expect(header).toEqual(['Client', 'Installation', 'Base URL', 'Run', 'State', 'Complete', 'Compliance score', 'Failed checks', 'Warned', 'Error checks (could not run)', 'Manual', 'Exit code', 'Reason (unreachable / broke off)']);
    expect(rows).toHaveLength(7);
    const good = rows.slice(0, 6);
    for (const row of good) {
      expect(row[4]).toBe('complete');
      expect(row[5]).toBe('yes');
      expect(row[7]).toBe('0');
      expect(row[11]).toBe('0');
      expect(row[12]).toBe('');
    }
    const unreachable = rows[6]!;
    expect(unreachable.slice(0, 2)).toEqual(['Delta', 'Weg']);
    expect(unreachable[5]).toBe('no');
    expect(unreachable[11]).toBe('2');
    expect(unreachable[12]).toMatch(/refused|ECONNREFUSED/i);

    const wb = new Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(8);
    expect(ws.getRow(1).getCell(1).value).toBe('Client');
    expect(ws.getRow(2).getCell(2).value).toBe('Shop');
    expect(ws.getRow(2).getCell(12).value).toBe(0);
    expect(String(ws.getRow(8).getCell(13).value)).toMatch(/refused|ECONNREFUSED/i);

    const store = openStore(db);
    try {
      const runIds = rows.map((row) => Number(row[3]));
      expect(new Set(runIds).size).toBe(7);
      for (const [i, runId] of runIds.entries()) {
        const run = store.getRun(runId)!;
        expect(run.targetUrl).toBe(rows[i]![2]);
        const installation = store.installations.get(run.installationId)!;
        expect(installation.name).toBe(rows[i]![1]);
        expect(store.clients.get(installation.clientId)!.name).toBe(rows[i]![0]);
      }
      expect(store.clients.list().map((c) => c.name).sort()).toEqual(['Acme', 'Beta GmbH', 'Delta', 'Gamma']);
    } finally {
      store.close();
    }

    // A second batch reuses the installations (same base URLs) and adds one run to each.
    const again = await runCli(['audit', '--targets', targets, '--concurrency', '6', '--ca', caFile, '--db', db, '--quiet', '--lang', 'de']);
    expect(again.code, again.stderr).toBe(3);
    expect(again.stdout).toBe('');
    const reopened = openStore(db);
    try {
      const installations = reopened.clients.list().flatMap((c) => reopened.installations.list(c.id));
      expect(installations).toHaveLength(7);
      for (const inst of installations) expect(reopened.listRuns(inst.id)).toHaveLength(2);
    } finally {
      reopened.close();
    }
  }, 120_000);

  it('refuses a bad targets file with every bad row and audits nothing (exit 2)', async () => {
    const targets = path.join(dir, 'bad.csv');
    writeFileSync(targets, `client,base URL,pages\nA,${hosts[0]!.https.url},\n,https://b.test/,\nC,http://c.test/,\nD,https://d.test/,ftp://d.test/x\n`);
    const db = path.join(dir, 'bad.db');
    const before = hosts[0]!.https.total();
    const r = await runCli(['audit', '--targets', targets, '--db', db, '--summary', path.join(dir, 'bad-summary.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('3 error(s), nothing audited');
    expect(r.stderr).toContain('row 3, column "client": the client is missing');
    expect(r.stderr).toContain('row 4, column "base URL": "http://c.test/" is not an https URL');
    expect(r.stderr).toContain('row 5, column "pages": "ftp://d.test/x" is not a valid http(s) URL');
    expect(existsSync(db)).toBe(false);
    expect(existsSync(path.join(dir, 'bad-summary.csv'))).toBe(false);
    expect(hosts[0]!.https.total()).toBe(before);
  });

  it('refuses options of a single audit and a summary that is neither .csv nor .xlsx', async () => {
    const targets = path.join(dir, 'targets.csv');
    const withPage = await runCli(['audit', '--targets', targets, '--page', 'https://x.test/']);
    expect(withPage.code).toBe(2);
    expect(withPage.stderr).toContain('--page is for a single audit only');
    const pdf = await runCli(['audit', '--targets', targets, '--summary', 'out.pdf']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('--summary out.pdf: the name must end in .csv or .xlsx');
  });

  it('cancels every running audit on Ctrl+C, keeps their runs as cancelled and exits 130', async () => {
    const slow = await startCountingHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), slowHardened(3000));
    try {
      const targets = path.join(dir, 'slow.csv');
      writeFileSync(targets, `client,installation,base URL,http URL\nSlow,One,${slow.url}one/,${hosts[0]!.http.url}\nSlow,Two,${slow.url}two/,${hosts[0]!.http.url}\nSlow,Three,${slow.url}three/,${hosts[0]!.http.url}\n`);
      const db = path.join(dir, 'cancel.db');
      const csv = path.join(dir, 'cancel.csv');
      const child = spawn(process.execPath, [CLI, 'audit', '--targets', targets, '--concurrency', '2', '--ca', caFile, '--db', db, '--summary', csv, '--quiet'], {
        env: { ...process.env, LANG: 'C', LC_ALL: '' },
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
      const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
      await expect.poll(() => slow.total(), { timeout: 20_000 }).toBeGreaterThan(0);
      child.kill('SIGINT');
      expect(await exited, stderr).toBe(130);
      expect(stderr).toContain('Cancelled; the runs begun are stored as cancelled.');
      const [, ...rows] = parseCsv(decodeText(readFileSync(csv)), ',').filter((row) => row.some((f) => f !== ''));
      expect(rows.map((r) => r[4])).toEqual(['cancelled', 'cancelled', 'not started']);
      expect(rows.map((r) => r[11])).toEqual(['130', '130', '130']);
      const store = openStore(db);
      try {
        for (const row of rows.slice(0, 2)) expect(store.getRun(Number(row[3]))?.state).toBe('cancelled');
        expect(rows[2]![3]).toBe('');
      } finally {
        store.close();
      }
    } finally {
      await slow.close();
    }
  }, 60_000);
});
