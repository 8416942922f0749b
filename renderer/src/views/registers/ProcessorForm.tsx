import { useState, type FormEvent } from 'react';
import type { ProcessorView } from '../../../../electron/shared/contract';
import { PROCESSOR_ROLES, TRANSFER_BASES, type ProcessorInput } from '../../../../electron/shared/registers';
import { api } from '../../api';
import type { Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { FormErrors } from '../../components/FormErrors';
import { Modal } from '../../components/Modal';
import { toUpload } from '../../files';
import { useI18n } from '../../i18n/context';
import { inputErrors } from './inputErrors';
import { pick } from './pick';

const FIELDS = ['name', 'service', 'role', 'country', 'dpaSignedOn', 'dpaDocument', 'transferBasis', 'subProcessors', 'nextReviewOn', 'notes'] as const;

const EMPTY: ProcessorInput = { name: '', service: '', role: 'processor', country: '', dpaSignedOn: null, dpaDocument: null, transferBasis: null, subProcessors: [], nextReviewOn: null, notes: '' };

interface ProcessorFormProps {
  clientId: number;
  processor?: ProcessorView;
  onSaved(): void;
  onCancel(): void;
}

/** Create or edit one processor; the DPA PDF is stored first and referenced by its hash. */
export function ProcessorForm({ clientId, processor, onSaved, onCancel }: ProcessorFormProps) {
  const { t } = useI18n();
  const r = t.registers;
  const [input, setInput] = useState<ProcessorInput>(() => pick(processor ?? EMPTY, EMPTY));
  const [subs, setSubs] = useState((processor?.subProcessors ?? []).join('\n'));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const set = <K extends keyof ProcessorInput>(key: K, value: ProcessorInput[K]) => setInput((i) => ({ ...i, [key]: value }));

  async function attach(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    const result = await api['registers:upload-document'](await toUpload(file));
    setBusy(false);
    if (result.ok) set('dpaDocument', result.value.sha256);
    else setError(result.error);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const full = { ...input, subProcessors: subs.split('\n').map((s) => s.trim()).filter(Boolean) };
    const result = await api['registers:save-processor']({ clientId, id: processor?.id, input: full });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(result.error);
  }

  const errors = error?.code === 'invalid-args' ? inputErrors(error.message, FIELDS) : null;
  return (
    <Modal title={processor ? r.processor.titleEdit(processor.name) : r.processor.titleNew} onClose={onCancel} className="modal-wide">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors error={error} general={errors?.general ?? null} />
        <div className="form-grid">
          <Field label={r.processor.name} errors={errors?.byField.name}>
            {(p) => <input {...p} type="text" value={input.name} onChange={(e) => set('name', e.target.value)} maxLength={300} required autoComplete="off" />}
          </Field>
          <Field label={r.processor.service} errors={errors?.byField.service}>
            {(p) => <input {...p} type="text" value={input.service} onChange={(e) => set('service', e.target.value)} maxLength={2000} autoComplete="off" />}
          </Field>
          <Field label={r.processor.role} errors={errors?.byField.role}>
            {(p) => (
              <select {...p} value={input.role} onChange={(e) => set('role', e.target.value as ProcessorInput['role'])}>
                {PROCESSOR_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {r.roles[role]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={r.processor.country} hint={r.processor.countryHint} errors={errors?.byField.country}>
            {(p) => <input {...p} type="text" value={input.country} onChange={(e) => set('country', e.target.value)} maxLength={2} autoComplete="off" />}
          </Field>
          <Field label={r.processor.dpaSignedOn} errors={errors?.byField.dpaSignedOn}>
            {(p) => <input {...p} type="date" value={input.dpaSignedOn ?? ''} onChange={(e) => set('dpaSignedOn', e.target.value || null)} />}
          </Field>
          <Field label={r.processor.transferBasis} errors={errors?.byField.transferBasis}>
            {(p) => (
              <select {...p} value={input.transferBasis ?? ''} onChange={(e) => set('transferBasis', (e.target.value || null) as ProcessorInput['transferBasis'])}>
                <option value="">{r.notRecorded}</option>
                {TRANSFER_BASES.map((b) => (
                  <option key={b} value={b}>
                    {r.transferBases[b]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={r.processor.nextReviewOn} errors={errors?.byField.nextReviewOn}>
            {(p) => <input {...p} type="date" value={input.nextReviewOn ?? ''} onChange={(e) => set('nextReviewOn', e.target.value || null)} />}
          </Field>
          <Field label={r.processor.dpaDocument} hint={r.processor.dpaDocumentHint} errors={errors?.byField.dpaDocument}>
            {(p) => (
              <div className="file-field">
                <input {...p} type="file" accept="application/pdf,.pdf" onChange={(e) => void attach(e.target.files?.[0])} disabled={busy} />
                {input.dpaDocument && (
                  <p className="mono small">
                    {r.processor.dpaAttached(input.dpaDocument)}{' '}
                    <button type="button" className="link-button" onClick={() => set('dpaDocument', null)}>
                      {r.processor.dpaRemove}
                    </button>
                  </p>
                )}
              </div>
            )}
          </Field>
        </div>
        <Field label={r.processor.subProcessors} hint={r.processor.subProcessorsHint} errors={errors?.byField.subProcessors}>
          {(p) => <textarea {...p} value={subs} onChange={(e) => setSubs(e.target.value)} rows={3} />}
        </Field>
        <Field label={r.processor.notes} errors={errors?.byField.notes}>
          {(p) => <textarea {...p} value={input.notes} onChange={(e) => set('notes', e.target.value)} rows={3} />}
        </Field>
        <FormButtons busy={busy} busyLabel={r.saving} submitLabel={r.save} onCancel={onCancel} />
      </form>
    </Modal>
  );
}
