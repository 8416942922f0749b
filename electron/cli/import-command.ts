import { importRunFile } from '../core/runfile/import';
import { RunFileError, type RunFileVerification } from '../core/runfile/read';
import { defaultStorePath } from '../core/store/paths';
import { openStore, StoreError, type StoreErrorCode } from '../core/store';
import type { Lang } from '../shared/domain';
import { langOption, parseCommandArgs, UsageError } from './args';
import { EXIT, type Io } from './exit-codes';
import { ftext, PROBLEM_KIND_TEXT, PROBLEM_REASON_TEXT } from './runfile-texts';
import { storeKeyOptions } from './open-store';

const REFUSED_BY_STORE = new Set<StoreErrorCode>(['invalid', 'conflict', 'not-found']);

/** Reasons whose technical detail helps the reader (the others say it all). */
const SHOW_DETAIL = new Set(['read-error', 'bad-manifest', 'unsafe-name', 'too-large', 'too-many-entries', 'unsupported-entry', 'content-mismatch']);

function explainRefusal(v: RunFileVerification, file: string, expected: string | undefined, lang: Lang, io: Io): void {
  const err = (line: string) => io.stderr.write(line + '\n');
  if (v.publicKeyFingerprint) err(ftext(lang, 'importSigner', { fingerprint: v.publicKeyFingerprint }));
  if (v.fingerprintMatches === false) err(ftext(lang, 'importSignerUnexpected', { expected: expected ?? '' }));
  for (const p of v.problems) {
    const reason = ftext(lang, PROBLEM_REASON_TEXT[p.reason]) + (p.detail && SHOW_DETAIL.has(p.reason) ? ` (${p.detail})` : '');
    err(ftext(lang, 'importProblemLine', { path: p.path, problem: ftext(lang, PROBLEM_KIND_TEXT[p.problem]), reason }));
  }
  err(ftext(lang, 'importRefused', { file, count: v.problems.length + (v.fingerprintMatches === false ? 1 : 0) }));
}

/**
 * `pruefstand import <run.zip>… [--db FILE] [--fingerprint HEX] [--lang de|en]`: each file verified and taken in
 * whole or not at all. 0 all imported (or already there), 1 a file refused, 2 usage error or a file not a ZIP.
 */
export async function importCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { db: { type: 'string' }, fingerprint: { type: 'string' }, lang: { type: 'string' } });
  const lang = langOption(values.lang, envLang);
  if (positionals.length === 0) throw new UsageError(ftext(lang, 'importMissing'));
  const out = (line: string) => io.stdout.write(line + '\n');
  const store = openStore(values.db ?? defaultStorePath(), storeKeyOptions());
  let unreadable = false;
  let refused = false;
  try {
    for (const file of positionals) {
      try {
        const result = await importRunFile(store, file, { expectedFingerprint: values.fingerprint });
        if (!result.ok) {
          refused = true;
          explainRefusal(result.verification, file, values.fingerprint, lang, io);
          continue;
        }
        out(ftext(lang, 'importFile', { file }));
        out(ftext(lang, 'importSigner', { fingerprint: result.verification.publicKeyFingerprint ?? '' }));
        if (values.fingerprint === undefined) out(ftext(lang, 'importSignerCompare'));
        for (const r of result.runs) {
          const params = { runId: r.runId, client: r.client, installation: r.installation, evidence: r.evidence };
          out(ftext(lang, r.status === 'imported' ? 'imported' : 'alreadyImported', params));
        }
      } catch (err) {
        if (err instanceof RunFileError) {
          unreadable = true;
          const reason = (err.cause as Error | undefined)?.message ?? err.message;
          const key = err.code === 'not-found' ? 'importNotFound' : err.code === 'not-a-zip' ? 'importNotZip' : 'importUnreadableFile';
          io.stderr.write(ftext(lang, key, { file, reason }) + '\n');
        } else if (err instanceof StoreError && REFUSED_BY_STORE.has(err.code)) {
          // Signed and intact, but not something this store takes (e.g. from a newer version): the transaction
          // was rolled back, nothing written.
          refused = true;
          io.stderr.write(`${file}: ${err.message}\n`);
        } else throw err;
      }
    }
  } finally {
    store.close();
  }
  return unreadable ? EXIT.usage : refused ? EXIT.failed : EXIT.ok;
}
