import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { messagesFor, pickLang } from './i18n';
import './styles.css';

const lang = pickLang(navigator.language);
const t = messagesFor(lang);
document.documentElement.lang = lang;
document.title = t.productName;

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing in index.html');

createRoot(root).render(
  <StrictMode>
    <App t={t} />
  </StrictMode>,
);
