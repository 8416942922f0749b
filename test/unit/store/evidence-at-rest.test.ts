// Evidence blobs encrypted at rest, per run (issue 14, step 1): real SQLite files, real key files, real folders.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/core/store/db';
import { entryHash, GENESIS_HASH, sha256Hex } from '../../../electron/core/store/evidence';
import { openStore, StoreError, type Store } from '../../../electron/core/store';
import { evidence, filesUnder, rawDb, tempDbFile, tempDir, tempStore } from './helpers';

const MARKER = 'Geheimer-Marker-4f1c9e: max.mustermann@example.org';

function runOfClient(store: Store, url: string, client: string): number {
  const installation = store.ensureInstallationForUrl(url, client);
  return store.startRun({ installationId: installation.id, checklistId: 'mautic-dsgvo', checklistVersion: '1.0.0', engineVersion: '0.1.0', targetUrl: url, options: {} });
}

/** Every file of the store's folder (the .db, -wal, -shm, keyring, key file, evidence), path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  return new Map(filesUnder(dir).map((f) => [f, readFileSync(f)]));
}

function thrown(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return err as StoreError;
  }
  throw new Error('expected a StoreError');
}

/** A closed store with one run of sealed evidence; returns its file and the evidence's hash. */
function closedStoreWithEvidence(): { file: string; dir: string; sha: string } {
  const file = tempDbFile();
  const store = openStore(file);
  const sha = store.addEvidence(runOfClient(store, 'https://a.test/', 'Kunde A'), evidence(MARKER));
  store.close();
  return { file, dir: path.dirname(file), sha };
}

describe('evidence blobs at rest', () => {
  it('leaves no plaintext of a blob in any file of the store (database, WAL, evidence folder)', async () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const runId = runOfClient(store, 'https://a.test/', 'Kunde A');
    // The marker is only in the blob contents: evidence.summary and other rows are not encrypted in this step.
    const sync = store.addEvidence(runId, evidence('x', { content: Buffer.from(`sync ${MARKER}`) }));
    const viaBatch = await store.recordEvidence(runId, evidence('y', { content: Buffer.from(`async ${MARKER}`) }));
    const files = snapshot(path.dirname(file));
    expect([...files.keys()].some((f) => f.endsWith('.db-wal')), 'the WAL is searched while the store is open').toBe(true);
    expect([...files.keys()].filter((f) => f.includes('.evidence'))).toHaveLength(2);
    for (const [f, bytes] of files) {
      expect(bytes.includes(Buffer.from('Geheimer-Marker')), f).toBe(false);
      expect(f.includes(sync) || f.includes(viaBatch), `${f} is named by its content hash`).toBe(false);
    }
    store.close();
    for (const [f, bytes] of snapshot(path.dirname(file))) expect(bytes.includes(Buffer.from('Geheimer-Marker')), `${f} after the checkpoint`).toBe(false);
  });

  it('reads back exactly what was stored, from a store opened again', () => {
    const { file, sha } = closedStoreWithEvidence();
    const store = tempStore(file);
    expect(store.readBlob(sha).toString('utf8')).toBe(MARKER);
    expect(store.getEvidence(sha)).toMatchObject({ size: Buffer.byteLength(MARKER) });
  });

  it('stores the same content of two runs of two clients as two files, each readable on its own', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const a = runOfClient(store, 'https://a.test/', 'Kunde A');
    const b = runOfClient(store, 'https://b.test/', 'Kunde B');
    const sha = store.addEvidence(a, evidence(MARKER));
    expect(store.addEvidence(b, evidence(MARKER))).toBe(sha);
    const sealed = filesUnder(`${file}.evidence`);
    expect(sealed).toHaveLength(2);
    expect(sealed[0]!.includes(`${path.sep}runs${path.sep}${a}${path.sep}`) && sealed[1]!.includes(`${path.sep}runs${path.sep}${b}${path.sep}`)).toBe(true);
    expect(path.basename(sealed[0]!)).not.toBe(path.basename(sealed[1]!)); // named under each client's own lookup key
    expect(readFileSync(sealed[0]!).equals(readFileSync(sealed[1]!))).toBe(false);
    const raw = rawDb(file);
    expect(raw.prepare('SELECT count(*) AS n FROM client_keys').get()).toEqual({ n: 2 });
    expect(raw.prepare('SELECT run_id FROM run_keys ORDER BY run_id').all()).toEqual([{ run_id: a }, { run_id: b }]);
    expect(raw.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 1 });
    rmSync(store.blobFile(sha)!); // run a's copy gone: run b's still reads
    expect(store.readBlob(sha).toString('utf8')).toBe(MARKER);
    rmSync(store.blobFile(sha)!);
    expect(thrown(() => store.readBlob(sha)).code).toBe('not-found');
  });

  it('refuses to open with another key file (mode 0600): a clear StoreError, every file unchanged', () => {
    const { file, dir } = closedStoreWithEvidence();
    const other = closedStoreWithEvidence();
    copyFileSync(`${other.file}.key`, `${file}.key`);
    expect(statSync(`${file}.key`).mode & 0o777).toBe(0o600);
    const before = snapshot(dir);
    const err = thrown(() => openStore(file));
    expect(err.code).toBe('locked');
    expect(err.message).toContain(`${file}.key`);
    expect(err.message).toMatch(/does not belong to this keyring/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses to open without the key file, or without the keyring, while encrypted data exists; nothing is changed or created', () => {
    const { file, dir, sha } = closedStoreWithEvidence();
    const key = readFileSync(`${file}.key`);
    rmSync(`${file}.key`);
    let before = snapshot(dir);
    const noKey = thrown(() => openStore(file));
    expect(noKey.code).toBe('locked');
    expect(noKey.message).toContain(`${file}.key`);
    expect(snapshot(dir)).toEqual(before);

    writeFileSync(`${file}.key`, key, { mode: 0o600 });
    const keyring = readFileSync(`${file}.keyring`);
    rmSync(`${file}.keyring`);
    before = snapshot(dir);
    const noKeyring = thrown(() => openStore(file));
    expect(noKeyring.code).toBe('locked');
    expect(noKeyring.message).toContain(`${file}.keyring is missing`);
    expect(snapshot(dir)).toEqual(before);
    expect(existsSync(`${file}.keyring`)).toBe(false);

    writeFileSync(`${file}.keyring`, keyring, { mode: 0o600 }); // restored: it opens again
    expect(tempStore(file).readBlob(sha).toString('utf8')).toBe(MARKER);
  });

  it('verify-store opens every blob: ok when intact; a flipped byte, and a missing client key, reported with a clear reason', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const a = runOfClient(store, 'https://a.test/', 'Kunde A');
    const b = runOfClient(store, 'https://b.test/', 'Kunde B');
    const first = store.addEvidence(a, evidence('first'));
    store.addEvidence(b, evidence('second'));
    expect(store.verify()).toEqual({ ok: true, entries: 2, blobs: 2, firstBroken: null });

    const blob = store.blobFile(first)!;
    const sealed = readFileSync(blob);
    const flipped = Buffer.from(sealed);
    flipped[40] = flipped[40]! ^ 0x01;
    writeFileSync(blob, flipped);
    expect(store.verify().firstBroken).toEqual({ seq: 1, evidenceId: 1, reason: expect.stringMatching(/^evidence file .* \(run 1\) does not open: The ciphertext cannot be opened: it was altered/) });
    expect(thrown(() => store.readBlob(first)).code).toBe('corrupt');
    writeFileSync(blob, sealed);
    expect(store.verify().ok).toBe(true);

    rawDb(file).prepare('DELETE FROM client_keys WHERE client_id = (SELECT client_id FROM installations WHERE base_url = ?)').run('https://b.test/');
    const fresh = openStore(file);
    try {
      expect(fresh.verify().firstBroken).toEqual({ seq: 2, evidenceId: 2, reason: expect.stringMatching(/cannot be opened, its key is missing: Client \d+ has no key/) });
      expect(thrown(() => fresh.readBlob(sha256Hex('second'))).code).toBe('locked');
    } finally {
      fresh.close();
    }
  });
});

describe('stores from before encryption', () => {
  /** A store at schema 7 with one evidence written the old way: plaintext at <db>.evidence/<2 hex>/<sha256>. */
  function legacyStore(): { file: string; sha: string; legacyFile: string } {
    const file = path.join(tempDir(), 'alt.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    migrate(db, 7);
    const now = '2025-01-01T00:00:00.000Z';
    db.prepare('INSERT INTO clients (id, name, created_at) VALUES (1, ?, ?)').run('Altkunde', now);
    db.prepare('INSERT INTO installations (id, client_id, name, base_url, created_at) VALUES (1, 1, ?, ?, ?)').run('alt', 'https://alt.test/', now);
    db.prepare(
      `INSERT INTO runs (id, installation_id, checklist_id, checklist_version, engine_version, target_url, options_json, state, started_at, pid, host)
       VALUES (1, 1, 'mautic-dsgvo', '1.0.0', '0.1.0', 'https://alt.test/', '{}', 'running', ?, 1, 'elsewhere')`,
    ).run(now);
    const content = Buffer.from(`legacy ${MARKER}`);
    const sha = sha256Hex(content);
    db.prepare("INSERT INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, 'text/plain', ?)").run(sha, content.length, now);
    db.prepare("INSERT INTO evidence (id, run_id, sha256, kind, summary, captured_at, media_type) VALUES (1, 1, ?, 'http-exchange', 'alt', ?, 'text/plain')").run(sha, now);
    const hash = entryHash(GENESIS_HASH, { seq: 1, evidenceId: 1, runId: 1, sha256: sha, kind: 'http-exchange', summary: 'alt', capturedAt: now, mediaType: 'text/plain' });
    db.prepare('INSERT INTO evidence_log (seq, evidence_id, prev_hash, entry_hash, recorded_at) VALUES (1, 1, ?, ?, ?)').run(GENESIS_HASH, hash, now);
    db.close();
    const legacyFile = path.join(`${file}.evidence`, sha.slice(0, 2), sha);
    mkdirSync(path.dirname(legacyFile), { recursive: true });
    writeFileSync(legacyFile, content);
    return { file, sha, legacyFile };
  }

  it('still reads and verifies legacy plaintext blobs, next to new sealed ones of the same run', () => {
    const { file, sha, legacyFile } = legacyStore();
    const store = tempStore(file); // no encrypted data yet: a keyring with a key file is created
    expect(existsSync(`${file}.keyring`) && existsSync(`${file}.key`)).toBe(true);
    expect(store.readBlob(sha).toString('utf8')).toBe(`legacy ${MARKER}`);
    expect(store.blobFile(sha)).toBe(legacyFile);
    const sealed = store.addEvidence(1, evidence('new and sealed'));
    expect(store.blobFile(sealed)).toContain(`${path.sep}runs${path.sep}1${path.sep}`);
    expect(store.readBlob(sealed).toString('utf8')).toBe('new and sealed');
    expect(store.verify()).toEqual({ ok: true, entries: 2, blobs: 2, firstBroken: null });

    writeFileSync(legacyFile, `legacy ${MARKER}!`);
    expect(store.verify().firstBroken).toEqual({ seq: 1, evidenceId: 1, reason: `evidence file ${legacyFile} does not match its hash` });
    expect(thrown(() => store.readBlob(sha)).code).toBe('corrupt');
  });
});

describe('keys rolled back with their transaction', () => {
  it('a sealed file left by a rolled-back transaction is replaced, not taken for the new run key’s copy', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    store.addEvidence(runOfClient(store, 'https://a.test/', 'Kunde A'), evidence('earlier run')); // the client key is committed
    const runId = runOfClient(store, 'https://a.test/', 'Kunde A');
    expect(() =>
      store.transaction(() => {
        store.addEvidence(runId, evidence(MARKER)); // its run key row is rolled back, its sealed file stays
        throw new Error('stop');
      }),
    ).toThrow('stop');
    expect(rawDb(file).prepare('SELECT count(*) AS n FROM run_keys WHERE run_id = ?').get(runId)).toEqual({ n: 0 });
    const sha = store.addEvidence(runId, evidence(MARKER));
    expect(store.readBlob(sha).toString('utf8')).toBe(MARKER);
    expect(store.verify().ok).toBe(true);
  });
});
