import { useState, type FormEvent } from 'react';
import type { Installation } from '../../../electron/shared/contract';
import { api } from '../api';
import { CaFileField, type CaFile } from '../components/CaFileField';
import type { Failure } from '../components/ErrorBox';
import { Field } from '../components/Field';
import { FormButtons } from '../components/FormButtons';
import { fieldErrors } from '../components/fieldErrors';
import { FormErrors } from '../components/FormErrors';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/context';
import { SourcesFields, sourcesDraft, sourcesInput } from './SourcesFields';

const FIELDS = ['name', 'baseUrl', 'httpUrl', 'landingPages', 'privacyPolicyUrl', 'formUrls', 'configPath', 'crontabPath', 'ssh', 'caPem', 'caName', 'notes'] as const;

interface InstallationFormProps {
  clientId: number;
  clientName: string;
  /** The installation to edit; none to create one. */
  installation?: Installation;
  onSaved(installation: Installation): void;
  onCancel(): void;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function InstallationForm({ clientId, clientName, installation, onSaved, onCancel }: InstallationFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(installation?.name ?? '');
  const [baseUrl, setBaseUrl] = useState(installation?.baseUrl ?? 'https://');
  const [httpUrl, setHttpUrl] = useState(installation?.httpUrl ?? '');
  const [landingPages, setLandingPages] = useState((installation?.landingPages ?? []).join('\n'));
  const [privacyPolicyUrl, setPrivacyPolicyUrl] = useState(installation?.privacyPolicyUrl ?? '');
  const [ca, setCa] = useState<CaFile | null>(installation?.caPem ? { name: installation.caName ?? '', pem: installation.caPem } : null);
  const [sources, setSources] = useState(() => sourcesDraft(installation));
  const [notes, setNotes] = useState(installation?.notes ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const input = {
      name,
      baseUrl: baseUrl.trim(),
      httpUrl: orNull(httpUrl),
      landingPages: landingPages
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter(Boolean),
      privacyPolicyUrl: orNull(privacyPolicyUrl),
      ...sourcesInput(sources),
      caPem: ca?.pem ?? null,
      caName: ca?.name || null,
      notes,
    };
    const result = installation
      ? await api['installations:update']({ id: installation.id, patch: input })
      : await api['installations:create']({ clientId, ...input });
    if (result.ok && sources.useSsh && sources.auth !== 'agent' && sources.secret) {
      const kept = await api['installations:set-secret']({ id: result.value.id, secret: sources.secret });
      setBusy(false);
      if (kept.ok) onSaved({ ...result.value, hasSecret: true });
      else setError(kept.error);
      return;
    }
    setBusy(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  }

  const errors = error?.code === 'invalid-args' ? fieldErrors(error.message, FIELDS) : null;
  const by = errors?.byField;
  return (
    <section className="view">
      <PageHeading>{installation ? t.installation.titleEdit(installation.name) : t.installation.titleNew(clientName)}</PageHeading>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FormErrors error={error} general={errors?.general ?? null} />
        <Field label={t.installation.name} errors={by?.name}>
          {(p) => <input {...p} type="text" value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} autoComplete="off" />}
        </Field>
        <Field label={t.installation.baseUrl} hint={t.installation.baseUrlHint} errors={by?.baseUrl}>
          {(p) => <input {...p} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} required spellCheck={false} autoComplete="off" />}
        </Field>
        <Field label={t.installation.httpUrl} hint={t.installation.httpUrlHint} errors={by?.httpUrl}>
          {(p) => <input {...p} type="url" value={httpUrl} onChange={(e) => setHttpUrl(e.target.value)} spellCheck={false} autoComplete="off" />}
        </Field>
        <Field label={t.installation.landingPages} hint={t.installation.landingPagesHint} errors={by?.landingPages}>
          {(p) => <textarea {...p} value={landingPages} onChange={(e) => setLandingPages(e.target.value)} rows={4} spellCheck={false} wrap="off" />}
        </Field>
        <Field label={t.installation.privacyPolicyUrl} errors={by?.privacyPolicyUrl}>
          {(p) => <input {...p} type="url" value={privacyPolicyUrl} onChange={(e) => setPrivacyPolicyUrl(e.target.value)} spellCheck={false} autoComplete="off" />}
        </Field>
        <SourcesFields value={sources} onChange={setSources} hasSecret={installation?.hasSecret ?? false} errors={{ formUrls: by?.formUrls, configPath: by?.configPath, crontabPath: by?.crontabPath, ssh: by?.ssh }} />
        <CaFileField value={ca} onChange={setCa} errors={[...(by?.caPem ?? []), ...(by?.caName ?? [])]} />
        <Field label={t.installation.notes} errors={by?.notes}>
          {(p) => <textarea {...p} value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} />}
        </Field>
        <FormButtons busy={busy} busyLabel={t.installation.saving} submitLabel={installation ? t.installation.save : t.installation.create} onCancel={onCancel} />
      </form>
    </section>
  );
}
