// The report's history: the installation's score over time and its findings as of the report's day, taken from
// the dashboard builder so that the PDF and the app show the same numbers.
import type { DashboardFinding, ScorePoint } from '../../shared/contract-dashboard';
import type { Lang, Severity } from '../../shared/domain';
import type { Checklist } from '../checklist/load';
import { buildDashboard, utcToday } from '../service/dashboard';
import type { Store } from '../store';

export interface ReportHistory {
  /** The day the findings are judged overdue on (the report's date), YYYY-MM-DD. */
  today: string;
  points: ScorePoint[];
  targetedLeftOut: number;
  openBySeverity: Record<Severity, number>;
  overdue: DashboardFinding[];
  upcoming: DashboardFinding[];
}

export function reportHistory(store: Store, checklist: Checklist, installationId: number, lang: Lang, now: Date): ReportHistory {
  const today = utcToday(now);
  if (!store.installations.get(installationId)) {
    return { today, points: [], targetedLeftOut: 0, openBySeverity: { critical: 0, high: 0, medium: 0, low: 0 }, overdue: [], upcoming: [] };
  }
  const view = buildDashboard(store, checklist, { installationId }, { lang, today });
  const series = view.series[0]!;
  return { today, points: series.points, targetedLeftOut: series.targetedLeftOut, openBySeverity: view.openBySeverity, overdue: view.overdue, upcoming: view.upcoming };
}
