import type { RunView } from '../../../electron/shared/contract';
import { completenessOf, undecidedChecks } from '../../../electron/shared/completeness';
import { undecidedSentence } from '../../../electron/shared/completeness-texts';
import { STATUSES } from '../../../electron/shared/domain';
import { detectedMauticVersion } from '../../../electron/shared/mautic-version';
import { RunStateBadge, StatusBadge } from '../components/Badges';
import { useI18n } from '../i18n/context';

/** Target, dates, state, scores and the number of items per verdict; an incomplete run says so before any score. */
export function RunSummary({ run }: { run: RunView }) {
  const { t, lang, dateTime, number } = useI18n();
  const undecided = undecidedChecks(run.items);
  const completeness = completenessOf(run.state, undecided.checks);
  const ended = completeness !== 'running';
  const final = completeness === 'complete';
  const counts = run.counts ?? STATUSES.reduce<Record<string, number>>((acc, s) => ({ ...acc, [s]: run.items.filter((i) => i.status === s).length }), {});
  return (
    <section className="panel run-summary" aria-labelledby="run-summary-heading">
      <h2 id="run-summary-heading" className="visually-hidden">
        {t.run.summary}
      </h2>
      <dl className="facts summary-facts">
        <dt>{t.run.target}</dt>
        <dd className="mono" data-testid="run-target">
          {run.targetUrl}
        </dd>
        <dt>{t.run.mauticVersion}</dt>
        <dd data-testid="run-mautic-version">{detectedMauticVersion(run.items) ?? t.common.unknown}</dd>
        <dt>{t.run.startedAt}</dt>
        <dd>{dateTime(run.startedAt)}</dd>
        <dt>{t.run.finishedAt}</dt>
        <dd>{dateTime(run.finishedAt)}</dd>
        <dt>{t.run.state}</dt>
        <dd>
          <RunStateBadge state={run.state} errorChecks={undecided.checks} />
        </dd>
        <dt>{t.run.checklist}</dt>
        <dd className="mono">
          {run.checklistId} {run.checklistVersion}
        </dd>
      </dl>
      {ended && !final && (
        <div className="notice incomplete-notice" role="status" data-testid="run-incomplete">
          <strong>{t.completeness[completeness]}</strong>
          {undecided.checks > 0 && <p>{undecidedSentence(undecided, lang)}</p>}
          {completeness !== 'incomplete' && <p>{t.run.endedEarly}</p>}
        </div>
      )}
      <div className="scores">
        <div className="score-box">
          <span className="score-label">{t.run.score}</span>
          <span className="score-value" data-testid="run-score">
            {run.score === null ? t.run.notScored : final || !ended ? `${number(run.score)} / 100` : t.completeness[completeness]}
            {run.score !== null && ended && !final && <span className="score-provisional">{t.run.provisionalScore(number(run.score))}</span>}
          </span>
        </div>
        <div className="score-box">
          <span className="score-label">{t.run.headerScore}</span>
          <span className="score-value" data-testid="run-header-score">
            {run.headerScore === null ? t.common.none : `${number(run.headerScore)} / 100`}
            {run.headerGrade && (
              <span className="grade">
                {' '}
                ({t.run.grade} <strong>{run.headerGrade}</strong>)
              </span>
            )}
          </span>
        </div>
      </div>
      <h3 className="counts-heading">{t.run.counts}</h3>
      <ul className="counts" aria-label={t.run.counts}>
        {STATUSES.map((status) => (
          <li key={status}>
            <StatusBadge status={status} /> <span className="count">{counts[status] ?? 0}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
