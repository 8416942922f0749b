import type { ConsentMessages } from './consent-types';

export const consentDe: ConsentMessages = {
  heading: 'Einwilligung im Browser',
  intro: 'Jede Landingpage wurde dreimal in einem frischen Browserprofil besucht: ohne Klick, mit Klick auf „Akzeptieren“ und mit Klick auf „Ablehnen“. Tracking-Cookies und -Anfragen sind hervorgehoben.',
  loading: 'Browserbesuche werden geladen…',
  page: (url) => `Seite ${url}`,
  browser: (name) => `Browser: ${name}`,
  rows: { before: 'Vor der Einwilligung', accepted: 'Nach Zustimmung', rejected: 'Nach Ablehnung' },
  columns: { state: 'Zustand', cookies: 'Cookies', thirdParties: 'Drittanbieter', tracking: 'Tracking-Anfragen', storage: 'Speicher-Schlüssel', clicked: 'Geklickter Button' },
  none: 'keine',
  notVisited: 'nicht besucht',
  quoted: (text) => `„${text}“`,
  noClick: 'kein Button gefunden',
  visitError: (code, message) => `Besuch abgebrochen (${code}): ${message}`,
  trackingTag: (name) => `Tracking: ${name}`,
  requests: (count) => (count === 1 ? '1 Anfrage' : `${count} Anfragen`),
  storageArea: { local: 'localStorage', session: 'sessionStorage' },
  banner: { cmp: (name) => `Consent-Manager: ${name}`, shown: 'Banner sichtbar', notShown: 'kein Banner sichtbar' },
  openRecord: (state) => `Nachweis öffnen: ${state}`,
  unreadable: (count) => (count === 1 ? '1 Besuchsprotokoll ließ sich nicht lesen.' : `${count} Besuchsprotokolle ließen sich nicht lesen.`),
  trackingSource: (source) => `Tracking-Liste: ${source}`,
  screenshotsKept: 'Die Bildschirmfotos und HAR-Dateien der Besuche liegen als Nachweise im Prüfpaket.',
};
