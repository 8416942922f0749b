import type { Lang } from '../../shared/domain';
import { findChromium } from './find-chromium';
import type { BrowserLauncher } from './types';

/** Why an audit has no browser for its consent visits; the consent verdicts say it. */
export const BROWSER_UNAVAILABLE: Record<'off' | 'notFound', Record<Lang, string>> = {
  off: {
    de: 'Browserbesuche sind ausgeschaltet (--no-browser); die Einwilligung im Browser wurde nicht geprüft.',
    en: 'browser visits are switched off (--no-browser); consent in the browser was not checked.',
  },
  notFound: {
    de: 'kein Browser für die Einwilligungsbesuche: weder Chrome noch Chromium oder Edge gefunden; installieren Sie einen oder nennen Sie ihn mit --browser PFAD bzw. PRUEFSTAND_BROWSER.',
    en: 'no browser for the consent visits: no Chrome, Chromium or Edge found; install one, or name it with --browser PATH or PRUEFSTAND_BROWSER.',
  },
};

/**
 * The system's Chromium (the one named, else the installed one) over playwright; null when there is none.
 * The playwright engine loads only here, so a CLI run without landing pages never reads it.
 */
export async function systemBrowserLauncher(options: { executable?: string | null; extraCaPem?: string } = {}): Promise<BrowserLauncher | null> {
  const executable = options.executable ?? findChromium();
  if (!executable) return null;
  const { createPlaywrightLauncher } = await import('./playwright-engine.js');
  return createPlaywrightLauncher(executable, { extraCaPem: options.extraCaPem });
}
