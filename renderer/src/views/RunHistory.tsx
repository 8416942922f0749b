import { useEffect, useId, useState } from 'react';
import type { RunInfo } from '../../../electron/shared/contract';
import { completenessOf } from '../../../electron/shared/completeness';
import { api } from '../api';
import { RunStateBadge } from '../components/Badges';
import { ErrorBox, type Failure } from '../components/ErrorBox';
import { useI18n } from '../i18n/context';

interface RunHistoryProps {
  installationId: number;
  /** Changes when an audit of this installation ends, to load the list again. */
  refreshKey: number;
  onOpen(runId: number): void;
  /** Two runs picked for comparison, in the order they were picked. */
  onCompare(runA: number, runB: number): void;
}

/** The runs of one installation, newest first, each openable; any two can be picked and compared. */
export function RunHistory({ installationId, refreshKey, onOpen, onCompare }: RunHistoryProps) {
  const { t, dateTime, number } = useI18n();
  const headingId = useId();
  const [runs, setRuns] = useState<RunInfo[] | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  const [attempt, setAttempt] = useState(0);
  const [picked, setPicked] = useState<number[]>([]);
  const togglePicked = (runId: number) =>
    // At most two: picking a third drops the one picked first.
    setPicked((now) => (now.includes(runId) ? now.filter((id) => id !== runId) : [...now, runId].slice(-2)));

  useEffect(() => {
    let live = true;
    void api['runs:list']({ installationId }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setRuns(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [installationId, refreshKey, attempt]);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t.history.title}</h2>
      {error && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {runs === null && !error && <p className="muted">{t.common.loading}</p>}
      {runs?.length === 0 && <p className="muted">{t.history.empty}</p>}
      {runs && runs.length > 0 && (
        <table className="data-table history-table" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t.compare.selectColumn}</th>
              <th scope="col">{t.history.date}</th>
              <th scope="col">{t.history.state}</th>
              <th scope="col" className="num">
                {t.history.score}
              </th>
              <th scope="col">{t.history.grade}</th>
              <th scope="col">
                <span className="visually-hidden">{t.history.actions}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => {
              const date = dateTime(run.startedAt);
              return (
                <tr key={run.id}>
                  <td>
                    <input type="checkbox" aria-label={t.compare.select(date)} checked={picked.includes(run.id)} onChange={() => togglePicked(run.id)} />
                  </td>
                  <td>{date}</td>
                  <td>
                    <RunStateBadge state={run.state} errorChecks={run.errorChecks} />
                  </td>
                  <td className="num">
                    {run.score === null ? t.common.none : completenessOf(run.state, run.errorChecks) === 'complete' ? number(run.score) : t.history.provisional(number(run.score))}
                  </td>
                  <td>{run.headerGrade ?? t.common.none}</td>
                  <td>
                    <button type="button" className="small" aria-label={t.history.openRun(date)} onClick={() => onOpen(run.id)}>
                      {t.history.open}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {runs && runs.length > 1 && (
        <div className="button-row">
          <button type="button" disabled={picked.length !== 2} onClick={() => onCompare(picked[0]!, picked[1]!)}>
            {t.compare.compare}
          </button>
          {picked.length !== 2 && <span className="muted">{t.compare.pickTwo}</span>}
        </div>
      )}
    </section>
  );
}
