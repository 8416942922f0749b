import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './styles.css';
import './styles-registers.css';
import './views/compare/styles-compare.css';
import './styles-dashboard.css';
import './views/consent/styles-consent.css';

const root = document.getElementById('root');
if (root === null) throw new Error('#root missing in index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
