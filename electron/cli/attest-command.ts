import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultStorePath } from '../core/store/paths';
import type { Store } from '../core/store';
import type { Lang, Status } from '../shared/domain';
import type { JudgementKind } from '../shared/registers';
import { langOption, parseCommandArgs, UsageError } from './args';
import { EXIT, type Io } from './exit-codes';
import { rtext } from './register-texts';
import { text } from './texts';
import { defaultActor } from './who';
import { storeKeyOptions } from './open-store';

const JUDGED = ['pass', 'fail', 'warn', 'not_applicable'] as const;
const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

const OPTIONS = {
  statement: { type: 'string' },
  status: { type: 'string' },
  by: { type: 'string' },
  attach: { type: 'string', multiple: true },
  override: { type: 'boolean' },
  withdraw: { type: 'string' },
  reason: { type: 'string' },
  db: { type: 'string' },
  lang: { type: 'string' },
} as const;

function readAttachment(file: string, lang: Lang): Buffer {
  try {
    // Size first: a huge file is refused before it is read into memory.
    if (statSync(file).size > MAX_ATTACHMENT_BYTES) throw new UsageError(rtext(lang, 'attachTooLarge', { file, mb: MAX_ATTACHMENT_BYTES / 1024 / 1024 }));
    return readFileSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(rtext(lang, 'attachUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
}

function withdraw(store: Store, rawId: string, reason: string | undefined, by: string, io: Io, lang: Lang): number {
  if (!/^\d+$/.test(rawId)) throw new UsageError(rtext(lang, 'attestInvalidId', { value: rawId }));
  if (!reason?.trim()) throw new UsageError(rtext(lang, 'attestWithdrawNeedsReason'));
  const j = store.judgements.withdraw(Number(rawId), by, reason);
  io.stdout.write(rtext(lang, 'judgementWithdrawn', { id: j.id, check: j.checkId, by, sha: j.withdrawn!.evidence }) + '\n');
  return EXIT.ok;
}

/**
 * `pruefstand attest <run> <check> --statement TEXT [--status S] [--by NAME] [--attach FILE]… [--override]`
 * `pruefstand attest --withdraw <id> --reason TEXT [--by NAME]`
 */
export async function attestCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const lang = langOption(values.lang, envLang);
  const [rawRun, checkId] = positionals;
  if (values.withdraw === undefined && (!rawRun || !checkId)) throw new UsageError(rtext(lang, 'attestMissing'));
  if (rawRun !== undefined && !/^\d+$/.test(rawRun)) throw new UsageError(text(lang, 'invalidRunId', { value: rawRun }));
  if (values.status !== undefined && !(JUDGED as readonly string[]).includes(values.status)) throw new UsageError(rtext(lang, 'attestInvalidStatus', { value: values.status }));
  const by = values.by?.trim() || defaultActor(io.env);
  const db = values.db ?? defaultStorePath();
  const { openStore } = await import('../core/store/index.js');
  const { documentMediaType } = await import('../core/store/document-type.js');
  const store = openStore(db, storeKeyOptions());
  try {
    if (values.withdraw !== undefined) return withdraw(store, values.withdraw, values.reason, by, io, lang);
    if (!values.statement?.trim()) throw new UsageError(rtext(lang, 'attestMissingStatement'));
    const runId = Number(rawRun);
    const run = store.getRun(runId);
    if (!run) throw new UsageError(text(lang, 'runNotFound', { runId, db }));
    const measured = run.items.flatMap((i) => i.checks).find((c) => c.checkId === checkId);
    if (!measured) throw new UsageError(rtext(lang, 'attestNoSuchCheck', { runId, check: checkId! }));
    const kind: JudgementKind = measured.status === 'manual' ? 'attestation' : 'override';
    if (kind === 'override' && !values.override) throw new UsageError(rtext(lang, 'attestNeedsOverride', { check: checkId!, status: measured.status }));
    if (kind === 'attestation' && values.override) throw new UsageError(rtext(lang, 'attestNotMeasured', { check: checkId!, runId, status: measured.status }));
    if (kind === 'override' && values.status === undefined) throw new UsageError(rtext(lang, 'attestOverrideNeedsStatus'));
    const attachments = (values.attach ?? []).map((file) => {
      const content = readAttachment(file, lang);
      const sha = store.registers.storeDocument(content, documentMediaType(content, path.basename(file)));
      io.stdout.write(rtext(lang, 'attachmentStored', { file, sha }) + '\n');
      return sha;
    });
    const status = (values.status ?? 'pass') as Status;
    const j = store.judgements.record(runId, { kind, checkId: checkId!, status, statement: values.statement, by, attachments });
    const params = { id: j.id, check: j.checkId, runId, status, by, measured: measured.status, sha: j.evidence };
    io.stdout.write(rtext(lang, kind === 'override' ? 'overrideRecorded' : 'attestationRecorded', params) + '\n');
    return EXIT.ok;
  } finally {
    store.close();
  }
}
