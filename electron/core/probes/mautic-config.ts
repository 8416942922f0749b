import type { Probe } from './types';

// STUB (issue 5): the config helper replaces this file.
export interface MauticConfigObservation {
  source: 'none';
}

export const mauticConfigProbe: Probe<'mautic-config'> = {
  id: 'mautic-config',
  async run() {
    return { ok: true, data: { source: 'none' }, evidence: [] };
  },
};
