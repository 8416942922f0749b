import type { Probe } from './types';

// STUB (issue 5): the forms helper replaces this file.
export interface FormsObservation {
  pages: unknown[];
}

export const formsProbe: Probe<'forms'> = {
  id: 'forms',
  async run() {
    return { ok: true, data: { pages: [] }, evidence: [] };
  },
};
