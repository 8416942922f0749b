import { spawn } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ZipFile } from 'yazl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReportModel, type ReportModel } from '../../electron/core/reports/model';
import { writePack, type PackManifest } from '../../electron/core/reports/pack';
import { loadOrCreateSigningKey, publicKeyFingerprint, SigningKeyError, type SigningKey } from '../../electron/core/reports/signing-key';
import { PackFileError, verifyPack } from '../../electron/core/reports/verify-pack';
import { auditTarget, tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { readZip, type ZipEntries } from '../fixtures/zip';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/electron/cli.js');
const PDF = Buffer.from('%PDF-1.7\n% stand-in report\n%%EOF\n');
const XLSX = Buffer.from('PK stand-in workbook');

type Entries = ZipEntries;

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, LANG: 'C', LC_ALL: '', ...env }, timeout: 120_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
const cli = (args: string[], env?: Record<string, string>) => run(process.execPath, [CLI, ...args], env);

/** Builds dist/ when the built CLI is missing or older than the sources this file tests. */
async function ensureBuiltCli(): Promise<void> {
  const built = path.join(ROOT, 'dist/electron/cli/verify-pack-command.js');
  const sources = ['electron/cli.ts', 'electron/cli/texts.ts', 'electron/cli/verify-pack-command.ts', 'electron/core/reports/verify-pack.ts', 'electron/core/reports/pack.ts', 'electron/core/reports/signing-key.ts'];
  const fresh = () => existsSync(built) && existsSync(CLI) && sources.every((s) => statSync(path.join(ROOT, s)).mtimeMs <= statSync(built).mtimeMs);
  if (fresh()) return;
  const tsc = await run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
  if (!existsSync(built)) throw new Error(`cannot build the CLI: ${tsc.stdout}${tsc.stderr}`);
}

function writeZip(entries: Entries, file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const zip = new ZipFile();
    for (const [name, content] of entries) zip.addBuffer(content, name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => {
      writeFileSync(file, Buffer.concat(chunks));
      resolve(file);
    });
  });
}

const ca = makeCa();
const servers: RunningServer[] = [];
const dir = tempDir('pruefstand-pack-');
let model: ReportModel;
let key: SigningKey;
let packFile: string;
let entries: Entries;
let manifest: PackManifest;
let tamperCount = 0;

const get = (name: string) => entries.find(([n]) => n === name)![1];
const manifestBytes = () => get('manifest.json');
const firstEvidence = () => entries.find(([n]) => n.startsWith('evidence/'))![0];
/** A copy of the pack with `change` applied to its entries. */
async function tampered(change: (e: Entries) => Entries): Promise<string> {
  return writeZip(change(entries.map(([n, b]) => [n, Buffer.from(b)])), path.join(dir, `tampered-${++tamperCount}.zip`));
}
const replace = (e: Entries, name: string, content: Buffer): Entries => e.map(([n, b]) => [n, n === name ? content : b]);

function otherKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: publicKeyFingerprint(publicKey) };
}

beforeAll(async () => {
  const built = ensureBuiltCli();
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  const audited = await auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
  model = buildReportModel(audited.store, audited.result.runId, { lang: 'en', now: new Date('2025-01-02T03:04:05Z') });
  const pdfFile = path.join(dir, 'report.pdf');
  const xlsxFile = path.join(dir, 'report.xlsx');
  writeFileSync(pdfFile, PDF);
  writeFileSync(xlsxFile, XLSX);
  key = loadOrCreateSigningKey(path.dirname(audited.store.file));
  packFile = path.join(dir, 'pack.zip');
  manifest = (await writePack({ model, pdfFile, xlsxFile, readBlob: (sha) => audited.store.readBlob(sha), key, file: packFile })).manifest;
  entries = await readZip(packFile);
  audited.store.close();
  await built;
}, 120_000);
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('writePack', () => {
  it('holds the report, the workbook, every evidence body once, the manifest and its signature, in a fixed order', () => {
    const shas = [...new Set(model.evidence.map((e) => e.sha256))].sort();
    expect(shas.length).toBeGreaterThan(5);
    expect(entries.map(([n]) => n)).toEqual(['report.pdf', 'evidence.xlsx', ...shas.map((s) => `evidence/${s}`), 'manifest.json', 'manifest.sig']);
    expect(get('report.pdf')).toEqual(PDF);
    expect(get('evidence.xlsx')).toEqual(XLSX);
    expect(readdirTmp()).toEqual([]);
  });

  it('writes a manifest with the run, the chain head, every other file and the public key', () => {
    const parsed = JSON.parse(manifestBytes().toString('utf8')) as PackManifest;
    expect(parsed).toEqual(manifest);
    expect(parsed).toMatchObject({
      format: 'pruefstand-evidence-pack',
      version: 1,
      tool: { name: 'pruefstand' },
      run: {
        id: model.run.id,
        client: 'Test client',
        targetUrl: model.run.targetUrl,
        checklist: { id: 'mautic-dsgvo', version: '1.0.0' },
        engineVersion: model.run.engineVersion,
        startedAt: model.run.startedAt,
        finishedAt: model.run.finishedAt,
        state: 'complete',
      },
      chainHead: model.chainHead,
      publicKey: key.publicKeyPem,
      publicKeyFingerprint: key.fingerprint,
    });
    expect(parsed.files.map((f) => f.path)).toEqual(entries.map(([n]) => n).filter((n) => !n.startsWith('manifest.')));
    for (const f of parsed.files) expect(f.size).toBe(get(f.path).length);
    expect(get('manifest.sig').toString('ascii').trim()).toMatch(/^[A-Za-z0-9+/]{86}==$/);
  });

  it('is reproducible for the same model, files and time', async () => {
    const pdfFile = path.join(dir, 'report.pdf');
    const xlsxFile = path.join(dir, 'report.xlsx');
    const blobs = new Map(entries.filter(([n]) => n.startsWith('evidence/')).map(([n, b]) => [n.slice('evidence/'.length), b]));
    const readBlob = (sha: string) => blobs.get(sha)!;
    const now = new Date('2025-02-03T04:05:06Z');
    const a = path.join(dir, 'same-a.zip');
    const b = path.join(dir, 'same-b.zip');
    await writePack({ model, pdfFile, xlsxFile, readBlob, key, file: a, now });
    await writePack({ model, pdfFile, xlsxFile, readBlob, key, file: b, now });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('fails without leaving a file when an evidence body cannot be read', async () => {
    const file = path.join(dir, 'failed.zip');
    const readBlob = () => {
      throw new Error('evidence file gone');
    };
    await expect(writePack({ model, pdfFile: path.join(dir, 'report.pdf'), xlsxFile: path.join(dir, 'report.xlsx'), readBlob, key, file })).rejects.toThrow('evidence file gone');
    expect(existsSync(file)).toBe(false);
    expect(readdirTmp()).toEqual([]);
  });

  it('verifies as intact', async () => {
    const report = await verifyPack(packFile);
    expect(report).toMatchObject({ ok: true, signatureValid: true, publicKeyFingerprint: key.fingerprint, fingerprintMatches: null, problems: [] });
    expect(report.filesChecked).toBe(manifest.files.length);
    expect(report.manifest?.run.targetUrl).toBe(model.run.targetUrl);
    expect((await verifyPack(packFile, { expectedFingerprint: key.fingerprint.toUpperCase() })).ok).toBe(true);
  });
});

function readdirTmp(): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp'));
}

describe('verifyPack names each kind of tampering', () => {
  it('a changed byte in an evidence body', async () => {
    const name = firstEvidence();
    const file = await tampered((e) => {
      const body = Buffer.from(get(name));
      body[0] = body[0]! ^ 0x01;
      return replace(e, name, body);
    });
    const report = await verifyPack(file);
    expect(report.ok).toBe(false);
    expect(report.signatureValid).toBe(true);
    expect(report.problems).toEqual([expect.objectContaining({ path: name, problem: 'changed', reason: 'content-mismatch' })]);
  });

  it('an added file', async () => {
    const report = await verifyPack(await tampered((e) => [...e, ['evidence/extra.html', Buffer.from('<p>planted</p>')]]));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: 'evidence/extra.html', problem: 'added' })]);
  });

  it('a second entry under a name already in the pack', async () => {
    const name = firstEvidence();
    const report = await verifyPack(await tampered((e) => [...e, [name, Buffer.from('other')]]));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: name, problem: 'added', reason: 'duplicate-entry' })]);
  });

  it('a removed file', async () => {
    const report = await verifyPack(await tampered((e) => e.filter(([n]) => n !== 'report.pdf')));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: 'report.pdf', problem: 'removed' })]);
  });

  it('a changed manifest (the target URL edited, the signature kept)', async () => {
    const edited = Buffer.from(manifestBytes().toString('utf8').replace(JSON.stringify(model.run.targetUrl), JSON.stringify('https://elsewhere.example/')));
    expect(edited.equals(manifestBytes())).toBe(false);
    const report = await verifyPack(await tampered((e) => replace(e, 'manifest.json', edited)));
    expect(report.ok).toBe(false);
    expect(report.signatureValid).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: 'manifest.json', problem: 'changed', reason: 'signature-mismatch' })]);
  });

  it('a signature made with another key', async () => {
    const sig = Buffer.from(sign(null, manifestBytes(), otherKey().privateKey).toString('base64'));
    const report = await verifyPack(await tampered((e) => replace(e, 'manifest.sig', sig)));
    expect(report).toMatchObject({ ok: false, signatureValid: false, publicKeyFingerprint: key.fingerprint });
    expect(report.problems).toEqual([expect.objectContaining({ path: 'manifest.json', problem: 'changed', reason: 'signature-mismatch' })]);
  });

  it('a manifest re-signed with another key and its public key: valid signature, another fingerprint, rejected when pinned', async () => {
    const forger = otherKey();
    const forged = { ...manifest, run: { ...manifest.run, targetUrl: 'https://elsewhere.example/' }, publicKey: forger.publicKeyPem, publicKeyFingerprint: forger.fingerprint };
    const bytes = Buffer.from(JSON.stringify(forged, null, 2) + '\n');
    const sig = Buffer.from(sign(null, bytes, forger.privateKey).toString('base64'));
    const file = await tampered((e) => replace(replace(e, 'manifest.json', bytes), 'manifest.sig', sig));
    const unpinned = await verifyPack(file);
    expect(unpinned).toMatchObject({ signatureValid: true, publicKeyFingerprint: forger.fingerprint, problems: [] });
    expect(unpinned.publicKeyFingerprint).not.toBe(key.fingerprint);
    const pinned = await verifyPack(file, { expectedFingerprint: key.fingerprint });
    expect(pinned).toMatchObject({ ok: false, signatureValid: true, fingerprintMatches: false, publicKeyFingerprint: forger.fingerprint });
  });

  it('a manifest stating a fingerprint that is not its key’s', async () => {
    const forged = { ...manifest, publicKeyFingerprint: '0'.repeat(64) };
    const bytes = Buffer.from(JSON.stringify(forged, null, 2) + '\n');
    const file = await tampered((e) => replace(replace(e, 'manifest.json', bytes), 'manifest.sig', Buffer.from(sign(null, bytes, key.privateKey).toString('base64'))));
    const report = await verifyPack(file);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: 'manifest.json', reason: 'fingerprint-mismatch' })]);
  });

  it.each([
    ['manifest.json missing', (e: Entries) => e.filter(([n]) => n !== 'manifest.json'), { path: 'manifest.json', problem: 'removed' }],
    ['manifest.sig missing', (e: Entries) => e.filter(([n]) => n !== 'manifest.sig'), { path: 'manifest.sig', problem: 'removed' }],
    ['manifest.json not JSON', (e: Entries) => replace(e, 'manifest.json', Buffer.from('{"format": ')), { path: 'manifest.json', problem: 'unreadable', reason: 'bad-manifest' }],
    ['manifest.json another format', (e: Entries) => replace(e, 'manifest.json', Buffer.from('{"format":"x"}')), { path: 'manifest.json', problem: 'unreadable', reason: 'bad-manifest' }],
    ['manifest.sig garbled', (e: Entries) => replace(e, 'manifest.sig', Buffer.from('not a signature!')), { path: 'manifest.sig', problem: 'unreadable', reason: 'bad-signature' }],
  ] as const)('%s is a clear problem, not a crash', async (_label, change, expected) => {
    const report = await verifyPack(await tampered(change));
    expect(report.ok).toBe(false);
    expect(report.signatureValid).toBe(false);
    expect(report.problems).toContainEqual(expect.objectContaining(expected));
  });

  it('refuses path traversal names without reading them', async () => {
    // yazl refuses to write '../x', so write a same-length name and patch it in the headers.
    const file = await tampered((e) => [...e, ['xx/evil.txt', Buffer.from('pwned')]]);
    const raw = readFileSync(file);
    let at = raw.indexOf('xx/evil.txt');
    while (at !== -1) {
      raw.write('../evil.txt', at, 'latin1');
      at = raw.indexOf('xx/evil.txt', at);
    }
    writeFileSync(file, raw);
    const report = await verifyPack(file);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: '../evil.txt', problem: 'unreadable', reason: 'unsafe-name' })]);
  });

  it('refuses an entry that inflates beyond 64 MiB', async () => {
    const report = await verifyPack(await tampered((e) => [...e, ['evidence/bomb', Buffer.alloc(65 * 1024 * 1024)]]));
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([expect.objectContaining({ path: 'evidence/bomb', problem: 'unreadable', reason: 'too-large' })]);
  });

  it('throws PackFileError for a missing file and for a file that is no ZIP', async () => {
    await expect(verifyPack(path.join(dir, 'nope.zip'))).rejects.toMatchObject({ code: 'not-found' });
    const notZip = path.join(dir, 'not-a-zip.zip');
    writeFileSync(notZip, 'hello');
    await expect(verifyPack(notZip)).rejects.toBeInstanceOf(PackFileError);
    await expect(verifyPack(notZip)).rejects.toMatchObject({ code: 'not-a-zip' });
  });
});

describe('the signing key', () => {
  it('is created once, 0600, PKCS#8 PEM, and loaded again on the next call', () => {
    const keyDir = path.join(dir, 'keys');
    mkdirSync(keyDir);
    const first = loadOrCreateSigningKey(keyDir);
    const file = path.join(keyDir, 'signing-key.pem');
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    const second = loadOrCreateSigningKey(keyDir);
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(second.publicKeyPem).toBe(first.publicKeyPem);
    expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(readdirSync(keyDir)).toEqual(['signing-key.pem']);
  });

  it('the store folder’s key is the one that signed the pack', () => {
    expect(manifest.publicKeyFingerprint).toBe(key.fingerprint);
  });

  it.each([
    ['garbage', '-----BEGIN PRIVATE KEY-----\nnot base64 at all\n-----END PRIVATE KEY-----\n'],
    ['empty', ''],
    ['an RSA key', generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()],
  ])('a corrupt key file (%s) is an error naming the file, never a silent new key', (_label, content) => {
    const keyDir = tempDir('pruefstand-key-');
    const file = path.join(keyDir, 'signing-key.pem');
    writeFileSync(file, content);
    chmodSync(file, 0o600);
    expect(() => loadOrCreateSigningKey(keyDir)).toThrow(SigningKeyError);
    expect(() => loadOrCreateSigningKey(keyDir)).toThrow(file);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });
});

describe('pruefstand verify', () => {
  it('exits 0 for an intact pack and shows the signer fingerprint', async () => {
    const r = await cli(['verify', packFile]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(key.fingerprint);
    expect(r.stdout).toContain('Signature: valid');
    expect(r.stdout).toContain('Pack intact');
  });

  it('exits 1 for a tampered pack and names the file', async () => {
    const name = firstEvidence();
    const file = await tampered((e) => replace(e, name, Buffer.from('changed')));
    const r = await cli(['verify', file]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain(`${name}: CHANGED`);
    expect(r.stdout).toContain('Pack NOT intact');
  });

  it('speaks German, and rejects a pinned fingerprint that is not the signer', async () => {
    const r = await cli(['verify', packFile, '--fingerprint', 'ab'.repeat(32)], { LANG: 'de_DE.UTF-8' });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toContain('Signatur: gültig');
    expect(r.stdout).toContain('FALSCHER Unterzeichner');
    const removed = await cli(['verify', await tampered((e) => e.filter(([n]) => n !== 'evidence.xlsx'))], { LANG: 'de_DE.UTF-8' });
    expect(removed.code).toBe(1);
    expect(removed.stdout).toContain('evidence.xlsx: ENTFERNT');
  });

  it.each([
    ['no argument', [], 'evidence pack'],
    ['a missing file', ['/nonexistent/pack.zip'], 'no file at /nonexistent/pack.zip'],
    ['not a zip', ['NOT_A_ZIP'], 'is not a ZIP file'],
  ])('exits 2 for %s', async (_label, args, message) => {
    const notZip = path.join(dir, 'plain.txt');
    writeFileSync(notZip, 'plain text');
    const r = await cli(['verify', ...args.map((a) => (a === 'NOT_A_ZIP' ? notZip : a))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});
