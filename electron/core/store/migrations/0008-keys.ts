// Migration 0008: the wrapped keys of evidence at rest (core/crypto). A client's key is wrapped by the workstation
// key (kept in `<db>.keyring`), a run's key by its client's key. store_meta names the workstation key the client
// keys are wrapped under, so a process holding an older key never wraps new client keys after a rotation.
// Frozen once released.
export const sql = `
CREATE TABLE client_keys (
  client_id  INTEGER PRIMARY KEY REFERENCES clients(id),
  key_id     TEXT NOT NULL CHECK (length(key_id) = 16 AND key_id NOT GLOB '*[^0-9a-f]*'),
  wrapped    TEXT NOT NULL CHECK (wrapped GLOB 'ps[0-9]*:*'),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE run_keys (
  run_id     INTEGER PRIMARY KEY REFERENCES runs(id),
  key_id     TEXT NOT NULL CHECK (length(key_id) = 16 AND key_id NOT GLOB '*[^0-9a-f]*'),
  wrapped    TEXT NOT NULL CHECK (wrapped GLOB 'ps[0-9]*:*'),
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE store_meta (
  key   TEXT PRIMARY KEY CHECK (length(key) > 0),
  value TEXT NOT NULL
) STRICT;
`;
