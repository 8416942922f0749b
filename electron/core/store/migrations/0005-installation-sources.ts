// Migration 0005: where an installation's own files come from (form pages, local.php and crontab files, or a
// read-only SSH login), and its SSH secret — only ever as ciphertext from the OS keychain (Electron safeStorage).
// Frozen once released: change the schema with a new migration, never here.
export const sql = `
ALTER TABLE installations ADD COLUMN form_urls_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(form_urls_json) AND json_type(form_urls_json) = 'array');
ALTER TABLE installations ADD COLUMN config_path TEXT;
ALTER TABLE installations ADD COLUMN crontab_path TEXT;
ALTER TABLE installations ADD COLUMN ssh_json TEXT CHECK (ssh_json IS NULL OR (json_valid(ssh_json) AND json_type(ssh_json) = 'object'));
CREATE TABLE installation_secrets (
  installation_id INTEGER PRIMARY KEY REFERENCES installations(id) ON DELETE CASCADE,
  ciphertext BLOB NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`;
