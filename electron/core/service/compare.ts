// Loads two runs of one installation from the store and compares them (shared/compare.ts), with the runs
// before the older one as the history that tells a returning failure from a new one.
import { compareRuns, type Comparison } from '../../shared/compare';
import type { ComparisonView } from '../../shared/contract-compare';
import type { Lang } from '../../shared/domain';
import type { Checklist } from '../checklist/load';
import { findCheck, findItemOfCheck } from '../checklist/messages';
import type { Store, StoredRun } from '../store';
import { ServiceError } from './dispatch';

export interface StoredComparison {
  /** The older run (A). */
  before: StoredRun;
  /** The newer run (B). */
  after: StoredRun;
  comparison: Comparison;
}

const startedFirst = (x: { startedAt: string; id: number }, y: { startedAt: string; id: number }) => x.startedAt.localeCompare(y.startedAt) || x.id - y.id;

/** Compares two stored runs in either order; throws ServiceError when one is missing or they are of different installations. */
export function compareStoredRuns(store: Store, runA: number, runB: number): StoredComparison {
  if (runA === runB) throw new ServiceError('invalid', `run ${runA} cannot be compared with itself: pick two different runs`);
  const load = (runId: number) => {
    const run = store.getRun(runId);
    if (!run) throw new ServiceError('not-found', `run ${runId} does not exist`);
    return run;
  };
  const [first, second] = [load(runA), load(runB)];
  if (first.installationId !== second.installationId) {
    throw new ServiceError(
      'invalid',
      `runs ${first.id} and ${second.id} belong to different installations (${first.installationId} and ${second.installationId}): only runs of one installation can be compared`,
    );
  }
  const [before, after] = startedFirst(first, second) <= 0 ? [first, second] : [second, first];
  const earlier = store
    .listRuns(before.installationId)
    .filter((info) => info.id !== before.id && startedFirst(info, before) < 0)
    .map((info) => store.getRun(info.id)?.items ?? []);
  return { before, after, comparison: compareRuns(before.items, after.items, earlier) };
}

/** The comparison as the app and the reports show it: titles from the checklist, in the language asked for. */
export function comparisonView(stored: StoredComparison, checklist: Checklist, lang: Lang): ComparisonView {
  const run = (r: StoredRun) => ({ id: r.id, state: r.state, startedAt: r.startedAt, finishedAt: r.finishedAt, score: r.score });
  const titleOfItem = new Map([...stored.before.items, ...stored.after.items].map((item) => [item.itemId, item.title]));
  return {
    installationId: stored.after.installationId,
    before: run(stored.before),
    after: run(stored.after),
    counts: { ...stored.comparison.counts },
    entries: stored.comparison.entries.map((entry) => {
      const item = checklist.items.find((i) => i.id === entry.itemId) ?? findItemOfCheck(checklist, entry.checkId);
      return {
        ...entry,
        itemNumber: item?.number ?? 0,
        itemTitle: item?.title[lang] ?? titleOfItem.get(entry.itemId) ?? entry.itemId,
        checkTitle: findCheck(checklist, entry.checkId)?.title[lang] ?? entry.checkId,
      };
    }),
  };
}

/** The 'runs:compare' channel: both steps above, with the newer run's checklist. */
export function compareRunsView(store: Store, checklist: (id: string) => Checklist, runA: number, runB: number, lang: Lang): ComparisonView {
  const stored = compareStoredRuns(store, runA, runB);
  return comparisonView(stored, checklist(stored.after.checklistId), lang);
}
