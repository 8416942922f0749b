// Texts from a client's systems sealed at rest (issue 14, point 1): evidence summaries and check findings and
// messages. Real SQLite files; the raw bytes of the database and its WAL are searched for the plaintext.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ItemResult } from '../../../electron/shared/domain';
import { evidence, filesUnder, rawDb, runFor, sampleResults, tempDbFile, tempStore } from './helpers';

// A finding's subject (shared/findings SUBJECT_PARAMS: page, cookie, host …) is its identity across audits and is
// kept in findings.subject as it stands; the marker goes into a param that is not a subject.
const MARKER = 'Seitentext-Marker-7a2d: erika.musterfrau@example.org';

function withMarker(sha: string): { items: ItemResult[]; summary: ReturnType<typeof sampleResults>['summary'] } {
  const { items, summary } = sampleResults(sha);
  const tls = items[0]!.checks[0]!;
  items[0]!.checks[0] = { ...tls, message: `gefunden: ${MARKER}`, findings: [{ code: 'tls10', status: 'fail', params: { excerpt: MARKER } }] };
  return { items, summary };
}

const holdsMarker = (file: string): string[] =>
  filesUnder(path.dirname(file)).filter((f) => readFileSync(f).includes(Buffer.from('Seitentext-Marker')));

/** A store with one finished run of sampleResults, and a raw connection to its database. */
function finishedSampleRun() {
  const file = tempDbFile();
  const store = tempStore(file);
  const { runId } = runFor(store);
  const { items, summary } = sampleResults(store.addEvidence(runId, evidence('body')));
  store.finishRun(runId, { state: 'complete', items, summary, finishedAt: new Date().toISOString() });
  return { store, runId, raw: rawDb(file) };
}

describe('sealed text fields', () => {
  it('keeps summaries, findings and messages only as envelopes in the database and its WAL, and reads them back', async () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    const sha = store.addEvidence(runId, evidence('body', { summary: `Seite: ${MARKER}` }));
    await store.recordEvidence(runId, evidence('other', { summary: `Formular: ${MARKER}` }));
    const { items, summary } = withMarker(sha);
    store.finishRun(runId, { state: 'complete', items, summary, finishedAt: new Date().toISOString() });

    expect(holdsMarker(file), 'no file of the open store holds the text').toEqual([]);
    const run = store.getRun(runId)!;
    expect(run.evidence.map((e) => e.summary).slice(0, 2)).toEqual([`Seite: ${MARKER}`, `Formular: ${MARKER}`]);
    expect(run.items[0]!.checks[0]).toMatchObject({ message: `gefunden: ${MARKER}`, findings: [{ params: { excerpt: MARKER } }] });
    expect(store.getEvidence(sha)!.summary).toBe(`Seite: ${MARKER}`);
    expect(store.findings.list(run.installationId).map((f) => f.checkId)).toContain('tls-protocols');
    expect(store.verify()).toMatchObject({ ok: true, entries: 3 });
    store.close();
    expect(holdsMarker(file), 'nor after the checkpoint').toEqual([]);

    const raw = rawDb(file);
    const check = raw.prepare("SELECT findings_json, message, sealed FROM check_results WHERE check_id = 'tls-protocols'").get() as Record<string, string>;
    expect(check).toMatchObject({ findings_json: '[]', message: '', sealed: expect.stringMatching(/^ps1:/) });
  });

  it('refuses a sealed row that also carries plaintext (the schema holds the two apart)', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = runFor(store);
    store.addEvidence(runId, evidence('body'));
    const raw = rawDb(file);
    raw.exec('DROP TRIGGER evidence_immutable_update');
    expect(() => raw.prepare("UPDATE evidence SET summary = 'plain' WHERE run_id = ?").run(runId)).toThrow(/CHECK constraint failed/);
  });

  it('reads rows written before sealing (sealed NULL) as they stand', () => {
    const { store, runId, raw } = finishedSampleRun();
    raw.prepare("UPDATE check_results SET sealed = NULL, findings_json = ?, message = 'alt' WHERE check_id = 'tls-protocols'").run(JSON.stringify([{ code: 'legacy', status: 'fail' }]));
    expect(store.getRun(runId)!.items[0]!.checks[0]).toMatchObject({ message: 'alt', findings: [{ code: 'legacy' }] });
  });

  it('does not open a check text moved to another check (each is bound to its run and check)', () => {
    const { store, runId, raw } = finishedSampleRun();
    raw.prepare("UPDATE check_results SET sealed = (SELECT sealed FROM check_results WHERE check_id = 'tls-cert') WHERE check_id = 'tls-protocols'").run();
    expect(() => store.getRun(runId)).toThrow(expect.objectContaining({ name: 'StoreError', code: 'corrupt', message: expect.stringMatching(/^check tls-protocols of run \d+: the sealed text does not open/) }));
  });
});
