/**
 * A small JavaScript tokenizer for scripts of the audited site (mtc.js, inline scripts of landing pages).
 * It never executes anything: it splits the source into names, string literals and punctuation, drops
 * comments and whitespace, and so lets the analysis match identifiers and literals whether the script was
 * minified or not. Template literals are kept whole (their `${…}` parts are not tokenized).
 */
export type JsTokenType = 'name' | 'string' | 'template' | 'number' | 'regex' | 'punct';

export interface JsToken {
  type: JsTokenType;
  /** Names and punctuation as written; string literals decoded; templates and regexes raw. */
  value: string;
}

export interface JsTokens {
  tokens: JsToken[];
  /** The token cap was reached: the rest of the source was not read. */
  truncated: boolean;
}

export const MAX_TOKENS = 400_000;

/** After these keywords a `/` starts a regular expression, after other names it divides. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']);

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95 || c > 127;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isNamePart = (c: number) => isNameStart(c) || isDigit(c);
const isSpace = (c: number) => c <= 32 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;

function regexAllowed(prev: JsToken | undefined): boolean {
  if (!prev) return true;
  if (prev.type === 'name') return BEFORE_REGEX.has(prev.value);
  if (prev.type === 'punct') return prev.value !== ')' && prev.value !== ']' && prev.value !== '}';
  return false;
}

function lineEnd(src: string, from: number): number {
  const nl = src.indexOf('\n', from);
  return nl < 0 ? src.length : nl + 1;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function hexChar(hex: string): string | null {
  if (!/^[0-9a-fA-F]+$/.test(hex)) return null;
  const code = parseInt(hex, 16);
  return code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** A quoted string from `start` (the quote); returns the decoded value and the index after it. */
function scanString(src: string, start: number): [string, number] {
  const quote = src[start];
  let out = '';
  let i = start + 1;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === quote) return [out, i + 1];
    if (ch === '\n') return [out, i];
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const next = src[i + 1] ?? '';
    if (next === 'x' || next === 'u') {
      const braced = next === 'u' && src[i + 2] === '{';
      const hex = braced ? src.slice(i + 3, src.indexOf('}', i + 3)) : src.slice(i + 2, i + (next === 'x' ? 4 : 6));
      const decoded = hexChar(hex);
      if (decoded !== null) {
        out += decoded;
        i += 2 + hex.length + (braced ? 2 : 0);
        continue;
      }
    }
    if (next === '\r' && src[i + 2] === '\n') i++;
    else if (next !== '\n' && next !== '\r') out += ESCAPES[next] ?? next;
    i += 2;
  }
  return [out, i];
}

/** A template literal from `start` (the backtick), `${…}` parts skipped by brace depth; [content end, next index]. */
function scanTemplate(src: string, start: number): [number, number] {
  let i = start + 1;
  let depth = 0;
  while (i < src.length) {
    const ch = src[i];
    if (ch === '\\') i += 2;
    else if (depth === 0 && ch === '`') return [i, i + 1];
    else if (ch === '$' && src[i + 1] === '{') {
      depth++;
      i += 2;
    } else {
      if (depth > 0 && ch === '{') depth++;
      if (depth > 0 && ch === '}') depth--;
      i++;
    }
  }
  return [src.length, src.length];
}

/** A regular expression literal from `start` (the slash); -1 when the line ends before it closes. */
function scanRegex(src: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\n') return -1;
    if (ch === '\\') i++;
    else if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    else if (ch === '/' && !inClass) {
      let end = i + 1;
      while (end < src.length && isNamePart(src.charCodeAt(end))) end++;
      return end;
    }
  }
  return -1;
}

export function tokenize(src: string, maxTokens = MAX_TOKENS): JsTokens {
  const tokens: JsToken[] = [];
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (tokens.length >= maxTokens) return { tokens, truncated: true };
    const ch = src[i]!;
    const regexEnd = ch === '/' && src[i + 1] !== '/' && src[i + 1] !== '*' && regexAllowed(tokens[tokens.length - 1]) ? scanRegex(src, i) : -1;
    if (ch === '/' && src[i + 1] === '/') {
      i = lineEnd(src, i);
    } else if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (ch === '<' && src.startsWith('<!--', i)) {
      i = lineEnd(src, i); // HTML-like comment, allowed in classic scripts
    } else if (regexEnd > 0) {
      tokens.push({ type: 'regex', value: src.slice(i, regexEnd) });
      i = regexEnd;
    } else if (ch === '"' || ch === "'") {
      const [value, end] = scanString(src, i);
      tokens.push({ type: 'string', value });
      i = end;
    } else if (ch === '`') {
      const [contentEnd, end] = scanTemplate(src, i);
      tokens.push({ type: 'template', value: src.slice(i + 1, contentEnd) });
      i = end;
    } else if (isNameStart(c)) {
      let end = i + 1;
      while (end < n && isNamePart(src.charCodeAt(end))) end++;
      tokens.push({ type: 'name', value: src.slice(i, end) });
      i = end;
    } else if (isDigit(c) || (ch === '.' && isDigit(src.charCodeAt(i + 1)))) {
      let end = i + 1;
      while (end < n && (isNamePart(src.charCodeAt(end)) || src[end] === '.' || ((src[end] === '+' || src[end] === '-') && /[eE]/.test(src[end - 1]!)))) end++;
      tokens.push({ type: 'number', value: src.slice(i, end) });
      i = end;
    } else {
      tokens.push({ type: 'punct', value: ch });
      i++;
    }
  }
  return { tokens, truncated: false };
}

const OPEN: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/**
 * The arguments of the call whose `(` is at `open`, each as its tokens; null when the parenthesis never
 * closes. Bounded: at most `maxArgs` arguments and `maxTokens` tokens are looked at.
 */
export function callArguments(tokens: readonly JsToken[], open: number, maxArgs = 16, maxTokens = 4000): JsToken[][] | null {
  const args: JsToken[][] = [];
  let current: JsToken[] = [];
  const stack: string[] = [];
  const last = Math.min(tokens.length, open + 1 + maxTokens);
  for (let i = open + 1; i < last; i++) {
    const t = tokens[i]!;
    if (t.type === 'punct') {
      if (stack.length === 0 && t.value === ')') {
        if (current.length || args.length) args.push(current);
        return args;
      }
      if (stack.length === 0 && t.value === ',') {
        args.push(current);
        current = [];
        if (args.length >= maxArgs) return args;
        continue;
      }
      if (OPEN[t.value]) stack.push(OPEN[t.value]!);
      else if (t.value === stack[stack.length - 1]) stack.pop();
    }
    current.push(t);
  }
  return null;
}

/** The string an argument is, when it is one literal (a template without substitutions counts). */
export function stringValue(arg: readonly JsToken[] | undefined): string | null {
  if (!arg || arg.length !== 1) return null;
  const t = arg[0]!;
  if (t.type === 'string') return t.value;
  if (t.type === 'template' && !t.value.includes('${')) return t.value;
  return null;
}

/** `true`, or its minified form `!0`. */
export function isTrue(arg: readonly JsToken[] | undefined): boolean {
  if (!arg) return false;
  if (arg.length === 1) return arg[0]!.type === 'name' && arg[0]!.value === 'true';
  return arg.length === 2 && arg[0]!.value === '!' && arg[1]!.type === 'number' && arg[1]!.value === '0';
}

/** The top-level properties of an object literal argument (`{a:1,"b":true}`), key → value tokens. */
export function objectEntries(arg: readonly JsToken[] | undefined): Map<string, JsToken[]> {
  const entries = new Map<string, JsToken[]>();
  if (!arg || arg[0]?.value !== '{' || arg[0].type !== 'punct') return entries;
  const asCall: JsToken[] = [{ type: 'punct', value: '(' }, ...arg.slice(1, -1), { type: 'punct', value: ')' }];
  for (const prop of callArguments(asCall, 0, 256, asCall.length) ?? []) {
    const key = prop[0];
    if (!key || prop[1]?.value !== ':' || (key.type !== 'name' && key.type !== 'string' && key.type !== 'number')) continue;
    entries.set(key.value, prop.slice(2));
  }
  return entries;
}
