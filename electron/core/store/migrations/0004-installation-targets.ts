// Migration 0004: what else an installation is audited at (landing pages, the privacy policy) and the name of
// its extra CA file; evidence looked up by its hash (the app opens an evidence item by SHA-256). Frozen once released: change the schema with a new migration, never here.
export const sql = `
ALTER TABLE installations ADD COLUMN landing_pages_json TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(landing_pages_json) AND json_type(landing_pages_json) = 'array');
ALTER TABLE installations ADD COLUMN privacy_policy_url TEXT CHECK (privacy_policy_url IS NULL OR privacy_policy_url LIKE 'http://%' OR privacy_policy_url LIKE 'https://%');
ALTER TABLE installations ADD COLUMN ca_name TEXT;
CREATE INDEX evidence_by_sha256 ON evidence(sha256);
`;
