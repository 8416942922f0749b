import { Parser } from 'htmlparser2';
import { cssReferences } from './css-urls';
import type { LandingResource, LandingResourceKind } from './landing';

export const MAX_RESOURCES = 2000;
/** Links kept per page for the same-host crawl; a page with more is a sitemap, not a landing page. */
export const MAX_LINKS = 1000;

const LINK_KINDS: Record<string, LandingResourceKind> = {
  stylesheet: 'stylesheet',
  preload: 'preload',
  modulepreload: 'preload',
  icon: 'icon',
  'apple-touch-icon': 'icon',
  manifest: 'manifest',
};

export interface ParsedLandingHtml {
  resources: LandingResource[];
  /** More than `max` resources: the rest were not listed. */
  truncated: boolean;
  /** Every <a href> / <area href> without a download attribute, resolved (invalid URLs dropped), at most MAX_LINKS. */
  links: string[];
}

export function resolveUrl(raw: string, base: string): string | null {
  try {
    return new URL(raw, base).href;
  } catch {
    return null;
  }
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

/**
 * The URLs of a srcset attribute, after the HTML standard's algorithm: candidates are split at commas, but a
 * comma inside a URL (`/img/w_100,h_50/a.jpg 1x`) or inside the descriptors' parentheses does not split.
 */
export function parseSrcset(srcset: string): string[] {
  const urls: string[] = [];
  let pos = 0;
  while (pos < srcset.length) {
    while (pos < srcset.length && (isSpace(srcset[pos]) || srcset[pos] === ',')) pos += 1;
    if (pos >= srcset.length) break;
    const start = pos;
    while (pos < srcset.length && !isSpace(srcset[pos])) pos += 1;
    let url = srcset.slice(start, pos);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      let depth = 0;
      for (; pos < srcset.length; pos += 1) {
        const c = srcset[pos];
        if (c === '(') depth += 1;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) break;
      }
    }
    if (url) urls.push(url);
  }
  return urls;
}

/**
 * Lists what an HTML document loads or sends data to, with a real HTML tokenizer (htmlparser2); nothing is
 * executed. Besides src/href of scripts, stylesheets, images, frames and forms: srcset, media sources and
 * posters, <embed>/<object>, the web app manifest, and URLs in inline <style> blocks and style="" attributes.
 * Relative URLs resolve against the page URL, or the first <base href>. Links to follow are listed apart.
 */
export function parseLandingHtml(html: string, pageUrl: string, max = MAX_RESOURCES): ParsedLandingHtml {
  const found: { kind: LandingResourceKind; raw: string; integrity: string | null }[] = [];
  const rawLinks: string[] = [];
  let base = pageUrl;
  let baseSeen = false;
  let truncated = false;
  let inStyle = false;
  let styleText = '';
  const add = (kind: LandingResourceKind, raw: string | undefined, integrity?: string) => {
    const value = raw?.trim();
    if (!value || /^data:/i.test(value)) return;
    if (found.length >= max) {
      truncated = true;
      return;
    }
    found.push({ kind, raw: value, integrity: integrity?.trim() || null });
  };
  const addSrcset = (kind: LandingResourceKind, srcset: string | undefined) => {
    if (srcset) for (const url of parseSrcset(srcset)) add(kind, url);
  };
  const addCss = (css: string, context: 'stylesheet' | 'declarations') => {
    const { references, truncated: cut } = cssReferences(css, context);
    for (const r of references) add(r.kind, r.raw);
    if (cut) truncated = true;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.style) addCss(attrs.style, 'declarations');
        switch (name) {
          case 'base':
            if (!baseSeen && attrs.href) {
              baseSeen = true;
              base = resolveUrl(attrs.href.trim(), pageUrl) ?? pageUrl;
            }
            break;
          case 'script':
            add('script', attrs.src, attrs.integrity);
            break;
          case 'link': {
            const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
            const kind = rels.map((r) => LINK_KINDS[r]).find((k) => k !== undefined);
            if (kind) add(kind, attrs.href, attrs.integrity);
            if (kind === 'preload') addSrcset('preload', attrs.imagesrcset);
            break;
          }
          case 'img':
            add('image', attrs.src);
            addSrcset('image', attrs.srcset);
            break;
          case 'input':
            if (attrs.type?.toLowerCase() === 'image') add('image', attrs.src);
            break;
          case 'source':
            add('media', attrs.src);
            addSrcset('image', attrs.srcset);
            break;
          case 'video':
          case 'audio':
            add('media', attrs.src);
            add('image', attrs.poster);
            break;
          case 'track':
            add('media', attrs.src);
            break;
          case 'embed':
            add('object', attrs.src);
            break;
          case 'object':
            add('object', attrs.data);
            break;
          case 'iframe':
          case 'frame':
            add('iframe', attrs.src);
            break;
          case 'form':
            // A form without action posts to the page itself: nothing new to judge.
            add('form', attrs.action);
            break;
          case 'a':
          case 'area':
            if (attrs.href !== undefined && attrs.download === undefined && rawLinks.length < MAX_LINKS) rawLinks.push(attrs.href.trim());
            break;
          case 'style':
            inStyle = true;
            styleText = '';
            break;
        }
      },
      ontext(text) {
        if (inStyle) styleText += text;
      },
      onclosetag(name) {
        if (name !== 'style' || !inStyle) return;
        inStyle = false;
        addCss(styleText, 'stylesheet');
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return {
    resources: found.map((r) => ({ ...r, url: resolveUrl(r.raw, base), via: null })),
    truncated,
    links: rawLinks.map((raw) => resolveUrl(raw, base)).filter((u): u is string => u !== null),
  };
}

/** The resources of an HTML document (see parseLandingHtml). */
export function extractResources(html: string, pageUrl: string, max = MAX_RESOURCES): { resources: LandingResource[]; truncated: boolean } {
  const { resources, truncated } = parseLandingHtml(html, pageUrl, max);
  return { resources, truncated };
}
