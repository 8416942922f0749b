// Migration 0003: evidence, content-addressed blobs and the hash-chained log. Frozen once released.
// Evidence kinds are checked by format only; the list of kinds lives in domain.ts and is enforced in
// evidence.ts, so a new probe kind does not need a table rebuild of immutable rows.
export const sql = `
CREATE TABLE blobs (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
  size       INTEGER NOT NULL CHECK (size >= 0),
  media_type TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE evidence (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES runs(id),
  sha256      TEXT NOT NULL REFERENCES blobs(sha256),
  kind        TEXT NOT NULL CHECK (length(kind) > 0 AND kind NOT GLOB '*[^a-z0-9-]*'),
  summary     TEXT NOT NULL,
  captured_at TEXT NOT NULL,
  media_type  TEXT NOT NULL
) STRICT;

CREATE INDEX evidence_by_run ON evidence(run_id, id);
CREATE INDEX evidence_by_blob ON evidence(sha256);

CREATE TABLE evidence_log (
  seq         INTEGER PRIMARY KEY CHECK (seq >= 1),
  evidence_id INTEGER NOT NULL UNIQUE REFERENCES evidence(id),
  prev_hash   TEXT NOT NULL CHECK (length(prev_hash) = 64),
  entry_hash  TEXT NOT NULL CHECK (length(entry_hash) = 64),
  recorded_at TEXT NOT NULL
) STRICT;

CREATE TRIGGER blobs_immutable_update BEFORE UPDATE ON blobs
BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
CREATE TRIGGER blobs_immutable_delete BEFORE DELETE ON blobs
BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
CREATE TRIGGER evidence_immutable_update BEFORE UPDATE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
CREATE TRIGGER evidence_immutable_delete BEFORE DELETE ON evidence
BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
CREATE TRIGGER evidence_log_immutable_update BEFORE UPDATE ON evidence_log
BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
CREATE TRIGGER evidence_log_immutable_delete BEFORE DELETE ON evidence_log
BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
`;
