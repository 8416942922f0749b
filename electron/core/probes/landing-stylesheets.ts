import type { NetClient } from '../net/client';
import { headerValue } from '../net/types';
import { cssReferences, type CssReference } from './css-urls';
import { decodeText, looksBinary, mediaType } from './document-text';
import { resolveUrl } from './html-resources';
import type { LandingResource, StylesheetObservation } from './landing';

/** Stylesheets fetched per audit (each once, shared by all pages): enough for real sites, bounded for hostile ones. */
export const MAX_STYLESHEETS = 30;
/** @import chains deeper than this are not followed (browsers have no limit; real sites use one or two). */
export const MAX_IMPORT_DEPTH = 4;

interface LoadedStylesheet {
  observation: StylesheetObservation;
  /** What the CSS loads, resolved against the stylesheet's final URL. */
  references: (CssReference & { url: string | null })[];
}

export type StylesheetLoader = (url: string) => Promise<LoadedStylesheet>;

function isCss(contentType: string | null): boolean {
  const type = mediaType(contentType);
  return type === '' || type === 'text/css';
}

/**
 * Fetches stylesheets through the net client, each URL once per audit (the promise is shared, so pages
 * loading the same CSS at the same time wait for one request); past MAX_STYLESHEETS it fetches nothing.
 * Like browsers, it reads only 2xx responses served as text/css (or without a type).
 */
export function stylesheetLoader(net: NetClient, signal: AbortSignal, max = MAX_STYLESHEETS): StylesheetLoader {
  const cache = new Map<string, Promise<LoadedStylesheet>>();
  let fetched = 0;
  const load = async (url: string): Promise<LoadedStylesheet> => {
    const base = { url, chain: [], status: null, contentType: null, error: null, truncated: false, evidence: [] };
    if (fetched >= max || signal.aborted) return { observation: { ...base, unread: 'cap' }, references: [] };
    fetched += 1;
    const { exchanges, error } = await net.follow(new URL(url));
    const last = exchanges[exchanges.length - 1];
    const response = error ? null : (last?.response ?? null);
    const contentType = response ? headerValue(response.headers, 'content-type') : null;
    const observation: StylesheetObservation = {
      ...base,
      chain: exchanges.map((e) => e.request.url),
      status: response?.status ?? null,
      contentType,
      error,
      truncated: Boolean(response && last?.truncated),
      evidence: exchanges.map((e) => e.evidence),
      unread: null,
    };
    if (!response || !last) return { observation: { ...observation, unread: 'error' }, references: [] };
    if (response.status < 200 || response.status > 299) return { observation: { ...observation, unread: 'status' }, references: [] };
    if (!isCss(contentType) || looksBinary(last.body)) return { observation: { ...observation, unread: 'not-css' }, references: [] };
    const { references, truncated } = cssReferences(decodeText(last.body, contentType));
    const finalUrl = last.request.url;
    return {
      observation: { ...observation, truncated: observation.truncated || truncated },
      references: references.map((r) => ({ ...r, url: resolveUrl(r.raw, finalUrl) })),
    };
  };
  return (url) => {
    let loaded = cache.get(url);
    if (!loaded) {
      loaded = load(url);
      cache.set(url, loaded);
    }
    return loaded;
  };
}

const isWeb = (url: string | null): url is string => url !== null && /^https?:/i.test(url);

/**
 * Adds to a page's resources what its stylesheets load (linked, @import-ed from inline <style> or from other
 * stylesheets, up to MAX_IMPORT_DEPTH), each with `via` = the stylesheet that loads it.
 */
export async function withStylesheetResources(
  resources: LandingResource[],
  load: StylesheetLoader,
  maxResources: number,
): Promise<{ resources: LandingResource[]; stylesheets: StylesheetObservation[]; truncated: boolean }> {
  const all = [...resources];
  const stylesheets: StylesheetObservation[] = [];
  const seen = new Set<string>();
  let truncated = false;
  const queue = resources.filter((r) => r.kind === 'stylesheet' && isWeb(r.url)).map((r) => ({ url: r.url!, depth: 1 }));
  while (queue.length) {
    const { url, depth } = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const sheet = await load(url);
    stylesheets.push(sheet.observation);
    for (const r of sheet.references) {
      if (all.length >= maxResources) {
        truncated = true;
        break;
      }
      all.push({ kind: r.kind, raw: r.raw, url: r.url, integrity: null, via: url });
      if (r.kind === 'stylesheet' && isWeb(r.url) && depth < MAX_IMPORT_DEPTH) queue.push({ url: r.url, depth: depth + 1 });
    }
  }
  return { resources: all, stylesheets, truncated };
}
