// The arguments of `pruefstand audit --targets FILE`: the options that apply to every installation of the batch.
import { CONSENT_PARSE_OPTIONS, parseConsentArgs, type ConsentArgs } from './consent-options';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { DEFAULT_BATCH_CONCURRENCY } from '../core/batch/defaults';
import type { Lang } from '../shared/domain';
import { integer, langOption, parseCommandArgs, UsageError } from './args';
import { batchText } from './batch-texts';

export interface BatchArgs {
  targets: string;
  /** Installations audited at once (--concurrency, default 4). */
  concurrency: number;
  /** Probes at once within each audit (--probe-concurrency, default 8). */
  probeConcurrency: number;
  summaries: { file: string; format: 'csv' | 'xlsx' }[];
  checklist: string;
  db: string | null;
  ca: string | null;
  timeoutMs: number;
  lang: Lang;
  quiet: boolean;
  vendors: string | null;
  consent: ConsentArgs;
}

/** The per-installation options of a single audit; in a batch those are columns of the targets file. */
const SINGLE_AUDIT_OPTIONS = ['http-url', 'page', 'form', 'privacy-policy', 'config', 'crontab', 'ssh', 'json', 'client', 'pdf', 'xlsx', 'pack'];

/** The options of `pruefstand audit --targets` (the help texts name each). */
export const BATCH_PARSE_OPTIONS = {
  targets: { type: 'string' },
  concurrency: { type: 'string' },
  'probe-concurrency': { type: 'string' },
  summary: { type: 'string', multiple: true },
  checklist: { type: 'string' },
  db: { type: 'string' },
  ca: { type: 'string' },
  'timeout-ms': { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean' },
  vendors: { type: 'string' },
  ...CONSENT_PARSE_OPTIONS,
} satisfies ParseArgsConfig['options'];

export function parseBatchArgs(argv: string[], envLang: Lang): BatchArgs {
  const single = argv.find((a) => SINGLE_AUDIT_OPTIONS.some((o) => a === `--${o}` || a.startsWith(`--${o}=`)));
  const langArg = argv.findIndex((a) => a === '--lang');
  const earlyLang = langArg >= 0 && (argv[langArg + 1] === 'de' || argv[langArg + 1] === 'en') ? (argv[langArg + 1] as Lang) : envLang;
  if (single) throw new UsageError(batchText(earlyLang, 'batchSingleOption', { option: single.split('=')[0]! }));
  const { values, positionals } = parseCommandArgs(argv, BATCH_PARSE_OPTIONS);
  const lang = langOption(values.lang, envLang);
  if (positionals.length) throw new UsageError(batchText(lang, 'batchWithUrl'));
  const summaries = (values.summary ?? []).map((file) => {
    const ext = path.extname(file).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError(batchText(lang, 'batchSummaryFormat', { file }));
    return { file, format: ext === '.csv' ? ('csv' as const) : ('xlsx' as const) };
  });
  return {
    targets: values.targets ?? '',
    concurrency: integer(values.concurrency, '--concurrency', 1, 64, DEFAULT_BATCH_CONCURRENCY, lang),
    probeConcurrency: integer(values['probe-concurrency'], '--probe-concurrency', 1, 64, 8, lang),
    summaries,
    checklist: values.checklist ?? 'mautic-dsgvo',
    db: values.db ?? null,
    ca: values.ca ?? null,
    timeoutMs: integer(values['timeout-ms'], '--timeout-ms', 100, 600_000, 10_000, lang),
    lang,
    quiet: values.quiet ?? false,
    vendors: values.vendors ?? null,
    consent: parseConsentArgs(values),
  };
}
