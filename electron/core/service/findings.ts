import type { Lang } from '../../shared/domain';
import type { TrackedFinding } from '../../shared/findings';
import type { Checklist } from '../checklist/load';
import { findCheck, findItemOfCheck } from '../checklist/messages';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

/** Gives findings the titles the app shows, in the language asked for. */
function viewer(checklist: Checklist, lang: Lang) {
  const numbers = new Map(checklist.items.map((item, i) => [item.id, i + 1]));
  return (f: TrackedFinding) => ({
    ...f,
    checkTitle: findCheck(checklist, f.checkId)?.title[lang] ?? f.checkId,
    itemTitle: findItemOfCheck(checklist, f.checkId)?.title[lang] ?? f.itemId,
    itemNumber: numbers.get(f.itemId) ?? 0,
  });
}

/** An installation's or a client's findings with their titles. */
export function findingViews(store: Store, checklist: Checklist, scope: { installationId?: number; clientId?: number }, lang: Lang) {
  let findings: TrackedFinding[];
  if (scope.installationId !== undefined) {
    if (!store.installations.get(scope.installationId)) throw new ServiceError('not-found', `installation ${scope.installationId} does not exist`);
    findings = store.findings.list(scope.installationId);
  } else {
    if (!store.clients.get(scope.clientId!)) throw new ServiceError('not-found', `client ${scope.clientId} does not exist`);
    findings = store.findings.listForClient(scope.clientId!);
  }
  return findings.map(viewer(checklist, lang));
}

/** The findings beside each check of a run. */
export function runFindingViews(store: Store, checklist: Checklist, runId: number, lang: Lang) {
  const view = viewer(checklist, lang);
  return store.findings.linksOfRun(runId).map(({ checkId, inRun, findingId }) => ({ checkId, inRun, finding: view(store.findings.get(findingId)!) }));
}
