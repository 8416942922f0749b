import { Parser } from 'htmlparser2';
import { findThirdPartyCalls, type AnalyticsTag, type FacebookPixel } from './analytics-calls';
import { consentApisIn, consentManagerOfId, consentManagerOfScript, consentManagerOfTag } from './consent-managers';
import { tokenize } from './js-tokens';

/** How a tag loads Mautic tracking: `<script src=…/mtc.js>`, the inline loader snippet, or `<img src=…/mtracking.gif>`. */
export type LoaderKind = 'script' | 'inline-script' | 'img';

export interface MauticLoader {
  kind: LoaderKind;
  /** The mtc.js or mtracking.gif URL, resolved; null when an inline loader builds it at run time. */
  url: string | null;
  /**
   * How the tag is held back until consent, as consent managers do it: a script type the browser does not
   * run (`type="text/plain"`), or the URL moved out of `src` (`data-src`). `by` names the consent manager
   * whose markup the tag carries; null when none is recognised. null: the browser loads it with the page.
   */
  blocked: { by: string | null; how: string } | null;
  /** Consent APIs an inline loader refers to: it may wait for consent in JavaScript. */
  consentApis: string[];
  /** Inside <noscript>: loaded by visitors without JavaScript, who cannot consent through a banner. */
  inNoscript: boolean;
}

export interface TrackingEmbed {
  /** At least one tag loads Mautic tracking (held back or not). */
  loadsMautic: boolean;
  loaders: MauticLoader[];
  /** The consent managers seen on the page (their script, banner element, or markup on a held-back tag). */
  consentManagers: string[];
  /** Tag managers that may load tracking at run time (Google Tag Manager …). */
  tagManagers: string[];
  /** Google Analytics configured in inline scripts (e.g. Mautic's `google_analytics` raw script). */
  analytics: AnalyticsTag[];
  /** Google Analytics libraries loaded by <script src>. */
  analyticsLibraries: string[];
  facebook: FacebookPixel[];
  /** A cap was reached (scripts, script size, loaders): parts of the page were not analysed. */
  truncated: boolean;
}

export const MAX_INLINE_SCRIPTS = 400;
export const MAX_INLINE_CHARS = 512 * 1024;
const MAX_TOTAL_INLINE_CHARS = 4 * 1024 * 1024;
const MAX_INLINE_TOKENS = 150_000;
const MAX_LOADERS = 100;

/** The script types a browser runs (HTML: JavaScript MIME type essence match, or module). */
const EXECUTABLE_TYPES = new Set([
  '', 'module', 'application/ecmascript', 'application/javascript', 'application/x-ecmascript', 'application/x-javascript',
  'text/ecmascript', 'text/javascript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2', 'text/javascript1.3',
  'text/javascript1.4', 'text/javascript1.5', 'text/jscript', 'text/livescript', 'text/x-ecmascript', 'text/x-javascript',
]);
/** Data blocks, never JavaScript: not analysed. */
const DATA_TYPES = /(json|importmap|speculationrules)$/;
const MTC_PATH = /\/(mtc|mautic-tracking)\.js$/i;
const PIXEL_PATH = /\/mtracking\.gif$/i;
const TAG_MANAGERS: readonly { name: string; matches: (u: URL) => boolean }[] = [
  { name: 'Google Tag Manager', matches: (u) => u.hostname.endsWith('googletagmanager.com') && u.pathname.endsWith('/gtm.js') },
  { name: 'Tealium iQ', matches: (u) => u.hostname === 'tags.tiqcdn.com' },
  { name: 'Adobe Experience Platform Tags', matches: (u) => u.hostname === 'assets.adobedtm.com' },
  { name: 'Matomo Tag Manager', matches: (u) => /\/container_[A-Za-z0-9]+\.js$/.test(u.pathname) },
];
const GA_LIBRARY = (u: URL) =>
  (u.hostname.endsWith('google-analytics.com') && /\/(analytics|ga)\.js$/.test(u.pathname)) ||
  (u.hostname.endsWith('googletagmanager.com') && u.pathname.endsWith('/gtag/js'));

/** The type a script element runs as: `type`, else the legacy `language`, lower case without whitespace. */
function scriptType(attrs: Record<string, string>): string {
  if (attrs.type !== undefined) return attrs.type.trim().toLowerCase();
  if (attrs.language) return `text/${attrs.language.trim().toLowerCase()}`;
  return '';
}

function parseUrl(raw: string, base: string): URL | null {
  try {
    const u = new URL(raw.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** The first attribute (src first) whose value is a URL with the given path; the attribute and the URL. */
function urlAttribute(attrs: Record<string, string>, path: RegExp, base: string): { name: string; url: string } | null {
  const names = ['src', ...Object.keys(attrs).filter((n) => n !== 'src')];
  for (const name of names) {
    const value = attrs[name];
    if (!value || !/[./]/.test(value)) continue;
    const u = parseUrl(value, base);
    if (u && path.test(u.pathname)) return { name, url: u.href };
  }
  return null;
}

interface OpenScript {
  attrs: Record<string, string>;
  text: string;
  inNoscript: boolean;
}

/**
 * Reads a landing page's HTML (htmlparser2; nothing is executed) for the tags that load Mautic tracking and
 * whether a consent manager holds them back, the consent managers and tag managers on the page, and the
 * Google Analytics / Facebook Pixel settings of its inline scripts.
 */
export function detectTrackingEmbed(html: string, pageUrl: string): TrackingEmbed {
  const loaders: MauticLoader[] = [];
  const managers = new Set<string>();
  const tagManagers = new Set<string>();
  const libraries = new Set<string>();
  const analytics: AnalyticsTag[] = [];
  const facebook: FacebookPixel[] = [];
  let base = pageUrl;
  let baseSeen = false;
  let noscript = 0;
  let inlineSeen = 0;
  let inlineChars = 0;
  let truncated = false;
  let script: OpenScript | null = null;

  const addLoader = (loader: MauticLoader) => {
    if (loaders.length >= MAX_LOADERS) truncated = true;
    else loaders.push(loader);
  };
  const heldBack = (attrs: Record<string, string>, how: string) => {
    const by = consentManagerOfTag(attrs)?.name ?? null;
    if (by) managers.add(by);
    return { by, how };
  };

  const openScript = (attrs: Record<string, string>) => {
    const type = scriptType(attrs);
    const executable = EXECUTABLE_TYPES.has(type);
    if (!executable && consentManagerOfTag(attrs)) managers.add(consentManagerOfTag(attrs)!.name);
    const src = attrs.src ? parseUrl(attrs.src, base) : null;
    if (src) {
      const cmp = consentManagerOfScript(src);
      if (cmp) managers.add(cmp.name);
      for (const tm of TAG_MANAGERS) if (tm.matches(src)) tagManagers.add(tm.name);
      if (GA_LIBRARY(src)) libraries.add(src.href);
    }
    const mtc = urlAttribute(attrs, MTC_PATH, base);
    if (mtc) {
      const blocked = mtc.name !== 'src' ? heldBack(attrs, mtc.name) : executable ? null : heldBack(attrs, `type="${type}"`);
      addLoader({ kind: 'script', url: mtc.url, blocked, consentApis: [], inNoscript: noscript > 0 });
    }
    script = attrs.src === undefined && !mtc ? { attrs, text: '', inNoscript: noscript > 0 } : null;
  };

  const closeScript = ({ attrs, text, inNoscript }: OpenScript) => {
    const type = scriptType(attrs);
    if (!text.trim() || DATA_TYPES.test(type)) return;
    if (++inlineSeen > MAX_INLINE_SCRIPTS || inlineChars >= MAX_TOTAL_INLINE_CHARS) {
      truncated = true;
      return;
    }
    inlineChars += text.length;
    const { tokens, truncated: cut } = tokenize(text, MAX_INLINE_TOKENS);
    if (cut) truncated = true;
    const words = new Set(tokens.filter((t) => t.type === 'name' || t.type === 'string').map((t) => t.value));
    const urls = tokens.filter((t) => t.type === 'string' || t.type === 'template').map((t) => t.value);
    if (urls.some((s) => s.includes('googletagmanager.com/gtm.js'))) tagManagers.add('Google Tag Manager');
    const calls = findThirdPartyCalls(tokens);
    analytics.push(...calls.analytics);
    facebook.push(...calls.facebook);
    const mtcUrl = urls.map((s) => (/mtc\.js/i.test(s) ? parseUrl(s, base) : null)).find((u) => u && MTC_PATH.test(u.pathname));
    if (!words.has('MauticTrackingObject') && !(mtcUrl && words.has('createElement'))) return;
    const executable = EXECUTABLE_TYPES.has(type);
    addLoader({
      kind: 'inline-script',
      url: mtcUrl?.href ?? null,
      blocked: executable ? null : heldBack(attrs, `type="${type}"`),
      consentApis: consentApisIn(words).apis,
      inNoscript,
    });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (attrs.id) {
          const cmp = consentManagerOfId(attrs.id.trim());
          if (cmp) managers.add(cmp.name);
        }
        if (name === 'base' && !baseSeen && attrs.href) {
          baseSeen = true;
          base = parseUrl(attrs.href, pageUrl)?.href ?? pageUrl;
        } else if (name === 'noscript') {
          noscript++;
        } else if (name === 'script') {
          openScript(attrs);
        } else if (name === 'img') {
          const pixel = urlAttribute(attrs, PIXEL_PATH, base);
          if (pixel) addLoader({ kind: 'img', url: pixel.url, blocked: pixel.name === 'src' ? null : heldBack(attrs, pixel.name), consentApis: [], inNoscript: noscript > 0 });
        }
      },
      ontext(text) {
        if (!script) return;
        const room = MAX_INLINE_CHARS - script.text.length;
        if (text.length > room) truncated = true;
        script.text += text.slice(0, Math.max(room, 0));
      },
      onclosetag(name) {
        if (name === 'noscript' && noscript > 0) noscript--;
        if (name === 'script' && script) {
          closeScript(script);
          script = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  return {
    loadsMautic: loaders.length > 0,
    loaders,
    consentManagers: [...managers].sort(),
    tagManagers: [...tagManagers].sort(),
    analytics,
    analyticsLibraries: [...libraries],
    facebook,
    truncated,
  };
}
