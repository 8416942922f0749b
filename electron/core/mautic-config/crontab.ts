import { findCleanupCalls, type CleanupCall } from './cleanup-command';

export const MAX_CRONTAB_BYTES = 256 * 1024;
export const MAX_CRONTAB_LINES = 5000;

const SPECIALS = new Set(['@reboot', '@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
/** The five schedule fields: bounds and, for month and weekday, names (jan = 1, sun = 0). */
const FIELDS: { min: number; max: number; names?: string[]; nameBase?: number }[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, nameBase: 1 },
  { min: 0, max: 7, names: DAYS, nameBase: 0 },
];

/** One schedule field: `*`, numbers or names, ranges, lists and steps, within the field's bounds. */
function validField(text: string, spec: (typeof FIELDS)[number]): boolean {
  const value = (v: string): number | null => {
    const named = spec.names?.indexOf(v.toLowerCase()) ?? -1;
    if (named >= 0) return named + (spec.nameBase ?? 0);
    if (!/^\d{1,2}$/.test(v)) return null;
    const n = Number(v);
    return n >= spec.min && n <= spec.max ? n : null;
  };
  return text.split(',').every((item) => {
    const m = /^(\*|\?|([a-z0-9]+)(?:-([a-z0-9]+))?)(?:\/(\d{1,2}))?$/i.exec(item);
    if (!m) return false;
    if (m[4] !== undefined && Number(m[4]) === 0) return false;
    if (m[1] === '*' || m[1] === '?') return true;
    const from = value(m[2]!);
    const to = m[3] === undefined ? from : value(m[3]);
    return from !== null && to !== null && from <= to;
  });
}
const ENV = /^[A-Za-z_][A-Za-z0-9_]*\s*=/;

export type CronLineKind = 'job' | 'env' | 'comment' | 'blank' | 'invalid';

export interface CronLine {
  /** 1-based line number in the listing. */
  line: number;
  kind: CronLineKind;
  /** The line as read (already redacted by the caller). */
  text: string;
  /** For jobs: the five fields joined, or the @special. */
  schedule: string | null;
  /** For jobs: the command (cron's `%` stdin part cut off). */
  command: string | null;
  /** Calls of mautic:maintenance:cleanup found in the command (for comments: in the commented-out line). */
  cleanup: CleanupCall[];
}

export interface ParsedCrontab {
  lines: CronLine[];
  /** More lines than MAX_CRONTAB_LINES: the rest was not read. */
  truncated: boolean;
}

/** Cron turns the first unescaped `%` into a newline: what follows is the command's stdin, not the command. */
function cutAtPercent(command: string): string {
  for (let i = 0; i < command.length; i++) {
    if (command[i] === '\\') i++;
    else if (command[i] === '%') return command.slice(0, i);
  }
  return command;
}

/** Splits a job line into schedule and command; null when the schedule is not valid cron syntax. */
function splitJob(line: string): { schedule: string; command: string } | null {
  const trimmed = line.trim();
  const special = /^(@[a-z]+)\s+(.*)$/i.exec(trimmed);
  if (special) return SPECIALS.has(special[1]!.toLowerCase()) ? { schedule: special[1]!.toLowerCase(), command: special[2]! } : null;
  const m = /^(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(\S+)\s+(.+)$/.exec(trimmed);
  if (!m) return null;
  const fields = m.slice(1, 6);
  if (!fields.every((f, i) => validField(f, FIELDS[i]!))) return null;
  return { schedule: fields.join(' '), command: m[6]! };
}

function parseLine(text: string, line: number): CronLine {
  const base = { line, text, schedule: null, command: null, cleanup: [] };
  const trimmed = text.trim();
  if (!trimmed) return { ...base, kind: 'blank' };
  if (trimmed.startsWith('#')) {
    // A commented-out job is reported, never counted as running.
    const rest = trimmed.replace(/^#+\s*/, '');
    const job = splitJob(rest);
    return { ...base, kind: 'comment', cleanup: findCleanupCalls(job ? cutAtPercent(job.command) : rest) };
  }
  if (ENV.test(trimmed)) return { ...base, kind: 'env' };
  const job = splitJob(trimmed);
  if (!job) return { ...base, kind: 'invalid', cleanup: findCleanupCalls(trimmed) };
  const command = cutAtPercent(job.command);
  return { ...base, kind: 'job', schedule: job.schedule, command, cleanup: findCleanupCalls(command) };
}

/**
 * Reads a crontab listing (`crontab -l`, or a file of /etc/cron.d whose sixth field, the user, then simply
 * leads the command) line by line: environment lines, comments, jobs with five fields or an @special.
 */
export function parseCrontab(text: string): ParsedCrontab {
  const all = text.replace(/\r\n?/g, '\n').split('\n');
  if (all.length && all[all.length - 1] === '') all.pop();
  const lines = all.slice(0, MAX_CRONTAB_LINES).map((t, i) => parseLine(t, i + 1));
  return { lines, truncated: all.length > MAX_CRONTAB_LINES };
}
