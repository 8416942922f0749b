import { Parser } from 'htmlparser2';

/** Link texts that name the privacy policy (German and English). */
const POLICY_TEXT = /datenschutz|privacy|data protection|privatsphäre/i;
/** URL paths that name it. */
const POLICY_HREF = /datenschutz|privacy|data[-_]?protection|dsgvo|gdpr/i;
/** "Datenschutz-Einstellungen", "Privacy settings": a consent manager's button, not the policy. */
const SETTINGS = /einstellung|settings|preferences|präferenz|optionen|options/i;
const MAX_ANCHORS = 5000;
const MAX_LINK_TEXT = 200;

export interface PolicyLink {
  /** Resolved against the page (and its <base href>). */
  url: string;
  /** The link's text (or its aria-label / title), whitespace collapsed. */
  text: string;
}

interface Anchor {
  href: string;
  text: string;
}

function resolve(raw: string, base: string): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

/**
 * The page's link to its privacy policy, found with a real HTML tokenizer (nothing is executed): the first `<a>`
 * whose text says Datenschutz / Privacy / data protection; failing that, the first whose URL does. Links to the
 * page itself ("#"), javascript: links and consent-manager settings are skipped.
 */
export function findPolicyLink(html: string, pageUrl: string): PolicyLink | null {
  const anchors: Anchor[] = [];
  let base = pageUrl;
  let baseSeen = false;
  let current: Anchor | null = null;
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && !baseSeen && attrs.href) {
          baseSeen = true;
          base = resolve(attrs.href.trim(), pageUrl)?.href ?? pageUrl;
        } else if (name === 'a' && anchors.length < MAX_ANCHORS) {
          current = { href: attrs.href ?? '', text: [attrs['aria-label'], attrs.title].filter(Boolean).join(' ') };
          anchors.push(current);
        } else if (name === 'script' || name === 'style' || name === 'template') {
          hidden++;
        }
      },
      onclosetag(name) {
        if (name === 'a') current = null;
        else if (name === 'script' || name === 'style' || name === 'template') hidden = Math.max(0, hidden - 1);
      },
      ontext(data) {
        if (current && !hidden && current.text.length < MAX_LINK_TEXT) current.text += data;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();

  const self = resolve(pageUrl, pageUrl);
  if (self) self.hash = '';
  const candidates: (PolicyLink & { byText: boolean })[] = [];
  for (const a of anchors) {
    const url = resolve(a.href.trim(), base);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) continue;
    const text = a.text.replace(/\s+/g, ' ').trim().slice(0, MAX_LINK_TEXT);
    if (SETTINGS.test(text)) continue;
    url.hash = '';
    if (url.href === self?.href && !POLICY_HREF.test(url.pathname)) continue;
    const byText = POLICY_TEXT.test(text);
    if (byText || POLICY_HREF.test(url.pathname + url.search)) candidates.push({ url: url.href, text, byText });
  }
  const chosen = candidates.find((c) => c.byText) ?? candidates[0];
  return chosen ? { url: chosen.url, text: chosen.text } : null;
}
