import { tokenizeCss } from './css-tokenize';

/** What a URL in CSS loads: an imported stylesheet, a web font (@font-face src) or an image (everything else). */
export type CssReferenceKind = 'stylesheet' | 'font' | 'image';

export interface CssReference {
  kind: CssReferenceKind;
  /** The URL as written, escapes decoded, not yet resolved. */
  raw: string;
}

export const MAX_CSS_REFERENCES = 1000;

/** At-rules that may come before an @import; after any other rule, browsers ignore @import. */
const BEFORE_IMPORT = new Set(['charset', 'import', 'layer']);
const IMAGE_SET = new Set(['image-set', '-webkit-image-set']);

/**
 * The URLs a piece of CSS makes the browser fetch: `@import` (only where browsers honour it: at the top,
 * before other rules), `url()` / `src()` in `@font-face` as fonts, any other `url()` and image-set() strings
 * as images. `@namespace` URLs, fragment-only references (`url(#clip)`) and data: URLs load nothing and are
 * left out. `context: 'declarations'` reads a `style=""` attribute.
 */
export function cssReferences(css: string, context: 'stylesheet' | 'declarations' = 'stylesheet', max = MAX_CSS_REFERENCES): { references: CssReference[]; truncated: boolean } {
  const references: CssReference[] = [];
  let truncated = false;
  const blocks: boolean[] = []; // per open {: whether it is an @font-face block
  let fontFaces = 0; // open @font-face blocks (nested rules inside count as inside)
  const fns: { name: string; argTaken: boolean }[] = [];
  let atRule: string | null = null;
  let atStart = true;
  let importTaken = false;
  let importsAllowed = context === 'stylesheet';

  const endStatement = () => {
    atRule = null;
    atStart = true;
    importTaken = false;
    fns.length = 0;
  };
  const add = (raw: string, kind: CssReferenceKind) => {
    const url = raw.trim();
    if (!url || url.startsWith('#') || /^data:/i.test(url)) return;
    if (references.length >= max) truncated = true;
    else references.push({ kind, raw: url });
  };
  const found = (raw: string, inImageSet = false) => {
    if (atRule === 'namespace') return;
    if (atRule === 'import' && blocks.length === 0) {
      if (!importTaken && importsAllowed) add(raw, 'stylesheet');
      importTaken = true;
      return;
    }
    add(raw, fontFaces > 0 && !inImageSet ? 'font' : 'image');
  };

  for (const token of tokenizeCss(css)) {
    if (truncated) break;
    const top = fns[fns.length - 1];
    switch (token.type) {
      case 'whitespace':
        break;
      case 'at-keyword':
        if (atStart && fns.length === 0) atRule = token.value.toLowerCase();
        atStart = false;
        break;
      case 'url':
        found(token.value);
        atStart = false;
        break;
      case 'string':
        if (top && (top.name === 'url' || top.name === 'src') && !top.argTaken) found(token.value);
        else if (top && IMAGE_SET.has(top.name)) found(token.value, true);
        else if (!top && atRule === 'import') found(token.value);
        if (top) top.argTaken = true;
        atStart = false;
        break;
      case 'function':
        fns.push({ name: token.value.toLowerCase(), argTaken: false });
        atStart = false;
        break;
      case '(':
        fns.push({ name: '', argTaken: false });
        break;
      case ')':
        fns.pop();
        break;
      case '{':
        if (blocks.length === 0) importsAllowed = false;
        blocks.push(atRule === 'font-face');
        if (atRule === 'font-face') fontFaces += 1;
        endStatement();
        break;
      case '}':
        if (blocks.pop()) fontFaces -= 1;
        endStatement();
        break;
      case ';':
        if (fns.length) break;
        if (blocks.length === 0 && !(atRule !== null && BEFORE_IMPORT.has(atRule))) importsAllowed = false;
        endStatement();
        break;
      default:
        if (top) top.argTaken = true;
        atStart = false;
    }
  }
  return { references, truncated };
}
