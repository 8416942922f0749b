import type { Engine } from 'php-parser';

/** A value the file computes at run time (function call, constant, variable …): recorded by kind, never guessed. */
export interface NotLiteral {
  notLiteral: true;
  /** 'call', 'constant', 'class-constant', 'variable', 'interpolation', 'magic-constant', 'expression', 'too-deep', … */
  kind: string;
  /** The function, constant or variable name, when there is one (code, never data). */
  name?: string;
}

export type PhpValue = string | number | boolean | null | NotLiteral | PhpValue[] | PhpMap;
/** A PHP array with keys other than 0…n-1, as a prototype-free object (a hostile `__proto__` key stays a key). */
export interface PhpMap {
  [key: string]: PhpValue;
}

/** The part of a php-parser node we read; `loc` offsets index the decoded text (UTF-16 units). */
export interface AstNode {
  kind: string;
  loc: { start: { offset: number; line: number }; end: { offset: number } } | null;
  [field: string]: unknown;
}

export const MAX_DEPTH = 64;

export function isNotLiteral(v: unknown): v is NotLiteral {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && (v as NotLiteral).notLiteral === true && typeof (v as NotLiteral).kind === 'string';
}

export function isPhpMap(v: unknown): v is PhpMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isNotLiteral(v);
}

export function newMap(): PhpMap {
  return Object.create(null) as PhpMap;
}

const notLiteral = (kind: string, name?: string): NotLiteral => (name ? { notLiteral: true, kind, name } : { notLiteral: true, kind });
const child = (node: AstNode, field: string) => node[field] as AstNode | null | undefined;

/** PHP integer and float literals: 1_000, 0x1F, 0b101, 0o17, 017, 1.5e3. */
export function phpNumber(raw: string): number | null {
  const s = raw.replace(/_/g, '');
  let n: number;
  if (/^0x[0-9a-f]+$/i.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0b[01]+$/i.test(s)) n = parseInt(s.slice(2), 2);
  else if (/^0o?[0-7]+$/i.test(s) && s.length > 1) n = parseInt(s.replace(/^0o?/i, ''), 8);
  else n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** How PHP turns a scalar into a string in a concatenation. */
function phpString(v: string | number | boolean | null): string {
  if (v === true) return '1';
  if (v === false || v === null) return '';
  return String(v);
}

function isScalar(v: PhpValue): v is string | number | boolean | null {
  return v === null || typeof v !== 'object';
}

function encapsedValue(node: AstNode): PhpValue {
  const parts = (node.value as AstNode[] | undefined) ?? [];
  let text = '';
  for (const part of parts) {
    const expr = child(part, 'expression');
    if (part.kind !== 'encapsedpart' || expr?.kind !== 'string') return notLiteral('interpolation');
    text += String(expr.value);
  }
  return text;
}

function nodeName(node: AstNode | null | undefined): string | undefined {
  if (!node) return undefined;
  if (typeof node.name === 'string') return node.name;
  return undefined;
}

/** Converts a literal expression; anything computed at run time becomes a NotLiteral marker. */
export function literalValue(node: AstNode | null | undefined, depth = 0): PhpValue {
  if (!node) return notLiteral('missing');
  if (depth > MAX_DEPTH) return notLiteral('too-deep');
  switch (node.kind) {
    case 'string':
    case 'nowdoc':
      return String(node.value);
    case 'encapsed':
      return encapsedValue(node);
    case 'number':
      return phpNumber(String(node.value)) ?? notLiteral('number');
    case 'boolean':
      return node.value === true;
    case 'nullkeyword':
      return null;
    case 'unary': {
      const inner = literalValue(child(node, 'what'), depth + 1);
      if (typeof inner !== 'number' || (node.type !== '-' && node.type !== '+')) return notLiteral('expression');
      return node.type === '-' ? -inner : inner;
    }
    case 'bin': {
      if (node.type !== '.') return notLiteral('expression');
      const left = literalValue(child(node, 'left'), depth + 1);
      const right = literalValue(child(node, 'right'), depth + 1);
      if (!isScalar(left) || !isScalar(right)) return notLiteral('expression');
      return phpString(left) + phpString(right);
    }
    case 'array':
      return arrayValue(node, depth + 1);
    case 'call':
      return notLiteral('call', nodeName(child(node, 'what')));
    case 'name':
      return notLiteral('constant', nodeName(node));
    case 'staticlookup': {
      const cls = nodeName(child(node, 'what'));
      const constant = nodeName(child(node, 'offset'));
      return notLiteral('class-constant', cls && constant ? `${cls}::${constant}` : undefined);
    }
    case 'variable':
      return notLiteral('variable', typeof node.name === 'string' ? `$${node.name}` : undefined);
    case 'magic':
      return notLiteral('magic-constant', typeof node.value === 'string' ? node.value : undefined);
    default:
      return notLiteral(node.kind);
  }
}

/** PHP's key rules: canonical decimal strings become integers, bools integers, null the empty string. */
function arrayKey(node: AstNode): string | number | NotLiteral {
  const v = literalValue(node);
  if (typeof v === 'number') return Math.trunc(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === null) return '';
  if (typeof v === 'string') return /^(0|-?[1-9][0-9]*)$/.test(v) && Number.isSafeInteger(Number(v)) ? Number(v) : v;
  return isNotLiteral(v) ? v : notLiteral('key');
}

export interface ArrayEntry {
  /** The PHP key as a string; a computed key reads `<not a literal: kind name>`. */
  key: string;
  keyIsLiteral: boolean;
  value: AstNode | null;
  /** `...$spread` or `&$ref`: the array cannot be known without running the code. */
  dynamic: boolean;
}

/** The entries of an array node with PHP's keys (auto-index after the highest integer key). */
export function arrayEntries(node: AstNode): ArrayEntry[] {
  const items = (node.items as (AstNode | null)[] | undefined) ?? [];
  const out: ArrayEntry[] = [];
  let next = 0;
  for (const item of items) {
    if (!item) continue;
    const isEntry = item.kind === 'entry';
    const keyNode = isEntry ? child(item, 'key') : null;
    const value = isEntry ? (child(item, 'value') ?? null) : item;
    const dynamic = isEntry && (item.unpack === true || item.byRef === true);
    let key: string | number | NotLiteral = next;
    if (keyNode) key = arrayKey(keyNode);
    if (typeof key === 'number' && key >= next) next = key + 1;
    if (isNotLiteral(key)) out.push({ key: `<not a literal: ${key.kind}${key.name ? ` ${key.name}` : ''}>`, keyIsLiteral: false, value, dynamic });
    else out.push({ key: String(key), keyIsLiteral: true, value, dynamic });
  }
  return out;
}

function arrayValue(node: AstNode, depth: number): PhpValue {
  const entries = arrayEntries(node);
  if (entries.some((e) => e.dynamic)) return notLiteral('spread');
  const map = newMap();
  for (const e of entries) {
    // PHP keeps the first position of a key that is assigned twice, with the last value.
    map[e.key] = literalValue(e.value, depth);
  }
  const keys = Object.keys(map);
  return keys.every((k, i) => k === String(i)) ? keys.map((k) => map[k]!) : map;
}

let parser: typeof import('php-parser') | null = null;

/**
 * A PHP parser (never an interpreter). php-parser loads on first use, synchronously (the parsing API is
 * synchronous), so an audit without a local.php to read never loads it.
 */
export function phpEngine(): Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberate lazy load; php-parser is an allowed import here
  parser ??= require('php-parser') as typeof import('php-parser');
  return new parser.Engine({ parser: { php8: true, suppressErrors: false, extractDoc: true }, ast: { withPositions: true, withSource: false }, lexer: { short_tags: false } });
}
