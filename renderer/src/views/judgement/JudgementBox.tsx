import type { CheckView, JudgementView } from '../../../../electron/shared/contract';
import { isStaleJudgement } from '../../../../electron/shared/registers';
import { StatusBadge } from '../../components/Badges';
import { useI18n } from '../../i18n/context';

export interface JudgementActions {
  judgementOf(checkId: string): JudgementView | undefined;
  onJudge(check: CheckView): void;
  onWithdraw(judgement: JudgementView): void;
  runId: number;
}


/** The auditor's judgement beside the measured verdict of one check, or the button to give one. */
export function JudgementBox({ check, actions }: { check: CheckView; actions: JudgementActions }) {
  const { t, dateTime } = useI18n();
  const m = t.judgement;
  const j = actions.judgementOf(check.checkId);
  const label = check.status === 'manual' ? m.attest : m.override;
  if (!j) {
    return (
      <div className="button-row judgement-actions">
        <button type="button" onClick={() => actions.onJudge(check)} aria-label={`${label} ${check.title}`}>
          {label}
        </button>
      </div>
    );
  }
  return (
    <aside className="judgement" aria-label={`${m.heading}: ${check.title}`}>
      <p className="label">
        {m.heading} · {j.kind === 'attestation' ? m.attestation : m.overrideLabel}
        {j.runId !== actions.runId && <span className="muted"> ({m.fromRun(j.runId)})</span>}
      </p>
      <p className="judgement-verdicts">
        <span>{m.judged}:</span> <StatusBadge status={j.status} /> <span className="muted">{m.measured}:</span> <StatusBadge status={check.status} />
      </p>
      {isStaleJudgement(j.kind, check.status) && <p className="notice">{m.stale}</p>}
      <p className="prewrap">{j.statement}</p>
      <p className="muted small">
        {m.byAt(j.by, dateTime(j.at))} · {m.evidence}: <span className="mono">{j.evidence.slice(0, 16)}…</span>
        {j.attachments.length > 0 && ` · ${m.attachments}: ${j.attachments.length}`}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => actions.onJudge(check)} aria-label={`${label} ${check.title}`}>
          {label}
        </button>
        <button type="button" className="danger" onClick={() => actions.onWithdraw(j)}>
          {m.withdraw}
        </button>
      </div>
    </aside>
  );
}
