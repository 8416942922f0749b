// Migration 0002: audit runs and their verdicts. Frozen once released: change the schema with a new migration.
// The status lists are written out (not generated from domain.ts) so that this text never changes;
// test/unit/store/migrations.test.ts fails when domain.ts gains a status that needs a new migration.
export const sql = `
CREATE TABLE runs (
  id                INTEGER PRIMARY KEY,
  installation_id   INTEGER NOT NULL REFERENCES installations(id),
  checklist_id      TEXT NOT NULL,
  checklist_version TEXT NOT NULL,
  engine_version    TEXT NOT NULL,
  target_url        TEXT NOT NULL,
  options_json      TEXT NOT NULL CHECK (json_valid(options_json)),
  state             TEXT NOT NULL CHECK (state IN ('running', 'complete', 'incomplete', 'cancelled')),
  started_at        TEXT NOT NULL,
  finished_at       TEXT,
  pid               INTEGER NOT NULL,
  host              TEXT NOT NULL,
  summary_json      TEXT CHECK (summary_json IS NULL OR json_valid(summary_json)),
  score             REAL CHECK (score IS NULL OR (score >= 0 AND score <= 100)),
  header_score      INTEGER CHECK (header_score IS NULL OR (header_score >= 0 AND header_score <= 100)),
  header_grade      TEXT
) STRICT;

CREATE INDEX runs_by_installation ON runs(installation_id, started_at);
CREATE INDEX runs_by_state ON runs(state) WHERE state = 'running';

CREATE TABLE item_results (
  run_id   INTEGER NOT NULL REFERENCES runs(id),
  item_id  TEXT NOT NULL,
  position INTEGER NOT NULL,
  title    TEXT NOT NULL,
  status   TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'warn', 'manual', 'error', 'not_applicable')),
  severity TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low')),
  PRIMARY KEY (run_id, item_id)
) STRICT;

CREATE TABLE check_results (
  run_id        INTEGER NOT NULL,
  item_id       TEXT NOT NULL,
  check_id      TEXT NOT NULL,
  position      INTEGER NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'warn', 'manual', 'error', 'not_applicable')),
  automated     INTEGER NOT NULL CHECK (automated IN (0, 1)),
  findings_json TEXT NOT NULL CHECK (json_valid(findings_json) AND json_type(findings_json) = 'array'),
  message       TEXT NOT NULL,
  evidence_json TEXT NOT NULL CHECK (json_valid(evidence_json) AND json_type(evidence_json) = 'array'),
  PRIMARY KEY (run_id, check_id),
  FOREIGN KEY (run_id, item_id) REFERENCES item_results(run_id, item_id)
) STRICT;

CREATE INDEX check_results_by_item ON check_results(run_id, item_id, position);
`;
