import { useEffect, useId, useState, type FormEvent } from 'react';
import { REPORT_KINDS } from '../../../electron/shared/contract';
import { api } from '../api';
import { ErrorBox, type Failure } from '../components/ErrorBox';
import { useI18n } from '../i18n/context';

type Kind = (typeof REPORT_KINDS)[number];

/** Exports a run's reports into the store's exports folder, with progress, then offers to reveal them. */
export function ExportPanel({ runId }: { runId: number }) {
  const { t, lang } = useI18n();
  const auditorId = useId();
  const [kinds, setKinds] = useState<ReadonlySet<Kind>>(new Set(REPORT_KINDS));
  const [auditor, setAuditor] = useState('');
  const [exportId, setExportId] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ step: string; done: number; total: number } | null>(null);
  const [files, setFiles] = useState<string[]>([]);
  const [error, setError] = useState<Failure | null>(null);

  useEffect(
    () =>
      api.onAuditEvent(({ auditId, event }) => {
        if (event.type === 'export-progress' && auditId === exportId) setProgress({ step: event.step, done: event.done, total: event.total });
      }),
    [exportId],
  );

  function toggle(kind: Kind) {
    setKinds((all) => {
      const next = new Set(all);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  }

  async function start(event: FormEvent) {
    event.preventDefault();
    const id = `export-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
    setExportId(id);
    setProgress(null);
    setFiles([]);
    setError(null);
    const result = await api['reports:export']({ runId, lang, kinds: REPORT_KINDS.filter((k) => kinds.has(k)), auditor: auditor.trim() || undefined, exportId: id });
    setExportId(null);
    if (result.ok) setFiles(result.value.files);
    else setError(result.error);
  }

  const busy = exportId !== null;
  return (
    <section className="panel export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t.export.title}</h2>
      <form onSubmit={(e) => void start(e)}>
        <fieldset className="export-kinds" disabled={busy}>
          <legend className="visually-hidden">{t.export.title}</legend>
          {REPORT_KINDS.map((kind) => (
            <label key={kind} className="checkbox">
              <input type="checkbox" checked={kinds.has(kind)} onChange={() => toggle(kind)} /> {t.export.kinds[kind]}
            </label>
          ))}
        </fieldset>
        <div className="field export-auditor">
          <label htmlFor={auditorId}>{t.export.auditor}</label>
          <input id={auditorId} type="text" value={auditor} maxLength={200} disabled={busy} onChange={(e) => setAuditor(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={busy || kinds.size === 0}>
          {busy ? t.export.running : t.export.start}
        </button>
      </form>
      {busy && (
        <div aria-live="polite">
          <progress aria-label={t.export.progressLabel} max={progress?.total ?? 1} value={progress?.done ?? 0} />
          <p className="muted">{progress ? (t.export.steps[progress.step] ?? progress.step) : t.export.running}</p>
        </div>
      )}
      {error && <ErrorBox error={error} />}
      {files.length > 0 && (
        <div aria-live="polite">
          <p>{t.export.done}</p>
          <ul className="export-files">
            {files.map((file) => (
              <li key={file}>
                <code className="mono">{file}</code>{' '}
                <button type="button" onClick={() => void api['reports:reveal']({ file })}>
                  {t.export.reveal}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
