// Cell values → register values. Each parser gets the cell as the reader made it and answers the value or
// `undefined` when the cell cannot mean anything valid (the caller turns that into a row error).
import { LEGAL_BASES, SPECIAL_BASES, type LegalBasis, type ProcessorRole, type SpecialBasis, type TransferBasis } from '../../shared/registers';
import { ROLE_LABELS, TRANSFER_LABELS } from './columns';
import { COUNTRY_NAMES } from './countries';
import type { CellValue } from './grid';

/** Our own writers prefix a formula-like text with `'` (CSV/formula injection); that one quote is not data. */
const INJECTION_GUARD = /^'(?='*[=+\-@])/;

/** The cell as text, trimmed. Dates become ISO dates, numbers their plain digits. */
export function cellText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDateOfCell(value) ?? '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value.replace(/\r\n?/g, '\n').trim().replace(INJECTION_GUARD, '');
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** exceljs gives a date cell as the Date whose UTC fields are the calendar date Excel shows. */
function isoDateOfCell(d: Date): string | undefined {
  if (Number.isNaN(d.getTime())) return undefined;
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const GERMAN = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{2}|\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/;

/** null for an empty cell, undefined for something that is not a date. */
export function parseDate(value: CellValue): string | null | undefined {
  if (value instanceof Date) return isoDateOfCell(value);
  // A date cell without a date format reaches us as Excel's serial day number.
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1 || value > 400_000) return undefined;
    return isoDateOfCell(new Date(EXCEL_EPOCH_MS + value * 86_400_000));
  }
  const text = cellText(value);
  if (text === '') return null;
  const german = GERMAN.exec(text);
  if (german) {
    // Two-digit years as Excel reads them: 00–29 → 20xx, 30–99 → 19xx.
    const short = Number(german[3]);
    const year = german[3]!.length === 2 ? (short < 30 ? 2000 + short : 1900 + short) : short;
    return isoDate(year, Number(german[2]), Number(german[1]));
  }
  const iso = ISO.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  return undefined;
}

/** Lower case, single spaces, no trailing dot: how enumerated values are compared. */
function key(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').replace(/\.$/, '').trim();
}

function labelTable<T extends string>(labels: Record<T, Record<string, string>>, extra: Record<string, T>): Map<string, T> {
  const table = new Map<string, T>();
  for (const [value, byLang] of Object.entries(labels) as [T, Record<string, string>][]) {
    table.set(key(value), value);
    for (const label of Object.values(byLang)) table.set(key(label), value);
  }
  for (const [label, value] of Object.entries(extra)) table.set(key(label), value);
  return table;
}

const ROLES = labelTable<ProcessorRole>(ROLE_LABELS, {
  av: 'processor', auftragnehmer: 'processor', 'data processor': 'processor',
  uav: 'sub-processor', subprocessor: 'sub-processor', 'sub processor': 'sub-processor', unterauftragnehmer: 'sub-processor', subunternehmer: 'sub-processor', 'weiterer auftragsverarbeiter': 'sub-processor',
});

/** An empty role means a processor: that is what a processor register lists. */
export function parseRole(value: CellValue): ProcessorRole | undefined {
  const text = cellText(value);
  return text === '' ? 'processor' : ROLES.get(key(text));
}

const TRANSFERS = labelTable<TransferBasis>(TRANSFER_LABELS, {
  angemessenheit: 'adequacy', 'art. 45': 'adequacy', 'art. 45 dsgvo': 'adequacy', 'art. 45 gdpr': 'adequacy',
  sccs: 'scc', 'standard contractual clauses': 'scc', 'eu standardvertragsklauseln': 'scc', 'eu-standardvertragsklauseln': 'scc', 'standarddatenschutzklauseln': 'scc', 'art. 46 abs. 2 lit. c dsgvo': 'scc',
  'eu-us data privacy framework': 'dpf', 'eu-u.s. data privacy framework': 'dpf', 'eu-us dpf': 'dpf',
  'binding corporate rules': 'bcr', 'verbindliche interne datenschutzvorschriften': 'bcr', 'art. 47': 'bcr',
  kein: 'none', 'nicht erforderlich': 'none', 'not required': 'none', 'n/a': 'none',
});
/** Longer wordings such as "SCC (Modul 2)" or "Angemessenheitsbeschluss (Schweiz)". */
const TRANSFER_WORDS: [RegExp, TransferBasis][] = [
  [/\bdpf\b|privacy framework/, 'dpf'],
  [/\bsccs?\b|standard ?(vertrags|datenschutz)klauseln|standard contractual/, 'scc'],
  [/\bbcr\b|binding corporate|verbindliche interne/, 'bcr'],
  [/angemessenheit|adequacy/, 'adequacy'],
];
const EMPTY_MARKS = new Set(['-', '–', '—', '/']);

export function parseTransferBasis(value: CellValue): TransferBasis | null | undefined {
  const text = cellText(value);
  if (text === '' || EMPTY_MARKS.has(text)) return null;
  const exact = TRANSFERS.get(key(text));
  if (exact) return exact;
  const found = new Set(TRANSFER_WORDS.filter(([re]) => re.test(key(text))).map(([, basis]) => basis));
  return found.size === 1 ? [...found][0] : undefined;
}

const LEGAL_WORDS: [RegExp, LegalBasis][] = [
  [/^(einwilligung|consent)$/, 'a'],
  [/^(vertrag|vertragserfüllung|vertragsanbahnung|(erfüllung eines )?vertrags?|contract|performance of (a )?contract)$/, 'b'],
  [/^(rechtliche verpflichtung|gesetzliche verpflichtung|legal obligation)$/, 'c'],
  [/^(lebenswichtige interessen|vital interests?)$/, 'd'],
  [/^(öffentliche aufgabe|öffentliches interesse|public task|public interest)$/, 'e'],
  [/^(berechtigte[rs]? interessen?|legitimate interests?)$/, 'f'],
];

/** The letter of "Art. 6 Abs. 1 lit. a DSGVO", "Art. 6(1)(a) GDPR", "6 I a", "lit. a" or a bare "a". */
function articleLetter(text: string, article: '6' | '9', paragraph: '1' | '2'): string | undefined {
  const t = key(text).replace(/\b(dsgvo|ds-gvo|gdpr|eu-dsgvo)\b/g, '').replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();
  const roman = paragraph === '1' ? 'i' : 'ii';
  const para = `(?:abs ?${paragraph}|\\(${paragraph}\\)|${paragraph}|${roman})`;
  const re = new RegExp(`^(?:(?:art ?)?${article} ?(?:${para} ?)?(?:(?:s|satz) ?1 ?)?)?(?:lit ?|buchst ?)?\\(?([a-z])\\)?$`);
  return re.exec(t)?.[1];
}

export function parseLegalBasis(value: CellValue): LegalBasis | null | undefined {
  const text = cellText(value);
  if (text === '' || EMPTY_MARKS.has(text)) return null;
  const letter = articleLetter(text, '6', '1');
  if (letter !== undefined) return (LEGAL_BASES as readonly string[]).includes(letter) ? (letter as LegalBasis) : undefined;
  const k = key(text);
  return LEGAL_WORDS.find(([re]) => re.test(k))?.[1];
}

const NO_SPECIAL = new Set(['keine', 'kein', 'nein', 'none', 'no', 'n/a', 'entfällt', 'nicht zutreffend', 'not applicable']);

export function parseSpecialBasis(value: CellValue): SpecialBasis | null | undefined {
  const text = cellText(value);
  if (text === '' || EMPTY_MARKS.has(text) || NO_SPECIAL.has(key(text))) return null;
  if (/^(ausdrückliche einwilligung|explicit consent)$/.test(key(text))) return 'a';
  const letter = articleLetter(text, '9', '2');
  return letter !== undefined && (SPECIAL_BASES as readonly string[]).includes(letter) ? (letter as SpecialBasis) : undefined;
}

/** ISO alpha-2 (any case) or a known name → upper-case code; '' when empty; undefined when unknown. */
export function parseCountry(value: CellValue): string | undefined {
  const text = cellText(value);
  if (text === '' || EMPTY_MARKS.has(text)) return '';
  const named = COUNTRY_NAMES[key(text)];
  if (named) return named;
  return /^[a-z]{2}$/i.test(text) ? text.toUpperCase() : undefined;
}

/** Sub-processors: one per line, or separated by ';' or ','. */
export function parseList(value: CellValue): string[] {
  return cellText(value)
    .split(/[;,\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
