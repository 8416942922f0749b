import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { ChecklistError, formatProblem } from './checklist-error';
import { compiledChecklist } from './compiled';
import { describeIssue, formatPath, locate, type PathSegment } from './errors';
import { defaultChecklistDir, looksLikePath } from './paths';
import { checklistSchema, ITEM_ID, type Checklist } from './schema';

export { defaultChecklistDir } from './paths';

export { ChecklistError } from './checklist-error';
export type { Checklist, ChecklistCheck, ChecklistItem } from './schema';

export interface LoadOptions {
  /** Folder that holds `<id>.yaml`; defaults to the repository's `checklists/`. */
  dir?: string;
}

/** YAML files in the checklists folder that are data of another kind: the vendor catalogue (vendors-load.ts), the tracking list (tracking-load.ts). */
const NOT_CHECKLISTS = new Set(['vendors', 'tracking-hosts']);

/** Ids of the checklists in `dir` (file names without `.yaml`), sorted. */
export function listChecklists(dir: string = defaultChecklistDir()): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && ITEM_ID.test(f.slice(0, -5)) && !NOT_CHECKLISTS.has(f.slice(0, -5)))
    .map((f) => f.slice(0, -5))
    .sort();
}

/**
 * Loads and validates a checklist: an id such as 'mautic-dsgvo' (resolved to `<dir>/<id>.yaml`) or a path to a
 * YAML file. Throws ChecklistError, naming file, line and column, for a missing file, bad YAML or bad data.
 */
export function loadChecklist(idOrPath: string, opts: LoadOptions = {}): Checklist {
  const byPath = looksLikePath(idOrPath);
  const dir = opts.dir ?? defaultChecklistDir();
  const file = byPath ? path.resolve(idOrPath) : path.join(dir, `${idOrPath}.yaml`);
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !byPath) {
      const available = listChecklists(dir);
      const list = available.length ? `available: ${available.join(', ')}` : `no checklists in ${dir}`;
      throw new ChecklistError(file, null, null, '', `unknown checklist "${idOrPath}": there is no file ${file} (${list})`);
    }
    throw new ChecklistError(file, null, null, '', code === 'ENOENT' ? 'checklist file not found' : `cannot read the checklist: ${(err as Error).message}`);
  }
  // The shipped checklists come compiled by the build (compiled.ts); any other file is parsed.
  const compiled = !byPath && opts.dir === undefined ? compiledChecklist(idOrPath, source) : null;
  return compiled ?? parseChecklist(source, file, byPath ? undefined : idOrPath);
}

/** Parses and validates checklist YAML; `file` is used in error messages only. */
export function parseChecklist(source: string, file: string, expectedId?: string): Checklist {
  const lc = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const problems = doc.errors.map((e) => {
      const { line, col } = lc.linePos(e.pos[0]);
      return { line, column: col, path: '', problem: `invalid YAML: ${e.message.split('\n')[0]}` };
    });
    throw toError(file, problems);
  }
  const data: unknown = doc.toJS();
  const result = checklistSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      let at: PathSegment[] = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
      let atKey = issue.code === 'invalid_key';
      if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
        at = [...at, issue.keys[0]];
        atKey = true;
      }
      const { line, column } = locate(doc, lc, at, atKey);
      return { line, column, path: formatPath(at), problem: describeIssue(issue) };
    });
    throw toError(file, problems);
  }
  if (expectedId !== undefined && result.data.id !== expectedId) {
    const { line, column } = locate(doc, lc, ['id']);
    throw toError(file, [{ line, column, path: 'id', problem: `the file's id "${result.data.id}" does not match its file name "${expectedId}.yaml"` }]);
  }
  return result.data;
}

interface Problem {
  line: number;
  column: number;
  path: string;
  problem: string;
}

function toError(file: string, problems: Problem[]): ChecklistError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted[0]!;
  const lines = sorted.map((p) => formatProblem(file, p.line, p.column, p.path, p.problem));
  return new ChecklistError(file, first.line, first.column, first.path, first.problem, lines);
}
