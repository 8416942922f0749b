import type { Probe } from './types';

// STUB (issue 5): the tracking helper replaces this file.
export interface TrackingScriptObservation {
  url: string;
}

export const trackingScriptProbe: Probe<'tracking-script'> = {
  id: 'tracking-script',
  async run({ target }) {
    return { ok: true, data: { url: new URL('/mtc.js', target.url).href }, evidence: [] };
  },
};
