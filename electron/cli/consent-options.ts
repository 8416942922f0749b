import type { Lang } from '../shared/domain';
import type { ConsentSetup } from '../core/probes/types';
import { findChromium } from '../core/browser/find-chromium';

/** The options of `audit` (single and batch) for the consent visits in a real browser. */
export const CONSENT_PARSE_OPTIONS = {
  browser: { type: 'string' },
  'no-browser': { type: 'boolean' },
  'tracking-hosts': { type: 'string' },
} as const;

export interface ConsentArgs {
  browser: string | null;
  noBrowser: boolean;
  trackingHosts: string | null;
}

export function parseConsentArgs(values: { browser?: string; 'no-browser'?: boolean; 'tracking-hosts'?: string }): ConsentArgs {
  return { browser: values.browser ?? null, noBrowser: values['no-browser'] ?? false, trackingHosts: values['tracking-hosts'] ?? null };
}

const UNAVAILABLE = {
  off: { de: 'Browserbesuche sind ausgeschaltet (--no-browser); die Einwilligung im Browser wurde nicht geprüft.', en: 'browser visits are switched off (--no-browser); consent in the browser was not checked.' },
  none: { de: 'kein Chrome, Chromium oder Edge gefunden; installieren Sie einen oder geben Sie --browser PFAD an.', en: 'no Chrome, Chromium or Edge found; install one or give --browser PATH.' },
};

/**
 * How the audit gets its browser. The playwright engine and the tracking list load only when there are landing
 * pages to visit, so an audit without them starts as fast as before.
 */
export async function consentSetup(args: ConsentArgs, hasPages: boolean, lang: Lang, extraCaPem?: string): Promise<ConsentSetup> {
  const { loadTrackingList } = await import('../core/checklist/tracking-load.js');
  const tracking = hasPages ? loadTrackingList(args.trackingHosts ?? undefined) : { source: '', hosts: [], cookies: [], mauticPaths: [] };
  if (args.noBrowser) return { launch: null, unavailable: UNAVAILABLE.off[lang], tracking };
  const executable = args.browser ?? findChromium();
  if (!executable) return { launch: null, unavailable: UNAVAILABLE.none[lang], tracking };
  const { createPlaywrightLauncher } = await import('../core/browser/playwright-engine.js');
  return { launch: createPlaywrightLauncher(executable, { extraCaPem }), unavailable: null, tracking };
}
