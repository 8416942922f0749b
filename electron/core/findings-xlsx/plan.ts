// planFindingsImport: a read workbook against the findings as the app has them now → what would change, what
// conflicts (changed in the app since the export and in the file), what stays. resolveFindingsImport turns a plan
// into store patches once conflicts are decided, and checks the result so that applying cannot fail halfway.
import type { FindingFileField, FindingsFileChange, FindingsFileConflict, FindingsFileRowError, FindingsImportPlan, FindingsResolution, FindingsScopeRef } from '../../shared/contract-findings-xlsx';
import type { Lang } from '../../shared/domain';
import type { FindingPatch, TrackedFinding } from '../../shared/findings';
import { cellText } from '../registers/values';
import { safeText } from '../../shared/cell-text';
import { FINDING_COLUMNS, type ColumnKey } from './columns';
import { FindingsFileError } from './errors';
import { findingRowProblemText, type FindingRowProblem } from './messages';
import type { ExportedFinding } from './meta';
import type { ParsedFindingsFile } from './read';

type Editable = Pick<TrackedFinding, FindingFileField>;
const FIELDS: readonly FindingFileField[] = ['status', 'owner', 'dueOn', 'reason', 'expiresOn'];

/** A value as the file showed it at the export: text went through safeText on writing and cellText on reading. */
function asWritten(field: FindingFileField, value: string | null): string | null {
  if (field === 'owner' || field === 'reason') return cellText(safeText(value ?? ''));
  return value;
}

/** Which rule the editable fields break, if any (the store's own rules, checked before anything is written). */
function broken(state: Editable): FindingRowProblem | undefined {
  if (state.status === 'accepted-risk' && (!state.reason || !state.expiresOn)) return { kind: 'accepted-risk' };
  if (state.status === 'false-positive' && !state.reason) return { kind: 'false-positive' };
  return undefined;
}

const sameScope = (a: FindingsScopeRef, b: FindingsScopeRef) => a.kind === b.kind && a.id === b.id && a.label === b.label;

/**
 * `scopeNow` is the exported scope as the store knows it (its current address or name); `current` are the scope's
 * findings now. A workbook of another scope is a FindingsFileError 'other-scope'.
 */
export function planFindingsImport(parsed: ParsedFindingsFile, scopeNow: FindingsScopeRef | null, current: readonly TrackedFinding[], lang: Lang): FindingsImportPlan {
  const { meta } = parsed;
  if (!scopeNow || !sameScope(meta.scope, scopeNow)) throw new FindingsFileError('other-scope', `The workbook was exported for ${meta.scope.kind} ${meta.scope.id} (${meta.scope.label}), which this store does not have.`);
  const exported = new Map<number, ExportedFinding>(meta.findings.map((f) => [f.id, f]));
  const now = new Map(current.map((f) => [f.id, f]));
  const header = (key: ColumnKey) => FINDING_COLUMNS.find((c) => c.key === key)!.header[lang];
  const errors: FindingsFileRowError[] = [...parsed.errors];
  const changes: FindingsFileChange[] = [];
  const conflicts: FindingsFileConflict[] = [];
  const seen = new Set<number>();
  let unchanged = 0;
  for (const row of parsed.rows) {
    const problem = (key: ColumnKey, p: FindingRowProblem) => errors.push({ sheet: parsed.sheet, row: row.row, column: header(key), message: findingRowProblemText(p, lang) });
    const before = exported.get(row.id);
    const f = now.get(row.id);
    if (!before || seen.has(row.id)) {
      problem('id', { kind: 'not-exported', id: row.id });
      continue;
    }
    seen.add(row.id);
    if (!f) {
      problem('id', { kind: 'gone', id: row.id });
      continue;
    }
    const fileState = { ...before, ...row.values } as Editable;
    const rule = broken(fileState);
    if (rule) {
      problem('status', rule);
      continue;
    }
    const changedInApp = f.updatedAt !== before.updatedAt;
    const fields: FindingsFileChange['fields'] = [];
    for (const field of FIELDS) {
      const inFile = row.values[field];
      if (inFile === undefined || inFile === asWritten(field, before[field]) || inFile === f[field]) continue;
      if (changedInApp) conflicts.push({ findingId: f.id, row: row.row, field, atExport: before[field], inApp: f[field], inFile });
      else fields.push({ field, from: f[field], to: inFile });
    }
    if (fields.length || row.comment) changes.push({ findingId: f.id, row: row.row, fields, comment: row.comment });
    else if (!conflicts.some((c) => c.findingId === f.id)) unchanged++;
  }
  return { scope: meta.scope, exportedAt: meta.exportedAt, changes, conflicts, unchanged, errors };
}

export interface FindingUpdate {
  findingId: number;
  /** Empty when only a comment is added. */
  patch: FindingPatch;
  comment: string | null;
}

export interface ResolvedImport {
  updates: FindingUpdate[];
  /** Rules the resolved state would break (e.g. an accepted risk whose reason stayed the app's empty one). */
  errors: FindingsFileRowError[];
  conflictsResolved: number;
}

function setField(patch: FindingPatch, field: FindingFileField, value: string | null): void {
  if (field === 'status') patch.status = value as FindingPatch['status'];
  else if (field === 'owner' || field === 'reason') patch[field] = value ?? '';
  else patch[field] = value;
}

/** The plan's changes plus the conflicts as decided: 'theirs' takes the file's value, 'ours' keeps the app's. */
export function resolveFindingsImport(plan: FindingsImportPlan, current: readonly TrackedFinding[], resolve: FindingsResolution, lang: Lang, sheet: string): ResolvedImport {
  const now = new Map(current.map((f) => [f.id, f]));
  const byId = new Map<number, FindingUpdate & { row: number }>();
  const entry = (findingId: number, row: number) => {
    let u = byId.get(findingId);
    if (!u) byId.set(findingId, (u = { findingId, row, patch: {}, comment: null }));
    return u;
  };
  for (const c of plan.changes) {
    const u = entry(c.findingId, c.row);
    for (const { field, to } of c.fields) setField(u.patch, field, to);
    u.comment = c.comment;
  }
  if (resolve === 'theirs') for (const c of plan.conflicts) setField(entry(c.findingId, c.row).patch, c.field, c.inFile);
  const errors: FindingsFileRowError[] = [];
  const status = FINDING_COLUMNS.find((c) => c.key === 'status')!.header[lang];
  for (const u of byId.values()) {
    const f = now.get(u.findingId);
    const rule = f && broken({ ...f, ...u.patch } as Editable);
    if (rule) errors.push({ sheet, row: u.row, column: status, message: findingRowProblemText(rule, lang) });
  }
  const updates = [...byId.values()].map(({ findingId, patch, comment }) => ({ findingId, patch, comment }));
  return { updates, errors, conflictsResolved: plan.conflicts.length };
}
