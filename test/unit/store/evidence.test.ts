import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENVELOPE_OVERHEAD } from '../../../electron/core/crypto';
import { entryHash, GENESIS_HASH } from '../../../electron/core/store/evidence';
import { evidence, filesUnder, rawDb, runFor, tempDbFile, tempStore } from './helpers';

const code = (code: string) => expect.objectContaining({ name: 'StoreError', code });
const sha = (s: string | Buffer) => createHash('sha256').update(s).digest('hex');

interface LogRow {
  seq: number;
  evidence_id: number;
  prev_hash: string;
  entry_hash: string;
}

describe('addEvidence', () => {
  it('stores the blob sealed under <db>.evidence/runs/<run>/<2 hex>/<keyed name> and returns its SHA-256', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    const content = Buffer.from('a body of evidence, long enough to be found in the clear');
    const h = store.addEvidence(runId, evidence('', { content, mediaType: 'application/octet-stream' }));
    expect(h).toBe(sha(content));
    const blob = store.blobFile(h)!;
    expect(path.dirname(path.dirname(blob))).toBe(path.join(`${file}.evidence`, 'runs', String(runId)));
    expect(path.basename(blob)).toMatch(/^[0-9a-f]{64}$/);
    expect(path.basename(blob)).not.toBe(h); // the name does not give the content's hash away
    expect(path.basename(path.dirname(blob))).toBe(path.basename(blob).slice(0, 2));
    const sealed = readFileSync(blob);
    expect(sealed.subarray(0, 4).toString('latin1')).toBe('PSEN');
    expect(sealed.length).toBe(content.length + ENVELOPE_OVERHEAD);
    expect(sealed.includes(content)).toBe(false);
    expect(statSync(blob).mode & 0o777).toBe(0o600);
    expect(readdirSync(path.dirname(blob))).toEqual([path.basename(blob)]); // no temp file left behind
    expect(store.readBlob(h)).toEqual(content);
  });

  it('finds an evidence record by its hash, with media type and size; null for an unknown hash', () => {
    const store = tempStore();
    const { runId } = runFor(store);
    const content = Buffer.from('{"a":1}');
    const h = store.addEvidence(runId, evidence('', { content, mediaType: 'application/json', summary: 'first' }));
    store.addEvidence(runId, evidence('', { content, mediaType: 'application/json', summary: 'again' }));
    expect(store.getEvidence(h)).toMatchObject({ sha256: h, summary: 'first', mediaType: 'application/json', size: content.length });
    expect(store.getEvidence('f'.repeat(64))).toBeNull();
  });

  it('the same content three times (same run and another run) gives three evidence rows and log entries, one blob row, one file per run', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const a = runFor(store).runId;
    const b = runFor(store, 'https://other.test/').runId;
    const h1 = store.addEvidence(a, evidence('same', { summary: 'first' }));
    const blob = store.blobFile(h1)!;
    const mtime = statSync(blob).mtimeMs;
    const h2 = store.addEvidence(a, evidence('same', { summary: 'second' }));
    const h3 = store.addEvidence(b, evidence('same', { summary: 'third' }));
    expect(new Set([h1, h2, h3]).size).toBe(1);
    expect(statSync(blob).mtimeMs).toBe(mtime);
    const raw = rawDb(file);
    expect(raw.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 1 });
    // The summaries are sealed under each run's key: the row keeps '' and an envelope, never the text.
    const rows = raw.prepare('SELECT run_id, summary, sealed FROM evidence ORDER BY id').all() as { run_id: number; summary: string; sealed: string }[];
    expect(rows.map((r) => [r.run_id, r.summary])).toEqual([[a, ''], [a, ''], [b, '']]);
    for (const r of rows) expect(r.sealed).toMatch(/^ps1:[A-Za-z0-9_-]+$/);
    expect(rows.map((r) => r.sealed).join()).not.toMatch(/first|second|third/);
    expect(raw.prepare('SELECT count(*) AS n FROM evidence_log').get()).toEqual({ n: 3 });
    expect(readdirSync(`${file}.evidence`)).toEqual(['runs']);
    expect(readdirSync(path.join(`${file}.evidence`, 'runs')).sort()).toEqual([String(a), String(b)].sort());
    expect(filesUnder(path.join(`${file}.evidence`, 'runs', String(a)))).toEqual([blob]);
    expect(filesUnder(path.join(`${file}.evidence`, 'runs', String(b)))).toHaveLength(1);
    expect(store.listEvidence(a).map((e) => e.summary)).toEqual(['first', 'second']);
    expect(store.listEvidence(b).map((e) => e.summary)).toEqual(['third']);
  });

  it('rewrites a blob file whose size is wrong (e.g. a torn earlier write)', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    const h = store.addEvidence(runId, evidence('payload'));
    const blob = store.blobFile(h)!;
    writeFileSync(blob, 'pay');
    expect(() => store.readBlob(h)).toThrow(code('corrupt'));
    store.addEvidence(runId, evidence('payload'));
    expect(readFileSync(blob).length).toBe('payload'.length + ENVELOPE_OVERHEAD);
    expect(store.readBlob(h).toString('utf8')).toBe('payload');
  });

  it('chains the log: genesis prev_hash, each entry hashes prev_hash + canonical JSON of the evidence', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    const e1 = evidence('one', { kind: 'tls-handshake', summary: 'Handshake mit ä', mediaType: 'application/json' });
    const e2 = evidence('two');
    store.addEvidence(runId, e1);
    store.addEvidence(runId, e2);
    const log = rawDb(file).prepare('SELECT seq, evidence_id, prev_hash, entry_hash FROM evidence_log ORDER BY seq').all() as LogRow[];
    expect(log.map((l) => l.seq)).toEqual([1, 2]);
    expect(log[0]!.prev_hash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    const canonical = JSON.stringify({ seq: 1, evidenceId: log[0]!.evidence_id, runId, sha256: sha('one'), kind: 'tls-handshake', summary: 'Handshake mit ä', capturedAt: e1.capturedAt, mediaType: 'application/json' });
    expect(log[0]!.entry_hash).toBe(sha(`${GENESIS_HASH}\n${canonical}`));
    expect(log[1]!.prev_hash).toBe(log[0]!.entry_hash);
    expect(log[1]!.entry_hash).toBe(
      entryHash(log[0]!.entry_hash, { seq: 2, evidenceId: log[1]!.evidence_id, runId, sha256: sha('two'), kind: e2.kind, summary: e2.summary, capturedAt: e2.capturedAt, mediaType: e2.mediaType }),
    );
  });

  it('evidence and the log cannot be changed or deleted through SQL', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    store.addEvidence(runId, evidence('x'));
    const raw = rawDb(file);
    expect(() => raw.prepare("UPDATE evidence SET summary = 'forged'").run()).toThrow('evidence is immutable');
    expect(() => raw.prepare('DELETE FROM evidence_log').run()).toThrow('evidence is immutable');
    expect(store.listEvidence(runId)[0]!.summary).toBe('GET x');
  });

  it('rejects an unknown run, an unknown kind and non-Buffer content without writing anything', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    expect(() => store.addEvidence(999, evidence('orphan'))).toThrow(code('not-found'));
    expect(() => store.addEvidence(runId, evidence('k', { kind: 'no-such-kind' as never }))).toThrow(code('invalid'));
    expect(() => store.addEvidence(runId, { ...evidence('s'), content: 'text' as never })).toThrow(code('invalid'));
    expect(existsSync(`${file}.evidence`)).toBe(false);
    expect(store.listEvidence(runId)).toEqual([]);
  });
});

describe('readBlob', () => {
  it('refuses bad hashes, missing files and files that do not match their hash', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    const h = store.addEvidence(runId, evidence('blob'));
    expect(() => store.readBlob('../../etc/passwd')).toThrow(code('invalid'));
    expect(() => store.readBlob('a'.repeat(64))).toThrow(code('not-found'));
    writeFileSync(store.blobFile(h)!, 'bloc');
    expect(() => store.readBlob(h)).toThrow(code('corrupt'));
  });
});

describe('recordEvidence (the audit engine’s way in)', () => {
  it('records many at once: every promise resolves, the log has each in one chain that verifies', async () => {
    const store = tempStore();
    const { runId } = runFor(store);
    const items = Array.from({ length: 120 }, (_, i) => evidence(`item ${i}`, { capturedAt: `2025-01-02T03:04:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z` }));
    const shas = await Promise.all(items.map((e) => store.recordEvidence(runId, e)));
    expect(new Set(shas).size).toBe(120);
    expect(store.verify()).toMatchObject({ ok: true, entries: 120, blobs: 120 });
    expect(store.chainHead()?.seq).toBe(120);
    for (const [i, sha] of shas.entries()) expect(store.readBlob(sha).toString()).toBe(`item ${i}`);
    // Listed in capture order, whatever order the writes landed in.
    const listed = store.listEvidence(runId).map((e) => e.capturedAt);
    expect(listed).toEqual([...listed].sort());
  });

  it('one bad record in a batch fails alone; the others are kept', async () => {
    const store = tempStore();
    const { runId } = runFor(store);
    const good = [store.recordEvidence(runId, evidence('a')), store.recordEvidence(runId, evidence('b'))];
    const bad = store.recordEvidence(runId, evidence('c', { summary: null as unknown as string }));
    await expect(bad).rejects.toMatchObject({ name: 'StoreError' });
    await expect(Promise.all(good)).resolves.toHaveLength(2);
    expect(store.verify()).toMatchObject({ ok: true, entries: 2 });
  });
});
