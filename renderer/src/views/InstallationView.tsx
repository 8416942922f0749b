import { useState } from 'react';
import type { Client, Installation } from '../../../electron/shared/contract';
import type { SshAuthKind } from '../../../electron/shared/domain';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBox, type Failure } from '../components/ErrorBox';
import { PageHeading } from '../components/PageHeading';
import { SecretPrompt } from '../components/SecretPrompt';
import { useI18n } from '../i18n/context';
import type { Navigate } from '../routes';
import type { AuditProgress } from '../state/auditProgress';
import { FindingsPanel } from './findings/FindingsPanel';
import { RunHistory } from './RunHistory';
import { DashboardPanel } from './dashboard/DashboardPanel';

interface InstallationViewProps {
  client: Client;
  installation: Installation;
  /** The audit of this installation running in this window, if any. */
  activeAudit: AuditProgress | null;
  /** Changes whenever an audit of this installation ends. */
  historyKey: number;
  /** Starts an audit (all checks, or only those of open findings); sshSecret is a password asked for this audit only. */
  startAudit(sshSecret?: string, scope?: 'all' | 'open-findings'): Promise<Failure | null>;
  navigate: Navigate;
  onDeleted(): void;
}

export function InstallationView({ client, installation, activeAudit, historyKey, startAudit, navigate, onDeleted }: InstallationViewProps) {
  const { t, dateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [starting, setStarting] = useState(false);
  const [startError, setStartError] = useState<Failure | null>(null);
  const ids = { clientId: client.id, installationId: installation.id };

  const [askingSecret, setAskingSecret] = useState(false);
  // Bumped when findings are edited or imported, so the dashboard's counts follow.
  const [findingsEdits, setFindingsEdits] = useState(0);

  const [scope, setScope] = useState<'all' | 'open-findings'>('all');
  async function start(sshSecret?: string, chosen: 'all' | 'open-findings' = scope) {
    setScope(chosen);
    setStarting(true);
    setStartError(null);
    const error = await startAudit(sshSecret, chosen);
    setStarting(false);
    if (error?.code === 'needs-secret' && !sshSecret) setAskingSecret(true);
    else if (error) setStartError(error);
  }

  const none = <span className="muted">{t.common.none}</span>;
  const authLabel = (auth: SshAuthKind) => ({ agent: t.sources.authAgent, key: t.sources.authKey, password: t.sources.authPassword })[auth];
  return (
    <section className="view">
      <p className="breadcrumb">
        <span className="muted">{t.installation.client}: </span>
        <button type="button" className="link-button" onClick={() => navigate({ name: 'client', clientId: client.id })}>
          {client.name}
        </button>
      </p>
      <PageHeading>{installation.name}</PageHeading>
      <div className="button-row">
        {activeAudit ? (
          <button type="button" className="primary" onClick={() => navigate({ name: 'audit', ...ids, auditId: activeAudit.auditId })}>
            {t.installation.showProgress}
          </button>
        ) : (
          <>
            <button type="button" className="primary" onClick={() => void start(undefined, 'all')} disabled={starting} aria-busy={starting}>
              {starting ? t.installation.starting : t.installation.startAudit}
            </button>
            <button type="button" onClick={() => void start(undefined, 'open-findings')} disabled={starting} title={t.findings.recheckHint}>
              {t.findings.recheck}
            </button>
          </>
        )}
        <button type="button" onClick={() => navigate({ name: 'installation-edit', ...ids })}>
          {t.installation.edit}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t.installation.delete}
        </button>
      </div>
      {startError && <ErrorBox error={startError} />}

      <section className="panel">
        <h2>{t.installation.details}</h2>
        <dl className="facts">
          <dt>{t.installation.baseUrl}</dt>
          <dd className="mono">{installation.baseUrl}</dd>
          <dt>{t.installation.httpUrl}</dt>
          <dd className="mono">{installation.httpUrl ?? none}</dd>
          <dt>{t.installation.landingPages}</dt>
          <dd>
            {installation.landingPages.length === 0
              ? none
              : (
                <ul className="plain-list mono">
                  {installation.landingPages.map((url, i) => (
                    <li key={i}>{url}</li>
                  ))}
                </ul>
              )}
          </dd>
          <dt>{t.installation.privacyPolicyUrl}</dt>
          <dd className="mono">{installation.privacyPolicyUrl ?? none}</dd>
          <dt>{t.sources.formUrls}</dt>
          <dd>
            {installation.formUrls.length === 0
              ? none
              : (
                <ul className="plain-list mono">
                  {installation.formUrls.map((url, i) => (
                    <li key={i}>{url}</li>
                  ))}
                </ul>
              )}
          </dd>
          <dt>{t.sources.legend}</dt>
          <dd className="mono">
            {installation.ssh
              ? t.sources.detailsSsh(`${installation.ssh.username}@${installation.ssh.host}:${installation.ssh.port}`, authLabel(installation.ssh.auth))
              : installation.configPath || installation.crontabPath
                ? t.sources.detailsFiles(installation.configPath, installation.crontabPath)
                : none}
          </dd>
          <dt>{t.installation.caFile}</dt>
          <dd>{installation.caPem ? <span className="mono">{installation.caName ?? t.common.unknown}</span> : none}</dd>
          <dt>{t.installation.notes}</dt>
          <dd className="prewrap">{installation.notes || none}</dd>
          <dt>{t.common.createdAt}</dt>
          <dd>{dateTime(installation.createdAt)}</dd>
        </dl>
      </section>

      <DashboardPanel scope={{ installationId: installation.id }} refreshKey={historyKey + findingsEdits} />

      <FindingsPanel installationId={installation.id} refreshKey={historyKey} onChanged={() => setFindingsEdits((n) => n + 1)} />

      <RunHistory
        installationId={installation.id}
        refreshKey={historyKey}
        onOpen={(runId) => navigate({ name: 'run', ...ids, runId })}
        onCompare={(runA, runB) => navigate({ name: 'compare', ...ids, runA, runB })}
      />

      {askingSecret && installation.ssh && (
        <SecretPrompt
          host={installation.ssh.host}
          onSubmit={(secret) => {
            setAskingSecret(false);
            void start(secret);
          }}
          onCancel={() => setAskingSecret(false)}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={t.installation.deleteTitle}
          body={t.installation.deleteBody(installation.name)}
          confirmLabel={t.installation.delete}
          onConfirm={() => api['installations:delete']({ id: installation.id })}
          onDone={() => {
            setConfirming(false);
            onDeleted();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
