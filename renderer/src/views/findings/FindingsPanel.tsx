import { useCallback, useEffect, useState } from 'react';
import type { FindingView } from '../../../../electron/shared/contract';
import { ACTIVE_STATUSES } from '../../../../electron/shared/findings';
import { api } from '../../api';
import { SeverityBadge } from '../../components/Badges';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { useI18n } from '../../i18n/context';
import { FindingDialog } from './FindingDialog';
import { FindingsFileActions } from './FindingsFileActions';
import { findingTitle } from './title';
import { formatDay, localToday } from '../../day';

const OPEN: readonly string[] = [...ACTIVE_STATUSES, 'accepted-risk'];

/** An installation's findings across audits: open ones first, each editable by the DPO. */
export function FindingsPanel({ installationId, refreshKey, onChanged }: { installationId: number; refreshKey: number; /** After an edit or an import, for the panels that count findings. */ onChanged?(): void }) {
  const { t, lang } = useI18n();
  const m = t.findings;
  const [findings, setFindings] = useState<FindingView[] | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [editing, setEditing] = useState<FindingView | null>(null);

  const reload = useCallback(async () => {
    const result = await api['findings:list']({ installationId, lang });
    if (result.ok) {
      setFindings(result.value);
      setError(null);
    } else setError(result.error);
  }, [installationId, lang]);
  useEffect(() => void reload(), [reload, refreshKey]);
  const changed = () => {
    void reload();
    onChanged?.();
  };

  const shown = (findings ?? []).filter((f) => !onlyOpen || OPEN.includes(f.status));
  const now = localToday();
  return (
    <section className="panel findings-panel" aria-labelledby="findings-heading">
      <div className="panel-head">
        <h2 id="findings-heading">{m.heading}</h2>
        <div className="filter-group" role="group" aria-label={m.heading}>
          <button type="button" className="toggle" aria-pressed={onlyOpen} onClick={() => setOnlyOpen(true)}>
            {m.showOpen}
          </button>
          <button type="button" className="toggle" aria-pressed={!onlyOpen} onClick={() => setOnlyOpen(false)}>
            {m.showAll}
          </button>
        </div>
      </div>
      <p className="muted">{m.intro}</p>
      {findings && findings.length > 0 && <FindingsFileActions scope={{ installationId }} onApplied={changed} />}
      {error && <ErrorBox error={error} onRetry={() => void reload()} />}
      {findings?.length === 0 && <p className="muted">{m.none}</p>}
      {findings && findings.length > 0 && shown.length === 0 && <p className="muted">{m.noneOpen}</p>}
      {findings && findings.length > 0 && <p className="muted">{m.count(shown.length, findings.length)}</p>}
      {shown.length > 0 && (
        <table className="data-table findings-table">
          <thead>
            <tr>
              <th scope="col">{m.columns.severity}</th>
              <th scope="col">{m.columns.finding}</th>
              <th scope="col">{m.columns.status}</th>
              <th scope="col">{m.columns.owner}</th>
              <th scope="col">{m.columns.due}</th>
              <th scope="col">{m.columns.seen}</th>
              <th scope="col">
                <span className="visually-hidden">{m.status}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((f) => {
              const overdue = f.dueOn !== null && f.dueOn < now && (f.status === 'open' || f.status === 'in-progress');
              return (
                <tr key={f.id} className={`finding-${f.status}`}>
                  <td>
                    <SeverityBadge severity={f.severity} />
                  </td>
                  <th scope="row">{findingTitle(f)}</th>
                  <td>{m.statuses[f.status]}</td>
                  <td>{f.owner || <span className="muted">{m.unassigned}</span>}</td>
                  <td>
                    {f.dueOn ? formatDay(f.dueOn, lang) : t.common.none}
                    {overdue && <span className="tag tag-fail">{m.overdue}</span>}
                  </td>
                  <td>{f.fixedRunId ? m.fixedIn(f.fixedRunId) : m.seenIn(f.lastSeenRunId)}</td>
                  <td className="row-actions">
                    <button type="button" aria-label={m.edit(findingTitle(f))} onClick={() => setEditing(f)}>
                      {t.registers.edit}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {editing && (
        <FindingDialog
          finding={editing}
          onSaved={() => {
            setEditing(null);
            changed();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}
