import type { Client, Installation } from '../../../electron/shared/contract';
import { useI18n } from '../i18n/context';
import { clientOf, installationOf, type Navigate, type Route } from '../routes';
import type { Failure } from './ErrorBox';
import { ErrorBox } from './ErrorBox';

interface SidebarProps {
  route: Route;
  navigate: Navigate;
  clients: Client[] | null;
  clientsError: Failure | null;
  installations: Record<number, Installation[]>;
  /** Installation ids with an audit running in this window. */
  running: ReadonlySet<number>;
  onRetry(): void;
}

/** Clients, and under the open client its installations. Every entry is a button in reading order. */
export function Sidebar({ route, navigate, clients, clientsError, installations, running, onRetry }: SidebarProps) {
  const { t } = useI18n();
  const openClient = clientOf(route);
  const openInstallation = installationOf(route);

  return (
    <nav id="sidebar" className="sidebar" aria-label={t.nav.label}>
      <div className="sidebar-head">
        <h2>{t.nav.clients}</h2>
        <button type="button" className="primary small" onClick={() => navigate({ name: 'client-new' })}>
          {t.nav.newClient}
        </button>
      </div>
      {clientsError && <ErrorBox error={clientsError} onRetry={onRetry} />}
      {clients === null && !clientsError && <p className="muted">{t.common.loading}</p>}
      {clients?.length === 0 && <p className="muted">{t.nav.noClients}</p>}
      <ul className="nav-list">
        {clients?.map((client) => {
          const isOpen = openClient === client.id;
          const list = isOpen ? installations[client.id] : undefined;
          const isCurrent = isOpen && openInstallation === null;
          return (
            <li key={client.id}>
              <button
                type="button"
                className={`nav-item nav-client${isOpen ? ' open' : ''}`}
                aria-current={isCurrent ? 'page' : undefined}
                onClick={() => navigate({ name: 'client', clientId: client.id })}
              >
                {client.name}
              </button>
              {isOpen && (
                <ul className="nav-list nested" aria-label={t.nav.installationsOf(client.name)}>
                  {list === undefined && <li className="muted">{t.common.loading}</li>}
                  {list?.length === 0 && <li className="muted">{t.nav.noInstallations}</li>}
                  {list?.map((inst) => (
                    <li key={inst.id}>
                      <button
                        type="button"
                        className="nav-item"
                        aria-current={openInstallation === inst.id ? 'page' : undefined}
                        onClick={() => navigate({ name: 'installation', clientId: client.id, installationId: inst.id })}
                      >
                        <span className="nav-item-name">{inst.name}</span>
                        {running.has(inst.id) && <span className="nav-running">{t.nav.auditRunning}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
