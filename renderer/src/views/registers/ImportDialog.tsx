import { useState } from 'react';
import type { ImportPlanView } from '../../../../electron/shared/contract';
import { api } from '../../api';
import { ErrorBox, type Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { ImportRowErrors } from '../../components/ImportRowErrors';
import { Modal } from '../../components/Modal';
import { toUpload } from '../../files';
import { useI18n } from '../../i18n/context';
import { ChangeList } from './ChangeList';

interface ImportDialogProps {
  clientId: number;
  onApplied(summary: string): void;
  onClose(): void;
}

/** Choose a file, see what it would add, change and leave alone, then confirm; nothing is written before. */
export function ImportDialog({ clientId, onApplied, onClose }: ImportDialogProps) {
  const { t, lang } = useI18n();
  const m = t.registers.import;
  const [plan, setPlan] = useState<ImportPlanView | null>(null);
  const [busy, setBusy] = useState<'reading' | 'applying' | null>(null);
  const [error, setError] = useState<Failure | null>(null);

  async function read(file: File | undefined) {
    if (!file) return;
    setBusy('reading');
    setError(null);
    setPlan(null);
    const result = await api['registers:import-preview']({ clientId, file: await toUpload(file), lang });
    setBusy(null);
    if (result.ok) setPlan(result.value);
    else setError(result.error);
  }

  async function apply() {
    if (!plan) return;
    setBusy('applying');
    const result = await api['registers:import-apply']({ clientId, changes: plan.changes });
    setBusy(null);
    if (result.ok) onApplied(m.done(result.value.added, result.value.changed));
    else setError(result.error);
  }

  const c = plan?.changes;
  const adds = c ? c.processors.add.length + c.activities.add.length : 0;
  const changes = c ? c.processors.change.length + c.activities.change.length : 0;
  return (
    <Modal title={m.title} onClose={onClose} className="modal-wide">
      <Field label={m.choose} hint={m.chooseHint}>
        {(p) => <input {...p} type="file" accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => void read(e.target.files?.[0])} disabled={busy !== null} />}
      </Field>
      {busy === 'reading' && <p className="muted">{m.reading}</p>}
      {error && <ErrorBox error={error} />}
      {plan && (
        <section aria-label={m.title} className="import-preview">
          <ul className="tag-list import-counts">
            <li className="tag tag-pass">{m.added(adds)}</li>
            <li className="tag tag-warn">{m.changed(changes)}</li>
            <li className="tag">{m.unchanged(plan.unchanged.processors + plan.unchanged.activities)}</li>
            {plan.errors.length > 0 && <li className="tag tag-fail">{m.errors(plan.errors.length)}</li>}
          </ul>
          <ChangeList plan={plan} />
          <ImportRowErrors errors={plan.errors} intro={m.errorsBlock} where={m.errorRow} />
          {adds + changes === 0 && <p className="muted">{m.nothingToDo}</p>}
        </section>
      )}
      <div className="button-row modal-actions">
        <button type="button" onClick={onClose}>
          {t.common.cancel}
        </button>
        <button type="button" className="primary" disabled={!plan || adds + changes === 0 || busy !== null} aria-busy={busy === 'applying'} onClick={() => void apply()}>
          {busy === 'applying' ? m.applying : m.confirm}
        </button>
      </div>
    </Modal>
  );
}
