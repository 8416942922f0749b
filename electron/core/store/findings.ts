// An installation's findings across audits: what the DPO tracks (owner, due date, status, reasons, comments) and
// their history. Every change is sealed as 'remediation' evidence in the hash-chained log, with who and when.
import { ACTIVE_STATUSES, type FindingEvent, type FindingPatch, type FindingStatus, type FindingsSync, type TrackedFinding } from '../../shared/findings';
import type { NewEvidence } from '../evidence-sink';
import type { Db } from './db';
import { StoreError } from './errors';
import { applyPatch, changesOf, FINDING_COLUMNS, toEvent, toFinding, type EventRow, type FindingRow } from './finding-rows';
import { createRunFindingLinks, type RunFindingLink } from './finding-of-run';
import { createFindingSync } from './finding-sync';
import type { TextFields } from './text-fields';

export interface FindingsRepo {
  /** Applies a finished run's verdicts to its installation's findings (once per run). */
  syncRun(runId: number): FindingsSync;
  list(installationId: number, statuses?: readonly FindingStatus[]): TrackedFinding[];
  listForClient(clientId: number, statuses?: readonly FindingStatus[]): TrackedFinding[];
  get(id: number): TrackedFinding | null;
  history(id: number): FindingEvent[];
  update(id: number, patch: FindingPatch, by: string): TrackedFinding;
  comment(id: number, text: string, by: string): FindingEvent;
  /** The check ids of the installation's open and in-progress findings: what a targeted re-audit re-runs. */
  activeChecks(installationId: number): string[];
  /** What this run did to the findings (after finishRun applied it). */
  changedByRun(runId: number): FindingsSync;
  /** The findings a run's checks count against, and those it proved fixed. */
  linksOfRun(runId: number): RunFindingLink[];
}

const ORDER = "ORDER BY CASE severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, due_on IS NULL, due_on, id";

function who(by: unknown, what: string): string {
  const name = typeof by === 'string' ? by.trim() : '';
  if (!name || name.length > 200) throw new StoreError('invalid', `${what}: who makes the change is required (at most 200 characters)`);
  return name;
}

export function createFindingsRepo(db: Db, addEvidence: (runId: number, e: NewEvidence) => string, texts: TextFields): FindingsRepo {
  const byId = db.prepare<[number], FindingRow>(`SELECT ${FINDING_COLUMNS} FROM findings WHERE id = ?`);
  const ofInstallation = db.prepare<[number], FindingRow>(`SELECT ${FINDING_COLUMNS} FROM findings WHERE installation_id = ? ${ORDER}`);
  const ofClient = db.prepare<[number], FindingRow>(`SELECT ${FINDING_COLUMNS} FROM findings WHERE installation_id IN (SELECT id FROM installations WHERE client_id = ?) ${ORDER}`);
  const events = db.prepare<[number], EventRow>('SELECT id, finding_id, run_id, kind, by_whom, at, data_json, evidence FROM finding_events WHERE finding_id = ? ORDER BY id');
  const eventById = db.prepare<[number], EventRow>('SELECT id, finding_id, run_id, kind, by_whom, at, data_json, evidence FROM finding_events WHERE id = ?');
  const runEvents = db.prepare<[number], { finding_id: number; kind: string }>("SELECT finding_id, kind FROM finding_events WHERE run_id = ? AND kind IN ('opened', 'fixed', 'reopened') ORDER BY id");
  const newestRun = db.prepare<[number], { id: number }>('SELECT id FROM runs WHERE installation_id = ? ORDER BY id DESC LIMIT 1');
  const updateRow = db.prepare('UPDATE findings SET status = @status, owner = @owner, due_on = @dueOn, reason = @reason, expires_on = @expiresOn, updated_at = @now WHERE id = @id');
  const insertEvent = db.prepare('INSERT INTO finding_events (finding_id, run_id, kind, by_whom, at, data_json, evidence) VALUES (?, NULL, ?, ?, ?, ?, ?)');

  const get = (id: number) => {
    const row = byId.get(id);
    return row ? toFinding(row) : null;
  };
  const mustGet = (id: number, what: string) => {
    const f = get(id);
    if (!f) throw new StoreError('not-found', `${what}: finding ${id} does not exist`);
    return f;
  };
  const filtered = (rows: FindingRow[], statuses?: readonly FindingStatus[]) => rows.map(toFinding).filter((f) => !statuses || statuses.includes(f.status));

  /** A person's change or comment, sealed in the log under the installation's newest run. */
  const seal = (f: TrackedFinding, kind: 'changed' | 'comment', by: string, data: Record<string, unknown>): number => {
    const at = new Date().toISOString();
    const runId = newestRun.get(f.installationId)!.id;
    const content = Buffer.from(JSON.stringify({ findingId: f.id, checkId: f.checkId, subject: f.subject, kind, by, at, ...data }, null, 2) + '\n');
    const summary = kind === 'comment' ? `Comment on finding ${f.id} (${f.checkId}) by ${by}` : `Finding ${f.id} (${f.checkId}) changed by ${by}`;
    const sha = addEvidence(runId, { kind: 'remediation', summary, mediaType: 'application/json', content, capturedAt: at });
    return Number(insertEvent.run(f.id, kind, by, at, JSON.stringify(data), sha).lastInsertRowid);
  };

  const update = db.transaction((id: number, patch: FindingPatch, by: string) => {
    const what = `update finding ${id}`;
    const f = mustGet(id, what);
    const name = who(by, what);
    const next = applyPatch(f, patch, what);
    const changes = changesOf(f, next);
    if (changes.length === 0) return;
    updateRow.run({ id, ...next, now: new Date().toISOString() });
    seal(f, 'changed', name, { changes });
  });

  const comment = db.transaction((id: number, text: string, by: string) => {
    const what = `comment on finding ${id}`;
    const f = mustGet(id, what);
    const name = who(by, what);
    const body = typeof text === 'string' ? text.trim() : '';
    if (!body || body.length > 20_000) throw new StoreError('invalid', `${what}: the comment is empty or longer than 20,000 characters`);
    return seal(f, 'comment', name, { comment: body });
  });

  return {
    syncRun: createFindingSync(db, addEvidence, texts),
    list: (installationId, statuses) => filtered(ofInstallation.all(installationId), statuses),
    listForClient: (clientId, statuses) => filtered(ofClient.all(clientId), statuses),
    get,
    history: (id) => events.all(id).map(toEvent),
    update(id, patch, by) {
      update.immediate(id, patch, by);
      return get(id)!;
    },
    comment: (id, text, by) => toEvent(eventById.get(comment.immediate(id, text, by))!),
    changedByRun(runId) {
      const sync: FindingsSync = { opened: [], fixed: [], reopened: [] };
      for (const e of runEvents.all(runId)) sync[e.kind as keyof FindingsSync].push(e.finding_id);
      return sync;
    },
    linksOfRun: createRunFindingLinks(db, texts),
    activeChecks: (installationId) => [...new Set(filtered(ofInstallation.all(installationId), ACTIVE_STATUSES).map((f) => f.checkId))].sort(),
  };
}
