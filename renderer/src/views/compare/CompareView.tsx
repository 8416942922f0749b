import { useEffect, useState } from 'react';
import { CHANGE_KINDS } from '../../../../electron/shared/compare';
import type { ComparisonView } from '../../../../electron/shared/contract-compare';
import { api } from '../../api';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { PageHeading } from '../../components/PageHeading';
import { useI18n } from '../../i18n/context';
import { EvidenceDialog } from '../evidence/EvidenceDialog';
import { ChangeTable } from './ChangeTable';

interface CompareViewProps {
  runA: number;
  runB: number;
  installationName: string;
  onBack(): void;
}

/** Two runs of an installation side by side: the counts per change kind, then each kind's entries with their evidence. */
export function CompareView({ runA, runB, installationName, onBack }: CompareViewProps) {
  const { t, lang, dateTime, number } = useI18n();
  const ct = t.compare;
  const [view, setView] = useState<ComparisonView | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [evidence, setEvidence] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void api['runs:compare']({ runA, runB, lang }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setView(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [runA, runB, lang, attempt]);

  return (
    <section className="view compare-view">
      <p className="breadcrumb">
        <button type="button" className="link-button" onClick={onBack}>
          {ct.back}
        </button>
        <span className="muted"> · {installationName}</span>
      </p>
      <PageHeading>{ct.title}</PageHeading>
      {error && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {view === null && !error && <p className="muted">{t.common.loading}</p>}
      {view && (
        <>
          <p>{ct.intro(dateTime(view.before.startedAt), dateTime(view.after.startedAt))}</p>
          <section className="panel" aria-labelledby="compare-counts-heading">
            <h2 id="compare-counts-heading">{ct.counts}</h2>
            <dl className="facts compact">
              <dt>{ct.beforeRun}</dt>
              <dd>{dateTime(view.before.startedAt)}</dd>
              <dt>{ct.afterRun}</dt>
              <dd>{dateTime(view.after.startedAt)}</dd>
            </dl>
            <ul className="change-counts">
              {CHANGE_KINDS.map((kind) => (
                <li key={kind} className={`change-count change-${kind}`}>
                  <span className="change-count-number">{number(view.counts[kind] ?? 0)}</span> {ct.kinds[kind]}
                </li>
              ))}
            </ul>
          </section>
          {view.entries.length === 0 && <p className="muted">{ct.noEntries}</p>}
          {CHANGE_KINDS.map((kind) => {
            const entries = view.entries.filter((e) => e.change === kind);
            return entries.length === 0 ? null : <ChangeTable key={kind} kind={kind} entries={entries} onOpenEvidence={setEvidence} />;
          })}
        </>
      )}
      {evidence && <EvidenceDialog sha256={evidence} refOf={() => undefined} onClose={() => setEvidence(null)} />}
    </section>
  );
}
