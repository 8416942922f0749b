import type { ReactNode } from 'react';
import { ErrorBox } from '../components/ErrorBox';
import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/context';
import { clientOf, installationOf, type Navigate, type Route } from '../routes';
import { isActive } from '../state/auditProgress';
import type { Audits } from '../state/useAudits';
import type { Directory } from '../state/useDirectory';
import { AuditView } from './AuditView';
import { ClientForm } from './ClientForm';
import { ClientView } from './ClientView';
import { HomeView } from './HomeView';
import { InstallationForm } from './InstallationForm';
import { InstallationView } from './InstallationView';
import { CompareView } from './compare/CompareView';
import { RegistersView } from './registers/RegistersView';
import { RunView } from './RunView';

interface MainViewProps {
  route: Route;
  navigate: Navigate;
  directory: Directory;
  audits: Audits;
}

function Placeholder({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <section className="view">
      <PageHeading>{title}</PageHeading>
      {children}
    </section>
  );
}

/** The main area for the current route; looks up the client and installation the route names. */
export function MainView({ route, navigate, directory, audits }: MainViewProps) {
  const { t, lang } = useI18n();
  const home = () => navigate({ name: 'home' });

  if (route.name === 'home') {
    return <HomeView hasClients={directory.clients === null ? null : directory.clients.length > 0} navigate={navigate} onImported={() => void directory.reloadClients()} />;
  }
  if (route.name === 'client-new') {
    return (
      <ClientForm
        onSaved={async (c) => {
          await directory.reloadClients();
          navigate({ name: 'client', clientId: c.id });
        }}
        onCancel={home}
      />
    );
  }

  const clientId = clientOf(route) as number;
  if (directory.clients === null) {
    return <Placeholder title={t.common.loading}>{directory.clientsError && <ErrorBox error={directory.clientsError} onRetry={() => void directory.reloadClients()} />}</Placeholder>;
  }
  const client = directory.clients.find((c) => c.id === clientId);
  if (!client) return <Placeholder title={t.client.notFound} />;

  const installations = directory.installations[clientId];
  const installationsError = directory.installationsError[clientId];
  const reloadInstallations = () => directory.reloadInstallations(clientId);
  const toClient = () => navigate({ name: 'client', clientId });

  switch (route.name) {
    case 'client':
      return (
        <ClientView
          client={client}
          installations={installations}
          installationsError={installationsError}
          navigate={navigate}
          onDeleted={() => {
            home();
            void directory.reloadClients();
          }}
          onRetry={() => void reloadInstallations()}
        />
      );
    case 'client-edit':
      return (
        <ClientForm
          key={client.id}
          client={client}
          onSaved={async () => {
            await directory.reloadClients();
            toClient();
          }}
          onCancel={toClient}
        />
      );
    case 'registers':
      return <RegistersView key={client.id} client={client} onBack={toClient} />;
    case 'installation-new':
      return (
        <InstallationForm
          clientId={clientId}
          clientName={client.name}
          onSaved={async (inst) => {
            await reloadInstallations();
            navigate({ name: 'installation', clientId, installationId: inst.id });
          }}
          onCancel={toClient}
        />
      );
  }

  if (installations === undefined) {
    return <Placeholder title={t.common.loading}>{installationsError && <ErrorBox error={installationsError} onRetry={() => void reloadInstallations()} />}</Placeholder>;
  }
  const installationId = installationOf(route) as number;
  const installation = installations.find((i) => i.id === installationId);
  if (!installation) return <Placeholder title={t.installation.notFound} />;
  const ids = { clientId, installationId };
  const toInstallation = () => navigate({ name: 'installation', ...ids });
  const ofInstallation = Object.values(audits.audits).filter((a) => a.installationId === installationId);

  switch (route.name) {
    case 'installation':
      return (
        <InstallationView
          key={installationId}
          client={client}
          installation={installation}
          activeAudit={ofInstallation.find(isActive) ?? null}
          historyKey={ofInstallation.filter((a) => !isActive(a)).length}
          startAudit={async (sshSecret, scope) => {
            const result = await audits.start(clientId, installationId, lang, sshSecret, scope);
            if (!result.ok) return result.error;
            navigate({ name: 'audit', ...ids, auditId: result.value.auditId });
            return null;
          }}
          navigate={navigate}
          onDeleted={() => {
            toClient();
            void reloadInstallations();
          }}
        />
      );
    case 'installation-edit':
      return (
        <InstallationForm
          key={installationId}
          clientId={clientId}
          clientName={client.name}
          installation={installation}
          onSaved={async () => {
            await reloadInstallations();
            toInstallation();
          }}
          onCancel={toInstallation}
        />
      );
    case 'audit':
      return (
        <AuditView
          key={route.auditId}
          installationName={installation.name}
          progress={audits.audits[route.auditId]}
          onCancel={async () => {
            const result = await audits.cancel(route.auditId);
            return result.ok ? null : result.error;
          }}
          onOpenRun={(runId) => navigate({ name: 'run', ...ids, runId })}
          onBack={toInstallation}
        />
      );
    case 'run':
      return <RunView key={route.runId} runId={route.runId} installationName={installation.name} onBack={toInstallation} />;
    case 'compare':
      return <CompareView key={`${route.runA}-${route.runB}`} runA={route.runA} runB={route.runB} installationName={installation.name} onBack={toInstallation} />;
  }
}
