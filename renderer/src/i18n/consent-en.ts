import type { ConsentMessages } from './consent-types';

export const consentEn: ConsentMessages = {
  heading: 'Consent in the browser',
  intro: 'Each landing page was visited three times in a fresh browser profile: without a click, clicking “accept” and clicking “reject”. Tracking cookies and requests are highlighted.',
  loading: 'Loading the browser visits…',
  page: (url) => `Page ${url}`,
  browser: (name) => `Browser: ${name}`,
  rows: { before: 'Before consent', accepted: 'After accepting', rejected: 'After refusing' },
  columns: { state: 'State', cookies: 'Cookies', thirdParties: 'Third parties', tracking: 'Tracking requests', storage: 'Storage keys', clicked: 'Button clicked' },
  none: 'none',
  notVisited: 'not visited',
  quoted: (text) => `“${text}”`,
  noClick: 'no button found',
  visitError: (code, message) => `Visit ended early (${code}): ${message}`,
  trackingTag: (name) => `Tracking: ${name}`,
  requests: (count) => (count === 1 ? '1 request' : `${count} requests`),
  storageArea: { local: 'localStorage', session: 'sessionStorage' },
  banner: { cmp: (name) => `Consent manager: ${name}`, shown: 'banner shown', notShown: 'no banner shown' },
  openRecord: (state) => `Open evidence: ${state}`,
  unreadable: (count) => (count === 1 ? '1 visit record could not be read.' : `${count} visit records could not be read.`),
  trackingSource: (source) => `Tracking list: ${source}`,
  screenshotsKept: 'The screenshots and HAR files of the visits are kept as evidence in the audit pack.',
};
