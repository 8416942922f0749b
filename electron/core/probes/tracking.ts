import type { MauticVersionLine } from './mautic-version';
import type { Probe } from './types';

// STUB (issue 5): the tracking helper replaces this file.
export interface TrackingScriptObservation {
  url: string;
  /** The Mautic version line inferred from the script's markers; null when it could not be told. */
  version: MauticVersionLine | null;
}

export const trackingScriptProbe: Probe<'tracking-script'> = {
  id: 'tracking-script',
  async run({ target }) {
    return { ok: true, data: { url: new URL('mtc.js', target.url).href, version: null }, evidence: [] };
  },
};
