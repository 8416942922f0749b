// `pruefstand audit --targets FILE`: audits every installation of a targets file (core/batch), shows the progress,
// writes the summary and exits with one code for the whole batch.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { vendorCatalogue } from '../core/audit/client-registers';
import { sharedLauncher } from '../core/browser/shared-launcher';
import { consentSetup } from './consent-options';
import type { BatchRow } from '../core/batch/rows';
import { parseTargets, type BatchTarget, type TargetError } from '../core/batch/targets';
import type { SummaryRow } from '../core/batch/summary';
import { SUMMARY_TEXTS } from '../core/batch/summary-texts';
import { loadCompiledChecklist } from '../core/checklist/compiled';
import { DEFAULT_NET_OPTIONS } from '../core/net/options';
import type { SshAuth } from '../core/probes/config-source';
import { defaultStorePath } from '../core/store/paths';
import type { Lang } from '../shared/domain';
import { UsageError } from './args';
import { parseBatchArgs } from './batch-args';
import { createBatchProgress } from './batch-progress';
import { batchText } from './batch-texts';
import { targetErrorText } from '../core/batch/target-error-texts';
import { readCa } from './ca-file';
import { auditExitCode, EXIT, type Io } from './exit-codes';
import { storeKeyOptions } from './open-store';

function readTargets(file: string, lang: Lang): Uint8Array {
  if (!file) throw new UsageError(batchText(lang, 'batchTargetsUnreadable', { file: '--targets', reason: '?' }));
  try {
    return readFileSync(file);
  } catch (err) {
    throw new UsageError(batchText(lang, 'batchTargetsUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
}

function rowErrorLine(e: TargetError, lang: Lang): string {
  const message = targetErrorText(e, lang);
  return e.column ? batchText(lang, 'batchRowError', { row: e.row, column: e.column, message }) : batchText(lang, 'batchFileError', { message });
}

/** Targets with an SSH login read over the ssh-agent; without one, those rows are refused before anything runs. */
function sshAuthFor(targets: readonly BatchTarget[], env: NodeJS.ProcessEnv): { auth: SshAuth | null; refused: TargetError[] } {
  const socket = env.SSH_AUTH_SOCK;
  if (socket) return { auth: { kind: 'agent', socket }, refused: [] };
  const refused = targets.filter((t) => t.config?.kind === 'ssh').map((t) => ({ row: t.row, column: 'ssh', code: 'bad-ssh' as const, value: '' }));
  return { auth: null, refused };
}

/** What a single audit of the row would have exited with. */
function rowExitCode(row: BatchRow): number {
  if (row.audit) return auditExitCode(row.audit);
  return row.state === 'not-started' ? EXIT.cancelled : EXIT.incomplete;
}

/** 130 cancelled; 1 any installation with a failed check; 3 any incomplete (unreachable, errors); else 0. */
export function batchExitCode(rows: readonly SummaryRow[], cancelled: boolean): number {
  if (cancelled || rows.some((r) => r.exitCode === EXIT.cancelled)) return EXIT.cancelled;
  if (rows.some((r) => r.exitCode === EXIT.failed)) return EXIT.failed;
  return rows.every((r) => r.complete) ? EXIT.ok : EXIT.incomplete;
}

export async function batchCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const args = parseBatchArgs(argv, envLang);
  const { lang } = args;
  const parsed = parseTargets(readTargets(args.targets, lang), path.dirname(path.resolve(args.targets)));
  const ssh = parsed.ok ? sshAuthFor(parsed.targets, io.env) : { auth: null, refused: [] };
  const errors = parsed.ok ? ssh.refused : parsed.errors;
  if (errors.length || !parsed.ok) {
    const lines = errors.map((e) => (e.code === 'bad-ssh' && e.value === '' ? batchText(lang, 'batchRowError', { row: e.row, column: e.column, message: batchText(lang, 'batchNoAgent') }) : rowErrorLine(e, lang)));
    throw new UsageError([batchText(lang, 'batchBadRows', { file: args.targets, count: errors.length }), ...lines].join('\n'));
  }
  const checklist = loadCompiledChecklist(args.checklist) ?? (await import('../core/checklist/load.js')).loadChecklist(args.checklist);
  const extraCaPem = args.ca ? readCa(args.ca, lang) : undefined;
  const vendors = await vendorCatalogue(args.vendors);
  const [{ runBatch }, { openStore }, summary] = await Promise.all([import('../core/batch/run-batch.js'), import('../core/store/index.js'), import('../core/batch/summary.js')]);
  const dbFile = args.db ?? defaultStorePath();
  const store = openStore(dbFile, storeKeyOptions());
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const progress = !args.quiet && io.stderr.isTTY ? createBatchProgress(io.stderr, lang) : null;
  const consent = await consentSetup(args.consent, parsed.targets.some((t) => t.landingPages.length > 0), lang, extraCaPem);
  const browser = consent.launch ? sharedLauncher(consent.launch) : null;
  try {
    const result = await runBatch({
      consent: browser ? { ...consent, launch: browser.launch } : consent,
      targets: parsed.targets,
      checklist,
      store,
      vendors,
      net: { ...DEFAULT_NET_OPTIONS, timeoutMs: args.timeoutMs, extraCaPem, extraCaName: args.ca ? path.basename(args.ca) : undefined },
      concurrency: args.concurrency,
      probeConcurrency: args.probeConcurrency,
      lang,
      sshAuth: ssh.auth,
      signal: controller.signal,
      onProgress: progress?.onProgress,
    });
    progress?.stop();
    const rows: SummaryRow[] = result.rows.map((r) => ({ ...r, exitCode: rowExitCode(r) }));
    for (const s of args.summaries) {
      if (s.format === 'csv') await summary.writeSummaryCsv(s.file, rows, lang);
      else await (await import('../core/batch/summary-xlsx.js')).writeSummaryXlsx(s.file, rows, lang);
    }
    if (!args.quiet) writeOutcome(io, rows, lang, dbFile, args.summaries.map((s) => s.file));
    const code = batchExitCode(rows, result.cancelled);
    if (code === EXIT.cancelled) io.stderr.write(batchText(lang, 'batchCancelled') + '\n');
    return code;
  } finally {
    progress?.stop();
    await browser?.closeAll();
    process.removeListener('SIGINT', onSigint);
    store.close();
  }
}

function writeOutcome(io: Io, rows: readonly SummaryRow[], lang: Lang, db: string, summaries: string[]): void {
  const { states } = SUMMARY_TEXTS[lang];
  for (const r of rows) {
    const name = `${r.target.client} / ${r.target.installation}`;
    if (r.unreachable) io.stdout.write(batchText(lang, 'batchUnreachable', { name, reason: r.unreachable, runId: r.runId ?? '-' }) + '\n');
    else if (r.runId === null) io.stdout.write(batchText(lang, 'batchRowNoRun', { name, state: states[r.state], reason: r.error ?? '' }).trimEnd() + '\n');
    else io.stdout.write(batchText(lang, 'batchRow', { name, state: states[r.state], score: r.score ?? '-', failed: r.failed, errors: r.errors, runId: r.runId }) + '\n');
  }
  const count = (p: (r: SummaryRow) => boolean) => rows.filter(p).length;
  io.stdout.write(
    batchText(lang, 'batchDone', { total: rows.length, complete: count((r) => r.complete), failed: count((r) => r.failed > 0), incomplete: count((r) => !r.complete), db }) + '\n',
  );
  for (const file of summaries) io.stdout.write(batchText(lang, 'batchSummaryWritten', { file }) + '\n');
}
