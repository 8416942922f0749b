// `pruefstand registers import|export` and `audit --client`: a consultant's workbook imported into a real store
// with a preview (nothing written on a dry run or with bad rows), exported and read back; then a full audit of a
// loopback installation whose landing page loads Google Fonts and a Meta pixel while the client's register names
// only Google: dpa.coverage fails naming the Meta host and the page.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../electron/core/registers';
import { openStore } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { startHardenedSite, startHttps, type RunningServer } from '../fixtures/servers';

const dir = tempDir('pruefstand-cli-registers-');
const db = path.join(dir, 'store.db');
const file = (name: string) => path.join(dir, name);
const CLIENT = 'Kunde GmbH';

/** A processor sheet and an activity sheet as consultants send them: titles above German headers, gaps, German dates. */
async function workbook(rows: { processors: string[][]; activities: string[][] }): Promise<Buffer> {
  const wb = new Workbook();
  const p = wb.addWorksheet('Auftragsverarbeiter');
  p.addRow(['Liste der Auftragsverarbeiter nach Art. 28 DSGVO']);
  p.addRow([]);
  p.addRow(['Auftragsverarbeiter', 'Leistung', 'Land', 'AVV unterzeichnet am', 'Übermittlungsgrundlage', 'Nächste Prüfung']);
  for (const r of rows.processors) p.addRow(r);
  const a = wb.addWorksheet('VVT');
  a.addRow(['Verarbeitungstätigkeit', 'Zwecke', 'Rechtsgrundlage', 'Empfänger']);
  a.addRow([]);
  for (const r of rows.activities) a.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const HOSTER = ['Hetzner Online GmbH', 'Hosting des Mautic-Servers', 'Deutschland', '15.03.2025', '', '15.03.2027'];
const GOOGLE = ['Google Ireland Limited', 'Google Fonts, Analytics', 'Irland', '01.02.2026', 'DPF', '01.02.2027'];
const MAUTIC = ['Marketing-Automation mit Mautic', 'Newsletter, Lead-Management', 'Art. 6 Abs. 1 lit. a DSGVO', 'Hetzner (Hosting), E-Mail-Versand über eigenen SMTP'];

const count = (store: ReturnType<typeof openStore>) => {
  const c = store.clients.findByName(CLIENT);
  return c ? store.registers.listProcessors(c.id).length + store.registers.listActivities(c.id).length : 0;
};
const entries = () => {
  const store = openStore(db);
  try {
    return count(store);
  } finally {
    store.close();
  }
};

describe('pruefstand registers import', () => {
  it('previews a dry run and writes nothing', async () => {
    writeFileSync(file('avv.xlsx'), await workbook({ processors: [HOSTER, GOOGLE], activities: [MAUTIC] }));
    const r = await runCli(['registers', 'import', file('avv.xlsx'), '--client', CLIENT, '--db', db, '--dry-run']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Processors: 2 new, 0 changed, 0 unchanged/);
    expect(r.stdout).toMatch(/\+ Google Ireland Limited/);
    expect(r.stdout).toMatch(/Records of processing: 1 new/);
    expect(r.stdout).toMatch(/dry run \(--dry-run\): nothing written/);
    expect(entries()).toBe(0);
  });

  it('refuses a file with bad rows, naming sheet, row and column, and writes nothing unless --skip-invalid', async () => {
    writeFileSync(file('bad.xlsx'), await workbook({ processors: [HOSTER, ['Kaputt AG', 'x', 'Atlantis', '31.02.2026', '', '']], activities: [] }));
    const r = await runCli(['registers', 'import', file('bad.xlsx'), '--client', CLIENT, '--db', db], { LANG: 'de_DE.UTF-8' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Auftragsverarbeiter, Zeile 5, Spalte „Land“: .*Atlantis/);
    expect(r.stdout).toMatch(/Auftragsverarbeiter, Zeile 5, Spalte „AVV unterzeichnet am“/);
    expect(r.stderr).toMatch(/nichts übernommen/);
    expect(entries()).toBe(0);
  });

  it('imports, creating the client; a second import shows the changed fields and leaves the rest alone', async () => {
    const first = await runCli(['registers', 'import', file('avv.xlsx'), '--client', CLIENT, '--db', db]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/client "Kunde GmbH" created/);
    expect(first.stdout).toMatch(/imported into the registers of Kunde GmbH: 3 new, 0 changed/);
    expect(entries()).toBe(3);

    const again = await runCli(['registers', 'import', file('avv.xlsx'), '--client', CLIENT, '--db', db]);
    expect(again.stdout).toMatch(/Processors: 0 new, 0 changed, 2 unchanged/);
    expect(again.stdout).toMatch(/nothing to import/);

    writeFileSync(file('avv2.xlsx'), await workbook({ processors: [HOSTER, [...GOOGLE.slice(0, 5), '01.08.2027']], activities: [MAUTIC] }));
    const changed = await runCli(['registers', 'import', file('avv2.xlsx'), '--client', CLIENT, '--db', db]);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toMatch(/~ Google Ireland Limited: Next review 2027-02-01 → 2027-08-01/);
    expect(changed.stdout).toMatch(/0 new, 1 changed/);
  });

  it('refuses what is not a register file with a clear error: corrupt, password-protected, not ours, too large', async () => {
    const cases: [string, Buffer, RegExp][] = [
      ['corrupt.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(500, 7)]), /damaged/],
      ['secret.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1000)]), /password-protected/],
      ['huge.csv', Buffer.alloc(50 * 1024 * 1024, 'a'), /too large/],
    ];
    const other = new Workbook();
    other.addWorksheet('Umsatz').addRow(['Monat', 'Umsatz', 'Kosten']);
    cases.push(['umsatz.xlsx', Buffer.from(await other.xlsx.writeBuffer()), /not a register spreadsheet/]);
    for (const [name, bytes, message] of cases) {
      writeFileSync(file(name), bytes);
      const r = await runCli(['registers', 'import', file(name), '--client', CLIENT, '--db', db]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
    }
    expect(entries()).toBe(3);
  });
});

describe('pruefstand registers export', () => {
  it('writes a workbook that reads back to the register, and a CSV of one kind', async () => {
    const r = await runCli(['registers', 'export', file('out.xlsx'), '--client', CLIENT, '--db', db]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/written: .*out\.xlsx \(2 processors, 1 records of processing\)/);
    const back = await readRegisterFile(readFileSync(file('out.xlsx')), 'out.xlsx');
    expect(back.errors).toEqual([]);
    expect(back.processors.map((p) => [p.input.name, p.input.country, p.input.transferBasis, p.input.nextReviewOn])).toEqual([
      ['Google Ireland Limited', 'IE', 'dpf', '2027-08-01'],
      ['Hetzner Online GmbH', 'DE', null, '2027-03-15'],
    ]);
    expect(back.activities[0]?.input).toMatchObject({ activity: 'Marketing-Automation mit Mautic', legalBasis: 'a' });

    const noKind = await runCli(['registers', 'export', file('out.csv'), '--client', CLIENT, '--db', db]);
    expect(noKind.code).toBe(2);
    expect(noKind.stderr).toMatch(/--kind processors or --kind activities/);
    const csv = await runCli(['registers', 'export', file('out.csv'), '--client', CLIENT, '--db', db, '--kind', 'activities', '--lang', 'de']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(readFileSync(file('out.csv'), 'utf8')).toMatch(/^\uFEFF?Verarbeitungstätigkeit;/);
    const unknown = await runCli(['registers', 'export', file('x.xlsx'), '--client', 'Niemand', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/there is no client "Niemand"/);
  });
});

describe('pruefstand audit --client', () => {
  const servers: RunningServer[] = [];
  const ca = makeCa();
  let site: { url: string; httpUrl: string };
  let landing: string;
  beforeAll(async () => {
    const mautic = await startHardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
    const page = `<!doctype html><html lang="de"><head><title>Angebot</title>
<link rel="stylesheet" href="https://fonts.googleapis.com/css2?family=Roboto&amp;display=swap">
<script>!function(f,b,e,v,n,t,s){n=f.fbq=function(){};t=b.createElement(e);t.async=!0;t.src=v;s=b.getElementsByTagName(e)[0];s.parentNode.insertBefore(t,s)}(window,document,'script','https://connect.facebook.net/en_US/fbevents.js');</script>
<script src="https://connect.facebook.net/en_US/fbevents.js" async></script>
</head><body><h1>Angebot</h1></body></html>`;
    const website = await startHttps(ca.issue({ commonName: '127.0.0.1', hosts: LOCAL_HOSTS }), (_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page));
    servers.push(...mautic.servers, website);
    site = { url: mautic.url, httpUrl: mautic.httpUrl };
    landing = `https://127.0.0.1:${website.port}/angebot`;
    writeFileSync(file('ca.pem'), ca.certPem);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  type Json = { items: { id: string; checks: { id: string; status: string; message: string; findings: { code: string; status: string; params?: Record<string, unknown> }[] }[] }[] };
  const checkOf = (json: Json, id: string) => json.items.flatMap((i) => i.checks).find((c) => c.id === id)!;
  const audit = (client: string, out: string, store = db) => runCli(['audit', site.url, '--ca', file('ca.pem'), '--http-url', site.httpUrl, '--page', landing, '--client', client, '--db', store, '--quiet', '--json', file(out)]);

  it('uses the client’s registers: Google registered, the Meta pixel not → dpa.coverage fails naming the host and the page', async () => {
    const r = await audit(CLIENT, 'kunde.json');
    expect([0, 1, 3]).toContain(r.code);
    const json = JSON.parse(readFileSync(file('kunde.json'), 'utf8')) as Json;
    const coverage = checkOf(json, 'dpa.coverage');
    expect(coverage.status).toBe('fail');
    const missing = coverage.findings.filter((f) => f.status === 'fail');
    expect(JSON.stringify(missing)).toContain('connect.facebook.net');
    expect(JSON.stringify(missing)).toContain(landing);
    expect(JSON.stringify(missing)).not.toContain('fonts.googleapis.com');
    expect(coverage.message).toMatch(/connect\.facebook\.net/);
    expect(checkOf(json, 'ropa.mautic-entry').status).toBe('pass');
    expect(checkOf(json, 'ropa.legal-basis').status).toBe('pass');
    // The snapshot the verdicts were drawn from is kept as evidence of the run.
    const store = openStore(db);
    try {
      const run = store.listRuns(store.installations.list(store.clients.findByName(CLIENT)!.id)[0]!.id)[0]!;
      expect(store.listEvidence(run.id).some((e) => e.kind === 'registers')).toBe(true);
    } finally {
      store.close();
    }
  });

  it('--vendors FILE: an own catalogue decides who stands behind a host; a broken one is a clear error', async () => {
    writeFileSync(
      file('own-vendors.yaml'),
      `format: 1
vendors:
  - id: google-fonts
    name: Google Fonts
    company: Google Ireland Limited
    country: IE
    eea: true
    transferBasis: dpf
    category: fonts
    hosts: [fonts.googleapis.com, fonts.gstatic.com]
    aliases: [Google]
  - id: meta-reseller
    name: Pixel über Agentur
    company: Hetzner Online GmbH
    country: DE
    eea: true
    transferBasis: null
    category: advertising
    hosts: [connect.facebook.net]
    aliases: []
`,
    );
    const own = await runCli(['audit', site.url, '--ca', file('ca.pem'), '--http-url', site.httpUrl, '--page', landing, '--client', CLIENT, '--db', db, '--quiet', '--json', file('own.json'), '--vendors', file('own-vendors.yaml')]);
    expect([0, 1, 3], own.stderr).toContain(own.code);
    const json = JSON.parse(readFileSync(file('own.json'), 'utf8')) as Json;
    // Under this catalogue the pixel's host belongs to a registered processor: no host is left without one.
    expect(JSON.stringify(checkOf(json, 'dpa.coverage').findings)).not.toContain('connect.facebook.net');

    writeFileSync(file('broken-vendors.yaml'), 'format: 1\nvendors:\n  - id: x\n    country: Germany\n');
    const broken = await runCli(['audit', site.url, '--ca', file('ca.pem'), '--client', CLIENT, '--db', db, '--quiet', '--vendors', file('broken-vendors.yaml')]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken-vendors\.yaml:\d+/);
  });

  it('a client without registers leaves ropa.* and dpa.* manual', async () => {
    // Its own store: in this one the installation is filed under the client with registers already.
    const r = await audit('Ohne Register AG', 'ohne.json', file('ohne.db'));
    expect(r.code, r.stderr).not.toBe(2);
    const json = JSON.parse(readFileSync(file('ohne.json'), 'utf8')) as Json;
    for (const id of ['ropa.mautic-entry', 'ropa.legal-basis', 'ropa.mail-service', 'dpa.coverage', 'dpa.transfers', 'dpa.review-due']) expect(checkOf(json, id).status, id).toBe('manual');
  });
});
