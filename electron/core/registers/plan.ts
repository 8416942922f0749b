// planImport: what importing the parsed rows would change in a client's registers — nothing is written here.
// Processors match by name, activities by activity name (case, surrounding and repeated whitespace ignored).
// A column the file does not have keeps the register's value; dpaDocument is never taken from a file.
import type { Lang } from '../../shared/domain';
import { registerKey, type Activity, type ActivityInput, type Processor, type ProcessorInput, type RegisterImportPlan, type RegisterRowError } from '../../shared/registers';
import { rowProblemText } from './messages';
import { EMPTY_ACTIVITY, EMPTY_PROCESSOR } from './rows';
import type { ParsedRegisters, ParsedRow } from './types';

/** The store's own key, so that what the preview matches is what the store treats as the same entry. */
export const matchKey = registerKey;

function inputOf<I extends object>(entry: I, empty: Readonly<I>): I {
  const input = {} as Record<string, unknown>;
  for (const field of Object.keys(empty)) input[field] = (entry as Record<string, unknown>)[field];
  return input as I;
}

function sameInput<I extends object>(a: I, b: I, empty: Readonly<I>): boolean {
  return Object.keys(empty).every((field) => JSON.stringify((a as Record<string, unknown>)[field]) === JSON.stringify((b as Record<string, unknown>)[field]));
}

interface Side<I extends object, E extends I & { id: number }> {
  add: I[];
  change: { id: number; input: I }[];
  before: E[];
  unchanged: number;
}

function planSide<I extends object, E extends I & { id: number }, F extends string>(
  rows: ParsedRow<I, F>[],
  current: E[],
  nameField: F & keyof I,
  empty: Readonly<I>,
  fixed: readonly (keyof I)[],
  errors: RegisterRowError[],
  lang: Lang,
): Side<I, E> {
  const existing = new Map<string, E>();
  for (const entry of current) {
    const k = matchKey(String(entry[nameField]));
    if (!existing.has(k)) existing.set(k, entry);
  }
  const firstRows = new Map<string, ParsedRow<I, F>>();
  const side: Side<I, E> = { add: [], change: [], before: [], unchanged: 0 };
  for (const row of rows) {
    const k = matchKey(String(row.input[nameField]));
    const first = firstRows.get(k);
    if (first) {
      const column = row.columns[nameField] ?? String(nameField);
      errors.push({ sheet: row.sheet, row: row.row, column, message: rowProblemText({ kind: 'duplicate', firstRow: first.row, firstSheet: first.sheet }, lang) });
      continue;
    }
    firstRows.set(k, row);
    const now = existing.get(k);
    const base: I = now ? inputOf(now, empty) : { ...empty };
    const merged = { ...base } as Record<string, unknown>;
    for (const field of Object.keys(row.columns)) {
      if (!fixed.includes(field as keyof I)) merged[field] = (row.input as Record<string, unknown>)[field];
    }
    const input = merged as I;
    if (!now) side.add.push(input);
    else if (sameInput(input, base, empty)) side.unchanged++;
    else {
      side.change.push({ id: now.id, input });
      side.before.push(now);
    }
  }
  return side;
}

export function planImport(parsed: ParsedRegisters, current: { processors: Processor[]; activities: Activity[] }, lang: Lang = 'en'): RegisterImportPlan {
  const errors = [...parsed.errors];
  const processors = planSide<ProcessorInput, Processor, 'name'>(parsed.processors, current.processors, 'name', EMPTY_PROCESSOR, ['dpaDocument'], errors, lang);
  const activities = planSide<ActivityInput, Activity, 'activity'>(parsed.activities, current.activities, 'activity', EMPTY_ACTIVITY, [], errors, lang);
  // Duplicates join the reader's errors in sheet order, then row order.
  const sheetOrder = [...new Set([...parsed.processors, ...parsed.activities, ...errors].map((e) => e.sheet))];
  errors.sort((a, b) => sheetOrder.indexOf(a.sheet) - sheetOrder.indexOf(b.sheet) || a.row - b.row);
  return {
    changes: {
      processors: { add: processors.add, change: processors.change },
      activities: { add: activities.add, change: activities.change },
    },
    unchanged: { processors: processors.unchanged, activities: activities.unchanged },
    before: { processors: processors.before, activities: activities.before },
    errors,
  };
}
