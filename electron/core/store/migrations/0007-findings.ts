// Migration 0007: findings that live across audits (installation, check id, subject), with what the DPO tracks
// (owner, due date, status, reasons), and their append-only history. Frozen once released.
// Each history entry is sealed in the hash-chained evidence log ('remediation' evidence; `evidence` names it).
export const sql = `
CREATE TABLE findings (
  id               INTEGER PRIMARY KEY,
  installation_id  INTEGER NOT NULL REFERENCES installations(id),
  check_id         TEXT NOT NULL CHECK (length(check_id) > 0),
  subject          TEXT NOT NULL,
  item_id          TEXT NOT NULL,
  severity         TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  measured         TEXT NOT NULL CHECK (measured IN ('fail', 'warn')),
  status           TEXT NOT NULL CHECK (status IN ('open', 'in-progress', 'fixed', 'accepted-risk', 'false-positive')),
  owner            TEXT NOT NULL,
  due_on           TEXT CHECK (due_on IS NULL OR due_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  reason           TEXT NOT NULL,
  expires_on       TEXT CHECK (expires_on IS NULL OR expires_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  first_run_id     INTEGER NOT NULL REFERENCES runs(id),
  last_seen_run_id INTEGER NOT NULL REFERENCES runs(id),
  fixed_run_id     INTEGER REFERENCES runs(id),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  UNIQUE (installation_id, check_id, subject),
  CHECK (status <> 'accepted-risk' OR (length(reason) > 0 AND expires_on IS NOT NULL)),
  CHECK (status <> 'false-positive' OR length(reason) > 0)
) STRICT;
CREATE INDEX findings_by_status ON findings(installation_id, status, due_on);

CREATE TABLE finding_events (
  id         INTEGER PRIMARY KEY,
  finding_id INTEGER NOT NULL REFERENCES findings(id),
  run_id     INTEGER REFERENCES runs(id),
  kind       TEXT NOT NULL CHECK (kind IN ('opened', 'fixed', 'reopened', 'changed', 'comment')),
  by_whom    TEXT NOT NULL CHECK (length(by_whom) > 0),
  at         TEXT NOT NULL,
  data_json  TEXT NOT NULL CHECK (json_valid(data_json) AND json_type(data_json) = 'object'),
  evidence   TEXT NOT NULL REFERENCES blobs(sha256)
) STRICT;
CREATE INDEX finding_events_by_finding ON finding_events(finding_id, id);

-- The runs whose verdicts have been applied to the findings, so that each run is applied once.
CREATE TABLE findings_synced (
  run_id INTEGER PRIMARY KEY REFERENCES runs(id),
  at     TEXT NOT NULL
) STRICT;

CREATE TRIGGER finding_events_immutable_update BEFORE UPDATE ON finding_events
BEGIN SELECT RAISE(ABORT, 'finding history is immutable'); END;
CREATE TRIGGER finding_events_immutable_delete BEFORE DELETE ON finding_events
BEGIN SELECT RAISE(ABORT, 'finding history is immutable'); END;
`;
