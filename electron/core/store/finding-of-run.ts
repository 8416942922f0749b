// Which tracked findings a run's checks count against: for each failed or warned check, the findings of its
// subjects (the same identity rule as finding-sync), and the findings the run proved fixed. The run view shows them
// beside each check, so a DPO sees that a failure is already tracked, by whom and until when.
import { findingKey, findingSubjects } from '../../shared/findings';
import type { Status } from '../../shared/domain';
import type { Db } from './db';
import { StoreError } from './errors';
import type { StoredCheckTexts, TextFields } from './text-fields';

export interface RunFindingLink {
  checkId: string;
  findingId: number;
  /** 'failing': the check failed or warned on the finding's subject in this run; 'fixed': this run proved it fixed. */
  inRun: 'failing' | 'fixed';
}

export function createRunFindingLinks(db: Db, texts: TextFields) {
  const runOf = db.prepare<[number], { installation_id: number }>('SELECT installation_id FROM runs WHERE id = ?');
  const checksOf = db.prepare<[number], StoredCheckTexts & { status: Status }>(
    'SELECT check_id, status, findings_json, message, sealed FROM check_results WHERE run_id = ? ORDER BY position',
  );
  const keysOf = db.prepare<[number], { id: number; check_id: string; subject: string }>('SELECT id, check_id, subject FROM findings WHERE installation_id = ?');
  const fixedIn = db.prepare<[number], { finding_id: number; check_id: string }>(
    "SELECT e.finding_id, f.check_id FROM finding_events e JOIN findings f ON f.id = e.finding_id WHERE e.run_id = ? AND e.kind = 'fixed' ORDER BY e.id",
  );

  return (runId: number): RunFindingLink[] => {
    const run = runOf.get(runId);
    if (!run) throw new StoreError('not-found', `run ${runId} does not exist`);
    const ids = new Map(keysOf.all(run.installation_id).map((r) => [findingKey(r.check_id, r.subject), r.id]));
    const links: RunFindingLink[] = [];
    for (const c of checksOf.all(runId)) {
      for (const { subject } of findingSubjects({ status: c.status, findings: texts.openCheck(runId, c).findings })) {
        const findingId = ids.get(findingKey(c.check_id, subject));
        if (findingId !== undefined) links.push({ checkId: c.check_id, findingId, inRun: 'failing' });
      }
    }
    for (const e of fixedIn.all(runId)) links.push({ checkId: e.check_id, findingId: e.finding_id, inRun: 'fixed' });
    return links;
  };
}
