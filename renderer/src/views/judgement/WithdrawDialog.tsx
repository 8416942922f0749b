import { useState, type FormEvent } from 'react';
import type { JudgementView } from '../../../../electron/shared/contract';
import { api } from '../../api';
import type { Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { FormErrors } from '../../components/FormErrors';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n/context';

/** Withdrawing a judgement asks who and why; the withdrawal is appended to the log, the judgement stays there. */
export function WithdrawDialog({ judgement, onDone, onCancel }: { judgement: JudgementView; onDone(): void; onCancel(): void }) {
  const { t } = useI18n();
  const m = t.judgement;
  const [reason, setReason] = useState('');
  const [by, setBy] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await api['judgements:withdraw']({ id: judgement.id, by, reason });
    setBusy(false);
    if (result.ok) onDone();
    else setError(result.error);
  }

  return (
    <Modal title={m.withdrawTitle} onClose={onCancel} className="modal-small">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <p>{m.withdrawBody}</p>
        <FormErrors error={error} general={null} />
        <Field label={m.withdrawReason}>{(p) => <textarea {...p} value={reason} onChange={(e) => setReason(e.target.value)} rows={3} required />}</Field>
        <Field label={m.by}>{(p) => <input {...p} type="text" value={by} onChange={(e) => setBy(e.target.value)} maxLength={200} required />}</Field>
        <FormButtons busy={busy} busyLabel={m.saving} submitLabel={m.withdrawConfirm} onCancel={onCancel} />
      </form>
    </Modal>
  );
}
