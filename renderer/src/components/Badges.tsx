import { completenessOf } from '../../../electron/shared/completeness';
import type { RunState, Severity, Status } from '../../../electron/shared/domain';
import { useI18n } from '../i18n/context';

const STATUS_ICON: Record<Status, string> = {
  pass: '✓',
  fail: '✕',
  warn: '!',
  manual: '?',
  error: '⚠',
  not_applicable: '–',
};

/** A verdict: colour, a symbol and the word, so it never depends on colour alone. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span className={`badge status-${status}`}>
      <span className="badge-icon" aria-hidden="true">
        {STATUS_ICON[status]}
      </span>
      {t.status[status]}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  const { t } = useI18n();
  return (
    <span className={`badge severity severity-${severity}`}>
      <span className="visually-hidden">{t.run.severityLabel(t.severity[severity])}</span>
      <span aria-hidden="true">{t.severity[severity]}</span>
    </span>
  );
}

/** The run's state as the auditor needs it: a run that left automated checks undecided is `incomplete`. */
export function RunStateBadge({ state, errorChecks }: { state: RunState; errorChecks: number }) {
  const { t } = useI18n();
  const completeness = completenessOf(state, errorChecks);
  return <span className={`badge run-state state-${completeness}`}>{t.completeness[completeness]}</span>;
}
