// The batch summary: one row per installation, as CSV and/or XLSX. Every text goes through the report's
// formula-injection guard (safeText): client names and unreachable reasons come from files and hostile servers.
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Lang } from '../../shared/domain';
// xlsx-table is where reports/xlsx.ts takes safeText from; importing it here does not load exceljs.
import { safeText } from '../../shared/cell-text';
import type { BatchRow } from './rows';
import { SUMMARY_TEXTS, type SummaryTexts } from './summary-texts';

export interface SummaryRow extends BatchRow {
  /** What a single audit of this installation would have exited with. */
  exitCode: number;
}

type Value = string | number | null;

const COLUMN_ORDER = ['client', 'installation', 'baseUrl', 'runId', 'state', 'complete', 'score', 'failed', 'warned', 'errors', 'manual', 'exitCode', 'reason'] as const;

function reasonOf(row: SummaryRow, t: SummaryTexts): string {
  if (row.state === 'not-started') return t.notStarted;
  return row.unreachable ?? row.error ?? '';
}

/** The summary as a table of plain values (texts not yet guarded). */
export function summaryTable(rows: readonly SummaryRow[], lang: Lang): { header: string[]; body: Value[][] } {
  const t = SUMMARY_TEXTS[lang];
  const header = COLUMN_ORDER.map((c) => t.columns[c]);
  const body = rows.map((r): Value[] => [
    r.target.client,
    r.target.installation,
    r.target.baseUrl.href,
    r.runId,
    t.states[r.state],
    r.complete ? t.yes : t.no,
    r.score,
    r.failed,
    r.warned,
    r.errors,
    r.manual,
    r.exitCode,
    reasonOf(r, t),
  ]);
  return { header, body };
}

function csvField(value: Value, separator: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const s = safeText(value);
  return s.includes(separator) || /["\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV as Excel opens it in the user's language: UTF-8 with BOM, ';' in German, ',' in English, CRLF. */
export function summaryCsv(rows: readonly SummaryRow[], lang: Lang): string {
  const separator = lang === 'de' ? ';' : ',';
  const { header, body } = summaryTable(rows, lang);
  return '\uFEFF' + [header, ...body].map((r) => r.map((v) => csvField(v, separator)).join(separator)).join('\r\n') + '\r\n';
}

export async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(tmp, content);
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

export async function writeSummaryCsv(file: string, rows: readonly SummaryRow[], lang: Lang): Promise<void> {
  await writeAtomically(file, summaryCsv(rows, lang));
}
