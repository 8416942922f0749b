// Texts of the consent matrix in the PDF and the workbook, German and English. Merged into REPORT_TEXTS
// (texts.ts) and XLSX_TEXTS (xlsx-texts.ts) so the renderers never inline a word of their own.
import type { VisitErrorCode, VisitPhase } from '../../shared/consent';
import type { ConsentState } from '../../shared/consent-matrix';
import type { Lang } from '../../shared/domain';

export interface ConsentTexts {
  section: string;
  intro: string;
  /** "{source}" is replaced. */
  trackingList: string;
  /** "{url}" is replaced. */
  page: string;
  states: Record<ConsentState, string>;
  columns: { state: string; cookies: string; thirdParty: string; tracking: string; storage: string; clicked: string };
  /** "{list}" is replaced. */
  trackingOf: string;
  none: string;
  /** The label of the button clicked; "{text}" is replaced. */
  button: string;
  noClick: string;
  noButton: string;
  notVisited: string;
  /** "{code}" and "{message}" are replaced. */
  visitError: string;
  errorCodes: Record<VisitErrorCode, string>;
  screenshots: string;
  screenshotNote: string;
  noScreenshot: string;
  badScreenshot: string;
}

export interface ConsentXlsxTexts {
  sheet: string;
  headers: [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
  detailsSheet: string;
  detailHeaders: [string, string, string, string, string, string, string, string, string];
  types: { cookie: string; request: string };
  phases: Record<VisitPhase, string>;
  session: string;
}

const de: ConsentTexts = {
  section: 'Einwilligung im Browser',
  intro:
    'Jede Landingpage wurde dreimal in einem frischen Chromium-Profil besucht: ohne Klick, nach Klick auf „Zustimmen“ und nach Klick auf „Ablehnen“ im Einwilligungsbanner. Die Tabelle zeigt je Besuch die gesetzten Cookies, die angefragten Drittanbieter-Hosts, die Anfragen an Tracking-Dienste und die Schlüssel im lokalen Speicher. Die Bewertung steht beim Prüfpunkt; hier steht, was der Browser sah.',
  trackingList: 'Als Tracking gilt, was die Tracking-Liste {source} nennt.',
  page: 'Seite: {url}',
  states: { before: 'Ohne Klick', accepted: 'Nach Zustimmung', rejected: 'Nach Ablehnung' },
  columns: { state: 'Zustand', cookies: 'Cookies', thirdParty: 'Drittanbieter-Hosts', tracking: 'Tracking-Anfragen', storage: 'Speicher-Schlüssel', clicked: 'Geklickt' },
  trackingOf: 'davon Tracking: {list}',
  none: 'keine',
  button: '„{text}“',
  noClick: 'kein Klick',
  noButton: 'kein passender Knopf gefunden',
  notVisited: 'nicht besucht',
  visitError: 'Besuch unvollständig ({code}): {message}',
  errorCodes: { timeout: 'Zeitüberschreitung', crashed: 'Seite abgestürzt', navigation: 'Seite nicht geladen', blocked: 'blockiert', browser: 'Browserfehler', aborted: 'abgebrochen' },
  screenshots: 'Bildschirmfotos',
  screenshotNote: 'Ganzseitige Aufnahmen, verkleinert; in voller Auflösung in dieser PDF-Datei und als Nachweis im Nachweispaket.',
  noScreenshot: 'kein Bildschirmfoto',
  badScreenshot: 'Bildschirmfoto nicht darstellbar',
};

const en: ConsentTexts = {
  section: 'Consent in the browser',
  intro:
    'Each landing page was visited three times in a fresh Chromium profile: without a click, after clicking "accept" and after clicking "reject" in the consent banner. The table shows for each visit the cookies set, the third-party hosts requested, the requests to tracking services and the keys in local storage. The verdict is given with the audit item; this is what the browser saw.',
  trackingList: 'Tracking is what the tracking list {source} names.',
  page: 'Page: {url}',
  states: { before: 'Before consent', accepted: 'Accepted', rejected: 'Rejected' },
  columns: { state: 'State', cookies: 'Cookies', thirdParty: 'Third-party hosts', tracking: 'Tracking requests', storage: 'Storage keys', clicked: 'Button clicked' },
  trackingOf: 'tracking: {list}',
  none: 'none',
  button: '"{text}"',
  noClick: 'no click',
  noButton: 'no matching button found',
  notVisited: 'not visited',
  visitError: 'Visit incomplete ({code}): {message}',
  errorCodes: { timeout: 'timeout', crashed: 'page crashed', navigation: 'page did not load', blocked: 'blocked', browser: 'browser error', aborted: 'aborted' },
  screenshots: 'Screenshots',
  screenshotNote: 'Full-page captures, scaled down; at full resolution in this PDF file and as evidence in the evidence pack.',
  noScreenshot: 'no screenshot',
  badScreenshot: 'screenshot cannot be shown',
};

const xlsxDe: ConsentXlsxTexts = {
  sheet: 'Einwilligung',
  headers: [
    'Seite',
    'Zustand',
    'Geklickt',
    'Fehler',
    'Cookies',
    'Tracking-Cookies',
    'Drittanbieter-Hosts (Anzahl)',
    'Drittanbieter-Hosts',
    'Tracking-Anfragen (Anzahl)',
    'Tracking-Dienste',
    'Speicher-Schlüssel',
    'Tracking-Speicher-Schlüssel',
    'Besucht',
    'Bildschirmfoto (SHA-256)',
    'HAR (SHA-256)',
  ],
  detailsSheet: 'Cookies und Tracking',
  detailHeaders: ['Seite', 'Zustand', 'Art', 'Name / URL', 'Tracking-Dienst', 'Domain / Host', 'Phase', 'Erstanbieter', 'Ablauf (UTC)'],
  types: { cookie: 'Cookie', request: 'Anfrage' },
  phases: { before: 'vor dem Klick', after: 'nach dem Klick' },
  session: 'Sitzung',
};

const xlsxEn: ConsentXlsxTexts = {
  sheet: 'Consent',
  headers: [
    'Page',
    'State',
    'Button clicked',
    'Error',
    'Cookies',
    'Tracking cookies',
    'Third-party hosts (count)',
    'Third-party hosts',
    'Tracking requests (count)',
    'Tracking services',
    'Storage keys',
    'Tracking storage keys',
    'Visited',
    'Screenshot (SHA-256)',
    'HAR (SHA-256)',
  ],
  detailsSheet: 'Cookies and tracking',
  detailHeaders: ['Page', 'State', 'Type', 'Name / URL', 'Tracking service', 'Domain / host', 'Phase', 'First party', 'Expires (UTC)'],
  types: { cookie: 'Cookie', request: 'Request' },
  phases: { before: 'before the click', after: 'after the click' },
  session: 'session',
};

export const CONSENT_TEXTS: Record<Lang, ConsentTexts> = { de, en };
export const CONSENT_XLSX_TEXTS: Record<Lang, ConsentXlsxTexts> = { de: xlsxDe, en: xlsxEn };
