import { PageHeading } from '../components/PageHeading';
import { useI18n } from '../i18n/context';
import type { Navigate } from '../routes';
import { RunFileImport } from './imports/RunFileImport';
import { TargetListImport } from './imports/TargetListImport';

export function HomeView({ hasClients, navigate, onImported }: { hasClients: boolean | null; navigate: Navigate; onImported(): void }) {
  const { t } = useI18n();
  return (
    <section className="view home">
      <PageHeading>{t.home.title}</PageHeading>
      <p className="lead">{t.home.intro}</p>
      {hasClients === false && <p>{t.home.empty}</p>}
      {hasClients === true && <p className="muted">{t.home.choose}</p>}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => navigate({ name: 'client-new' })}>
          {t.nav.newClient}
        </button>
      </div>
      <TargetListImport onImported={onImported} />
      <RunFileImport onImported={onImported} />
    </section>
  );
}
