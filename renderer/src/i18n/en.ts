import type { Messages } from './types';

export const en: Messages = {
  productName: 'Prüfstand',
  subtitle: 'Workbench for GDPR audits of Mautic installations',
};
