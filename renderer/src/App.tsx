import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Lang } from '../../electron/shared/domain';
import { AppHeader } from './components/AppHeader';
import { Sidebar } from './components/Sidebar';
import { initialLang, messagesFor, storeLang } from './i18n';
import { I18nProvider } from './i18n/context';
import { clientOf, type Route } from './routes';
import { isActive } from './state/auditProgress';
import { useAudits } from './state/useAudits';
import { useDirectory } from './state/useDirectory';
import { MainView } from './views/MainView';

export function App() {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    storeLang(next);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = messagesFor(lang).productName;
  }, [lang]);

  return (
    <I18nProvider lang={lang} setLang={setLang}>
      <Shell />
    </I18nProvider>
  );
}

function focusMainHeading() {
  document.querySelector<HTMLElement>('#main h1')?.focus();
}

/** Header, sidebar and main area; the route is plain state. */
function Shell() {
  const [route, setRoute] = useState<Route>({ name: 'home' });
  const [sidebarOpen, setSidebarOpen] = useState(true);
  const directory = useDirectory(clientOf(route));
  const audits = useAudits();
  const moveFocus = useRef(false);

  const navigate = useCallback((next: Route) => {
    moveFocus.current = true;
    setRoute(next);
  }, []);

  // After a navigation the focus goes to the new page's heading (not on the first render).
  useEffect(() => {
    if (!moveFocus.current) return;
    moveFocus.current = false;
    focusMainHeading();
  }, [route]);

  const running = useMemo(
    () => new Set(Object.values(audits.audits).filter(isActive).map((a) => a.installationId)),
    [audits.audits],
  );

  return (
    <div className={`layout${sidebarOpen ? ' sidebar-open' : ''}`}>
      <AppHeader sidebarOpen={sidebarOpen} onToggleSidebar={() => setSidebarOpen((o) => !o)} onSkipToMain={focusMainHeading} />
      <Sidebar
        route={route}
        navigate={navigate}
        clients={directory.clients}
        clientsError={directory.clientsError}
        installations={directory.installations}
        running={running}
        onRetry={() => void directory.reloadClients()}
      />
      <main id="main" className="main">
        <MainView route={route} navigate={navigate} directory={directory} audits={audits} />
      </main>
    </div>
  );
}
