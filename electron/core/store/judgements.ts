// The auditor's judgement: attestations answer manual checks, overrides replace an automated verdict with a
// written reason. Each one and each withdrawal is sealed as 'judgement' evidence in the hash-chained log (with its
// attachments as 'document' evidence), in one transaction with its row. Kept across re-audits until withdrawn.
import { STATUSES, type Status } from '../../shared/domain';
import { JUDGEMENT_KINDS, type Judgement, type JudgementInput } from '../../shared/registers';
import type { NewEvidence } from '../evidence-sink';
import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';
import { isSha256Hex } from './paths';

/** What an auditor may conclude; `manual` and `error` describe the measurement, not a judgement. */
export const JUDGED_STATUSES: readonly Status[] = STATUSES.filter((s) => s !== 'manual' && s !== 'error');
const MAX_STATEMENT = 20_000;

export interface JudgementsRepo {
  /** Records a judgement on a finished run's check; refused ('invalid') where it does not fit the measured verdict. */
  record(runId: number, input: JudgementInput): Judgement;
  withdraw(id: number, by: string, reason: string): Judgement;
  get(id: number): Judgement | null;
  /** The judgement in force per check for this run: the newest not withdrawn, made on this run or an earlier one. */
  forRun(runId: number): Judgement[];
  /** Every judgement of the installation, withdrawn ones included, newest first. */
  listForInstallation(installationId: number): Judgement[];
}

interface JudgementRow {
  id: number;
  installation_id: number;
  run_id: number;
  kind: Judgement['kind'];
  check_id: string;
  status: Status;
  statement: string;
  by_whom: string;
  attachments_json: string;
  at: string;
  evidence: string;
  w_by: string | null;
  w_reason: string | null;
  w_at: string | null;
  w_evidence: string | null;
}

const SELECT = `SELECT j.id, j.installation_id, j.run_id, j.kind, j.check_id, j.status, j.statement, j.by_whom, j.attachments_json, j.at, j.evidence,
  w.by_whom AS w_by, w.reason AS w_reason, w.at AS w_at, w.evidence AS w_evidence
  FROM judgements j LEFT JOIN judgement_withdrawals w ON w.judgement_id = j.id`;

const toJudgement = (r: JudgementRow): Judgement => ({
  id: r.id,
  installationId: r.installation_id,
  runId: r.run_id,
  kind: r.kind,
  checkId: r.check_id,
  status: r.status,
  statement: r.statement,
  by: r.by_whom,
  attachments: JSON.parse(r.attachments_json) as string[],
  at: r.at,
  evidence: r.evidence,
  withdrawn: r.w_at === null ? null : { by: r.w_by!, reason: r.w_reason!, at: r.w_at, evidence: r.w_evidence! },
});

function required(value: unknown, field: string, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!text) throw new StoreError('invalid', `${what}: ${field} is required`);
  if (text.length > MAX_STATEMENT) throw new StoreError('invalid', `${what}: ${field} is longer than ${MAX_STATEMENT} characters`);
  return text;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n');

export function createJudgementsRepo(db: Db, addEvidence: (runId: number, e: NewEvidence) => string, readDocument: (sha256: string) => Buffer): JudgementsRepo {
  const runOf = db.prepare<[number], { installation_id: number; state: string }>('SELECT installation_id, state FROM runs WHERE id = ?');
  const measured = db.prepare<[number, string], { status: Status; automated: number }>('SELECT status, automated FROM check_results WHERE run_id = ? AND check_id = ?');
  const blobInfo = db.prepare<[string], { media_type: string; size: number }>('SELECT media_type, size FROM blobs WHERE sha256 = ?');
  const insert = db.prepare(
    `INSERT INTO judgements (installation_id, run_id, kind, check_id, status, statement, by_whom, attachments_json, at, evidence)
     VALUES (@installationId, @runId, @kind, @checkId, @status, @statement, @by, @attachments, @at, @evidence)`,
  );
  const insertWithdrawal = db.prepare('INSERT INTO judgement_withdrawals (judgement_id, by_whom, reason, at, evidence) VALUES (@id, @by, @reason, @at, @evidence)');
  const byId = db.prepare<[number], JudgementRow>(`${SELECT} WHERE j.id = ?`);
  const ofInstallation = db.prepare<[number], JudgementRow>(`${SELECT} WHERE j.installation_id = ? ORDER BY j.id DESC`);
  const inForce = db.prepare<[number, number], JudgementRow>(`${SELECT} WHERE j.installation_id = ? AND j.run_id <= ? AND w.judgement_id IS NULL ORDER BY j.id DESC`);
  const newestRun = db.prepare<[number], { id: number }>('SELECT id FROM runs WHERE installation_id = ? ORDER BY id DESC LIMIT 1');

  const get = (id: number) => {
    const row = byId.get(id);
    return row ? toJudgement(row) : null;
  };

  const validate = (runId: number, input: JudgementInput) => {
    const what = `judge ${String(input.checkId)} in run ${runId}`;
    const run = runOf.get(runId);
    if (!run) throw new StoreError('not-found', `${what}: run ${runId} does not exist`);
    if (run.state === 'running') throw new StoreError('invalid', `${what}: the run has not finished`);
    if (!JUDGEMENT_KINDS.includes(input.kind)) throw new StoreError('invalid', `${what}: kind must be one of ${JUDGEMENT_KINDS.join(', ')}`);
    if (!JUDGED_STATUSES.includes(input.status)) throw new StoreError('invalid', `${what}: the verdict must be one of ${JUDGED_STATUSES.join(', ')}`);
    const result = measured.get(runId, String(input.checkId));
    if (!result) throw new StoreError('not-found', `${what}: the run has no check "${input.checkId}"`);
    if (input.kind === 'attestation' && result.status !== 'manual') {
      throw new StoreError('invalid', `${what}: an attestation answers a manual check; this one was measured (${result.status}); override it with a reason instead`);
    }
    if (input.kind === 'override' && result.automated !== 1) throw new StoreError('invalid', `${what}: only an automated verdict can be overridden; attest the manual check instead`);
    if (!Array.isArray(input.attachments)) throw new StoreError('invalid', `${what}: attachments must be a list`);
    const attachments = input.attachments.map((sha) => {
      const info = typeof sha === 'string' && isSha256Hex(sha) ? blobInfo.get(sha) : undefined;
      if (!info) throw new StoreError('not-found', `${what}: attachment ${String(sha)} is not a stored document`);
      return { sha256: sha, mediaType: info.media_type };
    });
    const field = input.kind === 'override' ? 'a reason' : 'a statement';
    return { what, installationId: run.installation_id, measured: result.status, attachments, statement: required(input.statement, field, what), by: required(input.by, 'who judged', what) };
  };

  const record = db.transaction((runId: number, input: JudgementInput): number => {
    const v = validate(runId, input);
    const at = new Date().toISOString();
    for (const a of v.attachments) {
      addEvidence(runId, { kind: 'document', summary: `Attachment to the ${input.kind} of ${input.checkId}`, mediaType: a.mediaType, content: readDocument(a.sha256), capturedAt: at });
    }
    const sealed = { kind: input.kind, runId, installationId: v.installationId, checkId: input.checkId, measured: v.measured, status: input.status, statement: v.statement, by: v.by, at, attachments: v.attachments.map((a) => a.sha256) };
    const evidence = addEvidence(runId, { kind: 'judgement', summary: `${input.kind === 'override' ? 'Override' : 'Attestation'} ${input.checkId}: ${input.status} (${v.by})`, mediaType: 'application/json', content: json(sealed), capturedAt: at });
    try {
      return Number(insert.run({ installationId: v.installationId, runId, kind: input.kind, checkId: input.checkId, status: input.status, statement: v.statement, by: v.by, attachments: JSON.stringify(sealed.attachments), at, evidence }).lastInsertRowid);
    } catch (err) {
      rethrowSqlite(err, v.what);
    }
  });

  const withdraw = db.transaction((id: number, by: string, reason: string) => {
    const what = `withdraw judgement ${id}`;
    const j = get(id);
    if (!j) throw new StoreError('not-found', `${what}: it does not exist`);
    if (j.withdrawn) throw new StoreError('conflict', `${what}: already withdrawn on ${j.withdrawn.at}`);
    const sealed = { withdraws: id, evidence: j.evidence, checkId: j.checkId, by: required(by, 'who withdraws', what), reason: required(reason, 'a reason', what), at: new Date().toISOString() };
    const runId = newestRun.get(j.installationId)?.id ?? j.runId;
    const evidence = addEvidence(runId, { kind: 'judgement', summary: `Withdrawal of the ${j.kind} of ${j.checkId} (${sealed.by})`, mediaType: 'application/json', content: json(sealed), capturedAt: sealed.at });
    try {
      insertWithdrawal.run({ id, by: sealed.by, reason: sealed.reason, at: sealed.at, evidence });
    } catch (err) {
      rethrowSqlite(err, what);
    }
  });

  return {
    record: (runId, input) => get(record.immediate(runId, input))!,
    withdraw(id, by, reason) {
      withdraw.immediate(id, by, reason);
      return get(id)!;
    },
    get,
    forRun(runId) {
      const run = runOf.get(runId);
      if (!run) throw new StoreError('not-found', `run ${runId} does not exist`);
      const seen = new Set<string>();
      return inForce.all(run.installation_id, runId).map(toJudgement).filter((j) => !seen.has(j.checkId) && seen.add(j.checkId));
    },
    listForInstallation: (installationId) => ofInstallation.all(installationId).map(toJudgement),
  };
}
