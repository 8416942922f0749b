import { useState } from 'react';
import { api } from '../../api';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { useI18n } from '../../i18n/context';

/** Writes the client's registers as a workbook into the exports folder and offers to show it. */
export function ExportButton({ clientId }: { clientId: number }) {
  const { t, lang } = useI18n();
  const m = t.registers.export;
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const result = await api['registers:export']({ clientId, lang });
    setBusy(false);
    if (result.ok) setFile(result.value.file);
    else setError(result.error);
  }

  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? m.busy : m.button}
      </button>
      {file && (
        <span role="status" className="muted">
          {m.written(file)}{' '}
          <button type="button" className="link-button" onClick={() => void api['reports:reveal']({ file })}>
            {m.reveal}
          </button>
        </span>
      )}
      {error && <ErrorBox error={error} />}
    </>
  );
}
