import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';
import type { z } from 'zod';
import { CHECK_ID, GDPR_REF, ITEM_ID, MESSAGE_CODE } from './schema';

export { ChecklistError, formatProblem } from './checklist-error';

export type PathSegment = string | number;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (/^[A-Za-z_][\w-]*$/.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/**
 * The position of the node at `path`; when the node does not exist (a missing field), the position of its
 * nearest existing parent. A block collection that is a map value is placed at its key (`title:`), since the
 * collection itself starts on the following line; with `atKey`, a map entry is placed at its key.
 */
export function locate(doc: Document, lc: LineCounter, path: readonly PathSegment[], atKey = false): { line: number; column: number } {
  let node: unknown = doc.contents;
  let pair: Pair | null = null;
  let found = 0;
  for (const seg of path) {
    let next: unknown;
    let nextPair: Pair | null = null;
    if (isMap(node)) {
      nextPair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === seg) ?? null;
      next = nextPair?.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      next = node.items[seg];
    }
    if (next === undefined && !nextPair) break;
    node = next;
    pair = nextPair;
    found++;
  }
  const complete = found === path.length;
  const keyNode = pair && (pair.key as Node | null);
  const useKey = keyNode?.range && (!isScalar(node) || (atKey && complete) || !(node as Node | null)?.range);
  const offset = useKey ? keyNode!.range![0] : ((node as Node | null)?.range?.[0] ?? 0);
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

const PATTERN_HINTS = new Map<string, string>([
  [String(ITEM_ID), 'lowercase letters, digits and hyphens, starting with a letter'],
  [String(CHECK_ID), 'an id like "area.name" (lowercase letters, digits and hyphens)'],
  [String(MESSAGE_CODE), 'a code like "cert-expired"'],
  [String(GDPR_REF), "a reference like 'Art. 32', 'Art. 5(1)(e)' or '§25 TDDDG'"],
]);

const TYPE_NAMES: Record<string, string> = { string: 'a text', number: 'a number', int: 'a whole number', object: 'a mapping', array: 'a list', boolean: 'true or false' };

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (empty)';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${String(value)}`;
}

/** What is wrong, in words an author of checklist data understands. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const last = [...issue.path].reverse().find((s) => typeof s === 'string');
  const field = typeof last === 'string' ? last : 'value';
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `missing required field "${field}"`;
      return `${field} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describe(input)}`;
    case 'too_small':
      if (issue.origin === 'string') return `${field} must not be empty`;
      if (issue.origin === 'array') return `${field} must have at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      return `${field} must be ${issue.inclusive ? 'at least' : 'greater than'} ${issue.minimum}, got ${describe(input)}`;
    case 'too_big':
      return `${field} must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}, got ${describe(input)}`;
    case 'invalid_format': {
      const hint = 'pattern' in issue && issue.pattern ? (PATTERN_HINTS.get(issue.pattern) ?? `the pattern ${issue.pattern}`) : issue.format;
      return `invalid ${field} ${describe(input)}: expected ${hint}`;
    }
    case 'invalid_value':
      return `unknown ${field} ${describe(input)}; expected one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_key': {
      const inner = issue.issues[0];
      const hint = inner && 'pattern' in inner && inner.pattern ? PATTERN_HINTS.get(inner.pattern as string) : undefined;
      return `invalid key ${describe(input)}${hint ? `: expected ${hint}` : ''}`;
    }
    default:
      return issue.message;
  }
}
