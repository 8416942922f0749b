import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ExportTargets } from '../core/reports/export';
import { defaultStorePath } from '../core/store/paths';
import type { Store } from '../core/store';
import type { Lang } from '../shared/domain';
import { langOption, parseCommandArgs, UsageError } from './args';
import { EXIT, type Io } from './exit-codes';
import { text } from './texts';
import { storeKeyOptions } from './open-store';

/** The report options shared by `audit` and `report`. */
export const REPORT_OPTIONS = {
  pdf: { type: 'string' },
  xlsx: { type: 'string' },
  pack: { type: 'string' },
  auditor: { type: 'string' },
} as const;

export function reportTargets(values: { pdf?: string; xlsx?: string; pack?: string }): ExportTargets | null {
  const targets: ExportTargets = {};
  for (const kind of ['pdf', 'xlsx', 'pack'] as const) if (values[kind]) targets[kind] = path.resolve(values[kind]);
  return Object.keys(targets).length ? targets : null;
}

/**
 * The run `--compare` names, checked against the run reported on: it exists, is another run, and is of the
 * same installation. `previous` is the run of the installation started last before it (null: there is none).
 */
export function compareTarget(store: Store, runId: number, raw: string, db: string, lang: Lang): number | null {
  const run = store.getRun(runId);
  if (!run) throw new UsageError(text(lang, 'runNotFound', { runId, db }));
  if (raw === 'previous') {
    const runs = store.listRuns(run.installationId);
    return runs[runs.findIndex((r) => r.id === runId) + 1]?.id ?? null;
  }
  if (!/^\d+$/.test(raw)) throw new UsageError(text(lang, 'invalidCompare', { value: raw }));
  const other = store.getRun(Number(raw));
  if (!other) throw new UsageError(text(lang, 'runNotFound', { runId: raw, db }));
  if (other.id === runId) throw new UsageError(text(lang, 'compareSameRun', { runId }));
  if (other.installationId !== run.installationId) throw new UsageError(text(lang, 'compareOtherInstallation', { other: other.id, runId }));
  return other.id;
}

/** Writes the asked-for reports of a stored run and says where they went; the report libraries load only here. */
export async function writeReports(
  store: Store,
  runId: number,
  targets: ExportTargets,
  lang: Lang,
  auditor: string | undefined,
  io: Io,
  quiet: boolean,
  compareWith?: number,
): Promise<void> {
  const { exportRun } = await import('../core/reports/export.js');
  const files = await exportRun(store, runId, targets, {
    lang,
    auditor,
    compareWith,
    onProgress: quiet || !io.stderr.isTTY ? undefined : (step, done, total) => io.stderr.write(`\r\x1b[K${text(lang, 'reportStep', { step, done, total })}`),
  });
  if (!quiet && io.stderr.isTTY) io.stderr.write('\r\x1b[K');
  if (!quiet) for (const file of files) io.stdout.write(text(lang, 'reportWritten', { file }) + '\n');
}

/** `pruefstand report <runId> [--db FILE] --pdf/--xlsx/--pack FILE [--lang de|en] [--auditor NAME] [--compare RUN]` */
export async function reportCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { ...REPORT_OPTIONS, db: { type: 'string' }, lang: { type: 'string' }, quiet: { type: 'boolean' }, compare: { type: 'string' } });
  const lang = langOption(values.lang, envLang);
  const raw = positionals[0];
  if (!raw) throw new UsageError(text(lang, 'missingRunId'));
  if (!/^\d+$/.test(raw)) throw new UsageError(text(lang, 'invalidRunId', { value: raw }));
  const targets = reportTargets(values);
  if (!targets) throw new UsageError(text(lang, 'noReportTarget'));
  const db = values.db ?? defaultStorePath();
  if (!existsSync(db)) throw new UsageError(text(lang, 'storeMissing', { db }));
  const { openStore } = await import('../core/store/index.js');
  const store = openStore(db, storeKeyOptions());
  try {
    const runId = Number(raw);
    if (!store.getRun(runId)) throw new UsageError(text(lang, 'runNotFound', { runId, db }));
    const compareWith = values.compare === undefined ? undefined : compareTarget(store, runId, values.compare, db, lang);
    if (compareWith === null) io.stderr.write(text(lang, 'noPreviousRun') + '\n');
    await writeReports(store, runId, targets, lang, values.auditor, io, values.quiet ?? false, compareWith ?? undefined);
    return EXIT.ok;
  } finally {
    store.close();
  }
}
