import { useEffect, useMemo, useState } from 'react';
import type { CheckView, FindingView, JudgementView, RunFindingView, RunView as RunData } from '../../../electron/shared/contract';
import type { Severity, Status } from '../../../electron/shared/domain';
import { api } from '../api';
import { ErrorBox, type Failure } from '../components/ErrorBox';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/context';
import { ConsentPanel } from './consent/ConsentPanel';
import { EvidenceDialog, type EvidenceRef } from './evidence/EvidenceDialog';
import { ExportPanel } from './ExportPanel';
import { FindingDialog } from './findings/FindingDialog';
import { ItemCard, type FindingLinks } from './ItemCard';
import { JudgementDialog } from './judgement/JudgementDialog';
import { WithdrawDialog } from './judgement/WithdrawDialog';
import { RunFilters, type Filters } from './RunFilters';
import { RunSummary } from './RunSummary';

interface RunViewProps {
  runId: number;
  installationName: string;
  onBack(): void;
}


/** One run's results. Fetched again in the new language when the language changes (the server renders the texts). */
export function RunView({ runId, installationName, onBack }: RunViewProps) {
  const { t, lang } = useI18n();
  const [run, setRun] = useState<RunData | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [filters, setFilters] = useState<Filters>({ verdicts: new Set<Status>(), severities: new Set<Severity>() });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [evidence, setEvidence] = useState<string | null>(null);
  const [judgements, setJudgements] = useState<JudgementView[]>([]);
  const [judging, setJudging] = useState<CheckView | null>(null);
  const [withdrawing, setWithdrawing] = useState<JudgementView | null>(null);
  const [judgementsVersion, setJudgementsVersion] = useState(0);
  const [runFindings, setRunFindings] = useState<RunFindingView[]>([]);
  const [findingsVersion, setFindingsVersion] = useState(0);
  const [editingFinding, setEditingFinding] = useState<FindingView | null>(null);

  useEffect(() => {
    let live = true;
    void api['judgements:list']({ runId }).then((result) => {
      if (live && result.ok) setJudgements(result.value);
      else if (live && !result.ok) setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [runId, judgementsVersion]);
  const judgementByCheck = useMemo(() => new Map(judgements.map((j) => [j.checkId, j])), [judgements]);
  const judgementActions = useMemo(
    () => ({ runId, judgementOf: (checkId: string) => judgementByCheck.get(checkId), onJudge: setJudging, onWithdraw: setWithdrawing }),
    [runId, judgementByCheck],
  );
  const finished = run !== null && run.state !== 'running';
  useEffect(() => {
    if (!finished) return;
    let live = true;
    void api['findings:of-run']({ runId, lang }).then((result) => {
      if (live && result.ok) setRunFindings(result.value);
      else if (live && !result.ok) setError(result.error);
    });
    return () => {
      live = false;
    };
  }, [runId, lang, finished, findingsVersion]);
  const findingLinks = useMemo<FindingLinks>(() => {
    const byCheck = new Map<string, RunFindingView[]>();
    for (const link of runFindings) byCheck.set(link.checkId, [...(byCheck.get(link.checkId) ?? []), link]);
    return { of: (checkId) => byCheck.get(checkId) ?? [], onOpen: (link) => setEditingFinding(link.finding) };
  }, [runFindings]);

  const judged = () => {
    setJudging(null);
    setWithdrawing(null);
    setJudgementsVersion((n) => n + 1);
    setAttempt((n) => n + 1);
  };

  useEffect(() => {
    let live = true;
    void api['runs:get']({ runId, lang }).then((result) => {
      if (!live) return;
      if (result.ok) {
        setRun(result.value);
        setError(null);
      } else {
        setError(result.error);
      }
    });
    return () => {
      live = false;
    };
  }, [runId, lang, attempt]);

  const evidenceBySha = useMemo(() => new Map<string, EvidenceRef>((run?.evidence ?? []).map((e) => [e.sha256, e])), [run]);
  const items = useMemo(() => [...(run?.items ?? [])].sort((a, b) => a.number - b.number), [run]);
  const shown = items.filter(
    (item) => (filters.verdicts.size === 0 || filters.verdicts.has(item.status)) && (filters.severities.size === 0 || filters.severities.has(item.severity)),
  );

  function toggle(itemId: string) {
    setExpanded((all) => {
      const next = new Set(all);
      if (next.has(itemId)) next.delete(itemId);
      else next.add(itemId);
      return next;
    });
  }

  return (
    <section className="view run-view">
      <p className="breadcrumb">
        <button type="button" className="link-button" onClick={onBack}>
          {t.run.backToInstallation}
        </button>
        <span className="muted"> · {installationName}</span>
      </p>
      <PageHeading>{t.run.title}</PageHeading>
      {error && <ErrorBox error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {run === null && !error && <p className="muted">{t.common.loading}</p>}
      {run && (
        <>
          <RunSummary run={run} />
          {run.state === 'running' && <p className="notice">{t.run.stillRunning}</p>}
          {run.state !== 'running' && <ExportPanel runId={run.id} />}
          {run.state !== 'running' && <ConsentPanel runId={run.id} onOpenEvidence={setEvidence} />}
          <RunFilters items={items} filters={filters} onChange={setFilters} shown={shown.length} />
          <section className="items" aria-labelledby="run-items-heading">
            <h2 id="run-items-heading">{t.run.items}</h2>
            {shown.length === 0 && <p className="muted">{t.run.noMatch}</p>}
            <ol className="item-list">
              {shown.map((item) => (
                <ItemCard
                  key={item.itemId}
                  item={item}
                  expanded={expanded.has(item.itemId)}
                  onToggle={() => toggle(item.itemId)}
                  evidenceBySha={evidenceBySha}
                  onOpenEvidence={setEvidence}
                  judgements={run.state === 'running' ? undefined : judgementActions}
                  findings={run.state === 'running' ? undefined : findingLinks}
                />
              ))}
            </ol>
          </section>
        </>
      )}
      {judging && <JudgementDialog runId={runId} check={judging} onSaved={judged} onCancel={() => setJudging(null)} />}
      {withdrawing && <WithdrawDialog judgement={withdrawing} onDone={judged} onCancel={() => setWithdrawing(null)} />}
      {editingFinding && (
        <FindingDialog
          finding={editingFinding}
          onSaved={() => {
            setEditingFinding(null);
            setFindingsVersion((n) => n + 1);
          }}
          onCancel={() => setEditingFinding(null)}
        />
      )}
      {evidence && <EvidenceDialog sha256={evidence} refOf={(sha) => evidenceBySha.get(sha)} onClose={() => setEvidence(null)} />}
    </section>
  );
}
