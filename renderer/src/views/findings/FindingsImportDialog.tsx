import { useState } from 'react';
import type { Upload } from '../../../../electron/shared/contract';
import type { FindingsImportPlan, FindingsResolution } from '../../../../electron/shared/contract-findings-xlsx';
import { api } from '../../api';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { Modal } from '../../components/Modal';
import { toUpload } from '../../files';
import { useI18n } from '../../i18n/context';
import { FindingsImportPreview } from './FindingsImportPreview';
import { findingTitle } from './title';

interface Preview {
  upload: Upload;
  plan: FindingsImportPlan;
  titles: Map<number, string>;
}

/**
 * Choose the returned workbook, see what it would change and where it collides with the app, decide the conflicts,
 * then apply. Nothing is written before; apply sends the file again and the service plans it anew.
 */
export function FindingsImportDialog({ onApplied, onClose }: { onApplied(summary: string): void; onClose(): void }) {
  const { t, lang } = useI18n();
  const m = t.findingsFile.import;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [resolve, setResolve] = useState<FindingsResolution | null>(null);
  const [by, setBy] = useState('');

  async function read(file: File | undefined) {
    if (!file) return;
    setBusy('reading');
    setError(null);
    setPreview(null);
    setResolve(null);
    const upload = await toUpload(file);
    const result = await api['findings:import-preview']({ file: upload, lang });
    if (!result.ok) {
      setBusy(null);
      setError(result.error);
      return;
    }
    const { scope } = result.value;
    const listed = await api['findings:list'](scope.kind === 'installation' ? { installationId: scope.id, lang } : { clientId: scope.id, lang });
    setBusy(null);
    const titles = new Map(listed.ok ? listed.value.map((f) => [f.id, findingTitle(f)]) : []);
    setPreview({ upload, plan: result.value, titles });
  }

  async function apply() {
    if (!preview) return;
    setBusy('applying');
    setError(null);
    const result = await api['findings:import-apply']({ file: preview.upload, lang, by, ...(resolve ? { resolve } : {}) });
    setBusy(null);
    if (result.ok) onApplied(m.done(result.value.changed, result.value.commented, result.value.conflictsResolved));
    else setError(result.error);
  }

  const plan = preview?.plan;
  const work = plan ? plan.changes.length + plan.conflicts.length : 0;
  const missing = !plan || plan.errors.length > 0 || work === 0 ? null : plan.conflicts.length > 0 && !resolve ? m.needsChoice : !by.trim() ? m.needsBy : null;
  const ready = plan !== undefined && plan.errors.length === 0 && work > 0 && missing === null;
  return (
    <Modal title={m.title} onClose={onClose} className="modal-wide">
      <Field label={m.choose} hint={m.chooseHint}>
        {(p) => <input {...p} type="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void read(e.target.files?.[0])} disabled={busy !== null} />}
      </Field>
      {busy === 'reading' && <p className="muted">{m.reading}</p>}
      {error && <ErrorBox error={error} />}
      {preview && <FindingsImportPreview plan={preview.plan} titles={preview.titles} />}
      {plan && plan.errors.length === 0 && work > 0 && (
        <div className="form">
          {plan.conflicts.length > 0 && (
            <fieldset className="fieldset">
              <legend>{m.resolveLegend}</legend>
              <div className="radio-row" role="radiogroup" aria-label={m.resolveLegend} aria-required="true">
                {(['ours', 'theirs'] as const).map((choice) => (
                  <label key={choice}>
                    <input type="radio" name="findings-resolve" checked={resolve === choice} onChange={() => setResolve(choice)} /> {m[choice]}
                  </label>
                ))}
              </div>
            </fieldset>
          )}
          <Field label={m.by} hint={m.byHint}>
            {(p) => <input {...p} type="text" value={by} onChange={(e) => setBy(e.target.value)} maxLength={200} required autoComplete="name" />}
          </Field>
        </div>
      )}
      {missing && <p className="muted">{missing}</p>}
      <div className="button-row modal-actions">
        <button type="button" onClick={onClose}>
          {t.common.cancel}
        </button>
        <button type="button" className="primary" disabled={!ready || busy !== null} aria-busy={busy === 'applying'} onClick={() => void apply()}>
          {busy === 'applying' ? m.applying : m.apply}
        </button>
      </div>
    </Modal>
  );
}
