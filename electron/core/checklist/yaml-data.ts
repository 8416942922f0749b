import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { ChecklistError, formatProblem } from './checklist-error';
import { describeIssue, formatPath, locate, type PathSegment } from './errors';

interface Problem {
  line: number;
  column: number;
  path: string;
  problem: string;
}

/** Reads a data file of ours (`what`: 'vendor catalogue', 'tracking list'); a ChecklistError when it cannot. */
export function readDataFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ChecklistError(file, null, null, '', code === 'ENOENT' ? `${what} not found` : `cannot read the ${what}: ${(err as Error).message}`);
  }
}

/**
 * Parses a data file of ours (vendor catalogue, tracking list) and validates it with its schema. Throws a
 * ChecklistError naming file, line and column of each problem, the first one in its message.
 */
export function parseYamlData<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw toError(
      file,
      doc.errors.map((e) => {
        const { line, col } = lc.linePos(e.pos[0]);
        return { line, column: col, path: '', problem: `invalid YAML: ${e.message.split('\n')[0]}` };
      }),
    );
  }
  const result = schema.safeParse(doc.toJS(), { reportInput: true });
  if (!result.success) {
    throw toError(
      file,
      result.error.issues.map((issue) => {
        let at: PathSegment[] = issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s));
        let atKey = false;
        if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) {
          at = [...at, issue.keys[0]];
          atKey = true;
        }
        const { line, column } = locate(doc, lc, at, atKey);
        return { line, column, path: formatPath(at), problem: describeIssue(issue) };
      }),
    );
  }
  return result.data;
}

function toError(file: string, problems: Problem[]): ChecklistError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.column - b.column);
  const first = sorted[0]!;
  return new ChecklistError(file, first.line, first.column, first.path, first.problem, sorted.map((p) => formatProblem(file, p.line, p.column, p.path, p.problem)));
}
