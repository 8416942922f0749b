import type { RunView } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import type { Checklist } from '../checklist/load';
import { findCheck, renderFinding } from '../checklist/messages';
import type { StoredRun } from '../store';

/**
 * A stored run as the app shows it, in the language asked for: texts come from the checklist, and each
 * automated check's message is rendered again from its findings, so switching language needs no re-audit.
 */
export function runView(run: StoredRun, checklist: Checklist, lang: Lang): RunView {
  const items = run.items.map((item) => {
    const def = checklist.items.find((i) => i.id === item.itemId);
    return {
      itemId: item.itemId,
      number: def?.number ?? 0,
      status: item.status,
      severity: item.severity,
      title: def?.title[lang] ?? item.title,
      description: def?.description[lang] ?? '',
      advice: def?.advice[lang] ?? '',
      gdpr: def ? [...def.gdpr] : [],
      checks: item.checks.map((check) => {
        const checkDef = findCheck(checklist, check.checkId);
        const message = check.automated && checkDef ? check.findings.map((f) => renderFinding(checklist, check.checkId, f, lang)).join(' ') : check.message;
        return {
          ...check,
          message: check.automated ? message : (checkDef?.manual[lang] ?? check.message),
          title: checkDef?.title[lang] ?? check.checkId,
          manual: check.automated ? null : (checkDef?.manual[lang] ?? check.message),
        };
      }),
    };
  });
  return {
    id: run.id,
    installationId: run.installationId,
    checklistId: run.checklistId,
    checklistVersion: run.checklistVersion,
    engineVersion: run.engineVersion,
    targetUrl: run.targetUrl,
    state: run.state,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    score: run.score,
    headerScore: run.headerScore,
    headerGrade: run.headerGrade,
    errorChecks: run.errorChecks,
    counts: run.summary?.counts ?? null,
    items,
    evidence: run.evidence,
  };
}
