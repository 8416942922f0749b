import type { RegisterMessages } from '../../i18n/registers-types';

/** A register value as text: lists one per line, empty as "not recorded". */
export function describeValue(value: unknown, r: RegisterMessages): string {
  if (value === null || value === undefined || value === '') return r.notRecorded;
  if (Array.isArray(value)) return value.length ? value.join('\n') : r.notRecorded;
  return String(value);
}
