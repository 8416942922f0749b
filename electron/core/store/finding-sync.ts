// Applying a finished run to its installation's findings: a failed or warned subject opens a finding (or reopens a
// fixed one: a regression); a tracked finding whose check was decided in the run without it is fixed, keeping the
// evidence from before and after. Runs are applied once, in order; a targeted re-audit touches only its checks.
import { defaultDueDate, findingKey, findingSubjects, type FindingsSync } from '../../shared/findings';
import type { Severity, Status } from '../../shared/domain';
import type { NewEvidence } from '../evidence-sink';
import type { Db } from './db';
import { StoreError } from './errors';
import { FINDING_COLUMNS, toFinding, type FindingRow } from './finding-rows';
import type { StoredCheckTexts, TextFields } from './text-fields';

const DECIDED: readonly Status[] = ['pass', 'warn', 'fail', 'not_applicable'];

interface CheckRow extends StoredCheckTexts {
  item_id: string;
  status: Status;
  automated: number;
  evidence_json: string;
  severity: Severity;
}

interface PendingEvent {
  findingId: number;
  kind: 'opened' | 'fixed' | 'reopened';
  data: Record<string, unknown>;
}

export function createFindingSync(db: Db, addEvidence: (runId: number, e: NewEvidence) => string, texts: TextFields) {
  const runOf = db.prepare<[number], { installation_id: number; state: string; started_at: string; options_json: string }>('SELECT installation_id, state, started_at, options_json FROM runs WHERE id = ?');
  const synced = db.prepare<[number], { run_id: number }>('SELECT run_id FROM findings_synced WHERE run_id = ?');
  const newestSynced = db.prepare<[number], { id: number | null }>('SELECT MAX(r.id) AS id FROM findings_synced s JOIN runs r ON r.id = s.run_id WHERE r.installation_id = ?');
  const markSynced = db.prepare<[number, string]>('INSERT INTO findings_synced (run_id, at) VALUES (?, ?)');
  const checksOf = db.prepare<[number], CheckRow>(
    `SELECT c.item_id, c.check_id, c.status, c.automated, c.findings_json, c.message, c.sealed, c.evidence_json, i.severity
     FROM check_results c JOIN item_results i ON i.run_id = c.run_id AND i.item_id = c.item_id WHERE c.run_id = ? ORDER BY c.position`,
  );
  const evidenceOfCheck = db.prepare<[number, string], { evidence_json: string }>('SELECT evidence_json FROM check_results WHERE run_id = ? AND check_id = ?');
  const findingsOf = db.prepare<[number], FindingRow>(`SELECT ${FINDING_COLUMNS} FROM findings WHERE installation_id = ?`);
  const insert = db.prepare(
    `INSERT INTO findings (installation_id, check_id, subject, item_id, severity, measured, status, owner, due_on, reason, expires_on, first_run_id, last_seen_run_id, fixed_run_id, created_at, updated_at)
     VALUES (@installationId, @checkId, @subject, @itemId, @severity, @measured, 'open', '', @dueOn, '', NULL, @runId, @runId, NULL, @now, @now)`,
  );
  const seen = db.prepare('UPDATE findings SET measured = @measured, severity = @severity, last_seen_run_id = @runId, updated_at = @now WHERE id = @id');
  const reopen = db.prepare("UPDATE findings SET status = 'open', fixed_run_id = NULL, measured = @measured, last_seen_run_id = @runId, updated_at = @now WHERE id = @id");
  const fix = db.prepare("UPDATE findings SET status = 'fixed', fixed_run_id = @runId, updated_at = @now WHERE id = @id");
  const insertEvent = db.prepare('INSERT INTO finding_events (finding_id, run_id, kind, by_whom, at, data_json, evidence) VALUES (?, ?, ?, ?, ?, ?, ?)');

  const evidenceIn = (runId: number, checkId: string) => JSON.parse(evidenceOfCheck.get(runId, checkId)?.evidence_json ?? '[]') as string[];

  function apply(runId: number): FindingsSync {
    const run = runOf.get(runId);
    if (!run) throw new StoreError('not-found', `run ${runId} does not exist`);
    if (run.state === 'running') throw new StoreError('invalid', `run ${runId} has not finished`);
    const result: FindingsSync = { opened: [], fixed: [], reopened: [] };
    if (synced.get(runId)) return result;
    const now = new Date().toISOString();
    // An older run applied after a newer one would rewrite the present with the past: it is recorded, not applied.
    if ((newestSynced.get(run.installation_id)?.id ?? 0) > runId) {
      markSynced.run(runId, now);
      return result;
    }
    const scope = (JSON.parse(run.options_json) as { onlyChecks?: string[] }).onlyChecks ?? null;
    const tracked = new Map(findingsOf.all(run.installation_id).map((r) => [findingKey(r.check_id, r.subject), toFinding(r)]));
    const auditDay = run.started_at.slice(0, 10);
    const events: PendingEvent[] = [];
    for (const c of checksOf.all(runId)) {
      if (c.automated !== 1 || !DECIDED.includes(c.status) || (scope && !scope.includes(c.check_id))) continue;
      const evidence = JSON.parse(c.evidence_json) as string[];
      const failing = findingSubjects({ status: c.status, findings: texts.openCheck(runId, c).findings });
      const nowFailing = new Set<string>();
      for (const { subject, status } of failing) {
        const key = findingKey(c.check_id, subject);
        nowFailing.add(key);
        const f = tracked.get(key);
        const params = { runId, measured: status, severity: c.severity, now };
        if (!f) {
          const id = Number(insert.run({ installationId: run.installation_id, checkId: c.check_id, subject, itemId: c.item_id, severity: c.severity, measured: status, dueOn: defaultDueDate(c.severity, run.started_at), runId, now }).lastInsertRowid);
          result.opened.push(id);
          events.push({ findingId: id, kind: 'opened', data: { runId, checkId: c.check_id, subject, measured: status, evidence } });
        } else if (f.status === 'fixed' || (f.status === 'accepted-risk' && f.expiresOn !== null && f.expiresOn < auditDay)) {
          reopen.run({ id: f.id, ...params });
          result.reopened.push(f.id);
          const why = f.status === 'fixed' ? { fixedInRun: f.fixedRunId } : { acceptanceExpired: f.expiresOn };
          events.push({ findingId: f.id, kind: 'reopened', data: { runId, measured: status, previous: f.status, ...why, evidence } });
        } else {
          seen.run({ id: f.id, ...params });
        }
      }
      for (const f of tracked.values()) {
        if (f.checkId !== c.check_id || f.status === 'fixed' || nowFailing.has(findingKey(f.checkId, f.subject))) continue;
        fix.run({ id: f.id, runId, now });
        result.fixed.push(f.id);
        events.push({ findingId: f.id, kind: 'fixed', data: { runId, measured: c.status, previous: f.status, before: { runId: f.lastSeenRunId, evidence: evidenceIn(f.lastSeenRunId, f.checkId) }, after: { runId, evidence } } });
      }
    }
    markSynced.run(runId, now);
    if (events.length === 0) return result;
    const sealed = { runId, installationId: run.installation_id, at: now, events: events.map((e) => ({ findingId: e.findingId, kind: e.kind, ...e.data })) };
    const summary = `Findings after run ${runId}: ${result.opened.length} opened, ${result.fixed.length} fixed, ${result.reopened.length} reopened`;
    const sha = addEvidence(runId, { kind: 'remediation', summary, mediaType: 'application/json', content: Buffer.from(JSON.stringify(sealed, null, 2) + '\n'), capturedAt: now });
    for (const e of events) insertEvent.run(e.findingId, runId, e.kind, 'Prüfstand', now, JSON.stringify(e.data), sha);
    return result;
  }

  return db.transaction(apply);
}
