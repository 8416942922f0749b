import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { clientRegisters, vendorCatalogue } from '../core/audit/client-registers';
import { consentSetup } from './consent-options';
import { loadCompiledChecklist } from '../core/checklist/compiled';
import { DEFAULT_NET_OPTIONS } from '../core/net/options';
import { engineVersion, TOOL_NAME } from '../core/package-root';
import { defaultStorePath } from '../core/store/paths';
import type { Store } from '../core/store';
import type { Lang } from '../shared/domain';
import { parseAuditArgs, UsageError } from './args';
import { readCa } from './ca-file';
import { auditJson } from './json-output';
import { createProgress } from './progress';
import { summaryTable } from './summary-table';
import { ftext } from './findings-texts';
import { ftext as runfileText } from './runfile-texts';
import { text } from './texts';
import { compareTarget, reportTargets, writeReports } from './report-command';
import { sshSource } from './ssh-options';
import { ttext } from './timestamp-texts';
import { timestampRequest } from './tsa-options';
import { auditExitCode, EXIT, type Io } from './exit-codes';
import { storeKeyOptions } from './open-store';

/** Whether the arguments ask for a batch audit (`--targets FILE`) instead of one installation. */
const isBatch = (argv: string[]) => argv.some((a) => a === '--targets' || a.startsWith('--targets='));

/** Writes the signed run file; says why not (on stderr) and returns true when it could not. */
async function writeOut(store: Store, runId: number, file: string, lang: Lang, report: NodeJS.WriteStream | null, stderr: NodeJS.WriteStream): Promise<boolean> {
  const [{ writeRunFile }, { loadOrCreateSigningKey }] = await Promise.all([import('../core/runfile/write.js'), import('../core/reports/signing-key.js')]);
  try {
    const key = loadOrCreateSigningKey(path.dirname(store.file));
    const written = await writeRunFile({ store, runIds: [runId], key, file, tool: { name: TOOL_NAME, version: engineVersion() } });
    report?.write(runfileText(lang, 'outWritten', { file: written.file, fingerprint: key.fingerprint }) + '\n');
    return false;
  } catch (err) {
    stderr.write(runfileText(lang, 'outFailed', { file, reason: (err as Error).message }) + '\n');
    return true;
  }
}

export async function auditCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  if (isBatch(argv)) return (await import('./batch-command.js')).batchCommand(argv, io, envLang);
  const args = parseAuditArgs(argv, envLang);
  const { lang } = args;
  // The engine (checklist parser, probes, checks, store) loads only once the arguments are known to be good.
  // The shipped checklist comes compiled by the build; only another file loads the YAML parser and the schema.
  const checklist = loadCompiledChecklist(args.checklist) ?? (await import('../core/checklist/load.js')).loadChecklist(args.checklist);
  const [{ runAudit }, { openStore }] = await Promise.all([import('../core/audit/run.js'), import('../core/store/index.js')]);
  const extraCaPem = args.ca ? readCa(args.ca, lang) : undefined;
  // Asked before the store opens and progress starts: the prompt needs the terminal to itself.
  const ssh = args.ssh ? await sshSource(args.ssh, { stdin: io.stdin ?? process.stdin, stderr: io.stderr, env: io.env }, lang) : null;
  const dbFile = args.db ?? defaultStorePath();
  const store = openStore(dbFile, storeKeyOptions());
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once('SIGINT', onSigint);
  const jsonToStdout = args.json === '-';
  const report = jsonToStdout ? io.stderr : io.stdout;
  const progress = !args.quiet && io.stderr.isTTY ? createProgress(io.stderr, lang) : null;
  try {
    const installation = store.ensureInstallationForUrl(args.url.href, args.client);
    // A run to compare with is checked before the audit, not after it has run for minutes.
    if (typeof args.compare === 'number') {
      const other = store.getRun(args.compare);
      if (!other) throw new UsageError(text(lang, 'runNotFound', { runId: args.compare, db: dbFile }));
      if (other.installationId !== installation.id) throw new UsageError(text(lang, 'compareNotThisInstallation', { other: other.id, url: args.url.href }));
    }
    const registers = clientRegisters(store, installation.clientId, await vendorCatalogue(args.vendors));
    const onlyChecks = args.recheckOpen ? store.findings.activeChecks(installation.id) : null;
    if (onlyChecks?.length === 0) {
      io.stderr.write(ftext(lang, 'recheckNothing', { installation: installation.name }) + '\n');
      return EXIT.ok;
    }
    const result = await runAudit({
      target: {
        url: args.url,
        httpUrl: args.httpUrl,
        landingPages: args.pages,
        formUrls: args.forms,
        privacyPolicyUrl: args.privacyPolicy,
        config: ssh ?? (args.config || args.crontab ? { kind: 'files', localPhpPath: args.config, crontabPath: args.crontab } : null),
        registers,
      },
      checklist,
      installationId: installation.id,
      recorder: store,
      net: { ...DEFAULT_NET_OPTIONS, timeoutMs: args.timeoutMs, extraCaPem, extraCaName: args.ca ? path.basename(args.ca) : undefined },
      concurrency: args.concurrency,
      lang,
      onEvent: progress?.onEvent,
      signal: controller.signal,
      onlyChecks,
      consent: await consentSetup(args.consent, args.pages.length > 0, lang, extraCaPem),
    });
    progress?.stop();
    const targets = reportTargets({ pdf: args.pdf ?? undefined, xlsx: args.xlsx ?? undefined, pack: args.pack ?? undefined });
    let packFailed = false;
    if (targets && result.state !== 'cancelled') {
      const compareWith = args.compare === null ? undefined : compareTarget(store, result.runId, String(args.compare), dbFile, lang);
      if (compareWith === null) io.stderr.write(text(lang, 'noPreviousRun') + '\n');
      const timestamp = timestampRequest(args.tsa, extraCaPem, args.timeoutMs);
      packFailed = !(await writeReports(store, result.runId, targets, lang, args.auditor ?? undefined, { ...io, stdout: report }, args.quiet, { compareWith: compareWith ?? undefined, timestamp }));
      if (packFailed) io.stderr.write(ttext(lang, 'tsaFailedAfterAudit', { runId: result.runId }) + '\n');
    }
    const outFailed = args.out && result.state !== 'cancelled' ? await writeOut(store, result.runId, args.out, lang, args.quiet ? null : report, io.stderr) : false;
    const json = JSON.stringify(auditJson(result, checklist, args.url.href, store.judgements.forRun(result.runId)), null, 2);
    if (jsonToStdout) io.stdout.write(json + '\n');
    else if (args.json) writeFileSync(args.json, json + '\n');
    if (!args.quiet) {
      report.write(summaryTable(result, lang, Boolean(report.isTTY) && !io.env.NO_COLOR, report.columns || 100) + '\n');
      report.write(text(lang, 'stored', { runId: result.runId, db: dbFile }) + '\n');
      const changed = store.findings.changedByRun(result.runId);
      const open = store.findings.list(installation.id, ['open', 'in-progress']).length;
      report.write(ftext(lang, 'findingsAfterRun', { opened: changed.opened.length, fixed: changed.fixed.length, reopened: changed.reopened.length, open }) + '\n');
      if (ssh && !ssh.hostKeySha256 && result.sshHostKey) report.write(text(lang, 'sshHostKeySeen', { host: ssh.host, key: result.sshHostKey }) + '\n');
      if (args.json && !jsonToStdout) report.write(text(lang, 'jsonWritten', { file: args.json }) + '\n');
    }
    // A job whose run file is missing must not look done: its results would never reach the auditor's store.
    // Nor one whose pack could not get the time stamp asked for (the pack was then not written at all).
    const code = outFailed || packFailed ? EXIT.usage : auditExitCode(result);
    if (code === EXIT.cancelled) io.stderr.write(text(lang, 'cancelled') + '\n');
    else if (result.unreachable) io.stderr.write(text(lang, 'unreachable', { reason: result.unreachable }) + '\n');
    return code;
  } finally {
    progress?.stop();
    process.removeListener('SIGINT', onSigint);
    store.close();
  }
}
