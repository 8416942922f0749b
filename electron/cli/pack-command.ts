import path from 'node:path';
import type { Lang } from '../shared/domain';
import { langOption, parseCommandArgs, UsageError } from './args';
import type { Io } from './exit-codes';
import { reportStoredRun, TIMESTAMP_OPTIONS, timestampOptions } from './report-command';
import { ttext } from './timestamp-texts';

/**
 * `pruefstand pack <runId> --out FILE [--tsa URL [--ca FILE] [--timeout-ms N]] [--db FILE] [--lang de|en]
 * [--auditor NAME] [--quiet]`: the signed evidence pack of a stored run, as `report <runId> --pack FILE`.
 */
export async function packCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    out: { type: 'string' },
    ...TIMESTAMP_OPTIONS,
    db: { type: 'string' },
    lang: { type: 'string' },
    auditor: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  const lang = langOption(values.lang, envLang);
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  if (positionals[0] !== undefined && !values.out) throw new UsageError(ttext(lang, 'packNeedsOut'));
  const timestamp = timestampOptions(values, true, lang);
  const targets = values.out ? { pack: path.resolve(values.out) } : {};
  return reportStoredRun({ raw: positionals[0], db: values.db, targets, auditor: values.auditor, quiet: values.quiet ?? false, compare: undefined, timestamp }, io, lang);
}
