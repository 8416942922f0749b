import type { AuditResult } from '../core/audit/types';
import type { Checklist } from '../core/checklist/load';
import { engineVersion, TOOL_NAME } from '../core/package-root';
import { isComplete, undecidedChecks } from '../shared/completeness';
import { detectedMauticVersion } from '../shared/mautic-version';
import type { Judgement } from '../shared/registers';

/** The --json document: the ids exactly as in CHECKLIST.md, every item of the checklist present. */
export function auditJson(result: AuditResult, checklist: Checklist, targetUrl: string, judgements: readonly Judgement[] = []) {
  const { counts, score, headerScore } = result.summary;
  const undecided = undecidedChecks(result.items);
  return {
    tool: { name: TOOL_NAME, version: engineVersion() },
    checklist: { id: checklist.id, version: checklist.version },
    target: { url: targetUrl, mauticVersion: detectedMauticVersion(result.items) },
    runId: result.runId,
    state: result.state,
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    /** True only when the run ended and every automated check was decided; `errors` says what was not, and why. */
    complete: isComplete(result.state, undecided),
    errors: { checks: undecided.checks, byCause: undecided.byCause },
    summary: {
      pass: counts.pass,
      fail: counts.fail,
      warn: counts.warn,
      manual: counts.manual,
      error: counts.error,
      notApplicable: counts.not_applicable,
      score,
      headerScore: headerScore?.score ?? null,
      headerGrade: headerScore?.grade ?? null,
    },
    items: result.items.map((item) => ({
      id: item.itemId,
      status: item.status,
      severity: item.severity,
      title: item.title,
      checks: item.checks.map((c) => ({
        id: c.checkId,
        status: c.status,
        automated: c.automated,
        message: c.message,
        findings: c.findings,
        evidence: c.evidence,
      })),
    })),
    evidence: result.evidence.map((e) => ({ sha256: e.sha256, kind: e.kind, capturedAt: e.capturedAt, summary: e.summary })),
    /** The auditor's judgements in force for this run (made on it or carried from earlier runs); never folded into the verdicts above. */
    judgements: judgements.map((j) => ({ id: j.id, checkId: j.checkId, kind: j.kind, status: j.status, statement: j.statement, by: j.by, at: j.at, madeInRun: j.runId, evidence: j.evidence })),
  };
}
