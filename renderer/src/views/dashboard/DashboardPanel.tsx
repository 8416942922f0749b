// The DPO's dashboard on the client and installation pages: the score over time, open findings by severity,
// overdue and upcoming due dates, and the oldest open finding; "Export as PDF" writes it as a document to hand over.
import { useEffect, useId, useState } from 'react';
import type { DashboardView } from '../../../../electron/shared/contract-dashboard';
import { SEVERITIES } from '../../../../electron/shared/domain';
import { api } from '../../api';
import { SeverityBadge } from '../../components/Badges';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { ExportFileButton } from '../../components/ExportFileButton';
import { ScoreChart } from '../../components/ScoreChart';
import { useI18n } from '../../i18n/context';
import { formatDay, localToday } from '../../day';
import { DueList } from './DueList';

interface DashboardPanelProps {
  scope: { installationId: number } | { clientId: number };
  /** Changes when an audit ends, to load the dashboard again. */
  refreshKey?: number;
}

export function DashboardPanel({ scope, refreshKey = 0 }: DashboardPanelProps) {
  const { t, lang } = useI18n();
  const d = t.dashboard;
  const headingId = useId();
  const [view, setView] = useState<DashboardView | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const installationId = 'installationId' in scope ? scope.installationId : undefined;
  const clientId = 'clientId' in scope ? scope.clientId : undefined;

  useEffect(() => {
    let live = true;
    void api['dashboard:get']({ ...(installationId !== undefined ? { installationId } : { clientId }), lang, today: localToday() }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setView(result.value);
        setError(null);
      } else setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [installationId, clientId, lang, refreshKey, attempt]);

  const hasRuns = view !== null && view.series.some((s) => s.points.length > 0);
  const targeted = view?.series.reduce((n, s) => n + s.targetedLeftOut, 0) ?? 0;
  return (
    <section className="panel dashboard" aria-labelledby={headingId}>
      <h2 id={headingId}>{d.title}</h2>
      {error && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {view === null && !error && <p className="muted">{d.loading}</p>}
      {view && (
        <>
          <div className="button-row">
            <ExportFileButton texts={d.exportPdf} written={(r) => d.exportPdf.written(r.file)} run={() => api['dashboard:pdf']({ ...(installationId !== undefined ? { installationId } : { clientId }), lang, today: localToday() })} />
          </div>
          <h3>{d.chartTitle}</h3>
          {hasRuns ? <ScoreChart series={view.series} /> : <p className="muted dashboard-empty">{d.noAudits}</p>}
          {targeted > 0 && <p className="muted small">{d.targetedLeftOut(targeted)}</p>}

          <h3>{d.openTitle}</h3>
          <ul className="severity-counts" aria-label={`${d.openTitle} (${d.openHint})`}>
            {SEVERITIES.map((s) => (
              <li key={s} className={`severity-count severity-count-${s}`}>
                <span className="severity-count-number">{view.openBySeverity[s]}</span>
                <span className="severity-count-label">{t.severity[s]}</span>
              </li>
            ))}
          </ul>
          <p className="muted small">{d.openHint}</p>

          <div className="dashboard-due-grid">
            <DueList kind="overdue" title={d.overdueTitle} empty={d.noOverdue} findings={view.overdue} showInstallation={view.scope === 'client'} />
            <DueList kind="upcoming" title={d.upcomingTitle} empty={d.noUpcoming} findings={view.upcoming} showInstallation={view.scope === 'client'} />
          </div>

          <h3>{d.oldestTitle}</h3>
          {view.oldest ? (
            <p className="dashboard-oldest">
              <SeverityBadge severity={view.oldest.severity} /> <strong>{view.oldest.title}</strong>
              {view.scope === 'client' && <span className="muted"> · {view.oldest.installationName}</span>}
              <span className="muted">
                {' '}
                · {d.age(view.oldest.ageDays)} ({formatDay(view.oldest.createdAt, lang)}) · {d.owner}: {view.oldest.owner || d.unassigned}
              </span>
            </p>
          ) : (
            <p className="muted">{d.noOpen}</p>
          )}
        </>
      )}
    </section>
  );
}
