// Migration 0006: a client's registers (processors with their DPAs, records of processing) and the auditor's
// judgements (attestations, overrides) with their withdrawals. Frozen once released.
// Registers are editable (the current state; each audit seals a snapshot as evidence). Judgements and withdrawals
// are append-only: both are sealed in the hash-chained evidence log and never change once written.
export const sql = `
CREATE TABLE processors (
  id                  INTEGER PRIMARY KEY,
  client_id           INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  name                TEXT NOT NULL CHECK (length(name) > 0),
  name_key            TEXT NOT NULL CHECK (length(name_key) > 0),
  service             TEXT NOT NULL,
  role                TEXT NOT NULL CHECK (role IN ('processor', 'sub-processor')),
  country             TEXT NOT NULL CHECK (country = '' OR (length(country) = 2 AND country NOT GLOB '*[^A-Z]*')),
  dpa_signed_on       TEXT CHECK (dpa_signed_on IS NULL OR dpa_signed_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  dpa_document        TEXT REFERENCES blobs(sha256),
  transfer_basis      TEXT CHECK (transfer_basis IS NULL OR transfer_basis IN ('adequacy', 'scc', 'dpf', 'bcr', 'none')),
  sub_processors_json TEXT NOT NULL CHECK (json_valid(sub_processors_json) AND json_type(sub_processors_json) = 'array'),
  next_review_on      TEXT CHECK (next_review_on IS NULL OR next_review_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  notes               TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (client_id, name_key)
) STRICT;

CREATE TABLE activities (
  id                      INTEGER PRIMARY KEY,
  client_id               INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  activity                TEXT NOT NULL CHECK (length(activity) > 0),
  activity_key            TEXT NOT NULL CHECK (length(activity_key) > 0),
  purposes                TEXT NOT NULL,
  legal_basis             TEXT CHECK (legal_basis IS NULL OR legal_basis IN ('a', 'b', 'c', 'd', 'e', 'f')),
  special_basis           TEXT CHECK (special_basis IS NULL OR special_basis IN ('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j')),
  data_categories         TEXT NOT NULL,
  subject_categories      TEXT NOT NULL,
  recipients              TEXT NOT NULL,
  third_country_transfers TEXT NOT NULL,
  retention               TEXT NOT NULL,
  tom_reference           TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  UNIQUE (client_id, activity_key)
) STRICT;

CREATE TABLE judgements (
  id               INTEGER PRIMARY KEY,
  installation_id  INTEGER NOT NULL REFERENCES installations(id),
  run_id           INTEGER NOT NULL REFERENCES runs(id),
  kind             TEXT NOT NULL CHECK (kind IN ('attestation', 'override')),
  check_id         TEXT NOT NULL CHECK (length(check_id) > 0),
  status           TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'warn', 'manual', 'error', 'not_applicable')),
  statement        TEXT NOT NULL CHECK (length(statement) > 0),
  by_whom          TEXT NOT NULL CHECK (length(by_whom) > 0),
  attachments_json TEXT NOT NULL CHECK (json_valid(attachments_json) AND json_type(attachments_json) = 'array'),
  at               TEXT NOT NULL,
  evidence         TEXT NOT NULL REFERENCES blobs(sha256)
) STRICT;
CREATE INDEX judgements_by_installation ON judgements(installation_id, check_id, id);
CREATE INDEX judgements_by_run ON judgements(run_id);

CREATE TABLE judgement_withdrawals (
  judgement_id INTEGER PRIMARY KEY REFERENCES judgements(id),
  by_whom      TEXT NOT NULL CHECK (length(by_whom) > 0),
  reason       TEXT NOT NULL CHECK (length(reason) > 0),
  at           TEXT NOT NULL,
  evidence     TEXT NOT NULL REFERENCES blobs(sha256)
) STRICT;

CREATE TRIGGER judgements_immutable_update BEFORE UPDATE ON judgements
BEGIN SELECT RAISE(ABORT, 'judgements are immutable'); END;
CREATE TRIGGER judgements_immutable_delete BEFORE DELETE ON judgements
BEGIN SELECT RAISE(ABORT, 'judgements are immutable'); END;
CREATE TRIGGER judgement_withdrawals_immutable_update BEFORE UPDATE ON judgement_withdrawals
BEGIN SELECT RAISE(ABORT, 'judgements are immutable'); END;
CREATE TRIGGER judgement_withdrawals_immutable_delete BEFORE DELETE ON judgement_withdrawals
BEGIN SELECT RAISE(ABORT, 'judgements are immutable'); END;
`;
