// Migration 0001: who is audited. Frozen once released: change the schema with a new migration, never here.
export const sql = `
CREATE TABLE clients (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE installations (
  id         INTEGER PRIMARY KEY,
  client_id  INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
  name       TEXT NOT NULL CHECK (length(trim(name)) > 0),
  base_url   TEXT NOT NULL UNIQUE CHECK (base_url LIKE 'http://%' OR base_url LIKE 'https://%'),
  http_url   TEXT CHECK (http_url IS NULL OR http_url LIKE 'http://%' OR http_url LIKE 'https://%'),
  ca_pem     TEXT,
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
) STRICT;

CREATE INDEX installations_by_client ON installations(client_id, name);
`;
