import { useState, type FormEvent } from 'react';
import type { TargetListPlan } from '../../../../electron/shared/contract-target-list';
import { api } from '../../api';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { PathInput } from '../../components/PathInput';
import { useI18n } from '../../i18n/context';

/** A target list (the CSV of `audit --targets`) as clients and installations: preview first, then all or nothing. */
export function TargetListImport({ onImported }: { onImported(): void }) {
  const { t, lang } = useI18n();
  const m = t.imports.targets;
  const [file, setFile] = useState('');
  const [plan, setPlan] = useState<TargetListPlan | null>(null);
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function preview(event: FormEvent) {
    event.preventDefault();
    setBusy('reading');
    setError(null);
    setPlan(null);
    setDone(null);
    const result = await api['installations:import-targets-preview']({ file, lang });
    setBusy(null);
    if (result.ok) setPlan(result.value);
    else setError(result.error);
  }

  async function apply() {
    setBusy('applying');
    setError(null);
    const result = await api['installations:import-targets-apply']({ file, lang });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    const o = result.value;
    setPlan(null);
    setDone(m.done(o.clientsAdded, o.added, o.updated, o.unchanged));
    onImported();
  }

  const count = (...actions: string[]) => plan?.rows.filter((r) => actions.includes(r.action)).length ?? 0;
  const canApply = plan !== null && plan.errors.length === 0 && plan.rows.some((r) => r.action !== 'unchanged');
  return (
    <section className="panel" aria-labelledby="target-list-heading">
      <h2 id="target-list-heading">{m.heading}</h2>
      <p className="muted">{m.intro}</p>
      <form className="form" onSubmit={(e) => void preview(e)} noValidate>
        <PathInput label={m.file} hint={m.fileHint} value={file} purpose="targets" onChange={(v) => (setFile(v), setPlan(null))} />
        <div className="button-row">
          <button type="submit" disabled={busy !== null || !file.trim()} aria-busy={busy === 'reading'}>
            {busy === 'reading' ? m.previewing : m.preview}
          </button>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {done && (
        <p role="status" className="notice">
          {done}
        </p>
      )}
      {plan && plan.errors.length > 0 && (
        <div className="error-box" role="alert">
          <p>
            <strong>{m.errors(plan.errors.length)}</strong>
          </p>
          <ul>
            {plan.errors.map((e, i) => (
              <li key={i}>{e.column ? m.errorLine(e.row, e.column, e.message) : e.message}</li>
            ))}
          </ul>
        </div>
      )}
      {plan && plan.rows.length > 0 && (
        <>
          <p className="muted">{m.counts(count('add', 'add-client'), count('update'), count('unchanged'))}</p>
          <table className="data-table">
            <caption className="visually-hidden">{m.caption(plan.file)}</caption>
            <thead>
              <tr>
                <th scope="col">{m.columns.row}</th>
                <th scope="col">{m.columns.client}</th>
                <th scope="col">{m.columns.installation}</th>
                <th scope="col">{m.columns.baseUrl}</th>
                <th scope="col">{m.columns.action}</th>
                <th scope="col">{m.columns.changes}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{r.client}</td>
                  <th scope="row">{r.installation}</th>
                  <td className="mono">{r.baseUrl}</td>
                  <td>
                    {m.actions[r.action]}
                    {r.storedClient && <span className="muted"> ({m.storedClient(r.storedClient)})</span>}
                  </td>
                  <td>
                    <ul className="plain-list">
                      {r.changes.map((c) => (
                        <li key={c.field} className="prewrap">
                          {m.change(m.fields[c.field], c.from, c.to)}
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="button-row">
            <button type="button" className="primary" disabled={!canApply || busy !== null} aria-busy={busy === 'applying'} onClick={() => void apply()}>
              {busy === 'applying' ? m.applying : m.apply}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
