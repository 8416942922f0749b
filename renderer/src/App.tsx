import type { Messages } from './i18n';

export function App({ t }: { t: Messages }) {
  return (
    <main className="app">
      <h1>{t.productName}</h1>
      <p className="subtitle">{t.subtitle}</p>
    </main>
  );
}
