// Migration 0009: texts from a client's systems sealed under the run's key (store/text-fields.ts). An evidence
// row's summary and a check result's findings and message move into `sealed` (a "ps1:" text envelope); the old
// columns then hold '' and '[]'. Rows from before stay plaintext with `sealed` NULL, so NULL marks what a
// migration has still to seal (never guessed from the text). Frozen once released.
export const sql = `
ALTER TABLE evidence ADD COLUMN sealed TEXT CHECK (sealed IS NULL OR (sealed GLOB 'ps[0-9]*:*' AND summary = ''));
ALTER TABLE check_results ADD COLUMN sealed TEXT CHECK (sealed IS NULL OR (sealed GLOB 'ps[0-9]*:*' AND findings_json = '[]' AND message = ''));
`;
