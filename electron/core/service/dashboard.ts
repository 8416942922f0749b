// The DPO's dashboard, built from the store: per installation the compliance score of each finished run (complete
// and provisional ones told apart; cancelled runs and targeted re-audits left out), the open findings by severity,
// what is overdue or due soon, and the oldest open finding. `today` is an argument so that the view is testable.
import type { DashboardFinding, DashboardView, InstallationSeries, ScorePoint } from '../../shared/contract-dashboard';
import { UPCOMING_DAYS } from '../../shared/contract-dashboard';
import { isComplete } from '../../shared/completeness';
import { SEVERITIES, type Lang, type Severity } from '../../shared/domain';
import { ACTIVE_STATUSES, type FindingStatus, type TrackedFinding } from '../../shared/findings';
import type { Checklist } from '../checklist/load';
import { findCheck } from '../checklist/messages';
import type { Installation, RunInfo, Store } from '../store';
import { ServiceError } from './dispatch';

/** What the severity counts call open: still to be worked on, or a risk someone accepted. */
export const COUNTED_OPEN: readonly FindingStatus[] = ['open', 'in-progress', 'accepted-risk'];

export type DashboardScope = { installationId: number } | { clientId: number };

export interface DashboardOptions {
  lang: Lang;
  /** The day the dashboard is seen on, YYYY-MM-DD. */
  today: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (isoDay: string) => Math.floor(Date.parse(`${isoDay.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/** A run whose score covers only a subset of the checks (a targeted re-audit of open findings). */
export function isTargeted(options: Record<string, unknown>): boolean {
  return Array.isArray(options.onlyChecks);
}

/** The installation's score over time, oldest first, and how many of its findings are open. */
export function scoreSeries(store: Store, installation: Pick<Installation, 'id' | 'name' | 'baseUrl'>, openFindings: number): InstallationSeries {
  const points: ScorePoint[] = [];
  let targetedLeftOut = 0;
  const runs: RunInfo[] = store.listRuns(installation.id).slice().reverse();
  for (const run of runs) {
    if (run.state === 'running' || run.state === 'cancelled' || run.score === null) continue;
    if (isTargeted(store.runOptions(run.id) ?? {})) {
      targetedLeftOut++;
      continue;
    }
    points.push({ runId: run.id, at: run.finishedAt ?? run.startedAt, score: run.score, complete: isComplete(run.state, { checks: run.errorChecks }) });
  }
  return { installationId: installation.id, name: installation.name, baseUrl: installation.baseUrl, points, targetedLeftOut, openFindings };
}

export function buildDashboard(store: Store, checklist: Checklist, scope: DashboardScope, options: DashboardOptions): DashboardView {
  let installations: Installation[];
  let findings: TrackedFinding[];
  if ('installationId' in scope) {
    const installation = store.installations.get(scope.installationId);
    if (!installation) throw new ServiceError('not-found', `installation ${scope.installationId} does not exist`);
    installations = [installation];
    findings = store.findings.list(installation.id, COUNTED_OPEN);
  } else {
    if (!store.clients.get(scope.clientId)) throw new ServiceError('not-found', `client ${scope.clientId} does not exist`);
    installations = store.installations.list(scope.clientId);
    findings = store.findings.listForClient(scope.clientId, COUNTED_OPEN);
  }
  const names = new Map(installations.map((i) => [i.id, i.name]));
  const today = dayNumber(options.today);
  const entry = (f: TrackedFinding): DashboardFinding => ({
    id: f.id,
    installationId: f.installationId,
    installationName: names.get(f.installationId) ?? '',
    checkId: f.checkId,
    title: findCheck(checklist, f.checkId)?.title[options.lang] ?? f.checkId,
    subject: f.subject,
    severity: f.severity,
    status: f.status,
    owner: f.owner,
    dueOn: f.dueOn,
    createdAt: f.createdAt,
    daysLeft: f.dueOn === null ? null : dayNumber(f.dueOn) - today,
  });

  const openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const f of findings) openBySeverity[f.severity]++;
  const active = findings.filter((f) => ACTIVE_STATUSES.includes(f.status)).map(entry);
  const byDue = (a: DashboardFinding, b: DashboardFinding) => a.daysLeft! - b.daysLeft! || SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.id - b.id;
  const overdue = active.filter((f) => f.daysLeft !== null && f.daysLeft < 0).sort(byDue);
  const upcoming = active.filter((f) => f.daysLeft !== null && f.daysLeft >= 0 && f.daysLeft <= UPCOMING_DAYS).sort(byDue);
  const first = active.slice().sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)[0];
  return {
    scope: 'installationId' in scope ? 'installation' : 'client',
    today: options.today,
    series: installations.map((i) => scoreSeries(store, i, findings.filter((f) => f.installationId === i.id).length)),
    openBySeverity,
    overdue,
    upcoming,
    oldest: first ? { ...first, ageDays: Math.max(0, today - dayNumber(first.createdAt)) } : null,
  };
}

/** Today as the service sees it when the caller gives no day: the UTC date. */
export const utcToday = (now = new Date()) => now.toISOString().slice(0, 10);
