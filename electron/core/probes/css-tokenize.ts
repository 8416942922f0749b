// A CSS tokenizer after CSS Syntax Level 3 (§4), reduced to the tokens the URL finder needs. Strings,
// comments, escapes and unquoted url() are handled as a browser does, so a URL inside a comment or a string
// is never taken for a load, and `url(a\)b.png)` or `"it\"s"` come out whole.

export type CssToken =
  | { type: 'at-keyword' | 'function' | 'url' | 'string' | 'ident' | 'delim'; value: string }
  | { type: 'whitespace' | 'bad-string' | 'bad-url' | '{' | '}' | '(' | ')' | ';' | ',' | ':' };

const SINGLE = new Set(['{', '}', '(', ')', ';', ',', ':'] as const);
type Single = '{' | '}' | '(' | ')' | ';' | ',' | ':';

const isWhitespace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';
const isNewline = (c: string | undefined) => c === '\n' || c === '\r' || c === '\f';
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;
const isLetter = (code: number) => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
function isHex(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}
function isNameChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return isLetter(code) || isDigit(code) || code === 0x2d || code === 0x5f || code >= 0x80;
}
function isNonPrintable(c: string): boolean {
  const code = c.charCodeAt(0);
  return code <= 0x08 || code === 0x0b || (code >= 0x0e && code <= 0x1f) || code === 0x7f;
}

export function* tokenizeCss(css: string): Generator<CssToken> {
  let pos = 0;
  const at = (i = 0) => css[pos + i];
  const validEscape = (i = 0) => at(i) === '\\' && pos + i + 1 < css.length && !isNewline(at(i + 1));

  // Called with pos just after the backslash of a valid escape.
  const consumeEscape = (): string => {
    if (pos >= css.length) return '\uFFFD';
    if (isHex(at())) {
      let hex = '';
      while (hex.length < 6 && isHex(at())) hex += css[pos++];
      if (at() === '\r' && at(1) === '\n') pos += 2;
      else if (isWhitespace(at())) pos += 1;
      const cp = parseInt(hex, 16);
      return cp === 0 || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff ? '\uFFFD' : String.fromCodePoint(cp);
    }
    const cp = css.codePointAt(pos)!;
    const ch = String.fromCodePoint(cp);
    pos += ch.length;
    return ch;
  };

  const consumeName = (): string => {
    let name = '';
    for (;;) {
      if (isNameChar(at())) name += css[pos++];
      else if (validEscape()) {
        pos += 1;
        name += consumeEscape();
      } else return name;
    }
  };

  const consumeString = (quote: string): CssToken => {
    pos += 1;
    let value = '';
    while (pos < css.length) {
      const c = css[pos]!;
      if (c === quote) {
        pos += 1;
        return { type: 'string', value };
      }
      if (isNewline(c)) return { type: 'bad-string' };
      if (c === '\\') {
        if (pos + 1 >= css.length) pos += 1;
        else if (isNewline(at(1))) pos += at(1) === '\r' && at(2) === '\n' ? 3 : 2;
        else {
          pos += 1;
          value += consumeEscape();
        }
        continue;
      }
      value += c;
      pos += 1;
    }
    return { type: 'string', value };
  };

  const consumeBadUrlRemnants = (): CssToken => {
    while (pos < css.length) {
      if (at() === ')') {
        pos += 1;
        break;
      }
      if (validEscape()) {
        pos += 1;
        consumeEscape();
      } else pos += 1;
    }
    return { type: 'bad-url' };
  };

  // Called with pos just after `url(`, the argument not being a quoted string.
  const consumeUrl = (): CssToken => {
    while (isWhitespace(at())) pos += 1;
    let value = '';
    while (pos < css.length) {
      const c = css[pos]!;
      if (c === ')') {
        pos += 1;
        return { type: 'url', value };
      }
      if (isWhitespace(c)) {
        while (isWhitespace(at())) pos += 1;
        if (pos >= css.length) break;
        if (at() === ')') {
          pos += 1;
          break;
        }
        return consumeBadUrlRemnants();
      }
      if (c === '"' || c === "'" || c === '(' || isNonPrintable(c)) return consumeBadUrlRemnants();
      if (c === '\\') {
        if (!validEscape()) return consumeBadUrlRemnants();
        pos += 1;
        value += consumeEscape();
        continue;
      }
      value += c;
      pos += 1;
    }
    return { type: 'url', value };
  };

  const consumeIdentLike = (): CssToken => {
    const name = consumeName();
    if (at() !== '(') return { type: 'ident', value: name };
    pos += 1;
    if (name.toLowerCase() !== 'url') return { type: 'function', value: name };
    let look = pos;
    while (isWhitespace(css[look])) look += 1;
    if (css[look] === '"' || css[look] === "'") {
      pos = look;
      return { type: 'function', value: name };
    }
    return consumeUrl();
  };

  while (pos < css.length) {
    const c = css[pos]!;
    if (c === '/' && at(1) === '*') {
      const end = css.indexOf('*/', pos + 2);
      pos = end < 0 ? css.length : end + 2;
    } else if (isWhitespace(c)) {
      while (isWhitespace(at())) pos += 1;
      yield { type: 'whitespace' };
    } else if (c === '"' || c === "'") {
      yield consumeString(c);
    } else if (c === '@' && (isNameChar(at(1)) || validEscape(1))) {
      pos += 1;
      yield { type: 'at-keyword', value: consumeName() };
    } else if (SINGLE.has(c as Single)) {
      pos += 1;
      yield { type: c as Single };
    } else if (isNameChar(c) || validEscape()) {
      yield consumeIdentLike();
    } else {
      const ch = String.fromCodePoint(css.codePointAt(pos)!);
      pos += ch.length;
      yield { type: 'delim', value: ch };
    }
  }
}
