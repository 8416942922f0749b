import { mapLimited } from './map-limited';

/** Paths that are downloads or media, not pages: following them costs a fetch and shows no HTML. */
const NOT_A_PAGE = new Set(
  (
    'pdf zip gz tgz bz2 xz 7z rar tar exe msi dmg pkg deb rpm apk iso bin ' +
    'doc docx xls xlsx ppt pptx odt ods odp rtf csv ics vcf epub ' +
    'jpg jpeg png gif webp avif svg ico bmp tif tiff heic ' +
    'mp3 mp4 m4a m4v webm ogg ogv oga wav flac mov avi mkv ' +
    'woff woff2 ttf otf eot css js mjs json xml rss atom txt map'
  ).split(' '),
);

const bareHost = (url: URL) => url.hostname.toLowerCase().replace(/^www\./, '');

/** A page's identity for de-duplication: the URL without its fragment. */
export function pageKey(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

/**
 * The link as a page to follow from `pageUrl`, or null: only http(s), only the same host (with or without
 * www.), never the page itself (fragment links), never a download or media file by its extension.
 */
export function followableLink(href: string, pageUrl: string): string | null {
  let url: URL;
  let page: URL;
  try {
    url = new URL(href);
    page = new URL(pageUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (bareHost(url) !== bareHost(page)) return null;
  url.hash = '';
  if (url.href === pageKey(pageUrl)) return null;
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(url.pathname)?.[1]?.toLowerCase();
  if (extension && NOT_A_PAGE.has(extension)) return null;
  return url.href;
}

export interface Visited<P> {
  page: P;
  /** The URL the page was read from (after redirects); links are judged against it. */
  finalUrl: string;
  /** The links found on the page, resolved; empty when it was no HTML. */
  links: string[];
}

export interface CrawlOptions {
  maxPages: number;
  /** How many link steps away from a named page to go: 0 = the named pages only. */
  maxDepth: number;
  concurrency: number;
  signal: AbortSignal;
}

/**
 * Visits the named pages first, then breadth-first the same-host pages they link to, up to `maxDepth` steps
 * and `maxPages` pages in all; each URL (without fragment) once. A discovered page that redirects off its
 * host is left out (`visit` should not read it: see leftHost). Returns the pages in visiting order and how many known pages were left out.
 */
export async function crawl<P>(
  named: readonly string[],
  visit: (url: string, discoveredFrom: string | null) => Promise<Visited<P>>,
  { maxPages, maxDepth, concurrency, signal }: CrawlOptions,
): Promise<{ pages: P[]; skipped: number }> {
  const seen = new Set<string>();
  const skippedKeys = new Set<string>();
  let level: { url: string; from: string | null }[] = [];
  for (const url of named) {
    const key = pageKey(url);
    if (seen.has(key)) continue;
    seen.add(key);
    if (level.length < maxPages) level.push({ url, from: null });
    else skippedKeys.add(key);
  }
  const pages: P[] = [];
  for (let depth = 0; level.length && !signal.aborted; depth += 1) {
    const visited = await mapLimited(level, concurrency, async ({ url, from }) => ({ url, from, ...(await visit(url, from)) }));
    // A discovered page that left its host (a redirect to a shop, an SSO login …) is not a page of this site.
    const kept = visited.filter((v) => v.from === null || !leftHost(v.url, v.finalUrl));
    pages.push(...kept.map((v) => v.page));
    for (const v of visited) seen.add(pageKey(v.finalUrl));
    if (depth >= maxDepth) break;
    const next: typeof level = [];
    for (const v of kept) {
      for (const link of v.links) {
        const url = followableLink(link, v.finalUrl);
        if (!url || seen.has(url)) continue;
        seen.add(url);
        if (pages.length + next.length < maxPages) next.push({ url, from: v.url });
        else skippedKeys.add(url);
      }
    }
    level = next;
  }
  return { pages, skipped: skippedKeys.size };
}

/** Whether following `requested` ended on another host (www. aside). */
export function leftHost(requested: string, finalUrl: string): boolean {
  try {
    return bareHost(new URL(requested)) !== bareHost(new URL(finalUrl));
  } catch {
    return true;
  }
}
