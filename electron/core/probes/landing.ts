import { Parser } from 'htmlparser2';
import { headerValue, type Exchange, type NetError } from '../net/types';
import type { Probe } from './types';
import { mapLimited } from './map-limited';
import { extractForms, type ParsedForm } from './form-parse';
import { detectTrackingEmbed, type TrackingEmbed } from './tracking-embed';

/** What a resource is to the page: decides which checks look at it (SRI only for scripts and stylesheets). */
export type LandingResourceKind = 'script' | 'stylesheet' | 'preload' | 'icon' | 'image' | 'iframe' | 'form';

export interface LandingResource {
  kind: LandingResourceKind;
  /** The attribute as written in the HTML (entities decoded). */
  raw: string;
  /** Resolved against the page (and its <base href>); null when it is no valid URL. */
  url: string | null;
  /** The integrity attribute, if any (SRI). */
  integrity: string | null;
}

export interface LandingPageObservation {
  /** The URL as the auditor gave it. */
  url: string;
  /** Every URL of the redirect chain, in order; the last is where the page was read. */
  chain: string[];
  /** The last response's status; null when no response came. */
  status: number | null;
  contentType: string | null;
  /** Why the chain stopped early (network, loop, cap); null when the last response was read. */
  error: NetError | null;
  resources: LandingResource[];
  /** More than MAX_RESOURCES resources: the rest were not listed. */
  resourcesTruncated: boolean;
  /** The body was cut at the client's size cap: resources after it were not seen. */
  bodyTruncated: boolean;
  /** The forms on the page (Mautic forms embedded in the landing page are judged by forms.*). */
  forms: ParsedForm[];
  /** How the page embeds Mautic's tracking, and whether a consent manager gates it. */
  tracking: TrackingEmbed | null;
  evidence: string[];
}

export const MAX_PAGES = 50;
export const MAX_RESOURCES = 2000;
const CONCURRENCY = 4;
const LINK_KINDS: Record<string, LandingResourceKind> = {
  stylesheet: 'stylesheet',
  preload: 'preload',
  modulepreload: 'preload',
  icon: 'icon',
  'apple-touch-icon': 'icon',
};

function resolve(raw: string, base: string): string | null {
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

/**
 * Lists the resources an HTML document loads or sends data to, with a real HTML tokenizer (htmlparser2);
 * nothing is executed. Relative URLs resolve against the page URL, or the first <base href>.
 */
export function extractResources(html: string, pageUrl: string, max = MAX_RESOURCES): { resources: LandingResource[]; truncated: boolean } {
  const found: { kind: LandingResourceKind; raw: string; integrity: string | null }[] = [];
  let base = pageUrl;
  let baseSeen = false;
  let truncated = false;
  const add = (kind: LandingResourceKind, raw: string | undefined, integrity?: string) => {
    if (raw === undefined || !raw.trim()) return;
    if (found.length >= max) {
      truncated = true;
      return;
    }
    found.push({ kind, raw: raw.trim(), integrity: integrity?.trim() || null });
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        switch (name) {
          case 'base':
            if (!baseSeen && attrs.href) {
              baseSeen = true;
              base = resolve(attrs.href.trim(), pageUrl) ?? pageUrl;
            }
            break;
          case 'script':
            add('script', attrs.src, attrs.integrity);
            break;
          case 'link': {
            const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
            const kind = rels.map((r) => LINK_KINDS[r]).find((k) => k !== undefined);
            if (kind) add(kind, attrs.href, attrs.integrity);
            break;
          }
          case 'img':
            add('image', attrs.src);
            break;
          case 'iframe':
            add('iframe', attrs.src);
            break;
          case 'form':
            // A form without action posts to the page itself: nothing new to judge.
            add('form', attrs.action);
            break;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { resources: found.map((r) => ({ ...r, url: resolve(r.raw, base) })), truncated };
}

function isHtml(contentType: string | null): boolean {
  if (contentType === null) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'text/html' || type === 'application/xhtml+xml' || type === '';
}

function observePage(url: string, exchanges: Exchange[], error: NetError | null): LandingPageObservation {
  const last = exchanges[exchanges.length - 1];
  const response = error ? null : (last?.response ?? null);
  const contentType = response ? headerValue(response.headers, 'content-type') : null;
  const html = response && last && isHtml(contentType) ? last.body.toString('utf8') : '';
  const pageUrl = last?.request.url ?? url;
  const { resources, truncated } = html ? extractResources(html, pageUrl) : { resources: [], truncated: false };
  return {
    url,
    chain: exchanges.map((e) => e.request.url),
    status: response?.status ?? null,
    contentType,
    error,
    resources,
    resourcesTruncated: truncated,
    bodyTruncated: Boolean(response && last?.truncated),
    forms: html ? extractForms(html, pageUrl).forms : [],
    tracking: html ? detectTrackingEmbed(html, pageUrl) : null,
    evidence: exchanges.map((e) => e.evidence),
  };
}

/**
 * Fetches each landing page the auditor named (redirects followed, every exchange kept as evidence) and
 * lists what it loads. No pages named: ok with an empty list, the checks then do not apply.
 */
export const landingPagesProbe: Probe<'landing-pages'> = {
  id: 'landing-pages',
  async run({ target, net }) {
    const unique = [...new Set((target.landingPages ?? []).map((u) => u.href))];
    const wanted = unique.slice(0, MAX_PAGES);
    const pages = await mapLimited(wanted, CONCURRENCY, async (href) => {
      const chain = await net.follow(new URL(href));
      return observePage(href, chain.exchanges, chain.error);
    });
    return { ok: true, data: { pages, skipped: unique.length - wanted.length, installationHost: target.url.hostname }, evidence: pages.flatMap((p) => p.evidence) };
  },
};
