import os from 'node:os';
import { RUN_STATES, SEVERITIES, STATUSES, type EvidenceRef, type ItemResult, type RunState, type RunSummary } from '../../shared/domain';
import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';
import { isSha256Hex } from './paths';
import type { TextFields } from './text-fields';

export interface StartRunInput {
  installationId: number;
  checklistId: string;
  checklistVersion: string;
  engineVersion: string;
  targetUrl: string;
  options: Record<string, unknown>;
}

export interface FinishRunInput {
  state: RunState;
  items: ItemResult[];
  summary: RunSummary;
  finishedAt: string;
}

/** One line of a run list: metadata and scores, no verdicts. */
export interface RunInfo {
  id: number;
  installationId: number;
  checklistId: string;
  checklistVersion: string;
  engineVersion: string;
  targetUrl: string;
  state: RunState;
  startedAt: string;
  finishedAt: string | null;
  score: number | null;
  headerScore: number | null;
  headerGrade: string | null;
  /** Automated checks that ended in `error`. */
  errorChecks: number;
}

export interface StoredRun extends RunInfo {
  options: Record<string, unknown>;
  pid: number;
  host: string;
  summary: RunSummary | null;
  items: ItemResult[];
  evidence: EvidenceRef[];
}

interface RunRow {
  id: number;
  installation_id: number;
  checklist_id: string;
  checklist_version: string;
  engine_version: string;
  target_url: string;
  options_json: string;
  state: RunState;
  started_at: string;
  finished_at: string | null;
  pid: number;
  host: string;
  summary_json: string | null;
  score: number | null;
  header_score: number | null;
  header_grade: string | null;
  /** Automated checks of the run that ended in `error` (could not run). */
  error_checks: number;
}

interface ItemRow {
  item_id: string;
  title: string;
  status: ItemResult['status'];
  severity: ItemResult['severity'];
}

interface CheckRow {
  item_id: string;
  check_id: string;
  status: ItemResult['status'];
  automated: number;
  findings_json: string;
  message: string;
  sealed: string | null;
  evidence_json: string;
}

const toInfo = (r: RunRow): RunInfo => ({
  id: r.id,
  installationId: r.installation_id,
  checklistId: r.checklist_id,
  checklistVersion: r.checklist_version,
  engineVersion: r.engine_version,
  targetUrl: r.target_url,
  state: r.state,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  score: r.score,
  headerScore: r.header_score,
  headerGrade: r.header_grade,
  errorChecks: r.error_checks,
});

const ERROR_CHECKS = "(SELECT COUNT(*) FROM check_results c WHERE c.run_id = runs.id AND c.automated = 1 AND c.status = 'error') AS error_checks";

/** True unless the OS says no such process (ESRCH); EPERM means it exists but belongs to someone else. */
export function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function validateResults(runId: number, result: FinishRunInput, evidenceOfRun: Set<string>): void {
  const bad = (msg: string) => new StoreError('invalid', `finish run ${runId}: ${msg}`);
  if (!RUN_STATES.includes(result.state) || result.state === 'running') throw bad(`"${result.state}" is not a final state`);
  for (const item of result.items) {
    if (!STATUSES.includes(item.status)) throw bad(`item ${item.itemId} has unknown status "${item.status}"`);
    if (!SEVERITIES.includes(item.severity)) throw bad(`item ${item.itemId} has unknown severity "${item.severity}"`);
    for (const check of item.checks) {
      if (!STATUSES.includes(check.status)) throw bad(`check ${check.checkId} has unknown status "${check.status}"`);
      for (const sha of check.evidence) {
        if (!isSha256Hex(sha) || !evidenceOfRun.has(sha)) throw bad(`check ${check.checkId} cites evidence ${sha} that was not recorded in this run`);
      }
    }
  }
}

export function createRunsRepo(db: Db, listEvidence: (runId: number) => EvidenceRef[], texts: TextFields) {
  const insertRun = db.prepare(
    `INSERT INTO runs (installation_id, checklist_id, checklist_version, engine_version, target_url, options_json, state, started_at, pid, host)
     VALUES (@installationId, @checklistId, @checklistVersion, @engineVersion, @targetUrl, @optionsJson, 'running', @startedAt, @pid, @host)`,
  );
  const selectRun = db.prepare<[number], RunRow>(`SELECT *, ${ERROR_CHECKS} FROM runs WHERE id = ?`);
  const selectByInstallation = db.prepare<[number], RunRow>(`SELECT *, ${ERROR_CHECKS} FROM runs WHERE installation_id = ? ORDER BY started_at DESC, id DESC`);
  const selectOptions = db.prepare<[number], { options_json: string }>('SELECT options_json FROM runs WHERE id = ?');
  const selectRunning = db.prepare<[string], { id: number; pid: number }>("SELECT id, pid FROM runs WHERE state = 'running' AND host = ?");
  const markIncomplete = db.prepare<[number]>("UPDATE runs SET state = 'incomplete' WHERE id = ? AND state = 'running'");
  const finish = db.prepare(
    `UPDATE runs SET state = @state, finished_at = @finishedAt, summary_json = @summaryJson, score = @score,
       header_score = @headerScore, header_grade = @headerGrade WHERE id = @id AND state = 'running'`,
  );
  const insertItem = db.prepare('INSERT INTO item_results (run_id, item_id, position, title, status, severity) VALUES (?, ?, ?, ?, ?, ?)');
  const insertCheck = db.prepare(
    `INSERT INTO check_results (run_id, item_id, check_id, position, status, automated, findings_json, message, sealed, evidence_json)
     VALUES (?, ?, ?, ?, ?, ?, '[]', '', ?, ?)`,
  );
  const selectItems = db.prepare<[number], ItemRow>('SELECT item_id, title, status, severity FROM item_results WHERE run_id = ? ORDER BY position');
  const selectChecks = db.prepare<[number], CheckRow>(
    'SELECT item_id, check_id, status, automated, findings_json, message, sealed, evidence_json FROM check_results WHERE run_id = ? ORDER BY item_id, position',
  );
  const selectEvidenceShas = db.prepare<[number], { sha256: string }>('SELECT DISTINCT sha256 FROM evidence WHERE run_id = ?');

  const startRun = (meta: StartRunInput): number => {
    try {
      const info = insertRun.run({
        installationId: meta.installationId,
        checklistId: meta.checklistId,
        checklistVersion: meta.checklistVersion,
        engineVersion: meta.engineVersion,
        targetUrl: meta.targetUrl,
        optionsJson: JSON.stringify(meta.options ?? {}),
        startedAt: new Date().toISOString(),
        pid: process.pid,
        host: os.hostname(),
      });
      return Number(info.lastInsertRowid);
    } catch (err) {
      rethrowSqlite(err, `start run for installation ${meta.installationId}`);
    }
  };

  const finishRun = db.transaction((runId: number, result: FinishRunInput): void => {
    const run = selectRun.get(runId);
    if (!run) throw new StoreError('not-found', `run ${runId} does not exist`);
    if (run.state !== 'running') throw new StoreError('conflict', `run ${runId} is already ${run.state}`);
    validateResults(runId, result, new Set(selectEvidenceShas.all(runId).map((r) => r.sha256)));
    const hs = result.summary.headerScore;
    finish.run({
      id: runId,
      state: result.state,
      finishedAt: result.finishedAt,
      summaryJson: JSON.stringify(result.summary),
      score: result.summary.score,
      headerScore: hs ? Math.round(hs.score) : null,
      headerGrade: hs ? hs.grade : null,
    });
    result.items.forEach((item, i) => {
      insertItem.run(runId, item.itemId, i, item.title, item.status, item.severity);
      item.checks.forEach((c, j) => {
        const sealed = texts.sealCheck(runId, c.checkId, { findings: c.findings, message: c.message });
        insertCheck.run(runId, item.itemId, c.checkId, j, c.status, c.automated ? 1 : 0, sealed, JSON.stringify(c.evidence));
      });
    });
  });

  const getRun = (runId: number): StoredRun | null => {
    const row = selectRun.get(runId);
    if (!row) return null;
    const checksByItem = new Map<string, ItemResult['checks']>();
    for (const c of selectChecks.all(runId)) {
      const list = checksByItem.get(c.item_id) ?? [];
      const { findings, message } = texts.openCheck(runId, c);
      list.push({
        checkId: c.check_id,
        status: c.status,
        automated: c.automated === 1,
        findings,
        message,
        evidence: JSON.parse(c.evidence_json),
      });
      checksByItem.set(c.item_id, list);
    }
    return {
      ...toInfo(row),
      options: JSON.parse(row.options_json),
      pid: row.pid,
      host: row.host,
      summary: row.summary_json === null ? null : JSON.parse(row.summary_json),
      items: selectItems.all(runId).map((it) => ({
        itemId: it.item_id,
        status: it.status,
        severity: it.severity,
        title: it.title,
        checks: checksByItem.get(it.item_id) ?? [],
      })),
      evidence: listEvidence(runId),
    };
  };

  /** Runs left 'running' by a process of this host that no longer exists become 'incomplete'. */
  const markAbandonedRuns = (): number => {
    let marked = 0;
    for (const r of selectRunning.all(os.hostname())) {
      if (r.pid !== process.pid && !pidAlive(r.pid)) marked += markIncomplete.run(r.id).changes;
    }
    return marked;
  };

  return {
    startRun,
    finishRun(runId: number, result: FinishRunInput): void {
      try {
        if (selectRun.get(runId)) texts.ensureKeys(runId);
        finishRun.immediate(runId, result);
      } catch (err) {
        rethrowSqlite(err, `finish run ${runId}`);
      }
    },
    getRun,
    /** The options a run was started with, without loading its results; null when there is no such run. */
    runOptions(runId: number): Record<string, unknown> | null {
      const row = selectOptions.get(runId);
      return row ? (JSON.parse(row.options_json) as Record<string, unknown>) : null;
    },
    listRuns: (installationId: number): RunInfo[] => selectByInstallation.all(installationId).map(toInfo),
    markAbandonedRuns,
  };
}
