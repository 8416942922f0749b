// Register values → what a written cell holds (the inverse of values.ts): localized labels for enumerations,
// '; '-joined lists, dates as Date (workbook) or text (CSV). Text is guarded against formula injection.
import type { Lang } from '../../shared/domain';
import { LEGAL_BASES, SPECIAL_BASES, TRANSFER_BASES, PROCESSOR_ROLES, type LegalBasis, type ProcessorRole, type SpecialBasis, type TransferBasis } from '../../shared/registers';
import { legalBasisLabel, ROLE_LABELS, specialBasisLabel, TRANSFER_LABELS, type ValueKind } from './columns';

/** A text that a spreadsheet would run as a formula (or an apostrophe we would strip on reading) gets a leading `'`. */
const NEEDS_GUARD = /^('*[=+\-@]|[\t\r])/;

export function guardText(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export type WrittenValue = string | Date | null;

function isoToDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

export function germanDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** The value of one field as written; `dates` says whether dates become Date objects or text. */
export function writtenValue(kind: ValueKind, value: unknown, lang: Lang, dates: 'date' | 'text'): WrittenValue {
  if (value === null || value === undefined || value === '') return null;
  switch (kind) {
    case 'date': {
      const iso = String(value);
      if (dates === 'text') return lang === 'de' ? germanDate(iso) : iso;
      return isoToDate(iso) ?? guardText(iso);
    }
    case 'role':
      return ROLE_LABELS[value as ProcessorRole][lang];
    case 'transfer':
      return TRANSFER_LABELS[value as TransferBasis][lang];
    case 'legal':
      return legalBasisLabel(value as LegalBasis, lang);
    case 'special':
      return specialBasisLabel(value as SpecialBasis, lang);
    case 'list':
      return (value as string[]).length === 0 ? null : guardText((value as string[]).join('; '));
    case 'text':
    case 'country':
      return guardText(String(value));
  }
}

/** The dropdown choices of a column, or undefined for a free column. */
export function choicesOf(kind: ValueKind, lang: Lang): string[] | undefined {
  switch (kind) {
    case 'role':
      return PROCESSOR_ROLES.map((r) => ROLE_LABELS[r][lang]);
    case 'transfer':
      return TRANSFER_BASES.map((t) => TRANSFER_LABELS[t][lang]);
    case 'legal':
      return LEGAL_BASES.map((l) => legalBasisLabel(l, lang));
    case 'special':
      return SPECIAL_BASES.map((s) => specialBasisLabel(s, lang));
    default:
      return undefined;
  }
}
