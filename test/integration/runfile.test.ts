// Run files end to end: a real audit of a loopback HTTPS server into store A with `audit --out`, then
// `pruefstand import` into store B — verified, once, and nothing at all written for a tampered file.
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunFileManifest } from '../../electron/core/runfile/format';
import { loadOrCreateSigningKey, publicKeyFingerprint } from '../../electron/core/reports/signing-key';
import { openStore, verifyStore, type StoredRun } from '../../electron/core/store';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { readZip, writeZip, type ZipEntries } from '../fixtures/zip';

const ca = makeCa();
const dir = tempDir('pruefstand-runfile-');
const caFile = path.join(dir, 'ca.pem');
writeFileSync(caFile, ca.certPem);
const storeA = path.join(dir, 'a', 'a.db');
const runFile = path.join(dir, 'run-0.zip');
const servers: RunningServer[] = [];
let target: { url: string; httpUrl: string };
let fingerprint: string;
let entries: ZipEntries;
let original: StoredRun;
let tamperCount = 0;

const get = (name: string) => entries.find(([n]) => n === name)![1];
const firstEvidence = () => entries.find(([n]) => n.startsWith('evidence/'))![0];
const tampered = (change: (e: ZipEntries) => ZipEntries) => writeZip(change(entries.map(([n, b]) => [n, Buffer.from(b)])), path.join(dir, `tampered-${++tamperCount}.zip`));
const replace = (e: ZipEntries, name: string, content: Buffer): ZipEntries => e.map(([n, b]) => [n, n === name ? content : b]);

/** Row counts of every table an import writes, and the blob files: what "nothing written" means. */
function footprint(db: string): Record<string, number> {
  if (!existsSync(db)) return {};
  const sqlite = new Database(db, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const t of ['clients', 'installations', 'runs', 'item_results', 'check_results', 'blobs', 'evidence', 'evidence_log']) {
      counts[t] = (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n;
    }
    const blobDir = `${db}.evidence`;
    counts.blobFiles = existsSync(blobDir) ? readdirSync(blobDir, { recursive: true }).filter((f) => /[0-9a-f]{64}$/.test(String(f))).length : 0;
    return counts;
  } finally {
    sqlite.close();
  }
}

function withStore<T>(db: string, use: (store: ReturnType<typeof openStore>) => T): T {
  const store = openStore(db);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

function onlyRun(db: string): StoredRun[] {
  return withStore(db, (store) => {
    const installation = store.installations.findByBaseUrl(target.url);
    return installation ? store.listRuns(installation.id).map((r) => store.getRun(r.id)!) : [];
  });
}

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  target = { url: https.url, httpUrl: http.url };
  const r = await runCli(['audit', target.url, '--ca', caFile, '--http-url', target.httpUrl, '--db', storeA, '--client', 'Agentur Süd', '--page', `${target.url}landing`, '--out', runFile]);
  // Exit 1: the site sets mtc_id before any consent, which the browser visit of the landing page sees (consent.before).
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toContain(`Run file written: ${runFile}`);
  fingerprint = loadOrCreateSigningKey(path.dirname(storeA)).fingerprint;
  entries = await readZip(runFile);
  [original] = onlyRun(storeA) as [StoredRun];
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('audit --out', () => {
  it('writes every evidence body once, the manifest with the run and its signature', () => {
    const shas = [...new Set(original.evidence.map((e) => e.sha256))].sort();
    expect(shas.length).toBeGreaterThan(5);
    expect(entries.map(([n]) => n)).toEqual([...shas.map((s) => `evidence/${s}`), 'manifest.json', 'manifest.sig']);
    const manifest = JSON.parse(get('manifest.json').toString('utf8')) as RunFileManifest;
    expect(manifest).toMatchObject({ format: 'pruefstand-run-file', version: 1, tool: { name: 'pruefstand' }, publicKeyFingerprint: fingerprint });
    expect(manifest.runs).toHaveLength(1);
    const [entry] = manifest.runs;
    expect(entry!.client).toBe('Agentur Süd');
    expect(entry!.installation).toMatchObject({ baseUrl: target.url, httpUrl: null, landingPages: [], formUrls: [] });
    expect(entry!.run).toMatchObject({ id: original.id, targetUrl: original.targetUrl, startedAt: original.startedAt, finishedAt: original.finishedAt, state: original.state });
    expect(entry!.evidence.map((e) => e.sha256)).toEqual(original.evidence.map((e) => e.sha256));
    for (const e of entry!.evidence) expect(e.size).toBe(get(`evidence/${e.sha256}`).length);
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('pruefstand import', () => {
  const storeB = path.join(dir, 'b', 'b.db');

  it('takes the run into a fresh store: same items, summary, evidence; chain intact; listed', async () => {
    const r = await runCli(['import', runFile, '--db', storeB, '--fingerprint', fingerprint.toUpperCase()]);
    expect(r.code, r.stderr).toBe(0);
    const evidenceCount = original.evidence.length;
    expect(r.stdout).toMatch(new RegExp(`imported run (\\d+) \\(Agentur Süd / ${new URL(target.url).host}, ${evidenceCount} evidence\\)`));
    const runs = onlyRun(storeB);
    expect(runs).toHaveLength(1);
    const imported = runs[0]!;
    expect(r.stdout).toContain(`imported run ${imported.id} `);
    expect(imported.items).toEqual(original.items);
    expect(imported.summary).toEqual(original.summary);
    // What the run saw, plus what applying it to this store's findings sealed into it here.
    const seen = new Set(original.evidence.map((e) => e.sha256));
    expect(imported.evidence.filter((e) => seen.has(e.sha256))).toEqual(original.evidence);
    expect(imported.evidence.filter((e) => !seen.has(e.sha256)).map((e) => e.kind)).toEqual(['remediation']);
    expect({ startedAt: imported.startedAt, finishedAt: imported.finishedAt, state: imported.state, score: imported.score }).toEqual({
      startedAt: original.startedAt,
      finishedAt: original.finishedAt,
      state: original.state,
      score: original.score,
    });
    expect(imported.options).toMatchObject({ ...original.options, importedFrom: { file: runFile, fingerprint, originalRunId: original.id, identity: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    withStore(storeB, (store) => {
      const report = verifyStore(store);
      expect(report).toMatchObject({ ok: true, entries: evidenceCount + 1 });
      for (const e of imported.evidence.filter((x) => seen.has(x.sha256))) expect(store.readBlob(e.sha256).equals(get(`evidence/${e.sha256}`))).toBe(true);
      expect(store.clients.list().map((c) => c.name)).toEqual(['Agentur Süd']);
    });
  });

  it('a second import of the same file adds nothing and says so (exit 0)', async () => {
    const before = footprint(storeB);
    const r = await runCli(['import', runFile, '--db', storeB]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/already imported: run \d+ \(Agentur Süd/);
    expect(r.stdout).toContain(fingerprint);
    expect(r.stdout).toContain('Compare the fingerprint');
    expect(footprint(storeB)).toEqual(before);
  });

  it('knows the run in the store that audited it', async () => {
    const before = footprint(storeA);
    const r = await runCli(['import', runFile, '--db', storeA], { LANG: 'de_DE.UTF-8' });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`schon übernommen: Lauf ${original.id} (Agentur Süd`);
    expect(footprint(storeA)).toEqual(before);
  });
});

describe('several files at once (run-*.zip)', () => {
  it('imports the good ones and refuses the tampered one, each on its own (exit 1)', async () => {
    const storeM = path.join(dir, 'm', 'm.db');
    const bad = await tampered((e) => e.filter(([n]) => n !== firstEvidence()));
    const r = await runCli(['import', bad, runFile, '--db', storeM, '--fingerprint', fingerprint], { LANG: 'de_DE.UTF-8' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${bad}: NICHT übernommen, nichts geschrieben`);
    expect(r.stdout).toMatch(/Lauf \d+ übernommen \(Agentur Süd \//);
    expect(onlyRun(storeM)).toHaveLength(1);
  });
});

describe('audit --out that cannot be written', () => {
  it('exits 2 and says why; the run itself is stored', async () => {
    const db = path.join(dir, 'c', 'c.db');
    const out = path.join(dir, 'no-such-folder', 'run.zip');
    const r = await runCli(['audit', target.url, '--ca', caFile, '--http-url', target.httpUrl, '--db', db, '--quiet', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`run file ${out} not written`);
    expect(existsSync(out)).toBe(false);
    expect(onlyRun(db)).toHaveLength(1);
  });
});

describe('pruefstand import refuses a tampered file and writes nothing', () => {
  const storeT = path.join(dir, 't', 't.db');
  const otherKey = () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: publicKeyFingerprint(publicKey) };
  };
  /** The manifest changed by `edit` and signed again with another key. */
  const resigned = (edit: (m: RunFileManifest, key: ReturnType<typeof otherKey>) => void) =>
    tampered((e) => {
      const key = otherKey();
      const m = JSON.parse(get('manifest.json').toString('utf8')) as RunFileManifest;
      edit(m, key);
      const bytes = Buffer.from(JSON.stringify(m, null, 2) + '\n');
      return replace(replace(e, 'manifest.json', bytes), 'manifest.sig', Buffer.from(sign(null, bytes, key.privateKey).toString('base64') + '\n'));
    });

  const cases: [string, () => Promise<string>, string[], RegExp][] = [
    [
      'a changed manifest byte',
      () => tampered((e) => replace(e, 'manifest.json', Buffer.from(get('manifest.json').toString('utf8').replace('"Agentur Süd"', '"Agentur Nord"')))),
      [],
      /manifest\.json: CHANGED – manifest\.sig does not match/,
    ],
    [
      'a changed evidence byte',
      () =>
        tampered((e) => {
          const body = Buffer.from(get(firstEvidence()));
          body[0] = body[0]! ^ 0x01;
          return replace(e, firstEvidence(), body);
        }),
      [],
      /evidence\/[0-9a-f]{64}: CHANGED – content does not match/,
    ],
    ['a missing evidence file', () => tampered((e) => e.filter(([n]) => n !== firstEvidence())), [], /evidence\/[0-9a-f]{64}: MISSING/],
    ['a missing signature', () => tampered((e) => e.filter(([n]) => n !== 'manifest.sig')), [], /manifest\.sig: MISSING/],
    ['an added file', () => tampered((e) => [...e, ['evidence/planted', Buffer.from('x')]]), [], /evidence\/planted: ADDED/],
    [
      'the wrong key (a valid signature by someone else)',
      () =>
        resigned((m, key) => {
          m.publicKey = key.publicKeyPem;
          m.publicKeyFingerprint = key.fingerprint;
        }),
      ['--fingerprint', 'PIN'],
      /WRONG signer: expected/,
    ],
    [
      'a key that is not the stated fingerprint',
      () =>
        resigned((m, key) => {
          m.publicKey = key.publicKeyPem;
        }),
      [],
      /the stated fingerprint is not that of the enclosed key/,
    ],
    [
      'a signed manifest that is no run file manifest',
      () =>
        resigned((m, key) => {
          m.publicKey = key.publicKeyPem;
          m.publicKeyFingerprint = key.fingerprint;
          (m.runs[0]!.run as { state: string }).state = 'running';
        }),
      [],
      /manifest\.json: UNREADABLE – not a valid run file manifest \(.*runs\.0\.run\.state/,
    ],
    ['an entry inflating beyond 64 MiB', () => tampered((e) => [...e, ['evidence/bomb', Buffer.alloc(65 * 1024 * 1024)]]), [], /evidence\/bomb: UNREADABLE – too large/],
  ];

  it.each(cases)('%s: exit 1, what is wrong, store unchanged and intact', async (_label, make, extra, problem) => {
    const file = await make();
    withStore(storeT, () => undefined);
    const before = footprint(storeT);
    const r = await runCli(['import', file, '--db', storeT, ...extra.map((a) => (a === 'PIN' ? fingerprint : a))]);
    expect(r.code, r.stdout + r.stderr).toBe(1);
    expect(r.stderr).toMatch(problem);
    expect(r.stderr).toContain('NOT imported, nothing written');
    expect(footprint(storeT)).toEqual(before);
    expect(before.runs).toBe(0);
    withStore(storeT, (store) => expect(verifyStore(store).ok).toBe(true));
  }, 60_000);

  it('refuses a path that climbs out (../)', async () => {
    // yazl refuses to write '../x', so write a same-length name and patch it in both headers.
    const file = await tampered((e) => [...e, ['xx/evil.txt', Buffer.from('planted')]]);
    const raw = readFileSync(file);
    for (let at = raw.indexOf('xx/evil.txt'); at >= 0; at = raw.indexOf('xx/evil.txt', at)) raw.write('../evil.txt', at, 'latin1');
    writeFileSync(file, raw);
    const r = await runCli(['import', file, '--db', storeT]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('../evil.txt: UNREADABLE – unsafe path');
    expect(footprint(storeT).runs).toBe(0);
  });

  it.each([
    ['not a zip', () => writeZipless('plain text'), 'is not a ZIP file'],
    ['a truncated zip', () => writeZipless(readFileSync(runFile).subarray(0, 200)), 'is not a ZIP file'],
    ['a missing file', () => path.join(dir, 'nope.zip'), 'no such file'],
  ])('exits 2 for %s with a clear error', async (_label, make, message) => {
    const r = await runCli(['import', make(), '--db', storeT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(footprint(storeT).runs).toBe(0);
  });

  it('exits 2 without a file', async () => {
    const r = await runCli(['import', '--db', storeT]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the run file (ZIP) is missing');
  });
});

function writeZipless(content: string | Buffer): string {
  const file = path.join(dir, `broken-${++tamperCount}.zip`);
  writeFileSync(file, content);
  return file;
}
