import { LANGS } from '../../../electron/shared/domain';
import { useI18n } from '../i18n/context';

interface AppHeaderProps {
  sidebarOpen: boolean;
  onToggleSidebar(): void;
  onSkipToMain(): void;
}

export function AppHeader({ sidebarOpen, onToggleSidebar, onSkipToMain }: AppHeaderProps) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="app-header">
      <button type="button" className="skip-link" onClick={onSkipToMain}>
        {t.header.skipToMain}
      </button>
      <button type="button" className="sidebar-toggle" aria-expanded={sidebarOpen} aria-controls="sidebar" onClick={onToggleSidebar}>
        <span aria-hidden="true" className="sidebar-toggle-icon">
          ☰
        </span>
        {sidebarOpen ? t.header.hideSidebar : t.header.showSidebar}
      </button>
      <div className="brand">
        <span className="brand-name">{t.productName}</span>
        <span className="brand-subtitle">{t.subtitle}</span>
      </div>
      <div className="lang-switch" role="group" aria-label={t.header.language}>
        {LANGS.map((l) => (
          <button key={l} type="button" lang={l} aria-pressed={lang === l} onClick={() => setLang(l)}>
            {t.langNames[l]}
          </button>
        ))}
      </div>
    </header>
  );
}
