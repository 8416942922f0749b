import { useState } from 'react';
import type { Result } from '../../../electron/shared/contract';
import { api } from '../api';
import { ErrorBox, type Failure } from './ErrorBox';

export interface ExportFileTexts {
  button: string;
  busy: string;
  written: (file: string) => string;
  reveal: string;
}

/** A button that has the core write a file into the exports folder, then names it and offers to show it. */
export function ExportFileButton({ write, texts }: { write: () => Promise<Result<{ file: string }>>; texts: ExportFileTexts }) {
  const [busy, setBusy] = useState(false);
  const [file, setFile] = useState<string | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  async function run() {
    setBusy(true);
    setError(null);
    const result = await write();
    setBusy(false);
    if (result.ok) setFile(result.value.file);
    else setError(result.error);
  }

  return (
    <>
      <button type="button" onClick={() => void run()} disabled={busy} aria-busy={busy}>
        {busy ? texts.busy : texts.button}
      </button>
      {file && (
        <span role="status" className="muted">
          {texts.written(file)}{' '}
          <button type="button" className="link-button" onClick={() => void api['reports:reveal']({ file })}>
            {texts.reveal}
          </button>
        </span>
      )}
      {error && <ErrorBox error={error} />}
    </>
  );
}
