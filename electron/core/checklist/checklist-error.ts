// The error alone, without yaml or zod: the CLI tells it apart from other failures before either is loaded.

/**
 * A checklist file that cannot be used. The message reads `<file>:<line>:<column>: <what is wrong> (at <path>)`;
 * line and column are 1-based and null when the problem has no place in the file (e.g. the file is missing).
 */
export class ChecklistError extends Error {
  override readonly name = 'ChecklistError';
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly column: number | null,
    /** Where in the data, e.g. `items[3].checks[0].id`; '' when not applicable. */
    readonly path: string,
    readonly problem: string,
    /** Every problem found, formatted like the message's first line; the first is the one the fields describe. */
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 1 ? `${problems[0]}\n${problems.length - 1} more problem(s):\n  ${problems.slice(1).join('\n  ')}` : (problems[0] ?? formatProblem(file, line, column, path, problem)));
  }
}

export function formatProblem(file: string, line: number | null, column: number | null, path: string, problem: string): string {
  const where = line === null ? file : `${file}:${line}:${column ?? 1}`;
  return `${where}: ${problem}${path ? ` (at ${path})` : ''}`;
}
