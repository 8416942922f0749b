import { rmSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { verifyStore } from '../../../electron/core/store';
import { evidence, rawDb, runFor, tempDbFile, tempStore } from './helpers';

/** A store with 5 log entries over two runs; entries 1 and 5 share one content, sealed once per run: 5 blob files. */
function fixture() {
  const file = tempDbFile();
  const store = tempStore(file);
  const a = runFor(store).runId;
  const b = runFor(store, 'https://b.test/').runId;
  const shas = [
    store.addEvidence(a, evidence('shared')),
    store.addEvidence(a, evidence('two', { kind: 'tls-handshake' })),
    store.addEvidence(a, evidence('three')),
    store.addEvidence(b, evidence('four', { kind: 'http-body', mediaType: 'text/html' })),
    store.addEvidence(b, evidence('shared')),
  ];
  const raw = rawDb(file);
  const ids = (raw.prepare('SELECT evidence_id FROM evidence_log ORDER BY seq').all() as { evidence_id: number }[]).map((r) => r.evidence_id);
  // The file the store reads the blob from: the first run's sealed copy.
  const blobFile = (sha: string): string => {
    const found = store.blobFile(sha);
    if (found === null) throw new Error(`no readable file for ${sha}`);
    return found;
  };
  return { file, store, raw, shas, ids, blobFile };
}

describe('verifyStore', () => {
  it('reports an intact store: all entries and distinct blob files (one per run and content) checked', () => {
    const { store } = fixture();
    const report = verifyStore(store);
    expect(report).toEqual({ ok: true, entries: 5, blobs: 5, firstBroken: null });
    expect(store.verify()).toEqual(report);
  });

  it('reports an empty store as intact', () => {
    expect(tempStore().verify()).toEqual({ ok: true, entries: 0, blobs: 0, firstBroken: null });
  });

  it.each([
    ['sealed', '(SELECT sealed FROM evidence WHERE id = 1)'],
    ['kind', "'tls-protocols'"],
    ['captured_at', "'2030-01-01T00:00:00.000Z'"],
    ['media_type', "'text/plain'"],
    ['run_id', '1'],
    ['sha256', '(SELECT sha256 FROM evidence WHERE id = 1)'],
  ])('detects an evidence row whose %s was changed behind the trigger', (column, value) => {
    const { store, raw, ids } = fixture();
    raw.exec('DROP TRIGGER evidence_immutable_update');
    raw.prepare(`UPDATE evidence SET ${column} = ${value} WHERE id = ?`).run(ids[3]!);
    expect(store.verify()).toEqual({
      ok: false,
      entries: 4,
      blobs: expect.any(Number),
      firstBroken: { seq: 4, evidenceId: ids[3], reason: expect.stringMatching(column === 'run_id' ? /^blob file missing \(run 1:/ : /^entry hash mismatch: evidence row changed/) },
    });
  });

  it('detects a changed byte in a (sealed) blob file', () => {
    const { store, shas, ids, blobFile } = fixture();
    const file = blobFile(shas[2]!);
    const content = readFileSync(file);
    const last = content.length - 1; // in the GCM tag; any byte of the envelope breaks it
    content[last] = content[last]! ^ 0x01;
    writeFileSync(file, content);
    expect(store.verify().firstBroken).toEqual({ seq: 3, evidenceId: ids[2], reason: expect.stringMatching(/^evidence file .* \(run \d+\) does not open: .*altered, is damaged/) });
  });

  it('detects a deleted blob file, naming the first entry that uses it', () => {
    const { store, shas, ids, blobFile } = fixture();
    rmSync(blobFile(shas[4]!)); // shared by entries 1 and 5
    const report = store.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ seq: 1, evidenceId: ids[0], reason: expect.stringMatching(/^blob file missing/) });
  });

  it('detects a deleted log row in the middle of the chain', () => {
    const { store, raw, ids } = fixture();
    raw.exec('DROP TRIGGER evidence_log_immutable_delete');
    raw.prepare('DELETE FROM evidence_log WHERE seq = 3').run();
    expect(store.verify().firstBroken).toEqual({ seq: 3, evidenceId: ids[2], reason: 'log entry 3 is missing (entry 4 follows entry 2)' });
  });

  it('detects deleted first and last log rows', () => {
    const first = fixture();
    first.raw.exec('DROP TRIGGER evidence_log_immutable_delete');
    first.raw.prepare('DELETE FROM evidence_log WHERE seq = 1').run();
    expect(first.store.verify().firstBroken).toEqual({ seq: 1, evidenceId: first.ids[0], reason: 'log entry 1 is missing (entry 2 follows the start of the log)' });

    const last = fixture();
    last.raw.exec('DROP TRIGGER evidence_log_immutable_delete');
    last.raw.prepare('DELETE FROM evidence_log WHERE seq = 5').run();
    expect(last.store.verify()).toMatchObject({
      ok: false,
      entries: 4,
      firstBroken: { seq: 5, evidenceId: last.ids[4], reason: 'evidence row has no log entry (log entry deleted)' },
    });
  });

  it('detects an altered entry_hash', () => {
    const { store, raw, ids } = fixture();
    raw.exec('DROP TRIGGER evidence_log_immutable_update');
    raw.prepare("UPDATE evidence_log SET entry_hash = ? WHERE seq = 2").run('e'.repeat(64));
    expect(store.verify().firstBroken).toEqual({ seq: 2, evidenceId: ids[1], reason: 'entry hash mismatch: entry_hash was altered (the next entry still links to the original)' });
  });

  it('detects an altered entry_hash of the last entry', () => {
    const { store, raw, ids } = fixture();
    raw.exec('DROP TRIGGER evidence_log_immutable_update');
    raw.prepare("UPDATE evidence_log SET entry_hash = ? WHERE seq = 5").run('e'.repeat(64));
    expect(store.verify().firstBroken).toEqual({ seq: 5, evidenceId: ids[4], reason: 'entry hash mismatch: evidence row or entry_hash changed' });
  });

  it('detects a prev_hash that does not link to the previous entry, and a first entry not starting at genesis', () => {
    const mid = fixture();
    mid.raw.exec('DROP TRIGGER evidence_log_immutable_update');
    mid.raw.prepare('UPDATE evidence_log SET prev_hash = ? WHERE seq = 4').run('d'.repeat(64));
    expect(mid.store.verify().firstBroken).toEqual({ seq: 4, evidenceId: mid.ids[3], reason: 'prev_hash does not link to entry 3' });

    const first = fixture();
    first.raw.exec('DROP TRIGGER evidence_log_immutable_update');
    first.raw.prepare('UPDATE evidence_log SET prev_hash = ? WHERE seq = 1').run('d'.repeat(64));
    expect(first.store.verify().firstBroken).toEqual({ seq: 1, evidenceId: first.ids[0], reason: 'prev_hash of the first entry is not the genesis value' });
  });

  it('verifies a row from before sealed texts (plaintext summary, sealed NULL) and detects its change', () => {
    const { store, raw, ids } = fixture();
    raw.exec('DROP TRIGGER evidence_immutable_update');
    const legacy = (summary: string) => raw.prepare("UPDATE evidence SET sealed = NULL, summary = ? WHERE id = ?").run(summary, ids[3]!);
    const real = store.listEvidence(raw.prepare<[number], { run_id: number }>('SELECT run_id FROM evidence WHERE id = ?').get(ids[3]!)!.run_id);
    const original = real.find((e) => e.sha256 === (raw.prepare('SELECT sha256 FROM evidence WHERE id = ?').get(ids[3]!) as { sha256: string }).sha256)!.summary;
    legacy(original);
    expect(store.verify().ok).toBe(true);
    legacy(`${original} (forged)`);
    expect(store.verify().firstBroken).toEqual({ seq: 4, evidenceId: ids[3], reason: 'entry hash mismatch: evidence row changed' });
  });

  it('detects a deleted evidence row', () => {
    const { store, raw, ids } = fixture();
    raw.pragma('foreign_keys = OFF');
    raw.exec('DROP TRIGGER evidence_immutable_delete');
    raw.prepare('DELETE FROM evidence WHERE id = ?').run(ids[1]!);
    expect(store.verify().firstBroken).toEqual({ seq: 2, evidenceId: ids[1], reason: 'evidence row missing' });
  });

  it('names the FIRST broken entry when several are tampered with', () => {
    const { store, raw, shas, ids, blobFile } = fixture();
    raw.exec('DROP TRIGGER evidence_immutable_update');
    raw.prepare('UPDATE evidence SET sealed = (SELECT sealed FROM evidence WHERE id = 1) WHERE id = ?').run(ids[3]!);
    const file = blobFile(shas[1]!);
    const sealed = readFileSync(file);
    rmSync(file);
    expect(store.verify().firstBroken).toMatchObject({ seq: 2, evidenceId: ids[1] });
    writeFileSync(file, sealed); // restored: now the later forgery is the first break
    expect(store.verify().firstBroken).toMatchObject({ seq: 4, evidenceId: ids[3] });
  });
});
