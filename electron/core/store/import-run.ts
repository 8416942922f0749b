// Taking runs audited elsewhere (a signed run file, core/runfile) into this store: client and installation
// ensured, the run inserted with its original times and results, its evidence appended to this store's own
// hash-chained log. The caller verifies the file and stages each body with stageBlob first (sealed under a key
// held in memory, import-staging.ts); importRuns then writes all rows of one file in ONE transaction, so a
// failure leaves the store as it was, and seals each body under its new run's key.
import os from 'node:os';
import type { ItemResult, RunState, RunSummary } from '../../shared/domain';
import type { NewEvidence } from '../evidence-sink';
import { cleanName, type ClientsRepo } from './clients';
import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';
import { sha256Hex } from './blob-files';
import type { ImportStaging } from './import-staging';
import { normalizeUrl, type InstallationsRepo } from './installations';

export interface ImportInstallationInput {
  name: string;
  baseUrl: string;
  httpUrl: string | null;
  landingPages: string[];
  formUrls: string[];
  privacyPolicyUrl: string | null;
}

export interface ImportEvidenceInput {
  sha256: string;
  kind: NewEvidence['kind'];
  summary: string;
  capturedAt: string;
  mediaType: string;
  size: number;
}

export interface ImportRunInput {
  /** Client name, used when the installation is new here (an existing installation keeps its client). */
  client: string;
  installation: ImportInstallationInput;
  run: {
    checklistId: string;
    checklistVersion: string;
    engineVersion: string;
    targetUrl: string;
    /** Stored as given (the caller adds where the run came from). */
    options: Record<string, unknown>;
    state: Exclude<RunState, 'running'>;
    startedAt: string;
    finishedAt: string;
    items: ItemResult[];
    summary: RunSummary;
  };
  /** In capture order; every body must have been staged (stageBlob) before importRuns. */
  evidence: ImportEvidenceInput[];
}

export interface ImportRunOutcome {
  status: 'imported' | 'already-imported';
  runId: number;
  client: string;
  installation: string;
  evidence: number;
}

export interface RunIdentityInput {
  engineVersion: string;
  targetUrl: string;
  startedAt: string;
  evidenceShas: readonly string[];
}

/** What makes a run the same run wherever it is stored: engine, target, start time and the evidence it holds. */
export function runIdentity(r: RunIdentityInput): string {
  const shas = [...new Set(r.evidenceShas)].sort();
  return sha256Hex(JSON.stringify({ engineVersion: r.engineVersion, targetUrl: r.targetUrl, startedAt: r.startedAt, evidence: shas }));
}

export interface ImportRunDeps {
  db: Db;
  staging: ImportStaging;
  /** A body already in this store (a run imported twice in one file, or evidence shared with local runs). */
  readBlob: (sha256: string) => Buffer;
  clients: ClientsRepo;
  installations: InstallationsRepo;
  addEvidence: (runId: number, e: NewEvidence) => string;
  finishRun: (runId: number, result: { state: RunState; items: ItemResult[]; summary: RunSummary; finishedAt: string }) => void;
}

interface CandidateRow {
  id: number;
  engine_version: string;
  target_url: string;
  started_at: string;
}

export function createImportRunRepo(deps: ImportRunDeps) {
  const { db, staging, clients, installations } = deps;
  const insertRun = db.prepare(
    `INSERT INTO runs (installation_id, checklist_id, checklist_version, engine_version, target_url, options_json, state, started_at, pid, host)
     VALUES (@installationId, @checklistId, @checklistVersion, @engineVersion, @targetUrl, @optionsJson, 'running', @startedAt, @pid, @host)`,
  );
  const candidates = db.prepare<[number, string], CandidateRow>('SELECT id, engine_version, target_url, started_at FROM runs WHERE installation_id = ? AND started_at = ?');
  // What a run saw: its evidence without what was sealed into it afterwards (findings changes, judgements).
  const evidenceShas = db.prepare<[number], { sha256: string }>("SELECT DISTINCT sha256 FROM evidence WHERE run_id = ? AND kind NOT IN ('remediation', 'judgement')");

  /** The local run that is this one (imported before, or audited here), if any. */
  const sameRun = (installationId: number, input: ImportRunInput): number | null => {
    const identity = runIdentityOf(input);
    for (const c of candidates.all(installationId, input.run.startedAt)) {
      const local = runIdentity({ engineVersion: c.engine_version, targetUrl: c.target_url, startedAt: c.started_at, evidenceShas: evidenceShas.all(c.id).map((r) => r.sha256) });
      if (local === identity) return c.id;
    }
    return null;
  };

  const importOne = (input: ImportRunInput): ImportRunOutcome => {
    const baseUrl = normalizeUrl(input.installation.baseUrl, 'import run');
    let installation = installations.findByBaseUrl(baseUrl);
    if (installation) {
      const existing = sameRun(installation.id, input);
      if (existing !== null) {
        return { status: 'already-imported', runId: existing, client: clients.get(installation.clientId)?.name ?? '', installation: installation.name, evidence: input.evidence.length };
      }
    } else {
      const clientName = cleanName(input.client, 'import run: client');
      const client = clients.findByName(clientName) ?? clients.create({ name: clientName });
      const i = input.installation;
      installation = installations.create({
        clientId: client.id,
        name: i.name,
        baseUrl,
        httpUrl: i.httpUrl,
        landingPages: i.landingPages,
        formUrls: i.formUrls,
        privacyPolicyUrl: i.privacyPolicyUrl,
      });
    }
    const r = input.run;
    const runId = Number(
      insertRun.run({
        installationId: installation.id,
        checklistId: r.checklistId,
        checklistVersion: r.checklistVersion,
        engineVersion: r.engineVersion,
        targetUrl: r.targetUrl,
        optionsJson: JSON.stringify(r.options),
        startedAt: r.startedAt,
        pid: process.pid,
        host: os.hostname(),
      }).lastInsertRowid,
    );
    for (const e of input.evidence) {
      // The staged body is re-checked against its hash; one body in memory at a time.
      const content = staging.read(e.sha256) ?? deps.readBlob(e.sha256);
      if (content.length !== e.size) throw new StoreError('invalid', `import run: evidence ${e.sha256} has ${content.length} bytes, the run file says ${e.size}`);
      deps.addEvidence(runId, { kind: e.kind, summary: e.summary, capturedAt: e.capturedAt, mediaType: e.mediaType, content });
    }
    deps.finishRun(runId, { state: r.state, items: r.items, summary: r.summary, finishedAt: r.finishedAt });
    const client = clients.get(installation.clientId);
    return { status: 'imported', runId, client: client?.name ?? '', installation: installation.name, evidence: input.evidence.length };
  };

  const importAll = db.transaction((inputs: readonly ImportRunInput[]) => inputs.map(importOne));

  return {
    /** Stages one verified body (no rows: it joins the store's log only in importRuns). */
    stageBlob: (content: Buffer): string => staging.stage(content),
    /** The local run that is the same as this one (see runIdentity), or null; reads only. */
    findSameRun(input: ImportRunInput): number | null {
      const installation = installations.findByBaseUrl(input.installation.baseUrl);
      return installation ? sameRun(installation.id, input) : null;
    },
    /** All runs of one file in one transaction: all are taken in (or found already there), or none. */
    importRuns(inputs: readonly ImportRunInput[]): ImportRunOutcome[] {
      try {
        return importAll.immediate(inputs);
      } catch (err) {
        rethrowSqlite(err, 'import runs');
      } finally {
        staging.clear();
      }
    },
  };
}

export const runIdentityOf = (input: ImportRunInput): string =>
  runIdentity({ engineVersion: input.run.engineVersion, targetUrl: input.run.targetUrl, startedAt: input.run.startedAt, evidenceShas: input.evidence.filter((e) => !AFTERWARDS.includes(e.kind)).map((e) => e.sha256) });

/** Evidence sealed into a run after it ended: not part of what identifies the run. */
const AFTERWARDS: readonly string[] = ['remediation', 'judgement'];

export type ImportRunRepo = ReturnType<typeof createImportRunRepo>;
