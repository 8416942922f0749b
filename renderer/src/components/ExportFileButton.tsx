import { useState, type ReactNode } from 'react';
import type { Result } from '../../../electron/shared/contract';
import { api } from '../api';
import { ErrorBox, type Failure } from './ErrorBox';

interface ExportFileButtonProps<R extends { file: string }> {
  texts: { button: string; busy: string; reveal: string };
  /** The line shown once the file is written. */
  written(result: R): string;
  run(): Promise<Result<R>>;
  /** Shown right after the button, before the written file's line (e.g. the matching import button). */
  after?: ReactNode;
}

/** Writes a file into the exports folder through `run`, then names it and offers to show it in its folder. */
export function ExportFileButton<R extends { file: string }>({ texts, written, run, after }: ExportFileButtonProps<R>) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    const r = await run();
    setBusy(false);
    if (r.ok) setResult(r.value);
    else setError(r.error);
  }

  return (
    <>
      <button type="button" onClick={() => void start()} disabled={busy} aria-busy={busy}>
        {busy ? texts.busy : texts.button}
      </button>
      {after}
      {result && (
        <span role="status" className="muted">
          {written(result)}{' '}
          <button type="button" className="link-button" onClick={() => void api['reports:reveal']({ file: result.file })}>
            {texts.reveal}
          </button>
        </span>
      )}
      {error && <ErrorBox error={error} />}
    </>
  );
}
