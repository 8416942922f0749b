import { useState, type FormEvent } from 'react';
import type { CheckView } from '../../../../electron/shared/contract';
import type { Status } from '../../../../electron/shared/domain';
import { api } from '../../api';
import type { Failure } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { FormButtons } from '../../components/FormButtons';
import { FormErrors } from '../../components/FormErrors';
import { Modal } from '../../components/Modal';
import { fieldErrors } from '../../components/fieldErrors';
import { toUpload } from '../../files';
import { useI18n } from '../../i18n/context';

const VERDICTS = ['pass', 'fail', 'warn', 'not_applicable'] as const satisfies readonly Status[];
const FIELDS = ['status', 'statement', 'by', 'attachments'] as const;

interface JudgementDialogProps {
  runId: number;
  check: CheckView;
  onSaved(): void;
  onCancel(): void;
}

/** Attest a manual check, or override a measured verdict with a reason; attachments go to the evidence store. */
export function JudgementDialog({ runId, check, onSaved, onCancel }: JudgementDialogProps) {
  const { t } = useI18n();
  const m = t.judgement;
  const kind = check.status === 'manual' ? 'attestation' : 'override';
  const [status, setStatus] = useState<(typeof VERDICTS)[number]>(kind === 'attestation' ? 'pass' : check.status === 'fail' ? 'pass' : 'fail');
  const [statement, setStatement] = useState('');
  const [by, setBy] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const attachments = await Promise.all(files.map(toUpload));
    const result = await api['judgements:record']({ runId, kind, checkId: check.checkId, status, statement, by, attachments });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(result.error);
  }

  const errors = error?.code === 'invalid-args' ? fieldErrors(error.message, FIELDS) : null;
  const title = kind === 'attestation' ? m.attestTitle(check.title) : m.overrideTitle(check.title);
  return (
    <Modal title={title} onClose={onCancel}>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors error={error} general={errors?.general ?? null} />
        <p className="muted">{m.notMeasuredNote}</p>
        <Field label={m.verdict} errors={errors?.byField.status}>
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.target.value as (typeof VERDICTS)[number])}>
              {VERDICTS.map((v) => (
                <option key={v} value={v}>
                  {t.status[v]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={kind === 'attestation' ? m.statement : m.reason} errors={errors?.byField.statement}>
          {(p) => <textarea {...p} value={statement} onChange={(e) => setStatement(e.target.value)} rows={4} required />}
        </Field>
        <Field label={m.by} errors={errors?.byField.by}>
          {(p) => <input {...p} type="text" value={by} onChange={(e) => setBy(e.target.value)} maxLength={200} required autoComplete="name" />}
        </Field>
        <Field label={m.attachments} hint={m.attachmentsHint} errors={errors?.byField.attachments}>
          {(p) => <input {...p} type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />}
        </Field>
        <FormButtons busy={busy} busyLabel={m.saving} submitLabel={m.save} onCancel={onCancel} />
      </form>
    </Modal>
  );
}
