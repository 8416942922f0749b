import { EVIDENCE_KINDS, type EvidenceKind, type EvidenceRef } from '../../shared/domain';
import type { NewEvidence } from '../evidence-sink';
import { sha256Hex, writeSealedBlob, writeSealedBlobAsync } from './blob-files';
import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';
import { commitBatch } from './commit-batch';
import type { RunKeys } from './run-keys';
import { createTextFields } from './text-fields';

export { sha256Hex } from './blob-files';

export const GENESIS_HASH = '0'.repeat(64);

/** What one evidence_log entry seals: the evidence row and its place in the log. */
export interface ChainEntry {
  seq: number;
  evidenceId: number;
  runId: number;
  sha256: string;
  kind: string;
  summary: string;
  capturedAt: string;
  mediaType: string;
}

/** entry_hash = sha256hex(prev_hash + '\n' + canonical JSON with the keys in this fixed order). */
export function entryHash(prevHash: string, e: ChainEntry): string {
  const canonical = JSON.stringify({
    seq: e.seq,
    evidenceId: e.evidenceId,
    runId: e.runId,
    sha256: e.sha256,
    kind: e.kind,
    summary: e.summary,
    capturedAt: e.capturedAt,
    mediaType: e.mediaType,
  });
  return sha256Hex(`${prevHash}\n${canonical}`);
}

interface PendingRecord {
  runId: number;
  e: NewEvidence;
  sha256: string;
}

interface LastEntry {
  seq: number;
  entry_hash: string;
}

interface EvidenceRow {
  run_id: number;
  sha256: string;
  kind: EvidenceKind;
  captured_at: string;
  summary: string;
  sealed: string | null;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface StoredEvidence extends EvidenceRef {
  mediaType: string;
  size: number;
}

export function createEvidenceRepo(db: Db, dbFile: string, runKeys: RunKeys) {
  const insertBlob = db.prepare<[string, number, string, string]>('INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)');
  const insertEvidence = db.prepare<[number, string, string, string, string, string]>(
    "INSERT INTO evidence (run_id, sha256, kind, summary, sealed, captured_at, media_type) VALUES (?, ?, ?, '', ?, ?, ?)",
  );
  const texts = createTextFields(runKeys);
  const lastEntry = db.prepare<[], LastEntry>('SELECT seq, entry_hash FROM evidence_log ORDER BY seq DESC LIMIT 1');
  const insertLog = db.prepare<[number, number, string, string, string]>(
    'INSERT INTO evidence_log (seq, evidence_id, prev_hash, entry_hash, recorded_at) VALUES (?, ?, ?, ?, ?)',
  );
  const selectByRun = db.prepare<[number], EvidenceRow>('SELECT run_id, sha256, kind, captured_at, summary, sealed FROM evidence WHERE run_id = ? ORDER BY captured_at, id');
  const runExists = db.prepare<[number], { id: number }>('SELECT id FROM runs WHERE id = ?');
  const selectBySha = db.prepare<[string], EvidenceRow & { media_type: string; size: number }>(
    'SELECT e.run_id, e.sha256, e.kind, e.captured_at, e.summary, e.sealed, e.media_type, b.size FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 WHERE e.sha256 = ? ORDER BY e.id LIMIT 1',
  );

  const summaryOf = (r: EvidenceRow): string => texts.openSummary({ runId: r.run_id, sha256: r.sha256, kind: r.kind, capturedAt: r.captured_at }, r);

  const record = db.transaction((runId: number, e: NewEvidence, sha256: string) => {
    const now = new Date().toISOString();
    insertBlob.run(sha256, e.content.length, e.mediaType, now);
    const sealed = texts.sealSummary({ runId, sha256, kind: e.kind, capturedAt: e.capturedAt }, e.summary);
    const evidenceId = Number(insertEvidence.run(runId, sha256, e.kind, sealed, e.capturedAt, e.mediaType).lastInsertRowid);
    const last = lastEntry.get();
    const seq = (last?.seq ?? 0) + 1;
    const prevHash = last?.entry_hash ?? GENESIS_HASH;
    const hash = entryHash(prevHash, { seq, evidenceId, runId, sha256, kind: e.kind, summary: e.summary, capturedAt: e.capturedAt, mediaType: e.mediaType });
    insertLog.run(seq, evidenceId, prevHash, hash, now);
  });

  const validate = (runId: number, e: NewEvidence) => {
    if (!EVIDENCE_KINDS.includes(e.kind)) throw new StoreError('invalid', `add evidence to run ${runId}: unknown kind "${e.kind}"`);
    if (!Buffer.isBuffer(e.content)) throw new StoreError('invalid', `add evidence to run ${runId}: content must be a Buffer`);
    if (typeof e.summary !== 'string') throw new StoreError('invalid', `add evidence to run ${runId}: a summary is text`);
    if (!runExists.get(runId)) throw new StoreError('not-found', `add evidence: run ${runId} does not exist`);
  };
  const commit = (runId: number, e: NewEvidence, sha256: string) => {
    try {
      record.immediate(runId, e, sha256);
    } catch (err) {
      rethrowSqlite(err, `add evidence to run ${runId}`);
    }
  };
  const recordAll = db.transaction((entries: readonly PendingRecord[]) => {
    for (const p of entries) record(p.runId, p.e, p.sha256);
  });
  const batch = commitBatch<PendingRecord>(
    (entries) => recordAll.immediate(entries),
    // A batch that fails is retried one by one, so that one bad record costs only its own promise.
    (p) => commit(p.runId, p.e, p.sha256),
  );

  return {
    /**
     * The run's keys (created and committed on first use), the blob file sealed under them, then blobs row +
     * evidence row + log entry in one transaction. Returns the content's SHA-256.
     */
    addEvidence(runId: number, e: NewEvidence): string {
      validate(runId, e);
      const sha256 = sha256Hex(e.content);
      writeSealedBlob(dbFile, runKeys.forWriting(runId), sha256, e.content);
      commit(runId, e, sha256);
      return sha256;
    },
    /**
     * addEvidence with the blob written off the event loop; the rows follow once the file is durable, in one
     * transaction with whatever else became ready in the same turn (concurrent audits write many at once).
     */
    async recordEvidence(runId: number, e: NewEvidence): Promise<string> {
      validate(runId, e);
      const sha256 = sha256Hex(e.content);
      await writeSealedBlobAsync(dbFile, runKeys.forWriting(runId), sha256, e.content);
      await batch.add({ runId, e, sha256 });
      return sha256;
    },
    /** The run's evidence in capture order. */
    listEvidence(runId: number): EvidenceRef[] {
      return selectByRun.all(runId).map((r) => ({ sha256: r.sha256, kind: r.kind, capturedAt: r.captured_at, summary: summaryOf(r) }));
    },
    /** The first record of this content, with its media type and size; null when the store has none. */
    getEvidence(sha256: string): StoredEvidence | null {
      const r = selectBySha.get(sha256);
      return r ? { sha256: r.sha256, kind: r.kind, capturedAt: r.captured_at, summary: summaryOf(r), mediaType: r.media_type, size: r.size } : null;
    },
    /** The newest entry of the hash-chained log; null while the store holds no evidence. */
    chainHead(): ChainHead | null {
      const last = lastEntry.get();
      return last ? { seq: last.seq, hash: last.entry_hash } : null;
    },
  };
}
