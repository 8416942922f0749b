import { useState, type FormEvent } from 'react';
import type { ResultOf } from '../../../../electron/shared/contract';
import { api } from '../../api';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { PathInput } from '../../components/PathInput';
import { useI18n } from '../../i18n/context';

type Outcome = ResultOf<'runs:import'>;

/** Takes in a signed run file from elsewhere (audit --out), verified; says what came in or why it was refused. */
export function RunFileImport({ onImported }: { onImported(): void }) {
  const { t } = useI18n();
  const m = t.imports;
  const [file, setFile] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setOutcome(null);
    const result = await api['runs:import']({ file, ...(fingerprint.trim() ? { fingerprint } : {}) });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setOutcome(result.value);
    if (result.value.ok) onImported();
  }

  return (
    <section className="panel" aria-labelledby="run-import-heading">
      <h2 id="run-import-heading">{m.heading}</h2>
      <p className="muted">{m.intro}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <PathInput label={m.file} hint={m.fileHint} value={file} purpose="run-file" onChange={setFile} />
        <Field label={m.fingerprint} hint={m.fingerprintHint}>
          {(p) => <input {...p} type="text" className="mono" value={fingerprint} onChange={(e) => setFingerprint(e.target.value)} spellCheck={false} autoComplete="off" />}
        </Field>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || !file.trim()} aria-busy={busy}>
            {busy ? m.running : m.run}
          </button>
        </div>
      </form>
      {error && <ErrorBox error={error} />}
      {outcome && !outcome.ok && (
        <div className="error-box" role="alert">
          <p>
            <strong>{m.refused(outcome.problems.length + (outcome.fingerprintMatches === false ? 1 : 0))}</strong>
          </p>
          <ul>
            {outcome.problems.map((p, i) => (
              <li key={i} className="mono small">
                {m.problem(p.path, m.problems[p.problem as keyof typeof m.problems] ?? p.problem, p.reason)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.ok && (
        <div role="status" className="notice">
          <ul className="plain-list">
            {outcome.runs.map((r) => (
              <li key={r.runId}>{r.status === 'imported' ? m.imported(r.runId, r.client, r.installation, r.evidence) : m.already(r.runId, r.client, r.installation)}</li>
            ))}
          </ul>
          {outcome.fingerprint && <p className="mono small">{m.signer(outcome.fingerprint)}</p>}
        </div>
      )}
    </section>
  );
}
