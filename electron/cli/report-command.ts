import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ExportTargets } from '../core/reports/export';
import { defaultStorePath } from '../core/store/paths';
import type { Store } from '../core/store';
import type { TimestampRequestOptions } from '../core/timestamp/client';
import { TimestampError } from '../core/timestamp/errors';
import type { TimestampInfo } from '../core/timestamp/verify-token';
import type { Lang } from '../shared/domain';
import { integer, langOption, parseCommandArgs, UsageError } from './args';
import { readCa } from './ca-file';
import { EXIT, type Io } from './exit-codes';
import { text } from './texts';
import { storeKeyOptions } from './open-store';
import { ttext } from './timestamp-texts';
import { timestampFailure, timestampLine, timestampRequest, tsaUrl } from './tsa-options';

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

export interface ReportExtras {
  /** Another run of the installation to compare with. */
  compareWith?: number;
  /** A TSA to put a time stamp on the pack. */
  timestamp?: TimestampRequestOptions;
}

/**
 * Writes the asked-for reports of a stored run and says where they went; the report libraries load only here.
 * Returns false when the pack got no time stamp: then it was not written (the PDF and the workbook were), and
 * stderr says why.
 */
export async function writeReports(
  store: Store,
  runId: number,
  targets: ExportTargets,
  lang: Lang,
  auditor: string | undefined,
  io: Io,
  quiet: boolean,
  extras: ReportExtras = {},
): Promise<boolean> {
  const { exportRun } = await import('../core/reports/export.js');
  const written = (file: string) => io.stdout.write(text(lang, 'reportWritten', { file }) + '\n');
  let stamp: TimestampInfo | null = null;
  let files: string[];
  try {
    files = await exportRun(store, runId, targets, {
      lang,
      auditor,
      compareWith: extras.compareWith,
      timestamp: extras.timestamp,
      onTimestamp: (info) => (stamp = info),
      onProgress: quiet || !io.stderr.isTTY ? undefined : (step, done, total) => io.stderr.write(`\r\x1b[K${text(lang, 'reportStep', { step, done, total })}`),
    });
  } catch (err) {
    if (!(err instanceof TimestampError)) throw err;
    if (!quiet && io.stderr.isTTY) io.stderr.write('\r\x1b[K');
    // The pack is the last file written: the PDF and the workbook asked for are there.
    if (!quiet) for (const file of [targets.pdf, targets.xlsx]) if (file) written(file);
    io.stderr.write(timestampFailure(err, targets.pack ?? '', lang) + '\n');
    return false;
  }
  if (!quiet && io.stderr.isTTY) io.stderr.write('\r\x1b[K');
  if (!quiet) for (const file of files) written(file);
  if (!quiet && stamp) io.stdout.write(timestampLine(stamp, lang) + '\n');
  return true;
}

/** --tsa, --ca and --timeout-ms of `report` and `pack`, checked: a TSA only for a pack, a readable CA file. */
export function timestampOptions(values: { tsa?: string; ca?: string; 'timeout-ms'?: string }, hasPack: boolean, lang: Lang): TimestampRequestOptions | undefined {
  const url = tsaUrl(values.tsa, lang);
  if (url && !hasPack) throw new UsageError(ttext(lang, 'tsaNeedsPack'));
  const timeoutMs = integer(values['timeout-ms'], '--timeout-ms', 100, 600_000, 10_000, lang);
  return timestampRequest(url, values.ca ? readCa(values.ca, lang) : undefined, timeoutMs);
}

/** The options of `report` and `pack` for a time stamp. */
export const TIMESTAMP_OPTIONS = { tsa: { type: 'string' }, ca: { type: 'string' }, 'timeout-ms': { type: 'string' } } as const;

export interface StoredRunReport {
  raw: string | undefined;
  db: string | undefined;
  targets: ExportTargets;
  auditor: string | undefined;
  quiet: boolean;
  compare: string | undefined;
  timestamp: TimestampRequestOptions | undefined;
}

/** Writes the reports of a stored run (`report`, `pack`): 0 written, 2 usage error or no time stamp. */
export async function reportStoredRun(r: StoredRunReport, io: Io, lang: Lang): Promise<number> {
  if (!r.raw) throw new UsageError(text(lang, 'missingRunId'));
  if (!/^\d+$/.test(r.raw)) throw new UsageError(text(lang, 'invalidRunId', { value: r.raw }));
  const db = r.db ?? defaultStorePath();
  if (!existsSync(db)) throw new UsageError(text(lang, 'storeMissing', { db }));
  const { openStore } = await import('../core/store/index.js');
  const store = openStore(db, storeKeyOptions());
  try {
    const runId = Number(r.raw);
    if (!store.getRun(runId)) throw new UsageError(text(lang, 'runNotFound', { runId, db }));
    const compareWith = r.compare === undefined ? undefined : compareTarget(store, runId, r.compare, db, lang);
    if (compareWith === null) io.stderr.write(text(lang, 'noPreviousRun') + '\n');
    const ok = await writeReports(store, runId, r.targets, lang, r.auditor, io, r.quiet, { compareWith: compareWith ?? undefined, timestamp: r.timestamp });
    return ok ? EXIT.ok : EXIT.usage;
  } finally {
    store.close();
  }
}

/**
 * `pruefstand report <runId> [--db FILE] --pdf/--xlsx/--pack FILE [--tsa URL [--ca FILE] [--timeout-ms N]]
 * [--lang de|en] [--auditor NAME] [--compare RUN]`
 */
export async function reportCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    ...REPORT_OPTIONS,
    ...TIMESTAMP_OPTIONS,
    db: { type: 'string' },
    lang: { type: 'string' },
    quiet: { type: 'boolean' },
    compare: { type: 'string' },
  });
  const lang = langOption(values.lang, envLang);
  const raw = positionals[0];
  if (raw !== undefined && !/^\d+$/.test(raw)) throw new UsageError(text(lang, 'invalidRunId', { value: raw }));
  const targets = reportTargets(values);
  if (raw && !targets) throw new UsageError(text(lang, 'noReportTarget'));
  const timestamp = timestampOptions(values, Boolean(targets?.pack), lang);
  return reportStoredRun({ raw, db: values.db, targets: targets ?? {}, auditor: values.auditor, quiet: values.quiet ?? false, compare: values.compare, timestamp }, io, lang);
}
