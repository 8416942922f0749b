import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import type { RunRecorder } from '../../../electron/core/audit/types';
import { openStore } from '../../../electron/core/store';
import { evidence, rawDb, runFor, sampleResults, tempDbFile, tempStore } from './helpers';

const code = (code: string) => expect.objectContaining({ name: 'StoreError', code });

describe('runs', () => {
  it('the store is the audit engine’s RunRecorder', () => {
    const recorder: RunRecorder = tempStore();
    expect(typeof recorder.startRun).toBe('function');
  });

  it('startRun records a running run with this process, host and the options', () => {
    const store = tempStore();
    const { runId, installationId } = runFor(store);
    const run = store.getRun(runId)!;
    expect(run).toMatchObject({
      id: runId,
      installationId,
      checklistId: 'mautic-dsgvo',
      checklistVersion: '1.0.0',
      engineVersion: '0.1.0',
      state: 'running',
      finishedAt: null,
      pid: process.pid,
      host: os.hostname(),
      options: { concurrency: 4 },
      summary: null,
      score: null,
      items: [],
      evidence: [],
    });
    expect(store.getRun(runId + 100)).toBeNull();
  });

  it('finishRun stores items, checks and summary; getRun gives them back in order with the evidence refs', () => {
    const store = tempStore();
    const { runId } = runFor(store);
    const sha1 = store.addEvidence(runId, evidence('first', { kind: 'tls-protocols', capturedAt: '2025-01-01T00:00:01.000Z' }));
    store.addEvidence(runId, evidence('second', { capturedAt: '2025-01-01T00:00:02.000Z' }));
    const { items, summary } = sampleResults(sha1);
    store.finishRun(runId, { state: 'complete', items, summary, finishedAt: '2025-01-01T00:01:00.000Z' });
    const run = store.getRun(runId)!;
    expect(run.state).toBe('complete');
    expect(run.finishedAt).toBe('2025-01-01T00:01:00.000Z');
    expect(run.items).toEqual(items);
    expect(run.summary).toEqual(summary);
    expect([run.score, run.headerScore, run.headerGrade]).toEqual([42.5, 85, 'B+']);
    expect(run.evidence).toEqual([
      { sha256: sha1, kind: 'tls-protocols', capturedAt: '2025-01-01T00:00:01.000Z', summary: 'GET first' },
      expect.objectContaining({ summary: 'GET second' }),
      // What the run did to the installation's findings, sealed with it: the failed TLS check opened one.
      expect.objectContaining({ kind: 'remediation', summary: `Findings after run ${runId}: 1 opened, 0 fixed, 0 reopened` }),
    ]);
  });

  it('counts the automated checks that could not run, for the run and for the list of runs', () => {
    const store = tempStore();
    const { runId, installationId } = runFor(store);
    const { items, summary } = sampleResults(store.addEvidence(runId, evidence('first')));
    const tls = items[0]!;
    tls.checks.push(
      { checkId: 'tls-chain', status: 'error', automated: true, findings: [{ code: 'no-answer', status: 'error', cause: 'timeout' }], message: 'timeout', evidence: [] },
      { checkId: 'tls-ocsp', status: 'error', automated: true, findings: [{ code: 'no-answer', status: 'error', cause: 'tls' }], message: 'tls', evidence: [] },
    );
    store.finishRun(runId, { state: 'complete', items, summary, finishedAt: '2025-01-01T00:01:00.000Z' });
    const clean = runFor(store).runId;
    store.finishRun(clean, { state: 'complete', ...sampleResults(store.addEvidence(clean, evidence('second'))), finishedAt: '2025-01-01T00:02:00.000Z' });
    expect(store.getRun(runId)!.errorChecks).toBe(2);
    expect(store.getRun(clean)!.errorChecks).toBe(0);
    expect(Object.fromEntries(store.listRuns(installationId).map((r) => [r.id, r.errorChecks]))).toEqual({ [runId]: 2, [clean]: 0 });
  });

  it('finishRun is one transaction: an invalid check leaves the run running with no results', () => {
    const store = tempStore();
    const { runId } = runFor(store);
    const { items, summary } = sampleResults('f'.repeat(64)); // evidence never recorded in this run
    expect(() => store.finishRun(runId, { state: 'complete', items, summary, finishedAt: 'x' })).toThrow(code('invalid'));
    const dup = sampleResults('f'.repeat(64));
    dup.items[0]!.checks = [dup.items[1]!.checks[0]!, { ...dup.items[1]!.checks[0]! }]; // same check id twice → PK violation mid-way
    expect(() => store.finishRun(runId, { state: 'complete', items: dup.items, summary, finishedAt: 'x' })).toThrow(code('conflict'));
    const run = store.getRun(runId)!;
    expect(run.state).toBe('running');
    expect(run.items).toEqual([]);
    expect(run.summary).toBeNull();
  });

  it('finishRun refuses a non-final state, an unknown run and a second finish', () => {
    const store = tempStore();
    const { runId } = runFor(store);
    const summary = { counts: { pass: 0, fail: 0, warn: 0, manual: 0, error: 0, not_applicable: 0 }, score: null, headerScore: null };
    expect(() => store.finishRun(runId, { state: 'running', items: [], summary, finishedAt: 'x' })).toThrow(code('invalid'));
    expect(() => store.finishRun(999, { state: 'complete', items: [], summary, finishedAt: 'x' })).toThrow(code('not-found'));
    store.finishRun(runId, { state: 'cancelled', items: [], summary, finishedAt: 'x' });
    expect(store.getRun(runId)).toMatchObject({ state: 'cancelled', score: null, headerScore: null, headerGrade: null });
    expect(() => store.finishRun(runId, { state: 'complete', items: [], summary, finishedAt: 'y' })).toThrow(code('conflict'));
  });

  it('listRuns gives the installation’s runs newest first', () => {
    const file = tempDbFile();
    const store = tempStore(file);
    const { installationId, runId: r1 } = runFor(store);
    const r2 = runFor(store).runId;
    const r3 = runFor(store).runId;
    runFor(store, 'https://elsewhere.test/');
    const raw = rawDb(file);
    raw.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run('2025-03-01T00:00:00.000Z', r1);
    raw.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run('2025-01-01T00:00:00.000Z', r2);
    raw.prepare('UPDATE runs SET started_at = ? WHERE id = ?').run('2025-02-01T00:00:00.000Z', r3);
    expect(store.listRuns(installationId).map((r) => r.id)).toEqual([r1, r3, r2]);
    expect(store.listRuns(999)).toEqual([]);
  });

  it('a run left running by a dead process of this host becomes incomplete when the store is opened', () => {
    const file = tempDbFile();
    const first = openStore(file);
    const dead = runFor(first).runId;
    const alive = runFor(first).runId;
    const foreign = runFor(first).runId;
    const finished = runFor(first).runId;
    first.finishRun(finished, { state: 'complete', items: [], summary: sampleResults('').summary, finishedAt: 'z' });
    first.close();

    const child = spawnSync(process.execPath, ['-e', '']);
    expect(child.status).toBe(0);
    expect(() => process.kill(child.pid!, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    const raw = rawDb(file);
    raw.prepare('UPDATE runs SET pid = ? WHERE id IN (?, ?)').run(child.pid, dead, finished);
    raw.prepare("UPDATE runs SET pid = ?, host = 'another-machine' WHERE id = ?").run(child.pid, foreign);

    const store = tempStore(file);
    expect(store.getRun(dead)).toMatchObject({ state: 'incomplete', finishedAt: null });
    expect(store.getRun(alive)!.state).toBe('running');
    expect(store.getRun(foreign)!.state).toBe('running');
    expect(store.getRun(finished)!.state).toBe('complete');
    expect(store.markAbandonedRuns()).toBe(0);
  });
});
