// Attestations and overrides in a real store: sealed in the hash-chained log with their attachments, refused
// where they do not fit what was measured, carried to later runs until withdrawn.
import { describe, expect, it } from 'vitest';
import type { JudgementInput } from '../../../electron/shared/registers';
import { StoreError, type Store } from '../../../electron/core/store';
import { rawDb, runFor, sampleResults, tempDbFile, tempStore } from './helpers';

const attest = (over: Partial<JudgementInput> = {}): JudgementInput => ({
  kind: 'attestation',
  checkId: 'dpa-signed',
  status: 'pass',
  statement: 'AVV mit Hetzner vom 31.01.2026 liegt unterschrieben vor.',
  by: 'Dr. Anna Berger (DSB)',
  attachments: [],
  ...over,
});

function finishedRun(store: Store): { runId: number; installationId: number } {
  const r = runFor(store);
  const { items, summary } = sampleResults(store.addEvidence(r.runId, { kind: 'http-exchange', summary: 'x', mediaType: 'text/plain', content: Buffer.from(`x${r.runId}`), capturedAt: '2025-01-01T00:00:00.000Z' }));
  store.finishRun(r.runId, { state: 'complete', items, summary, finishedAt: '2025-01-01T00:01:00.000Z' });
  return r;
}

const failure = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    if (err instanceof StoreError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return 'no error';
};

describe('store.judgements', () => {
  it('records an attestation with its attachment as evidence in the chain; the chain still verifies', () => {
    const store = tempStore();
    const { runId, installationId } = finishedRun(store);
    const pdf = Buffer.from('%PDF-1.4\nAVV\n%%EOF\n');
    const doc = store.registers.storeDocument(pdf, 'application/pdf');
    const before = store.chainHead()!.seq;
    const j = store.judgements.record(runId, attest({ attachments: [doc] }));
    expect(j).toMatchObject({ kind: 'attestation', checkId: 'dpa-signed', status: 'pass', installationId, runId, attachments: [doc], withdrawn: null });
    expect(store.chainHead()!.seq).toBe(before + 2);
    const kinds = store.listEvidence(runId).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['document', 'judgement']));
    const sealed = JSON.parse(store.readBlob(j.evidence).toString('utf8')) as Record<string, unknown>;
    expect(sealed).toMatchObject({ kind: 'attestation', checkId: 'dpa-signed', measured: 'manual', status: 'pass', by: 'Dr. Anna Berger (DSB)', attachments: [doc] });
    expect(store.verify().ok).toBe(true);
  });

  it('refuses what does not fit: an attestation of a measured check, an override of a manual one, no statement, unknown checks', () => {
    const store = tempStore();
    const { runId } = finishedRun(store);
    const head = store.chainHead();
    expect(failure(() => store.judgements.record(runId, attest({ checkId: 'tls-protocols' })))).toMatch(/^invalid: .*attestation answers a manual check/);
    expect(failure(() => store.judgements.record(runId, attest({ kind: 'override' })))).toMatch(/^invalid: .*only an automated verdict/);
    expect(failure(() => store.judgements.record(runId, attest({ statement: '  ' })))).toMatch(/^invalid: .*statement is required/);
    expect(failure(() => store.judgements.record(runId, attest({ kind: 'override', checkId: 'tls-protocols', statement: '' })))).toMatch(/^invalid: .*reason is required/);
    expect(failure(() => store.judgements.record(runId, attest({ by: '' })))).toMatch(/^invalid: .*who judged/);
    expect(failure(() => store.judgements.record(runId, attest({ status: 'manual' })))).toMatch(/^invalid: .*verdict must be one of/);
    expect(failure(() => store.judgements.record(runId, attest({ checkId: 'nope' })))).toMatch(/^not-found: .*no check "nope"/);
    expect(failure(() => store.judgements.record(runId, attest({ attachments: ['c'.repeat(64)] })))).toMatch(/^not-found: .*attachment/);
    expect(failure(() => store.judgements.record(9999, attest()))).toMatch(/^not-found: .*run 9999/);
    expect(store.chainHead()).toEqual(head);
    const running = runFor(store, 'https://other.example.org/');
    expect(failure(() => store.judgements.record(running.runId, attest()))).toMatch(/^invalid: .*not finished/);
  });

  it('an override replaces an automated verdict with a reason and is kept across re-audits until withdrawn', () => {
    const store = tempStore();
    const first = finishedRun(store);
    const override = store.judgements.record(first.runId, attest({ kind: 'override', checkId: 'tls-protocols', status: 'pass', statement: 'TLS 1.0 nur für interne Altgeräte, abgeschottet.' }));
    const attestation = store.judgements.record(first.runId, attest());
    const second = finishedRun(store);
    expect(second.installationId).toBe(first.installationId);
    expect(store.judgements.forRun(second.runId).map((j) => j.id).sort()).toEqual([override.id, attestation.id].sort());
    const newer = store.judgements.record(second.runId, attest({ status: 'fail', statement: 'AVV abgelaufen.' }));
    expect(store.judgements.forRun(second.runId).find((j) => j.checkId === 'dpa-signed')?.id).toBe(newer.id);
    expect(store.judgements.forRun(first.runId).find((j) => j.checkId === 'dpa-signed')?.id).toBe(attestation.id);

    const withdrawn = store.judgements.withdraw(override.id, 'Dr. Anna Berger (DSB)', 'Altgeräte wurden abgeschaltet.');
    expect(withdrawn.withdrawn).toMatchObject({ by: 'Dr. Anna Berger (DSB)', reason: 'Altgeräte wurden abgeschaltet.' });
    expect(store.judgements.forRun(second.runId).map((j) => j.checkId)).toEqual(['dpa-signed']);
    expect(failure(() => store.judgements.withdraw(override.id, 'x', 'again'))).toMatch(/^conflict/);
    expect(failure(() => store.judgements.withdraw(override.id + 100, 'x', 'y'))).toMatch(/^not-found/);
    expect(failure(() => store.judgements.withdraw(newer.id, 'x', ' '))).toMatch(/^invalid: .*reason/);
    const sealed = JSON.parse(store.readBlob(withdrawn.withdrawn!.evidence).toString('utf8')) as Record<string, unknown>;
    expect(sealed).toMatchObject({ withdraws: override.id, evidence: override.evidence, reason: 'Altgeräte wurden abgeschaltet.' });
    expect(store.judgements.listForInstallation(first.installationId).map((j) => j.id)).toEqual([newer.id, attestation.id, override.id]);
    expect(store.verify().ok).toBe(true);
  });

  it('judgements cannot be changed behind the store’s back', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { runId } = finishedRun(store);
    store.judgements.record(runId, attest());
    const db = rawDb(file);
    expect(() => db.prepare("UPDATE judgements SET status = 'fail'").run()).toThrow(/immutable/);
    expect(store.judgements.forRun(runId)[0]?.status).toBe('pass');
  });
});
