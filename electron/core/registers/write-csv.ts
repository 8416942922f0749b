// writeRegisterCsv: one register as CSV the way German Excel opens it: ';' separated, UTF-8 with BOM, CRLF.
// Formula injection: a cell starting with = + - @ tab or CR gets a leading `'`, which readRegisterFile strips again.
import type { Lang } from '../../shared/domain';
import type { ActivityInput, ProcessorInput } from '../../shared/registers';
import { writtenValue } from './cell-values';
import { ACTIVITY_COLUMNS, PROCESSOR_COLUMNS, type ColumnSpec } from './columns';

const NEEDS_QUOTES = /[;"\r\n]|^\s|\s$/;

function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function csvOf<F extends string>(specs: readonly ColumnSpec<F>[], rows: readonly Record<F, unknown>[], lang: Lang): string {
  const lines = [specs.map((s) => csvField(s.header[lang])).join(';')];
  for (const row of rows) {
    lines.push(specs.map((s) => csvField(String(writtenValue(s.value, row[s.field], lang, 'text') ?? ''))).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export function writeRegisterCsv(kind: 'processors', rows: readonly ProcessorInput[], lang: Lang): string;
export function writeRegisterCsv(kind: 'activities', rows: readonly ActivityInput[], lang: Lang): string;
export function writeRegisterCsv(kind: 'processors' | 'activities', rows: readonly (ProcessorInput | ActivityInput)[], lang: Lang): string {
  const records = rows as unknown as Record<string, unknown>[];
  return kind === 'processors' ? csvOf(PROCESSOR_COLUMNS, records, lang) : csvOf(ACTIVITY_COLUMNS, records, lang);
}
