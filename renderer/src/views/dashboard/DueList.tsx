import type { DashboardFinding } from '../../../../electron/shared/contract-dashboard';
import { SeverityBadge } from '../../components/Badges';
import { useI18n } from '../../i18n/context';
import { formatDay } from '../../day';
import { subjectText } from '../findings/title';

interface DueListProps {
  title: string;
  empty: string;
  findings: DashboardFinding[];
  /** For a client: each entry names its installation. */
  showInstallation: boolean;
  kind: 'overdue' | 'upcoming';
}

/** Findings with their due dates: what is overdue, or what falls due soon. */
export function DueList({ title, empty, findings, showInstallation, kind }: DueListProps) {
  const { t, lang } = useI18n();
  const d = t.dashboard;
  return (
    <section className={`dashboard-due dashboard-due-${kind}`} aria-label={title}>
      <h3>
        {title} <span className="count-pill">{findings.length}</span>
      </h3>
      {findings.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="due-list">
          {findings.map((f) => (
            <li key={f.id} className="due-entry">
              <div className="due-main">
                <SeverityBadge severity={f.severity} />
                <span className="due-title">{f.title}</span>
                <span className="muted small mono">{d.findingNumber(f.id)}</span>
              </div>
              <div className="due-meta small">
                {showInstallation && <span className="due-installation">{f.installationName}</span>}
                {f.subject && <span className="mono">{subjectText(f.subject)}</span>}
                <span>
                  {d.owner}: {f.owner || <span className="muted">{d.unassigned}</span>}
                </span>
                <span className={kind === 'overdue' ? 'due-when overdue' : 'due-when'}>
                  {d.dueOn} {formatDay(f.dueOn!, lang)} · {kind === 'overdue' ? d.daysOverdue(-f.daysLeft!) : d.dueIn(f.daysLeft!)}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
