import { useState, type FormEvent } from 'react';
import type { ActivityView } from '../../../../electron/shared/contract';
import { LEGAL_BASES, SPECIAL_BASES, type ActivityInput } from '../../../../electron/shared/registers';
import { api } from '../../api';
import type { Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { FormErrors } from '../../components/FormErrors';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/context';
import { inputErrors } from './inputErrors';
import { pick } from './pick';

const TEXT_FIELDS = ['purposes', 'dataCategories', 'subjectCategories', 'recipients', 'thirdCountryTransfers', 'retention', 'tomReference'] as const;
const FIELDS = ['activity', 'legalBasis', 'specialBasis', ...TEXT_FIELDS] as const;

const EMPTY: ActivityInput = { activity: '', purposes: '', legalBasis: null, specialBasis: null, dataCategories: '', subjectCategories: '', recipients: '', thirdCountryTransfers: '', retention: '', tomReference: '' };

interface ActivityFormProps {
  clientId: number;
  activity?: ActivityView;
  onSaved(): void;
  onCancel(): void;
}

/** Create or edit one record of processing (Art. 30(1)). */
export function ActivityForm({ clientId, activity, onSaved, onCancel }: ActivityFormProps) {
  const { t } = useI18n();
  const r = t.registers;
  const [input, setInput] = useState<ActivityInput>(() => pick(activity ?? EMPTY, EMPTY));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const set = <K extends keyof ActivityInput>(key: K, value: ActivityInput[K]) => setInput((i) => ({ ...i, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await api['registers:save-activity']({ clientId, id: activity?.id, input });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(result.error);
  }

  const errors = error?.code === 'invalid-args' ? inputErrors(error.message, FIELDS) : null;
  const title = activity ? r.activity.titleEdit(activity.activity) : r.activity.titleNew;
  return (
    <Modal title={title} onClose={onCancel} className="modal-wide">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors error={error} general={errors?.general ?? null} />
        <Field label={r.activity.activity} errors={errors?.byField.activity}>
          {(p) => <input {...p} type="text" value={input.activity} onChange={(e) => set('activity', e.target.value)} maxLength={300} required autoComplete="off" />}
        </Field>
        <div className="form-grid">
          <Field label={r.activity.legalBasis} errors={errors?.byField.legalBasis}>
            {(p) => (
              <select {...p} value={input.legalBasis ?? ''} onChange={(e) => set('legalBasis', (e.target.value || null) as ActivityInput['legalBasis'])}>
                <option value="">{r.notRecorded}</option>
                {LEGAL_BASES.map((b) => (
                  <option key={b} value={b}>
                    {r.legalBases[b]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={r.activity.specialBasis} hint={r.activity.specialBasisHint} errors={errors?.byField.specialBasis}>
            {(p) => (
              <select {...p} value={input.specialBasis ?? ''} onChange={(e) => set('specialBasis', (e.target.value || null) as ActivityInput['specialBasis'])}>
                <option value="">{r.notRecorded}</option>
                {SPECIAL_BASES.map((b) => (
                  <option key={b} value={b}>
                    {r.specialBases[b]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div className="form-grid">
          {TEXT_FIELDS.map((field) => (
            <Field key={field} label={r.activity[field]} errors={errors?.byField[field]}>
              {(p) => <textarea {...p} value={input[field]} onChange={(e) => set(field, e.target.value)} rows={2} />}
            </Field>
          ))}
        </div>
        <FormButtons busy={busy} busyLabel={r.saving} submitLabel={r.save} onCancel={onCancel} />
      </form>
    </Modal>
  );
}
