import { useId } from 'react';
import type { ChangeKind } from '../../../../electron/shared/compare';
import type { ComparisonEntryView } from '../../../../electron/shared/contract-compare';
import type { Status } from '../../../../electron/shared/domain';
import { StatusBadge } from '../../components/Badges';
import { useI18n } from '../../i18n/context';

interface ChangeTableProps {
  kind: ChangeKind;
  entries: ComparisonEntryView[];
  onOpenEvidence(sha256: string): void;
}

/** The entries of one change kind: what, before → after, and buttons that open each run's evidence. */
export function ChangeTable({ kind, entries, onOpenEvidence }: ChangeTableProps) {
  const { t } = useI18n();
  const ct = t.compare;
  const headingId = useId();
  const status = (s: Status | null) => (s ? <StatusBadge status={s} /> : <span className="muted">{ct.absent}</span>);
  const evidenceButtons = (list: string[], which: string) =>
    list.length === 0 ? (
      <span className="muted">{ct.noEvidence}</span>
    ) : (
      list.map((sha, i) => (
        <button key={sha} type="button" className="small mono" title={sha} aria-label={ct.openEvidence(which, i + 1)} onClick={() => onOpenEvidence(sha)}>
          {sha.slice(0, 10)}…
        </button>
      ))
    );

  return (
    <section className={`panel change-group change-${kind}`} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {ct.kinds[kind]} ({entries.length})
      </h2>
      <p className="muted">{ct.explain[kind]}</p>
      <table className="data-table compare-table" aria-labelledby={headingId}>
        <thead>
          <tr>
            <th scope="col">{ct.item}</th>
            <th scope="col">{ct.check}</th>
            <th scope="col">{ct.subject}</th>
            <th scope="col">{ct.beforeAfter}</th>
            <th scope="col">{ct.evidence}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={`${e.checkId}\u0000${e.subject}`} data-check={e.checkId}>
              <td>
                {e.itemNumber}. {e.itemTitle}
              </td>
              <td>
                {e.checkTitle}
                <br />
                <span className="mono muted">{e.checkId}</span>
              </td>
              <td className={e.subject ? 'mono' : 'muted'}>{e.subject || ct.wholeCheck}</td>
              <td>
                {status(e.before)} → {status(e.after)}
                {e.reason && <div className="muted">{ct.reasons[e.reason]}</div>}
              </td>
              <td>
                <div className="evidence-links">
                  <span className="muted">{ct.evidenceBefore}:</span> {evidenceButtons(e.evidenceBefore, ct.evidenceBefore)}
                </div>
                <div className="evidence-links">
                  <span className="muted">{ct.evidenceAfter}:</span> {evidenceButtons(e.evidenceAfter, ct.evidenceAfter)}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
