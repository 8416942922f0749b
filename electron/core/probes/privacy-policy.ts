import type { Probe } from './types';

// STUB (issue 5): the privacy-policy helper replaces this file.
export interface PrivacyPolicyObservation {
  url: string | null;
}

export const privacyPolicyProbe: Probe<'privacy-policy'> = {
  id: 'privacy-policy',
  async run() {
    return { ok: true, data: { url: null }, evidence: [] };
  },
};
