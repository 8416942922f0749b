import { completenessOf } from '../../../electron/shared/completeness';
import { useEffect, useState } from 'react';
import { ErrorBox, type Failure } from '../components/ErrorBox';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/context';
import { isActive, type AuditProgress } from '../state/auditProgress';

interface AuditViewProps {
  installationName: string;
  progress: AuditProgress | undefined;
  onCancel(): Promise<Failure | null>;
  onOpenRun(runId: number): void;
  onBack(): void;
}

function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** The clock of a running audit, ticking once a second. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Live progress of one audit; opens its results when it finishes. */
export function AuditView({ installationName, progress, onCancel, onOpenRun, onBack }: AuditViewProps) {
  const { t } = useI18n();
  const active = progress ? isActive(progress) : false;
  const now = useNow(active);
  const [cancelError, setCancelError] = useState<Failure | null>(null);

  const finishedRun = progress?.phase === 'finished' ? progress.runId : null;
  useEffect(() => {
    if (finishedRun !== null) onOpenRun(finishedRun);
    // Opened once, when the run finishes while this view is shown (onOpenRun is not a trigger).
  }, [finishedRun]);

  if (!progress) {
    return (
      <section className="view">
        <PageHeading>{t.audit.title(installationName)}</PageHeading>
        <p>{t.audit.notFound}</p>
        <button type="button" onClick={onBack}>
          {t.audit.backToInstallation}
        </button>
      </section>
    );
  }

  const elapsed = (progress.endedAt ?? Math.max(now, progress.startedAt)) - progress.startedAt;
  const total = progress.totalChecks;
  const status =
    progress.phase === 'failed'
      ? t.audit.failed
      : progress.phase === 'finished' && progress.state
        ? t.audit.finished(t.completeness[completenessOf(progress.state, progress.errorChecks)])
        : total === null
          ? t.audit.waiting
          : t.audit.checksDone(progress.checksDone, total);

  async function cancel() {
    setCancelError(null);
    const error = await onCancel();
    if (error) setCancelError(error);
  }

  return (
    <section className="view audit-view">
      <PageHeading>{t.audit.title(installationName)}</PageHeading>

      <div className="panel progress-panel">
        <p className="progress-status" aria-live="polite" aria-atomic="true">
          {status}
        </p>
        <progress
          className="progress-bar"
          aria-label={t.audit.progressLabel}
          max={total ?? undefined}
          value={total === null ? undefined : progress.checksDone}
        />
        <dl className="facts compact">
          <dt>{t.audit.elapsed}</dt>
          <dd>
            <time className="mono" data-testid="audit-elapsed">
              {formatElapsed(elapsed)}
            </time>
          </dd>
          {progress.totalProbes !== null && (
            <>
              <dt>{t.audit.runningProbes}</dt>
              <dd>
                <span className="muted">{t.audit.probesDone(progress.probesDone, progress.totalProbes)}</span>
                <RunningList ids={progress.runningProbes} />
              </dd>
            </>
          )}
          <dt>{t.audit.runningChecks}</dt>
          <dd>
            <RunningList ids={progress.runningChecks} />
          </dd>
        </dl>
        {progress.phase === 'failed' && progress.failure && <ErrorBox error={{ code: 'internal', message: progress.failure }} />}
        {cancelError && <ErrorBox error={cancelError} />}
        <div className="button-row">
          {active && (
            <button type="button" className="danger" onClick={() => void cancel()} disabled={progress.cancelling} aria-busy={progress.cancelling}>
              {progress.cancelling ? t.audit.cancelling : t.audit.cancel}
            </button>
          )}
          {progress.phase === 'finished' && progress.runId !== null && (
            <button type="button" className="primary" onClick={() => onOpenRun(progress.runId as number)}>
              {t.audit.openResults}
            </button>
          )}
          <button type="button" onClick={onBack}>
            {t.audit.backToInstallation}
          </button>
        </div>
      </div>
    </section>
  );
}

function RunningList({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  if (ids.length === 0) return <span className="muted"> {t.audit.nothingRunning}</span>;
  return (
    <ul className="running-list">
      {ids.map((id) => (
        <li key={id} className="mono">
          {id}
        </li>
      ))}
    </ul>
  );
}
