// The findings' Excel round trip over the store, for the app and the CLI alike: export a scope's open findings,
// plan a returned workbook against the findings as they are now, and apply it. Apply re-plans from the file (a
// preview may be stale) and validates everything before the first write, so it cannot fail halfway (the store API
// has no transaction spanning several findings; each update is its own).
import type { FindingsImportPlan, FindingsImportResult, FindingsResolution, FindingsScopeRef } from '../../shared/contract-findings-xlsx';
import type { Lang } from '../../shared/domain';
import type { TrackedFinding } from '../../shared/findings';
import type { Checklist } from '../checklist/load';
import { EXPORTED_STATUSES, FindingsFileError, findingsFileProblemText, planFindingsImport, readFindingsWorkbook, resolveFindingsImport, writeFindingsWorkbook } from '../findings-xlsx';
import type { Store } from '../store';
import { ServiceError } from './dispatch';
import { exportFilePath, writeFileWhole } from './export-file';
import { findingViews } from './findings';

export type FindingsScopeArgs = { installationId?: number; clientId?: number };

/** The scope as the store knows it now, or null when this store has no such installation or client. */
function scopeNow(store: Store, scope: Pick<FindingsScopeRef, 'kind' | 'id'>): FindingsScopeRef | null {
  if (scope.kind === 'installation') {
    const installation = store.installations.get(scope.id);
    return installation ? { kind: 'installation', id: installation.id, label: installation.baseUrl } : null;
  }
  const client = store.clients.get(scope.id);
  return client ? { kind: 'client', id: client.id, label: client.name } : null;
}

const findingsOf = (store: Store, scope: FindingsScopeRef): TrackedFinding[] => (scope.kind === 'installation' ? store.findings.list(scope.id) : store.findings.listForClient(scope.id));

/** The workbook of a scope's open findings, and how many it holds. */
export async function exportFindingsWorkbook(store: Store, checklist: Checklist, args: FindingsScopeArgs, lang: Lang, exportedAt = new Date().toISOString()) {
  const scope = scopeNow(store, args.installationId !== undefined ? { kind: 'installation', id: args.installationId } : { kind: 'client', id: args.clientId! });
  if (!scope) throw new ServiceError('not-found', args.installationId !== undefined ? `installation ${args.installationId} does not exist` : `client ${args.clientId} does not exist`);
  const findings = findingViews(store, checklist, args, lang);
  const bytes = await writeFindingsWorkbook({ scope, exportedAt, findings }, lang);
  return { scope, bytes, count: findings.filter((f) => EXPORTED_STATUSES.includes(f.status)).length };
}

export interface PlannedFile {
  plan: FindingsImportPlan;
  sheet: string;
  current: TrackedFinding[];
}

/** Reads and plans a returned workbook; a file refused as a whole is a FindingsFileError. Writes nothing. */
export async function planFindingsFile(store: Store, bytes: Buffer, lang: Lang): Promise<PlannedFile> {
  const parsed = await readFindingsWorkbook(bytes, lang);
  const scope = scopeNow(store, parsed.meta.scope);
  const current = scope ? findingsOf(store, scope) : [];
  return { plan: planFindingsImport(parsed, scope, current, lang), sheet: parsed.sheet, current };
}

export type ApplyOutcome =
  | { kind: 'applied'; plan: FindingsImportPlan; result: FindingsImportResult }
  | { kind: 'row-errors'; plan: FindingsImportPlan; errors: FindingsImportPlan['errors'] }
  | { kind: 'conflicts'; plan: FindingsImportPlan };

/** Applies a returned workbook, all or nothing: row errors or undecided conflicts write nothing. */
export async function applyFindingsFile(store: Store, bytes: Buffer, lang: Lang, by: string, resolve?: FindingsResolution): Promise<ApplyOutcome> {
  const { plan, sheet, current } = await planFindingsFile(store, bytes, lang);
  if (plan.errors.length) return { kind: 'row-errors', plan, errors: plan.errors };
  if (plan.conflicts.length && !resolve) return { kind: 'conflicts', plan };
  const resolved = resolveFindingsImport(plan, current, resolve ?? 'ours', lang, sheet);
  if (resolved.errors.length) return { kind: 'row-errors', plan, errors: resolved.errors };
  const who = by.trim();
  if (!who || who.length > 200) throw new ServiceError('invalid', 'who makes the change is required (at most 200 characters)');
  let changed = 0;
  let commented = 0;
  for (const u of resolved.updates) {
    if (Object.keys(u.patch).length) {
      const before = store.findings.get(u.findingId)!.updatedAt;
      if (store.findings.update(u.findingId, u.patch, who).updatedAt !== before) changed++;
    }
    if (u.comment) {
      store.findings.comment(u.findingId, u.comment, who);
      commented++;
    }
  }
  return { kind: 'applied', plan, result: { changed, commented, conflictsResolved: resolved.conflictsResolved } };
}

const fileProblem = (err: unknown, fileName: string, lang: Lang) =>
  err instanceof FindingsFileError ? new ServiceError('invalid', `${fileName}: ${findingsFileProblemText(err.code, lang)}`) : err;

/** The app's channels: findings:export, findings:import-preview, findings:import-apply. */
export function createFindingsXlsxService(store: Store, checklist: () => Checklist) {
  const decode = (base64: string) => Buffer.from(base64, 'base64');
  return {
    async exportWorkbook(args: FindingsScopeArgs, lang: Lang) {
      const { scope, bytes, count } = await exportFindingsWorkbook(store, checklist(), args, lang);
      const file = exportFilePath(store.file, 'findings', scope.label, `${scope.kind}-${scope.id}`, 'xlsx');
      writeFileWhole(file, bytes);
      return { file, count };
    },
    async importPreview(file: { fileName: string; base64: string }, lang: Lang) {
      try {
        return (await planFindingsFile(store, decode(file.base64), lang)).plan;
      } catch (err) {
        throw fileProblem(err, file.fileName, lang);
      }
    },
    async importApply(file: { fileName: string; base64: string }, lang: Lang, by: string, resolve?: FindingsResolution) {
      let outcome: ApplyOutcome;
      try {
        outcome = await applyFindingsFile(store, decode(file.base64), lang, by, resolve);
      } catch (err) {
        throw fileProblem(err, file.fileName, lang);
      }
      if (outcome.kind === 'row-errors') throw new ServiceError('invalid', `${file.fileName}: ${outcome.errors.length} row(s) with errors; nothing was changed`);
      if (outcome.kind === 'conflicts') throw new ServiceError('conflict', `${file.fileName}: ${outcome.plan.conflicts.length} conflict(s) with changes made in the app since the export; choose resolve 'ours' or 'theirs'`);
      return outcome.result;
    },
  };
}
