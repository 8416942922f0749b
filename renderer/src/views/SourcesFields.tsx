import type { Installation, InstallationInput } from '../../../electron/shared/contract';
import type { SshAuthKind } from '../../../electron/shared/domain';
import { Field } from '../components/Field';
import { useI18n } from '../i18n/context';
import { PathInput } from '../components/PathInput';
import { useAppInfo } from '../state/useAppInfo';

/** What the form holds for the installation's own files: form pages, local.php, crontab, or an SSH login. */
export interface SourcesDraft {
  formUrls: string;
  configPath: string;
  crontabPath: string;
  useSsh: boolean;
  host: string;
  port: string;
  username: string;
  auth: SshAuthKind;
  keyPath: string;
  mauticRoot: string;
  webUser: string;
  hostKeySha256: string;
  /** A password or passphrase to keep in the OS keychain; never shown again once saved. */
  secret: string;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function sourcesDraft(installation?: Installation): SourcesDraft {
  const ssh = installation?.ssh;
  return {
    formUrls: (installation?.formUrls ?? []).join('\n'),
    configPath: installation?.configPath ?? '',
    crontabPath: installation?.crontabPath ?? '',
    useSsh: Boolean(ssh),
    host: ssh?.host ?? '',
    port: String(ssh?.port ?? 22),
    username: ssh?.username ?? '',
    auth: ssh?.auth ?? 'agent',
    keyPath: ssh?.keyPath ?? '',
    mauticRoot: ssh?.mauticRoot ?? '',
    webUser: ssh?.webUser ?? '',
    hostKeySha256: ssh?.hostKeySha256 ?? '',
    secret: '',
  };
}

export function sourcesInput(d: SourcesDraft): Pick<InstallationInput, 'formUrls' | 'configPath' | 'crontabPath' | 'ssh'> {
  return {
    formUrls: d.formUrls
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
    configPath: d.useSsh ? null : orNull(d.configPath),
    crontabPath: d.useSsh ? null : orNull(d.crontabPath),
    ssh: d.useSsh
      ? {
          host: d.host,
          port: Number(d.port),
          username: d.username,
          auth: d.auth,
          keyPath: d.auth === 'key' ? orNull(d.keyPath) : null,
          mauticRoot: orNull(d.mauticRoot),
          webUser: orNull(d.webUser),
          hostKeySha256: orNull(d.hostKeySha256),
        }
      : null,
  };
}

interface SourcesFieldsProps {
  value: SourcesDraft;
  onChange(value: SourcesDraft): void;
  errors?: Partial<Record<'formUrls' | 'configPath' | 'crontabPath' | 'ssh', string[]>>;
  hasSecret: boolean;
}

/** The form pages and the installation's own files (local.php and crontab, picked or read over SSH). */
export function SourcesFields({ value: d, onChange, errors, hasSecret }: SourcesFieldsProps) {
  const { t } = useI18n();
  const info = useAppInfo();
  const set = <K extends keyof SourcesDraft>(key: K, v: SourcesDraft[K]) => onChange({ ...d, [key]: v });
  const text = (key: 'host' | 'port' | 'username' | 'mauticRoot' | 'webUser' | 'hostKeySha256', label: string, hint?: string) => (
    <Field label={label} hint={hint}>
      {(p) => <input {...p} type="text" value={d[key]} onChange={(e) => set(key, e.target.value)} spellCheck={false} autoComplete="off" />}
    </Field>
  );
  return (
    <>
      <Field label={t.sources.formUrls} hint={t.sources.formUrlsHint} errors={errors?.formUrls}>
        {(p) => <textarea {...p} value={d.formUrls} onChange={(e) => set('formUrls', e.target.value)} rows={3} spellCheck={false} wrap="off" />}
      </Field>
      <fieldset className="fieldset">
        <legend>{t.sources.legend}</legend>
        <p className="field-hint">{t.sources.intro}</p>
        <div className="radio-row" role="radiogroup" aria-label={t.sources.legend}>
          <label>
            <input type="radio" name="source" checked={!d.useSsh} onChange={() => set('useSsh', false)} /> {t.sources.files}
          </label>
          <label>
            <input type="radio" name="source" checked={d.useSsh} onChange={() => set('useSsh', true)} /> {t.sources.ssh}
          </label>
        </div>
        {!d.useSsh ? (
          <>
            <PathInput label={t.sources.configPath} hint={t.sources.configPathHint} value={d.configPath} purpose="config" onChange={(v) => set('configPath', v)} errors={errors?.configPath} />
            <PathInput label={t.sources.crontabPath} hint={t.sources.crontabPathHint} value={d.crontabPath} purpose="crontab" onChange={(v) => set('crontabPath', v)} errors={errors?.crontabPath} />
          </>
        ) : (
          <>
            {errors?.ssh && (
              <ul className="field-errors">
                {errors.ssh.map((e, i) => (
                  <li key={i}>{e}</li>
                ))}
              </ul>
            )}
            {text('host', t.sources.host)}
            {text('port', t.sources.port)}
            {text('username', t.sources.username, t.sources.usernameHint)}
            <Field label={t.sources.auth}>
              {(p) => (
                <select {...p} value={d.auth} onChange={(e) => set('auth', e.target.value as SshAuthKind)}>
                  <option value="agent">{t.sources.authAgent}</option>
                  <option value="key">{t.sources.authKey}</option>
                  <option value="password">{t.sources.authPassword}</option>
                </select>
              )}
            </Field>
            {d.auth === 'key' && <PathInput label={t.sources.keyPath} value={d.keyPath} purpose="ssh-key" onChange={(v) => set('keyPath', v)} />}
            {d.auth !== 'agent' &&
              (info?.canKeepSecrets ? (
                <Field label={d.auth === 'key' ? t.sources.passphrase : t.sources.password} hint={hasSecret ? t.sources.secretKept : t.sources.secretHint}>
                  {(p) => <input {...p} type="password" value={d.secret} onChange={(e) => set('secret', e.target.value)} autoComplete="new-password" />}
                </Field>
              ) : (
                <p className="field-hint">{t.sources.secretAsked}</p>
              ))}
            {text('mauticRoot', t.sources.mauticRoot, t.sources.mauticRootHint)}
            {text('webUser', t.sources.webUser, t.sources.webUserHint)}
            {text('hostKeySha256', t.sources.hostKey, t.sources.hostKeyHint)}
          </>
        )}
      </fieldset>
    </>
  );
}
