import { useState, type FormEvent } from 'react';
import type { Client } from '../../../electron/shared/contract';
import { api } from '../api';
import type { Failure } from '../components/ErrorBox';
import { Field } from '../components/Field';
import { FormButtons } from '../components/FormButtons';
import { fieldErrors } from '../components/fieldErrors';
import { FormErrors } from '../components/FormErrors';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/context';

const FIELDS = ['name', 'notes'] as const;

interface ClientFormProps {
  /** The client to edit; none to create one. */
  client?: Client;
  onSaved(client: Client): void;
  onCancel(): void;
}

export function ClientForm({ client, onSaved, onCancel }: ClientFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(client?.name ?? '');
  const [notes, setNotes] = useState(client?.notes ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const input = { name, notes };
    const result = client ? await api['clients:update']({ id: client.id, patch: input }) : await api['clients:create'](input);
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const errors = error?.code === 'invalid-args' ? fieldErrors(error.message, FIELDS) : null;
  return (
    <section className="view">
      <PageHeading>{client ? t.client.titleEdit(client.name) : t.client.titleNew}</PageHeading>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors error={error} general={errors?.general ?? null} />
        <Field label={t.client.name} errors={errors?.byField.name}>
          {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="off" />}
        </Field>
        <Field label={t.client.notes} errors={errors?.byField.notes}>
          {(p) => <textarea {...p} value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} />}
        </Field>
        <FormButtons busy={busy} busyLabel={t.client.saving} submitLabel={client ? t.client.save : t.client.create} onCancel={onCancel} />
      </form>
    </section>
  );
}
