// The hidden "_pruefstand" sheet: the format version, when and for which installation or client the workbook was
// exported, and per finding its editable values and updatedAt at the export (the base for changes and
// conflicts). The last row is a SHA-256 over all the others, so an edited or truncated meta sheet is detected.
// Every value is a text cell (JSON where structured), so programs that re-save the file keep it as written.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { findingsScopeRefSchema, type FindingsScopeRef } from '../../shared/contract-findings-xlsx';
import { FINDING_STATUSES } from '../../shared/findings';
import type { Grid } from '../registers/grid';
import { FindingsFileError } from './errors';

export const FORMAT = 'pruefstand-findings';
export const FORMAT_VERSION = '1';

const exportedFindingSchema = z.object({
  id: z.number().int().positive(),
  updatedAt: z.string(),
  status: z.enum(FINDING_STATUSES),
  owner: z.string(),
  dueOn: z.string().nullable(),
  reason: z.string(),
  expiresOn: z.string().nullable(),
});
export type ExportedFinding = z.output<typeof exportedFindingSchema>;

export interface ExportMeta {
  exportedAt: string;
  scope: FindingsScopeRef;
  findings: ExportedFinding[];
}

const digest = (rows: readonly (readonly [string, string])[]) => createHash('sha256').update(rows.map(([k, v]) => `${k}\t${v}`).join('\n')).digest('hex');

/** The meta sheet's rows (key, value), the hash last. */
export function metaRows(meta: ExportMeta): [string, string][] {
  const rows: [string, string][] = [
    [FORMAT, FORMAT_VERSION],
    ['exportedAt', meta.exportedAt],
    ['scope', JSON.stringify(meta.scope)],
    ...meta.findings.map((f): [string, string] => ['finding', JSON.stringify(exportedFindingSchema.parse(f))]),
  ];
  rows.push(['sha256', digest(rows)]);
  return rows;
}

const tampered = (why: string) => new FindingsFileError('tampered', `The meta sheet is not intact: ${why}.`);

function parseJson<T>(text: string, schema: z.ZodType<T>, what: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw tampered(`${what} is not JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw tampered(`${what} has the wrong shape`);
  return parsed.data;
}

/** The export's meta data from the meta sheet's grid; FindingsFileError 'tampered' unless it is intact. */
export function readMeta(grid: Grid): ExportMeta {
  const rows = grid.rows.map((r): [string, string] => {
    const [key, value] = r.cells;
    return [typeof key === 'string' ? key : String(key ?? ''), typeof value === 'string' ? value : String(value ?? '')];
  });
  const last = rows.pop();
  if (!last || last[0] !== 'sha256') throw tampered('the hash row is missing');
  if (digest(rows) !== last[1]) throw tampered('its hash does not match');
  const [format, exportedAt, scope, ...findings] = rows;
  if (!format || format[0] !== FORMAT) throw tampered('the format row is missing');
  if (format[1] !== FORMAT_VERSION) throw tampered(`format version ${format[1]} is not supported`);
  if (!exportedAt || exportedAt[0] !== 'exportedAt' || !scope || scope[0] !== 'scope') throw tampered('the export rows are missing');
  if (findings.some(([k]) => k !== 'finding')) throw tampered('it has rows it should not have');
  return {
    exportedAt: exportedAt[1],
    scope: parseJson(scope[1], findingsScopeRefSchema, 'the scope'),
    findings: findings.map(([, v], i) => parseJson(v, exportedFindingSchema, `finding row ${i + 1}`)),
  };
}
