// What readRegisterFile hands to planImport and the preview.
import type { ActivityInput, ProcessorInput, RegisterRowError } from '../../shared/registers';
import type { ActivityField, ProcessorField } from './columns';

export interface ParsedRow<I, F extends string> {
  sheet: string;
  /** 1-based, as the spreadsheet shows it. */
  row: number;
  /** Fields the file has no column for hold defaults here; planImport keeps the register's value for them. */
  input: I;
  /** The columns the sheet has: field → header as written in the file. */
  columns: Partial<Record<F, string>>;
}

export type ParsedProcessor = ParsedRow<ProcessorInput, ProcessorField>;
export type ParsedActivity = ParsedRow<ActivityInput, ActivityField>;

export interface ParsedRegisters {
  processors: ParsedProcessor[];
  activities: ParsedActivity[];
  /** Rows with an error are not in processors/activities. */
  errors: RegisterRowError[];
}
