import type { Messages } from './types';

export const de: Messages = {
  productName: 'Prüfstand',
  subtitle: 'Werkbank für DSGVO-Audits von Mautic-Installationen',
};
