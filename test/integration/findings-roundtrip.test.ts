// The findings' Excel round trip through the CLI: findings made by real audits of a loopback server, exported,
// edited with exceljs as a client's team would, previewed (--dry-run writes nothing), imported all-or-nothing;
// a change made in Prüfstand since the export is a conflict to decide; foreign, tampered or damaged files are
// refused and change nothing. One returned workbook is saved by LibreOffice (soffice --headless --convert-to xlsx),
// so a file written by another program than exceljs is read.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type http from 'node:http';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../electron/core/store';
import type { TrackedFinding } from '../../electron/shared/findings';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { readZip } from '../fixtures/zip';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const dir = tempDir('pruefstand-findings-roundtrip-');
const db = path.join(dir, 'store.db');
const file = (name: string) => path.join(dir, name);
const servers: RunningServer[] = [];
const execFileAsync = promisify(execFile);
let site: string;

const findings = (): TrackedFinding[] => {
  const store = openStore(db);
  try {
    return store.findings.list(store.installations.findByBaseUrl(site)!.id);
  } finally {
    store.close();
  }
};

beforeAll(async () => {
  const ca = makeCa();
  writeFileSync(file('ca.pem'), ca.certPem);
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers = { ...HARDENED_HEADERS };
    delete headers['X-Frame-Options'];
    delete headers['X-Content-Type-Options'];
    headers['Content-Security-Policy'] = "default-src 'none'; script-src 'self'";
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  site = https.url;
  const r = await runCli(['audit', https.url, '--ca', file('ca.pem'), '--http-url', http.url, '--db', db, '--client', 'Kunde GmbH', '--quiet']);
  expect(r.code, r.stderr).toBe(1);
});

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** Opens the exported workbook, lets `edit` change the findings sheet as a person would, saves it under `name`. */
async function edited(name: string, edit: (rows: Map<number, { getCell(col: number): { value: unknown } }>, header: string[]) => void): Promise<string> {
  const wb = new Workbook();
  await wb.xlsx.readFile(file('export.xlsx'));
  const ws = wb.getWorksheet('Findings')!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows = new Map<number, { getCell(col: number): { value: unknown } }>();
  ws.eachRow((row, n) => {
    if (n > 1 && typeof row.getCell(1).value === 'number') rows.set(row.getCell(1).value as number, row as never);
  });
  edit(rows, header);
  await wb.xlsx.writeFile(file(name));
  return file(name);
}
/** Opens `file` in LibreOffice Calc (headless, its own profile) and saves it again as .xlsx with LibreOffice's writer. */
async function saveWithLibreOffice(source: string): Promise<string> {
  const out = file('libreoffice');
  const profile = pathToFileURL(file('libreoffice-profile')).href;
  await execFileAsync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--calc', '--convert-to', 'xlsx', '--outdir', out, source], { timeout: 90_000 });
  return path.join(out, path.basename(source));
}
const col = (header: string[], name: string) => header.indexOf(name) + 1;

describe('the findings workbook round trip (CLI)', () => {
  it('exports the open findings for the client’s team', async () => {
    const r = await runCli(['findings', 'export', file('export.xlsx'), site, '--db', db, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`written: .*export\\.xlsx \\(${findings().length} open findings`));
  });

  it('previews the team’s edits without writing, then imports them all, comments included', async () => {
    const [first, second] = findings();
    const book = await edited('returned.xlsx', (rows, h) => {
      rows.get(first!.id)!.getCell(col(h, 'Status')).value = 'in progress';
      rows.get(first!.id)!.getCell(col(h, 'Owner')).value = 'Web-Agentur (J. Roth)';
      rows.get(first!.id)!.getCell(col(h, 'Due on')).value = new Date(Date.UTC(2027, 1, 15));
      rows.get(second!.id)!.getCell(col(h, 'New comment')).value = 'Wird mit dem Relaunch erledigt';
    });
    const before = findings();
    const dry = await runCli(['findings', 'import', book, '--db', db, '--dry-run', '--by', 'J. Roth']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/2 changed, \d+ unchanged, 0 conflict\(s\), 0 bad row\(s\)/);
    expect(dry.stdout).toMatch(new RegExp(`~ #${first!.id} \\(\\d+\\): status open → in-progress; owner – → Web-Agentur \\(J\\. Roth\\); dueOn \\S+ → 2027-02-15`));
    expect(findings()).toEqual(before);

    const r = await runCli(['findings', 'import', book, '--db', db, '--by', 'J. Roth']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/imported: 1 finding\(s\) changed, 1 comment\(s\)/);
    expect(findings().find((f) => f.id === first!.id)).toMatchObject({ status: 'in-progress', owner: 'Web-Agentur (J. Roth)', dueOn: '2027-02-15' });
  });

  it('a field changed in Prüfstand since the export is a conflict: nothing is written until decided', async () => {
    const [, second] = findings();
    const store = openStore(db);
    try {
      store.findings.update(second!.id, { owner: 'IT intern' }, 'DSB');
    } finally {
      store.close();
    }
    const book = await edited('conflict.xlsx', (rows, h) => {
      rows.get(second!.id)!.getCell(col(h, 'Owner')).value = 'Agentur';
    });
    const refused = await runCli(['findings', 'import', book, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(new RegExp(`! #${second!.id} \\(row \\d+\\) owner: at export –, now in Prüfstand IT intern, in the file Agentur`));
    expect(findings().find((f) => f.id === second!.id)!.owner).toBe('IT intern');
    const ours = await runCli(['findings', 'import', book, '--db', db, '--resolve', 'ours']);
    expect(ours.code, ours.stderr).toBe(0);
    expect(findings().find((f) => f.id === second!.id)!.owner).toBe('IT intern');
    const theirs = await runCli(['findings', 'import', book, '--db', db, '--resolve', 'theirs']);
    expect(theirs.code, theirs.stderr).toBe(0);
    expect(findings().find((f) => f.id === second!.id)!.owner).toBe('Agentur');
  });

  it('reads a workbook saved by LibreOffice (another program’s writer, not exceljs)', async () => {
    const third = findings()[2]!;
    const edits = await edited('before-libreoffice.xlsx', (rows, h) => {
      rows.get(third.id)!.getCell(col(h, 'Status')).value = 'in progress';
      rows.get(third.id)!.getCell(col(h, 'Owner')).value = 'Hosting (K. Wolf)';
      rows.get(third.id)!.getCell(col(h, 'Due on')).value = new Date(Date.UTC(2027, 2, 31));
      rows.get(third.id)!.getCell(col(h, 'New comment')).value = 'In LibreOffice bearbeitet';
    });
    const saved = await saveWithLibreOffice(edits);
    const appXml = (await readZip(saved)).find(([name]) => name === 'docProps/app.xml')![1].toString('utf8');
    expect(appXml).toMatch(/<Application>LibreOffice/);
    const r = await runCli(['findings', 'import', saved, '--db', db, '--by', 'K. Wolf']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toMatch(/imported: 1 finding\(s\) changed, 1 comment\(s\)/);
    expect(findings().find((f) => f.id === third.id)).toMatchObject({ status: 'in-progress', owner: 'Hosting (K. Wolf)', dueOn: '2027-03-31' });
  }, 120_000);

  it('refuses a bad row, a tampered meta sheet, a foreign workbook and a damaged file, changing nothing', async () => {
    const [first] = findings();
    const before = findings();
    const badRow = await edited('bad-row.xlsx', (rows, h) => {
      rows.get(first!.id)!.getCell(col(h, 'Status')).value = 'fixed';
    });
    const rowRefused = await runCli(['findings', 'import', badRow, '--db', db]);
    expect(rowRefused.code).toBe(1);
    expect(rowRefused.stderr).toMatch(/nothing imported: the file has bad rows/);

    const wb = new Workbook();
    await wb.xlsx.readFile(file('export.xlsx'));
    const meta = wb.getWorksheet('_pruefstand')!;
    meta.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string' && cell.value.includes('"updatedAt"')) cell.value = cell.value.replace(/"updatedAt":"[^"]+"/, '"updatedAt":"2000-01-01T00:00:00.000Z"');
    }));
    await wb.xlsx.writeFile(file('tampered.xlsx'));
    const foreign = new Workbook();
    foreign.addWorksheet('Umsatz').addRow(['Monat', 'Umsatz']);
    await foreign.xlsx.writeFile(file('foreign.xlsx'));
    writeFileSync(file('damaged.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(400, 3)]));
    for (const name of ['tampered.xlsx', 'foreign.xlsx', 'damaged.xlsx']) {
      const r = await runCli(['findings', 'import', file(name), '--db', db]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(new RegExp(`${name}: `));
    }
    expect(findings()).toEqual(before);
    expect(readFileSync(file('export.xlsx')).length).toBeGreaterThan(0);
  });
});
