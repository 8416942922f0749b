// Run files in-process, with real stores and real ZIPs: many runs per file, one transaction per file,
// identity of a run, and what the reader refuses before the store sees anything.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signManifest } from '../../../electron/core/reports/pack';
import { loadOrCreateSigningKey, type SigningKey } from '../../../electron/core/reports/signing-key';
import { serializeRunFileManifest, type RunFileManifest } from '../../../electron/core/runfile/format';
import { importRunFile } from '../../../electron/core/runfile/import';
import { openRunFile, RunFileError } from '../../../electron/core/runfile/read';
import { writeRunFile } from '../../../electron/core/runfile/write';
import { runIdentity, verifyStore, type Store } from '../../../electron/core/store';
import { readZip, writeZip } from '../../fixtures/zip';
import { evidence, filesUnder, rawDb, runFor, sampleResults, tempDir, tempStore } from '../store/helpers';

const TOOL = { name: 'pruefstand', version: '0.0.0-test' };

/** Removed after each test (with the stores in it, closed first). */
const tempFolder = tempDir;

/** A finished run with two evidence records, one of them the body `shared`. */
function auditedRun(store: Store, url: string, own: string): number {
  const { runId } = runFor(store, url);
  const sha = store.addEvidence(runId, evidence(own));
  store.addEvidence(runId, evidence('shared', { kind: 'page-text', mediaType: 'text/plain' }));
  const sample = sampleResults(sha);
  // Nothing failed: the run carries only what it saw (no findings to seal into it).
  const items = sample.items.map((item) => ({ ...item, status: 'pass' as const, checks: item.checks.map((c) => ({ ...c, status: c.automated ? ('pass' as const) : c.status })) }));
  store.finishRun(runId, { state: 'complete', items, summary: sample.summary, finishedAt: '2025-01-02T03:05:00.000Z' });
  return runId;
}


/** The file's manifest changed by `edit` and signed again with the same key: authentic, but whatever edit made it. */
async function resigned(file: string, key: SigningKey, edit: (m: RunFileManifest) => void): Promise<string> {
  const entries = await readZip(file);
  const manifest = JSON.parse(entries.find(([n]) => n === 'manifest.json')![1].toString('utf8')) as RunFileManifest;
  edit(manifest);
  const bytes = serializeRunFileManifest(manifest);
  const out = file.replace(/\.zip$/, `-edited-${Math.random().toString(36).slice(2)}.zip`);
  return writeZip(
    entries.map(([n, b]) => [n, n === 'manifest.json' ? bytes : n === 'manifest.sig' ? signManifest(bytes, key) : b]),
    out,
  );
}

async function twoRunFile() {
  const folder = tempFolder();
  const a = tempStore(path.join(folder, 'a.db'));
  const first = auditedRun(a, 'https://one.example.org/', 'one');
  const second = auditedRun(a, 'https://two.example.org/', 'two');
  const key = loadOrCreateSigningKey(folder);
  const file = path.join(folder, 'runs.zip');
  const { manifest } = await writeRunFile({ store: a, runIds: [first, second], key, file, tool: TOOL, now: new Date('2025-03-04T05:06:07Z') });
  return { folder, a, first, second, key, file, manifest };
}

describe('a run file with many runs', () => {
  it('carries each run with its installation and evidence, each body once', async () => {
    const { a, first, second, file, manifest } = await twoRunFile();
    expect(manifest.runs.map((r) => r.installation.baseUrl)).toEqual(['https://one.example.org/', 'https://two.example.org/']);
    expect(manifest.runs.map((r) => r.run.id)).toEqual([first, second]);
    const names = (await readZip(file)).map(([n]) => n);
    const shas = [...new Set(manifest.runs.flatMap((r) => r.evidence.map((e) => e.sha256)))].sort();
    expect(shas).toHaveLength(3);
    expect(names).toEqual([...shas.map((s) => `evidence/${s}`), 'manifest.json', 'manifest.sig']);
    expect(manifest.runs[0]!.evidence.map((e) => e.sha256)).toEqual(a.getRun(first)!.evidence.map((e) => e.sha256));
    expect(manifest.createdAt).toBe('2025-03-04T05:06:07.000Z');
  });

  it('imports them all in one go; the shared body is one blob (sealed once per run), the chain intact, nothing staged left', async () => {
    const { a, first, file } = await twoRunFile();
    const bFile = path.join(tempFolder(), 'b.db');
    const b = tempStore(bFile);
    const result = await importRunFile(b, file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.runs.map((r) => [r.status, r.installation, r.evidence])).toEqual([
      ['imported', 'one.example.org', 2],
      ['imported', 'two.example.org', 2],
    ]);
    const imported = b.getRun(result.runs[0]!.runId)!;
    const source = a.getRun(first)!;
    expect(imported.items).toEqual(source.items);
    expect(imported.evidence).toEqual(source.evidence);
    expect(verifyStore(b)).toMatchObject({ ok: true, entries: 4, blobs: 4 });
    expect(rawDb(bFile).prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 3 });
    expect(existsSync(path.join(`${bFile}.evidence`, 'staging')) ? filesUnder(path.join(`${bFile}.evidence`, 'staging')) : []).toEqual([]);
    const again = await importRunFile(b, file);
    expect(again.ok && again.runs.map((r) => r.status)).toEqual(['already-imported', 'already-imported']);
    expect(verifyStore(b).entries).toBe(4);
  });

  it('imports nothing when the store refuses one run of the file (one transaction)', async () => {
    const { file, key } = await twoRunFile();
    // Authentic and well-formed, but the second run holds one check twice: the store's key refuses it.
    const edited = await resigned(file, key, (m) => {
      const item = m.runs[1]!.run.items[0]!;
      item.checks.push({ ...item.checks[0]! });
    });
    const b = tempStore(path.join(tempFolder(), 'b.db'));
    await expect(importRunFile(b, edited)).rejects.toMatchObject({ name: 'StoreError', code: 'conflict' });
    expect(b.clients.list()).toEqual([]);
    expect(b.installations.findByBaseUrl('https://one.example.org/')).toBeNull();
    expect(b.chainHead()).toBeNull();
    expect(verifyStore(b).ok).toBe(true);
  });

  it('keeps an existing installation and its client, and adds the run to it', async () => {
    const { file } = await twoRunFile();
    const b = tempStore(path.join(tempFolder(), 'b.db'));
    const client = b.clients.create({ name: 'Hoster Nord' });
    const mine = b.installations.create({ clientId: client.id, name: 'Mautic One', baseUrl: 'https://one.example.org/' });
    const result = await importRunFile(b, file);
    expect(result.ok && result.runs[0]).toMatchObject({ status: 'imported', client: 'Hoster Nord', installation: 'Mautic One' });
    expect(b.listRuns(mine.id)).toHaveLength(1);
    expect(b.installations.findByBaseUrl('https://two.example.org/')).toMatchObject({ name: 'two.example.org' });
  });
});

describe('openRunFile refuses before anything is imported', () => {
  it.each([
    ['a check citing evidence its run does not list', (m: RunFileManifest) => m.runs[0]!.run.items[0]!.checks[0]!.evidence.push('f'.repeat(64)), /check tls-protocols cites evidence f{64}/],
    ['an evidence kind this version does not know', (m: RunFileManifest) => ((m.runs[0]!.evidence[0] as { kind: string }).kind = 'telepathy'), /runs\.0\.evidence\.0\.kind/],
    ['an installation that is not a web URL', (m: RunFileManifest) => (m.runs[0]!.installation.baseUrl = 'file:///etc/passwd'), /runs\.0\.installation\.baseUrl/],
    ['no runs at all', (m: RunFileManifest) => (m.runs = []), /runs/],
    ['another format', (m: RunFileManifest) => ((m as { format: string }).format = 'pruefstand-evidence-pack'), /format/],
  ])('%s (signed, still refused)', async (_label, edit, detail) => {
    const { file, key } = await twoRunFile();
    const opened = await openRunFile(await resigned(file, key, edit));
    try {
      expect(opened.verification.ok).toBe(false);
      expect(opened.verification.signatureValid).toBe(false);
      expect(opened.verification.problems).toContainEqual(expect.objectContaining({ path: 'manifest.json', reason: 'bad-manifest', detail: expect.stringMatching(detail) }));
    } finally {
      opened.close();
    }
  });

  it('verifies an intact file, pins the signer, and is ok: false with the wrong pin', async () => {
    const { file, key } = await twoRunFile();
    const pinned = await openRunFile(file, { expectedFingerprint: key.fingerprint.match(/../g)!.join(':') });
    expect(pinned.verification).toMatchObject({ ok: true, signatureValid: true, fingerprintMatches: true, publicKeyFingerprint: key.fingerprint, filesChecked: 3 });
    pinned.close();
    const wrong = await openRunFile(file, { expectedFingerprint: 'ab'.repeat(32) });
    expect(wrong.verification).toMatchObject({ ok: false, signatureValid: true, fingerprintMatches: false });
    wrong.close();
    const b = tempStore(path.join(tempFolder(), 'b.db'));
    expect((await importRunFile(b, file, { expectedFingerprint: 'ab'.repeat(32) })).ok).toBe(false);
    expect(b.clients.list()).toEqual([]);
  });

  it('throws RunFileError for what is no ZIP', async () => {
    const notZip = path.join(tempFolder(), 'x.zip');
    writeFileSync(notZip, readFileSync(__filename));
    await expect(openRunFile(notZip)).rejects.toBeInstanceOf(RunFileError);
    await expect(openRunFile(notZip)).rejects.toMatchObject({ code: 'not-a-zip' });
    await expect(openRunFile(path.join(tempFolder(), 'none.zip'))).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('runIdentity', () => {
  const base = { engineVersion: '1.0.0', targetUrl: 'https://a.test/', startedAt: '2025-01-01T00:00:00.000Z', evidenceShas: ['b'.repeat(64), 'a'.repeat(64)] };
  it('ignores the order and repetition of evidence, and changes with anything that makes a run another run', () => {
    expect(runIdentity(base)).toBe(runIdentity({ ...base, evidenceShas: ['a'.repeat(64), 'b'.repeat(64), 'a'.repeat(64)] }));
    expect(runIdentity(base)).toMatch(/^[0-9a-f]{64}$/);
    for (const other of [{ engineVersion: '1.0.1' }, { targetUrl: 'https://b.test/' }, { startedAt: '2025-01-01T00:00:00.001Z' }, { evidenceShas: ['a'.repeat(64)] }]) {
      expect(runIdentity({ ...base, ...other })).not.toBe(runIdentity(base));
    }
  });
});
