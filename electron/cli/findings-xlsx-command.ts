import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Store } from '../core/store';
import type { Lang } from '../shared/domain';
import type { FindingsImportPlan } from '../shared/contract-findings-xlsx';
import { UsageError } from './args';
import { EXIT, type Io } from './exit-codes';
import { ftext } from './findings-texts';

const MAX_BYTES = 10 * 1024 * 1024;
const show = (v: string | null) => (v === null || v === '' ? '–' : v);

function printPlan(plan: FindingsImportPlan, io: Io, lang: Lang): void {
  io.stdout.write(ftext(lang, 'xlsxPlan', { scope: plan.scope.label, exportedAt: plan.exportedAt, changed: plan.changes.length, unchanged: plan.unchanged, conflicts: plan.conflicts.length, errors: plan.errors.length }) + '\n');
  for (const c of plan.changes) {
    const fields = c.fields.map((f) => `${f.field} ${show(f.from)} → ${show(f.to)}`);
    if (c.comment) fields.push(ftext(lang, 'xlsxComment', { comment: c.comment }));
    io.stdout.write(`  ~ #${c.findingId} (${c.row}): ${fields.join('; ')}\n`);
  }
  for (const c of plan.conflicts) io.stdout.write(ftext(lang, 'xlsxConflict', { id: c.findingId, row: c.row, field: c.field, atExport: show(c.atExport), inApp: show(c.inApp), inFile: show(c.inFile) }) + '\n');
  for (const e of plan.errors) io.stdout.write(ftext(lang, 'xlsxRowError', { sheet: e.sheet, row: e.row, column: e.column, message: e.message }) + '\n');
}

/** `findings export FILE.xlsx <url>|--client NAME`: the open findings as a workbook for the client's team. */
export async function exportFindings(store: Store, file: string, scope: { installationId?: number; clientId?: number }, io: Io, lang: Lang): Promise<number> {
  const [{ exportFindingsWorkbook }, { loadChecklist }] = await Promise.all([import('../core/service/findings-xlsx.js'), import('../core/checklist/load.js')]);
  const { bytes, count } = await exportFindingsWorkbook(store, loadChecklist('mautic-dsgvo'), scope, lang);
  try {
    writeFileSync(`${file}.tmp`, bytes);
    renameSync(`${file}.tmp`, file);
  } catch (err) {
    rmSync(`${file}.tmp`, { force: true });
    throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  io.stdout.write(ftext(lang, 'xlsxExported', { file, count }) + '\n');
  return EXIT.ok;
}

/** `findings import FILE.xlsx [--dry-run] [--resolve ours|theirs] [--by NAME]`: all or nothing. */
export async function importFindings(store: Store, file: string, options: { dryRun: boolean; resolve?: string; by: string }, io: Io, lang: Lang): Promise<number> {
  if (options.resolve !== undefined && options.resolve !== 'ours' && options.resolve !== 'theirs') throw new UsageError(ftext(lang, 'xlsxBadResolve', { value: options.resolve }));
  let bytes: Buffer;
  try {
    if (statSync(file).size > MAX_BYTES) throw new UsageError(ftext(lang, 'xlsxTooLarge', { file }));
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const service = await import('../core/service/findings-xlsx.js');
  const { FindingsFileError, findingsFileProblemText } = await import('../core/findings-xlsx/index.js');
  try {
    if (options.dryRun) {
      const { plan } = await service.planFindingsFile(store, bytes, lang);
      printPlan(plan, io, lang);
      io.stdout.write(ftext(lang, 'xlsxDryRun') + '\n');
      return plan.errors.length || plan.conflicts.length ? EXIT.failed : EXIT.ok;
    }
    const outcome = await service.applyFindingsFile(store, bytes, lang, options.by, options.resolve as 'ours' | 'theirs' | undefined);
    printPlan(outcome.plan, io, lang);
    if (outcome.kind === 'row-errors') {
      io.stderr.write(ftext(lang, 'xlsxRefusedRows') + '\n');
      return EXIT.failed;
    }
    if (outcome.kind === 'conflicts') {
      io.stderr.write(ftext(lang, 'xlsxRefusedConflicts', { count: outcome.plan.conflicts.length }) + '\n');
      return EXIT.failed;
    }
    io.stdout.write(ftext(lang, 'xlsxApplied', { ...outcome.result }) + '\n');
    return EXIT.ok;
  } catch (err) {
    if (err instanceof FindingsFileError) throw new UsageError(`${file}: ${findingsFileProblemText(err.code, lang)}`);
    throw err;
  }
}
