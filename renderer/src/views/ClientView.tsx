import { useState } from 'react';
import type { Client, Installation } from '../../../electron/shared/contract';
import { api } from '../api';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorBox, type Failure } from '../components/ErrorBox';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/context';
import type { Navigate } from '../routes';
import { DashboardPanel } from './dashboard/DashboardPanel';
import { FindingsFileActions } from './findings/FindingsFileActions';

interface ClientViewProps {
  client: Client;
  installations: Installation[] | undefined;
  installationsError: Failure | undefined;
  navigate: Navigate;
  onDeleted(): void;
  onRetry(): void;
}

export function ClientView({ client, installations, installationsError, navigate, onDeleted, onRetry }: ClientViewProps) {
  const { t, dateTime } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [findingsKey, setFindingsKey] = useState(0);

  return (
    <section className="view">
      <PageHeading>{client.name}</PageHeading>
      <p className="muted">
        {t.common.createdAt}: {dateTime(client.createdAt)}
      </p>
      <div className="button-row">
        <button type="button" onClick={() => navigate({ name: 'client-edit', clientId: client.id })}>
          {t.client.edit}
        </button>
        <button type="button" onClick={() => navigate({ name: 'registers', clientId: client.id })}>
          {t.registers.open}
        </button>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          {t.client.delete}
        </button>
      </div>

      {client.notes && (
        <section className="panel">
          <h2>{t.client.notesHeading}</h2>
          <p className="prewrap">{client.notes}</p>
        </section>
      )}

      <section className="panel">
        <div className="panel-head">
          <h2>{t.client.installations}</h2>
          <button type="button" className="primary" onClick={() => navigate({ name: 'installation-new', clientId: client.id })}>
            {t.client.newInstallation}
          </button>
        </div>
        {installationsError && <ErrorBox error={installationsError} onRetry={onRetry} />}
        {installations === undefined && !installationsError && <p className="muted">{t.common.loading}</p>}
        {installations?.length === 0 && <p className="muted">{t.client.noInstallations}</p>}
        {installations && installations.length > 0 && (
          <ul className="card-list">
            {installations.map((inst) => (
              <li key={inst.id}>
                <button type="button" className="card-button" onClick={() => navigate({ name: 'installation', clientId: client.id, installationId: inst.id })}>
                  <span className="card-title">{inst.name}</span>
                  <span className="card-sub mono">{inst.baseUrl}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <DashboardPanel scope={{ clientId: client.id }} refreshKey={findingsKey} />

      {installations && installations.length > 0 && (
        <section className="panel" aria-labelledby="findings-file-heading">
          <h2 id="findings-file-heading">{t.findingsFile.clientHeading}</h2>
          <p className="muted">{t.findingsFile.clientIntro}</p>
          <FindingsFileActions scope={{ clientId: client.id }} onApplied={() => setFindingsKey((k) => k + 1)} />
        </section>
      )}

      {confirming && (
        <ConfirmDialog
          title={t.client.deleteTitle}
          body={t.client.deleteBody(client.name)}
          confirmLabel={t.client.delete}
          onConfirm={() => api['clients:delete']({ id: client.id })}
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
