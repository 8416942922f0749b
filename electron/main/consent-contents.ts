import type { WebContents } from 'electron';

/**
 * The web contents of open consent pages (consent-browser.ts), by id: the app's own navigation lock (window.ts)
 * leaves them alone. Its own file, so that window.ts and consent-browser.ts need not import each other.
 */
const consentContents = new Set<number>();

export function markConsentContents(contents: WebContents, open: boolean): void {
  if (open) consentContents.add(contents.id);
  else consentContents.delete(contents.id);
}

export function isConsentContents(contents: WebContents): boolean {
  return consentContents.has(contents.id);
}
