import type { Lang } from '../shared/domain';
import type { ConsentSetup } from '../core/probes/types';
import { BROWSER_UNAVAILABLE, systemBrowserLauncher } from '../core/browser/system-browser';
import { EMPTY_TRACKING_LIST } from '../shared/consent';

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

/**
 * How the audit gets its browser. The playwright engine and the tracking list load only when there are landing
 * pages to visit, so an audit without them starts as fast as before.
 */
export async function consentSetup(args: ConsentArgs, hasPages: boolean, lang: Lang, extraCaPem?: string): Promise<ConsentSetup> {
  if (!hasPages) return { launch: null, unavailable: null, tracking: EMPTY_TRACKING_LIST };
  const { loadTrackingList } = await import('../core/checklist/tracking-load.js');
  const tracking = loadTrackingList(args.trackingHosts ?? undefined);
  if (args.noBrowser) return { launch: null, unavailable: BROWSER_UNAVAILABLE.off[lang], tracking };
  const launch = await systemBrowserLauncher({ executable: args.browser, extraCaPem });
  return { launch, unavailable: launch ? null : BROWSER_UNAVAILABLE.notFound[lang], tracking };
}
