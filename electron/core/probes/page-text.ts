import { Parser } from 'htmlparser2';

/** Elements whose content a visitor does not read as text. */
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'title', 'iframe', 'object']);
/** Elements that start a new line in the rendered page. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'td', 'th', 'tr', 'ul', 'option', 'label', 'button',
]);

export const MAX_TEXT_CHARS = 300_000;

export interface PageText {
  /** The visible text, one line per block, whitespace collapsed. */
  text: string;
  /** The text was longer than the cap and cut there. */
  truncated: boolean;
  /** The `lang` attribute of `<html>`, lower case; null when absent. */
  htmlLang: string | null;
}

/**
 * The text a visitor sees, from a real HTML tokenizer (htmlparser2): the content of scripts, styles, templates,
 * SVG and the like is skipped, block elements break lines. Nothing is executed; the result is capped.
 */
export function extractVisibleText(html: string, maxChars = MAX_TEXT_CHARS): PageText {
  const lines: string[] = [];
  let line = '';
  let kept = 0;
  let truncated = false;
  let hiddenDepth = 0;
  let htmlLang: string | null = null;
  const breakLine = () => {
    const clean = line.replace(/\s+/g, ' ').trim();
    line = '';
    if (!clean || truncated) return;
    const room = maxChars - kept;
    if (clean.length > room) {
      truncated = true;
      if (room > 0) lines.push(clean.slice(0, room));
      kept = maxChars;
      return;
    }
    lines.push(clean);
    kept += clean.length + 1;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'html' && htmlLang === null && attrs.lang) htmlLang = attrs.lang.trim().toLowerCase() || null;
        if (HIDDEN.has(name)) hiddenDepth++;
        else if (BLOCK.has(name)) breakLine();
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hiddenDepth = Math.max(0, hiddenDepth - 1);
        else if (BLOCK.has(name)) breakLine();
      },
      ontext(data) {
        // Bounded: a line that grows past the cap is flushed (and cut) before it gets bigger.
        if (hiddenDepth > 0 || truncated) return;
        line += data;
        if (line.length > maxChars) breakLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  breakLine();
  return { text: lines.join('\n'), truncated, htmlLang };
}

/** Plain text as a page of lines, with the same cap. */
export function plainText(body: string, maxChars = MAX_TEXT_CHARS): PageText {
  const lines = body
    .slice(0, maxChars * 2)
    .split(/\r?\n/)
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const text = lines.join('\n');
  return { text: text.slice(0, maxChars), truncated: text.length > maxChars || body.length > maxChars * 2, htmlLang: null };
}

const GERMAN = new Set(['der', 'die', 'das', 'und', 'nicht', 'wir', 'ihre', 'ihrer', 'sie', 'werden', 'ist', 'mit', 'für', 'von', 'zu', 'auf', 'eine', 'daten', 'personenbezogenen', 'sofern', 'oder']);
const ENGLISH = new Set(['the', 'and', 'of', 'to', 'we', 'your', 'you', 'is', 'with', 'for', 'by', 'data', 'personal', 'are', 'this', 'or', 'our', 'which', 'may']);
const LANGUAGE_SAMPLE = 50_000;

/** 'de' or 'en' by counting common words; the `<html lang>` decides a tie; null when neither shows. */
export function detectLanguage(text: string, htmlLang: string | null = null): 'de' | 'en' | null {
  let de = 0;
  let en = 0;
  for (const word of text.slice(0, LANGUAGE_SAMPLE).toLowerCase().split(/[^a-zäöüß]+/)) {
    if (GERMAN.has(word)) de++;
    else if (ENGLISH.has(word)) en++;
  }
  if (de > en && de >= 3) return 'de';
  if (en > de && en >= 3) return 'en';
  const declared = htmlLang?.slice(0, 2);
  return declared === 'de' || declared === 'en' ? declared : null;
}
