import { headerValue, type Exchange, type NetError } from '../net/types';
import type { Probe } from './types';
import { extractForms, type ParsedForm } from './form-parse';
import { detectTrackingEmbed, type TrackingEmbed } from './tracking-embed';
import { decodeText, isHtmlDocument } from './document-text';
import { MAX_RESOURCES, parseLandingHtml, type ParsedLandingHtml } from './html-resources';
import { crawl, leftHost, type Visited } from './landing-crawl';
import { stylesheetLoader, withStylesheetResources, type StylesheetLoader } from './landing-stylesheets';

export { extractResources, MAX_RESOURCES, parseSrcset } from './html-resources';
export { MAX_STYLESHEETS } from './landing-stylesheets';

/** What a resource is to the page: decides which checks look at it (SRI only for scripts and stylesheets). */
export type LandingResourceKind =
  | 'script'
  | 'stylesheet'
  | 'preload'
  | 'icon'
  | 'image'
  | 'iframe'
  | 'form'
  /** A web font, from an @font-face rule. */
  | 'font'
  /** Video, audio or text tracks (<video>, <audio>, <source src>, <track>). */
  | 'media'
  /** Plug-in content (<embed>, <object>). */
  | 'object'
  /** The web app manifest (<link rel=manifest>). */
  | 'manifest';

export interface LandingResource {
  kind: LandingResourceKind;
  /** The URL as written in the HTML or CSS (entities and escapes decoded). */
  raw: string;
  /** Resolved against the page (and its <base href>) or the stylesheet; null when it is no valid URL. */
  url: string | null;
  /** The integrity attribute, if any (SRI); always null for what CSS loads. */
  integrity: string | null;
  /** The stylesheet (as linked or imported) whose CSS loads it; null when the page's own HTML does, inline CSS included. */
  via: string | null;
}

/** One stylesheet a page loads, fetched once per audit. */
export interface StylesheetObservation {
  url: string;
  chain: string[];
  status: number | null;
  contentType: string | null;
  error: NetError | null;
  /**
   * Why its CSS was not read: no response ('error'), not 2xx ('status'), not served as text/css or binary
   * ('not-css'), or the per-audit cap was reached before it ('cap'); null when it was read.
   */
  unread: 'error' | 'status' | 'not-css' | 'cap' | null;
  /** Cut at the body cap, or more URLs in it than are listed. */
  truncated: boolean;
  evidence: string[];
}

export interface LandingPageObservation {
  /** The URL as the auditor gave it, or as the linking page links it. */
  url: string;
  /** The page whose link led here (its `url`); null for a page the auditor named. */
  discoveredFrom: string | null;
  /** Every URL of the redirect chain, in order; the last is where the page was read. */
  chain: string[];
  /** The last response's status; null when no response came. */
  status: number | null;
  contentType: string | null;
  /** Why the chain stopped early (network, loop, cap); null when the last response was read. */
  error: NetError | null;
  /** The body was read as HTML: false for other content types, binary bodies and missing responses. */
  parsedAsHtml: boolean;
  resources: LandingResource[];
  /** More than MAX_RESOURCES resources: the rest were not listed. */
  resourcesTruncated: boolean;
  /** The body was cut at the client's size cap: resources after it were not seen. */
  bodyTruncated: boolean;
  /** The stylesheets the page loads, directly or through @import, in the order they were found. */
  stylesheets: StylesheetObservation[];
  /** The forms on the page (Mautic forms embedded in the landing page are judged by forms.*). */
  forms: ParsedForm[];
  /** How the page embeds Mautic's tracking, and whether a consent manager gates it. */
  tracking: TrackingEmbed | null;
  evidence: string[];
}

/** Pages fetched per audit, the named ones first, then the same-host pages they link to. */
export const MAX_PAGES = 50;
/** How many links away from a named page the crawl goes. */
export const CRAWL_DEPTH = 1;
const CONCURRENCY = 4;

async function observePage(
  url: string,
  discoveredFrom: string | null,
  exchanges: Exchange[],
  error: NetError | null,
  loadStylesheet: StylesheetLoader,
): Promise<Visited<LandingPageObservation>> {
  const last = exchanges[exchanges.length - 1];
  const response = error ? null : (last?.response ?? null);
  const contentType = response ? headerValue(response.headers, 'content-type') : null;
  const pageUrl = last?.request.url ?? url;
  // A discovered link that redirects to another host is not read (the crawl leaves it out).
  const readable = Boolean(response && last) && isHtmlDocument(contentType, last!.body) && !(discoveredFrom !== null && leftHost(url, pageUrl));
  let parsed: ParsedLandingHtml = { resources: [], truncated: false, links: [] };
  let forms: ParsedForm[] = [];
  let tracking: TrackingEmbed | null = null;
  let parseError: NetError | null = null;
  if (readable) {
    const html = decodeText(last!.body, contentType);
    try {
      parsed = parseLandingHtml(html, pageUrl);
      forms = extractForms(html, pageUrl).forms;
      tracking = detectTrackingEmbed(html, pageUrl);
    } catch (err) {
      // A probe never throws: a parser that fails on hostile input leaves the page unread, not the audit broken.
      parseError = { code: 'parse', message: `the page could not be parsed: ${(err as Error).message}` };
    }
  }
  const css = await withStylesheetResources(parsed.resources, loadStylesheet, MAX_RESOURCES);
  const page: LandingPageObservation = {
    url,
    discoveredFrom,
    chain: exchanges.map((e) => e.request.url),
    status: response?.status ?? null,
    contentType,
    error: error ?? parseError,
    parsedAsHtml: readable && !parseError,
    resources: css.resources,
    resourcesTruncated: parsed.truncated || css.truncated,
    bodyTruncated: Boolean(response && last?.truncated),
    stylesheets: css.stylesheets,
    forms,
    tracking,
    evidence: exchanges.map((e) => e.evidence),
  };
  return { page, finalUrl: pageUrl, links: parsed.links };
}

/**
 * Fetches each landing page the auditor named and the same-host pages they link to (CRAWL_DEPTH steps,
 * MAX_PAGES in all; redirects followed, every exchange kept as evidence), and lists what each loads,
 * including what its stylesheets load. No pages named: ok with an empty list, the checks then do not apply.
 */
export const landingPagesProbe: Probe<'landing-pages'> = {
  id: 'landing-pages',
  async run({ target, net, signal }) {
    const loadStylesheet = stylesheetLoader(net, signal);
    const visit = async (href: string, from: string | null) => {
      const chain = await net.follow(new URL(href));
      return observePage(href, from, chain.exchanges, chain.error, loadStylesheet);
    };
    const named = (target.landingPages ?? []).map((u) => u.href);
    const { pages, skipped } = await crawl(named, visit, { maxPages: MAX_PAGES, maxDepth: CRAWL_DEPTH, concurrency: CONCURRENCY, signal });
    const evidence = pages.flatMap((p) => [...p.evidence, ...p.stylesheets.flatMap((s) => s.evidence)]);
    return { ok: true, data: { pages, skipped, installationHost: target.url.hostname }, evidence: [...new Set(evidence)] };
  },
};
