import type { NetError } from '../net/types';
import { isPhpMap, literalValue, newMap, phpEngine, type AstNode, type PhpMap } from './php-values';

/** local.php is a few KiB; anything above this is refused before it is read in full. */
export const MAX_LOCAL_PHP_BYTES = 1024 * 1024;

/** Where a value of $parameters was written: `$parameters = [...]` (path []) or `$parameters['k'] = v` (path ['k']). */
export interface ParameterRoot {
  path: string[];
  node: AstNode;
}

/** A span of the source that is not part of $parameters and is blanked in the redacted copy. */
export interface OtherSpan {
  start: number;
  end: number;
  what: 'comment' | 'line-comment' | 'statement' | 'inline';
}

export interface ParsedLocalPhp {
  /** The decoded text (BOM removed); the AST offsets index it. */
  text: string;
  parameters: PhpMap;
  roots: ParameterRoot[];
  others: OtherSpan[];
  /** Statements other than assignments to $parameters (ignored, never run). */
  ignoredStatements: number;
}

export type ParseResult = { ok: true; parsed: ParsedLocalPhp } | { ok: false; error: NetError };

const fail = (message: string): ParseResult => ({ ok: false, error: { code: 'parse', message } });

/** Bytes to text: NUL or many control bytes mean binary; invalid UTF-8 is read as Latin-1 (older editors). */
export function decodeConfigText(bytes: Buffer): string | null {
  let control = 0;
  for (const b of bytes) {
    if (b === 0) return null;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) control++;
  }
  if (control > 8 && control * 100 > bytes.length) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = bytes.toString('latin1');
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

const span = (node: AstNode) => ({ start: node.loc?.start.offset ?? 0, end: node.loc?.end.offset ?? 0 });

/** `$parameters`, `$parameters['a']`, `$parameters['a']['b']` → the key path; null for anything else. */
function parametersPath(left: AstNode | undefined): string[] | null {
  if (!left) return null;
  if (left.kind === 'variable') return left.name === 'parameters' ? [] : null;
  if (left.kind !== 'offsetlookup') return null;
  const base = parametersPath(left.what as AstNode | undefined);
  const offset = left.offset as AstNode | null | undefined;
  if (base === null || !offset) return null;
  const key = literalValue(offset);
  if (typeof key !== 'string' && typeof key !== 'number') return null;
  return [...base, String(key)];
}

function assignAt(target: PhpMap, path: string[], value: ReturnType<typeof literalValue>): void {
  let map = target;
  for (const key of path.slice(0, -1)) {
    const next = map[key];
    if (!isPhpMap(next)) map[key] = newMap();
    map = map[key] as PhpMap;
  }
  map[path[path.length - 1]!] = value;
}

/** Where the parser stopped, without its message: that quotes tokens of the file, which may be secrets. */
function syntaxError(text: string, err: { lineNumber?: unknown; columnNumber?: unknown }): ParseResult {
  const line = typeof err.lineNumber === 'number' ? err.lineNumber : null;
  if (line === null) return fail('local.php is not valid PHP (syntax error)');
  const lines = text.split('\n');
  const column = typeof err.columnNumber === 'number' ? err.columnNumber : 0;
  const rest = [lines[line - 1]?.slice(column) ?? '', ...lines.slice(line)].join('\n');
  const atEnd = rest.trim() === '';
  return fail(atEnd ? `local.php ends in the middle of PHP code (line ${line}): the file looks truncated` : `local.php is not valid PHP: syntax error on line ${line}, column ${column + 1}`);
}

/**
 * Parses local.php with a real PHP parser (never run) and collects the literal values assigned to
 * `$parameters`. Other statements are ignored; their spans, the comments and inline text are kept for
 * blanking in the redacted copy.
 */
export function parseLocalPhp(bytes: Buffer): ParseResult {
  if (bytes.length > MAX_LOCAL_PHP_BYTES) return fail(`local.php is larger than ${MAX_LOCAL_PHP_BYTES} bytes`);
  const text = decodeConfigText(bytes);
  if (text === null) return fail('local.php is not a text file (binary content)');
  let program: AstNode;
  try {
    program = phpEngine().parseCode(text, 'local.php') as unknown as AstNode;
  } catch (err) {
    if (err instanceof RangeError) return fail('local.php is nested too deeply to be read');
    return syntaxError(text, err as { lineNumber?: unknown; columnNumber?: unknown });
  }
  const children = (program.children as AstNode[] | undefined) ?? [];
  if (!children.some((c) => c.kind !== 'inline')) return fail('local.php contains no PHP code (no <?php tag; is it an HTML page?)');
  const parameters = newMap();
  const roots: ParameterRoot[] = [];
  const others: OtherSpan[] = [];
  let ignored = 0;
  let found = false;
  for (const stmt of children) {
    const expr = stmt.kind === 'expressionstatement' ? (stmt.expression as AstNode | undefined) : undefined;
    const path = expr?.kind === 'assign' && expr.operator === '=' ? parametersPath(expr.left as AstNode) : null;
    if (!expr || path === null) {
      if (stmt.kind === 'inline') others.push({ ...span(stmt), what: 'inline' });
      else {
        ignored++;
        others.push({ ...span(stmt), what: 'statement' });
      }
      continue;
    }
    const right = expr.right as AstNode;
    found = true;
    roots.push({ path, node: right });
    const value = literalValue(right);
    if (path.length === 0) {
      if (!isPhpMap(value) && !Array.isArray(value)) return fail(`$parameters is not assigned a literal array (${right.kind})`);
      for (const key of Object.keys(parameters)) delete parameters[key];
      const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
      for (const [k, v] of entries) parameters[k] = v;
    } else assignAt(parameters, path, value);
  }
  if (!found) return fail('local.php assigns no $parameters array (is it a Mautic configuration file?)');
  for (const c of (program.comments as AstNode[] | null | undefined) ?? []) {
    others.push({ ...span(c), what: c.kind === 'commentline' ? 'line-comment' : 'comment' });
  }
  return { ok: true, parsed: { text, parameters, roots, others, ignoredStatements: ignored } };
}
