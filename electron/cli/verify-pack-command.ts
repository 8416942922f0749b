import { TIMESTAMP_PATH } from '../core/reports/pack';
import { PackFileError, verifyPack, type PackProblemKind, type PackProblemReason } from '../core/reports/verify-pack';
import type { Lang } from '../shared/domain';
import { langOption, parseCommandArgs, UsageError } from './args';
import { EXIT, type Io } from './exit-codes';
import { text, type TextKey } from './texts';
import { PROBLEM_KIND, PROBLEM_TEXT, SHOW_PROBLEM_DETAIL, ttext } from './timestamp-texts';
import { readTsaCertificates, timestampLine } from './tsa-options';

const KIND: Record<PackProblemKind, TextKey> = {
  changed: 'packChanged',
  added: 'packAdded',
  removed: 'packRemoved',
  unreadable: 'packUnreadable',
};

const REASON: Record<PackProblemReason, TextKey> = {
  'content-mismatch': 'packReasonContent',
  'signature-mismatch': 'packReasonSignature',
  'fingerprint-mismatch': 'packReasonFingerprint',
  'not-in-manifest': 'packReasonNotListed',
  'duplicate-entry': 'packReasonDuplicate',
  missing: 'packReasonMissing',
  'unsafe-name': 'packReasonUnsafeName',
  'too-large': 'packReasonTooLarge',
  'too-many-entries': 'packReasonTooMany',
  'unsupported-entry': 'packReasonUnsupported',
  'read-error': 'packReasonReadError',
  'bad-manifest': 'packReasonBadManifest',
  'bad-signature': 'packReasonBadSignature',
};

/** Reasons whose technical detail helps the reader (the others say it all). */
const SHOW_DETAIL = new Set<PackProblemReason>(['read-error', 'bad-manifest', 'unsafe-name', 'too-large', 'too-many-entries', 'unsupported-entry']);

type Report = Awaited<ReturnType<typeof verifyPack>>;

/** The time stamp's lines: when, by whom, whether the TSA is the expected one, and each problem. */
function timestampLines(report: Report, lang: Lang, out: (line: string) => void): number {
  const ts = report.timestamp;
  if (!ts) return 0;
  if (ts.info) {
    out(timestampLine(ts.info, lang));
    if (ts.info.tsaCertFingerprint) out(ttext(lang, 'tsCert', { fingerprint: ts.info.tsaCertFingerprint }));
    if (ts.trusted === null) out(ttext(lang, 'tsCompare'));
    else if (ts.trusted) out(ttext(lang, 'tsTrusted'));
  }
  for (const p of ts.problems) {
    const kind = PROBLEM_KIND[p.code];
    const reason = ttext(lang, PROBLEM_TEXT[p.code]) + (p.detail && SHOW_PROBLEM_DETAIL.has(p.code) ? ` (${p.detail})` : '');
    out(text(lang, 'packProblemLine', { path: TIMESTAMP_PATH, problem: kind === 'untrusted' ? ttext(lang, 'kindUntrusted') : text(lang, KIND[kind]), reason }));
  }
  return ts.problems.length;
}

/**
 * `pruefstand verify <pack.zip> [--fingerprint HEX] [--tsa-cert FILE] [--lang de|en]`: 0 intact, 1 anything
 * wrong (the time stamp included), 2 usage error / no ZIP.
 */
export async function verifyPackCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { fingerprint: { type: 'string' }, 'tsa-cert': { type: 'string' }, lang: { type: 'string' } });
  const lang = langOption(values.lang, envLang);
  const file = positionals[0];
  if (!file) throw new UsageError(text(lang, 'packMissing'));
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  const tsaCertificates = values['tsa-cert'] ? await readTsaCertificates(values['tsa-cert'], lang) : undefined;

  let report;
  try {
    report = await verifyPack(file, { expectedFingerprint: values.fingerprint, tsaCertificates });
  } catch (err) {
    if (!(err instanceof PackFileError)) throw err;
    const reason = (err.cause as Error | undefined)?.message ?? err.message;
    if (err.code === 'not-found') throw new UsageError(text(lang, 'packNotFound', { file }));
    if (err.code === 'not-a-zip') throw new UsageError(text(lang, 'packNotZip', { file, reason }));
    throw new UsageError(text(lang, 'packUnreadableFile', { file, reason }));
  }

  const out = (line: string) => io.stdout.write(line + '\n');
  out(text(lang, 'packFile', { file }));
  const m = report.manifest;
  if (m) out(text(lang, 'packRun', { runId: m.run.id, targetUrl: m.run.targetUrl, checklist: m.run.checklist.id, version: m.run.checklist.version, createdAt: m.createdAt }));
  for (const j of m?.judgements ?? []) {
    const stale = j.stale ? text(lang, 'packJudgementStale') : '';
    out(text(lang, 'packJudgement', { checkId: j.checkId, kind: j.kind, status: j.status, measured: j.measured, by: j.by, at: j.at, run: j.madeInRun, attachments: j.attachments.length, stale }));
  }
  if (report.publicKeyFingerprint) {
    out(text(lang, 'packSigner', { fingerprint: report.publicKeyFingerprint }));
    if (report.fingerprintMatches === null) out(text(lang, 'packSignerCompare'));
    else if (report.fingerprintMatches) out(text(lang, 'packSignerExpected'));
    else out(text(lang, 'packSignerUnexpected', { expected: values.fingerprint ?? '' }));
  } else {
    out(text(lang, 'packSignerUnknown'));
    if (report.fingerprintMatches === false) out(text(lang, 'packSignerUnexpected', { expected: values.fingerprint ?? '' }));
  }
  out(text(lang, report.signatureValid ? 'packSignatureValid' : 'packSignatureInvalid'));
  for (const p of report.problems) {
    const reason = text(lang, REASON[p.reason]) + (p.detail && SHOW_DETAIL.has(p.reason) ? ` (${p.detail})` : '');
    out(text(lang, 'packProblemLine', { path: p.path, problem: text(lang, KIND[p.problem]), reason }));
  }
  const timestampProblems = timestampLines(report, lang, out);
  if (report.ok) {
    out(text(lang, 'packIntact', { files: report.filesChecked }));
    return EXIT.ok;
  }
  out(text(lang, 'packBroken', { count: report.problems.length + timestampProblems + (report.fingerprintMatches === false ? 1 : 0) }));
  return EXIT.failed;
}
