// The auditor's judgements in force for a run, as the reports show them: beside the measured verdict, never in
// place of it. The measured verdicts, counts and score of the run are not touched here.
import type { ItemView } from '../../shared/contract';
import type { Status } from '../../shared/domain';
import { isStaleJudgement, type JudgementKind } from '../../shared/registers';
import type { Store, StoredEvidence } from '../store';

export interface ReportJudgementAttachment {
  sha256: string;
  mediaType: string;
  size: number;
}

export interface ReportJudgement {
  id: number;
  itemId: string;
  itemNumber: number;
  itemTitle: string;
  checkId: string;
  checkTitle: string;
  /** The verdict the engine measured for this check in THIS run. */
  measured: Status;
  kind: JudgementKind;
  /** The verdict the auditor gives. */
  status: Status;
  /** The attestation's statement or the override's reason. */
  statement: string;
  by: string;
  at: string;
  /** The run it was made on (this run or an earlier one of the same installation). */
  madeInRun: number;
  attachments: ReportJudgementAttachment[];
  /** SHA-256 of the sealed judgement evidence. */
  evidence: string;
  /**
   * Made for an earlier measurement that no longer fits: an attestation of a check that is now measured, or an
   * override of a check that is now manual. Still listed, marked as such.
   */
  stale: boolean;
}

/** True when the judgement no longer answers what was measured in this run. */
export const isStale = isStaleJudgement;

/**
 * The judgements in force for the run, ordered like the checks of the report; judgements of checks that are not
 * in this run's checklist are left out. Also returns the evidence they rest on (the sealed judgement and its
 * attachments), so that judgements carried from earlier runs are in the pack and the appendix too.
 */
export function reportJudgements(store: Store, runId: number, items: readonly ItemView[]): { judgements: ReportJudgement[]; evidence: StoredEvidence[] } {
  const byCheck = new Map(store.judgements.forRun(runId).map((j) => [j.checkId, j]));
  const judgements: ReportJudgement[] = [];
  const evidence: StoredEvidence[] = [];
  const keep = (sha256: string): StoredEvidence | null => {
    const e = store.getEvidence(sha256);
    if (e) evidence.push(e);
    return e;
  };
  for (const item of items) {
    for (const check of item.checks) {
      const j = byCheck.get(check.checkId);
      if (!j) continue;
      keep(j.evidence);
      const attachments = j.attachments.map((sha256): ReportJudgementAttachment => {
        const e = keep(sha256);
        return { sha256, mediaType: e?.mediaType ?? '', size: e?.size ?? 0 };
      });
      judgements.push({
        id: j.id,
        itemId: item.itemId,
        itemNumber: item.number,
        itemTitle: item.title,
        checkId: check.checkId,
        checkTitle: check.title,
        measured: check.status,
        kind: j.kind,
        status: j.status,
        statement: j.statement,
        by: j.by,
        at: j.at,
        madeInRun: j.runId,
        attachments,
        evidence: j.evidence,
        stale: isStale(j.kind, check.status),
      });
    }
  }
  return { judgements, evidence };
}

/** The run's evidence plus `extra` not already in it, in that order (each hash once). */
export function withEvidence(evidence: readonly StoredEvidence[], extra: readonly StoredEvidence[]): StoredEvidence[] {
  const seen = new Set(evidence.map((e) => e.sha256));
  const out = [...evidence];
  for (const e of extra) {
    if (seen.has(e.sha256)) continue;
    seen.add(e.sha256);
    out.push(e);
  }
  return out;
}
