// Data rows under a found header → register inputs. A row with any bad cell becomes row errors (one per bad
// cell) and no entry, so an import never takes half a row.
import type { Lang } from '../../shared/domain';
import type { ActivityInput, ProcessorInput, RegisterRowError } from '../../shared/registers';
import type { ActivityField, ProcessorField, ValueKind } from './columns';
import type { CellValue, Grid } from './grid';
import { isBlank } from './grid';
import type { FoundHeader, HeaderColumn } from './header';
import { rowProblemText, type RowProblem } from './messages';
import type { ParsedActivity, ParsedProcessor } from './types';
import { cellText, parseCountry, parseDate, parseLegalBasis, parseList, parseRole, parseSpecialBasis, parseTransferBasis } from './values';

export const EMPTY_PROCESSOR: Readonly<ProcessorInput> = {
  name: '', service: '', role: 'processor', country: '', dpaSignedOn: null, dpaDocument: null,
  transferBasis: null, subProcessors: [], nextReviewOn: null, notes: '',
};

export const EMPTY_ACTIVITY: Readonly<ActivityInput> = {
  activity: '', purposes: '', legalBasis: null, specialBasis: null, dataCategories: '', subjectCategories: '',
  recipients: '', thirdCountryTransfers: '', retention: '', tomReference: '',
};

type Converted = { ok: true; value: unknown } | { ok: false; problem: RowProblem };

function convert(kind: ValueKind, cell: CellValue): Converted {
  const text = (): string => cellText(cell);
  const check = (value: unknown, problem: RowProblem['kind']): Converted =>
    value === undefined ? { ok: false, problem: { kind: problem, value: text() } as RowProblem } : { ok: true, value };
  switch (kind) {
    case 'text':
      return { ok: true, value: text() };
    case 'list':
      return { ok: true, value: parseList(cell) };
    case 'date':
      return check(parseDate(cell), 'date');
    case 'role':
      return check(parseRole(cell), 'role');
    case 'country':
      return check(parseCountry(cell), 'country');
    case 'transfer':
      return check(parseTransferBasis(cell), 'transfer');
    case 'legal':
      return check(parseLegalBasis(cell), 'legal');
    case 'special':
      return check(parseSpecialBasis(cell), 'special');
  }
}

export interface RowsResult {
  processors: ParsedProcessor[];
  activities: ParsedActivity[];
  errors: RegisterRowError[];
}

export function readRows(grid: Grid, header: FoundHeader, lang: Lang, out: RowsResult): void {
  const columns: Record<string, string> = {};
  for (const c of header.columns) columns[c.spec.field] = c.text;
  for (const gridRow of grid.rows.slice(header.rowIndex + 1)) {
    if (gridRow.cells.every(isBlank)) continue;
    const input: Record<string, unknown> = { ...(header.kind === 'processors' ? EMPTY_PROCESSOR : EMPTY_ACTIVITY) };
    const errors: RegisterRowError[] = [];
    const fail = (column: HeaderColumn, problem: RowProblem): void => {
      errors.push({ sheet: grid.sheet, row: gridRow.row, column: column.text, message: rowProblemText(problem, lang) });
    };
    for (const column of header.columns) {
      const cell = gridRow.cells[column.index] ?? null;
      const result = convert(column.spec.value, cell);
      if (!result.ok) fail(column, result.problem);
      else if (column.spec.required && result.value === '') fail(column, { kind: 'required' });
      // A name is an identity (planImport matches on it): its spacing is not.
      else input[column.spec.field] = column.spec.required ? String(result.value).replace(/\s+/g, ' ') : result.value;
    }
    if (errors.length > 0) {
      out.errors.push(...errors);
      continue;
    }
    const base = { sheet: grid.sheet, row: gridRow.row };
    if (header.kind === 'processors') {
      out.processors.push({ ...base, input: input as unknown as ProcessorInput, columns: columns as Partial<Record<ProcessorField, string>> });
    } else {
      out.activities.push({ ...base, input: input as unknown as ActivityInput, columns: columns as Partial<Record<ActivityField, string>> });
    }
  }
}
