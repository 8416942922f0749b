import { checkLegacyBlob, checkRunBlob } from './blob-read';
import type { Db } from './db';
import { entryHash, GENESIS_HASH } from './evidence';
import { blobPath, isSha256Hex } from './paths';
import type { RunKeys } from './run-keys';
import { createTextFields } from './text-fields';

export interface BrokenEntry {
  seq: number;
  evidenceId: number;
  reason: string;
}

export interface VerifyReport {
  ok: boolean;
  /** Log entries examined (all of them when ok; up to and including the broken one otherwise). */
  entries: number;
  /** Distinct blob files read (opened, when sealed) and hashed: one per run and content. */
  blobs: number;
  firstBroken: BrokenEntry | null;
}

interface LogRow {
  seq: number;
  evidence_id: number;
  prev_hash: string;
  entry_hash: string;
  e_id: number | null;
  run_id: number;
  sha256: string;
  kind: string;
  summary: string;
  sealed: string | null;
  captured_at: string;
  media_type: string;
}

/** The run's sealed copy (opened with the run's key), else the legacy plaintext file; null when intact. */
function blobProblem(dbFile: string, runKeys: RunKeys, runId: number, sha256: string): string | null {
  if (!isSha256Hex(sha256)) return `evidence names an invalid hash "${sha256}"`;
  const check = checkRunBlob(dbFile, runKeys, runId, sha256) ?? checkLegacyBlob(dbFile, sha256);
  if (check === null) return `blob file missing (run ${runId}: neither a sealed copy nor ${blobPath(dbFile, sha256)})`;
  return check.ok ? null : check.reason;
}

/**
 * Walks evidence_log in seq order: every entry must follow its predecessor without gaps, link to its
 * entry_hash, re-hash to its own entry_hash from the evidence row, and point at an intact blob file (its run's
 * sealed copy that opens and hashes right, or a legacy plaintext file that does).
 * Afterwards no evidence row may be left without a log entry. Stops at the first broken entry.
 */
export function verifyChain(db: Db, dbFile: string, runKeys: RunKeys): VerifyReport {
  const walk = db.prepare<[], LogRow>(
    `SELECT l.seq, l.evidence_id, l.prev_hash, l.entry_hash, e.id AS e_id, e.run_id, e.sha256, e.kind, e.summary, e.sealed, e.captured_at, e.media_type
     FROM evidence_log l LEFT JOIN evidence e ON e.id = l.evidence_id ORDER BY l.seq`,
  );
  const nextPrevHash = db.prepare<[number], { prev_hash: string }>('SELECT prev_hash FROM evidence_log WHERE seq > ? ORDER BY seq LIMIT 1');
  const orphan = db.prepare<[], { id: number }>(
    'SELECT e.id FROM evidence e WHERE NOT EXISTS (SELECT 1 FROM evidence_log l WHERE l.evidence_id = e.id) ORDER BY e.id LIMIT 1',
  );

  const texts = createTextFields(runKeys);
  const summaryOf = (row: LogRow): string | null => {
    try {
      return texts.openSummary({ runId: row.run_id, sha256: row.sha256, kind: row.kind, capturedAt: row.captured_at }, row);
    } catch {
      return null;
    }
  };
  const checkedBlobs = new Map<string, string | null>();
  let entries = 0;
  let prev: { seq: number; hash: string } | null = null;

  // Read inside one transaction so a concurrent writer cannot make a consistent log look broken.
  const run = db.transaction((): BrokenEntry | null => {
    for (const row of walk.iterate()) {
      entries++;
      const expectedSeq = (prev?.seq ?? 0) + 1;
      if (row.seq !== expectedSeq) {
        const lost = orphan.get();
        return {
          seq: expectedSeq,
          evidenceId: lost?.id ?? row.evidence_id,
          reason: `log entry ${expectedSeq} is missing (entry ${row.seq} follows ${prev ? `entry ${prev.seq}` : 'the start of the log'})`,
        };
      }
      const broken = (reason: string): BrokenEntry => ({ seq: row.seq, evidenceId: row.evidence_id, reason });
      if (row.e_id === null) return broken('evidence row missing');
      const expectedPrev = prev?.hash ?? GENESIS_HASH;
      if (row.prev_hash !== expectedPrev) {
        return broken(prev ? `prev_hash does not link to entry ${prev.seq}` : 'prev_hash of the first entry is not the genesis value');
      }
      const summary = summaryOf(row);
      if (summary === null) {
        // A run key that is gone is named as such (as for its blobs); otherwise the row itself was changed.
        return broken(blobProblem(dbFile, runKeys, row.run_id, row.sha256) ?? 'entry hash mismatch: evidence row changed (its sealed summary no longer opens)');
      }
      const computed = entryHash(row.prev_hash, {
        seq: row.seq,
        evidenceId: row.evidence_id,
        runId: row.run_id,
        sha256: row.sha256,
        kind: row.kind,
        summary,
        capturedAt: row.captured_at,
        mediaType: row.media_type,
      });
      if (computed !== row.entry_hash) {
        const next = nextPrevHash.get(row.seq);
        if (next && next.prev_hash === computed) return broken('entry hash mismatch: entry_hash was altered (the next entry still links to the original)');
        return broken(next ? 'entry hash mismatch: evidence row changed' : 'entry hash mismatch: evidence row or entry_hash changed');
      }
      const copy = `${row.run_id}:${row.sha256}`;
      if (!checkedBlobs.has(copy)) checkedBlobs.set(copy, blobProblem(dbFile, runKeys, row.run_id, row.sha256));
      const problem = checkedBlobs.get(copy);
      if (problem) return broken(problem);
      prev = { seq: row.seq, hash: row.entry_hash };
    }
    const lost = orphan.get();
    if (lost) {
      return { seq: (prev?.seq ?? 0) + 1, evidenceId: lost.id, reason: 'evidence row has no log entry (log entry deleted)' };
    }
    return null;
  });

  const firstBroken = run();
  return { ok: firstBroken === null, entries, blobs: checkedBlobs.size, firstBroken };
}
