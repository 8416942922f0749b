import { CONSENT_PARSE_OPTIONS, parseConsentArgs, type ConsentArgs } from './consent-options';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Lang } from '../shared/domain';
import { text, type TextKey } from './texts';
import { defaultHttpUrl } from '../core/audit/target';
import { parseSshArgs, SSH_PARSE_OPTIONS, type SshArgs } from './ssh-options';
import { ttext } from './timestamp-texts';
import { tsaUrl } from './tsa-options';
import { UsageError } from './usage-error';

export { UsageError };

export interface AuditArgs {
  url: URL;
  httpUrl: URL;
  /** Landing pages to check (--page, repeatable). */
  pages: URL[];
  /** Mautic form pages to check (--form, repeatable). */
  forms: URL[];
  /** The privacy policy (--privacy-policy); null: look for the link on the site. */
  privacyPolicy: URL | null;
  /** The installation's local.php (--config) and crontab listing (--crontab). */
  config: string | null;
  crontab: string | null;
  /** Read the installation's files over SSH instead (--ssh and its companions); null without --ssh. */
  ssh: SshArgs | null;
  checklist: string;
  db: string | null;
  ca: string | null;
  json: string | null;
  timeoutMs: number;
  concurrency: number;
  client: string;
  lang: Lang;
  quiet: boolean;
  /** Reports to write once the audit is stored. */
  pdf: string | null;
  xlsx: string | null;
  pack: string | null;
  /** An RFC 3161 time-stamping authority for the pack (--tsa); null: no time stamp. */
  tsa: URL | null;
  /** A signed run file to carry the stored run to another store (`pruefstand import`). */
  out: string | null;
  auditor: string | null;
  /** Compare the reports with the previous run of the installation or a run by number (--compare); null: no comparison. */
  compare: 'previous' | number | null;
  /** Own vendor catalogue (--vendors); null: the shipped one. */
  vendors: string | null;
  /** --browser, --no-browser, --tracking-hosts */
  consent: ConsentArgs;
  /** A targeted re-audit (--recheck-open): only the checks of the installation's open findings. */
  recheckOpen: boolean;
}

const usage = (lang: Lang, key: TextKey, params?: Record<string, string | number>) => new UsageError(text(lang, key, params));

function parseUrl(raw: string, lang: Lang): URL {
  try {
    return new URL(raw);
  } catch {
    throw usage(lang, 'invalidUrl', { url: raw });
  }
}

/** A whole number option within [min, max]; `fallback` when not given. */
export function integer(raw: string | undefined, option: string, min: number, max: number, fallback: number, lang: Lang): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) throw usage(lang, 'invalidNumber', { option, min, max, value: raw });
  return n;
}

/** node:util parseArgs for one command; its complaints become usage errors (exit 2). */
export function parseCommandArgs<const O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** `--lang de|en` when given, else the language of the environment. */
export function langOption(raw: string | boolean | undefined, envLang: Lang): Lang {
  if (raw === undefined) return envLang;
  if (raw !== 'de' && raw !== 'en') throw usage(envLang, 'invalidLang');
  return raw;
}

/** http(s) URLs given on the command line; anything else is a usage error. */
function webUrls(raw: string[] | undefined, lang: Lang): URL[] {
  const urls = (raw ?? []).map((r) => parseUrl(r, lang));
  const notWeb = urls.find((p) => p.protocol !== 'https:' && p.protocol !== 'http:');
  if (notWeb) throw usage(lang, 'invalidUrl', { url: notWeb.href });
  return urls;
}

function compareOption(raw: string | undefined, lang: Lang): 'previous' | number | null {
  if (raw === undefined) return null;
  if (raw === 'previous') return raw;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw usage(lang, 'invalidCompare', { value: raw });
  return Number(raw);
}

/** The options of `pruefstand audit` (the help texts name each: test/unit/cli/help-options.test.ts). */
export const AUDIT_PARSE_OPTIONS = {
  checklist: { type: 'string' },
  db: { type: 'string' },
  ca: { type: 'string' },
  'http-url': { type: 'string' },
  page: { type: 'string', multiple: true },
  form: { type: 'string', multiple: true },
  'privacy-policy': { type: 'string' },
  config: { type: 'string' },
  crontab: { type: 'string' },
  ...SSH_PARSE_OPTIONS,
  json: { type: 'string' },
  'timeout-ms': { type: 'string' },
  concurrency: { type: 'string' },
  client: { type: 'string' },
  lang: { type: 'string' },
  quiet: { type: 'boolean' },
  pdf: { type: 'string' },
  xlsx: { type: 'string' },
  pack: { type: 'string' },
  tsa: { type: 'string' },
  out: { type: 'string' },
  auditor: { type: 'string' },
  compare: { type: 'string' },
  vendors: { type: 'string' },
  'recheck-open': { type: 'boolean' },
  ...CONSENT_PARSE_OPTIONS,
} satisfies ParseArgsConfig['options'];

/** Plain HTTP on the same host and path, port 80, unless the auditor says otherwise. */
export function parseAuditArgs(argv: string[], envLang: Lang): AuditArgs {
  const { values, positionals } = parseCommandArgs(argv, AUDIT_PARSE_OPTIONS);
  const lang = langOption(values.lang, envLang);
  const raw = positionals[0];
  if (!raw) throw usage(lang, 'missingUrl');
  if (positionals.length > 1) throw new UsageError(`unexpected argument: ${positionals[1]}`);
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`, lang);
  if (url.protocol !== 'https:') throw usage(lang, 'notHttps', { url: raw });
  const httpUrl = values['http-url'] ? parseUrl(values['http-url'], lang) : defaultHttpUrl(url);
  if (httpUrl.protocol !== 'http:') throw usage(lang, 'invalidUrl', { url: values['http-url'] ?? '' });
  const pages = webUrls(values.page, lang);
  const forms = webUrls(values.form, lang);
  const compare = compareOption(values.compare, lang);
  if (compare !== null && !values.pdf && !values.xlsx && !values.pack) throw usage(lang, 'compareNeedsReport');
  const tsa = tsaUrl(values.tsa, lang);
  if (tsa && !values.pack) throw new UsageError(ttext(lang, 'tsaNeedsPack'));
  const [privacyPolicy = null] = webUrls(values['privacy-policy'] === undefined ? [] : [values['privacy-policy']], lang);
  return {
    url,
    httpUrl,
    pages,
    forms,
    privacyPolicy,
    config: values.config ?? null,
    crontab: values.crontab ?? null,
    ssh: parseSshArgs(values, lang),
    checklist: values.checklist ?? 'mautic-dsgvo',
    db: values.db ?? null,
    ca: values.ca ?? null,
    json: values.json ?? null,
    timeoutMs: integer(values['timeout-ms'], '--timeout-ms', 100, 600_000, 10_000, lang),
    concurrency: integer(values.concurrency, '--concurrency', 1, 64, 8, lang),
    client: values.client ?? 'Ad-hoc',
    lang,
    quiet: values.quiet ?? false,
    pdf: values.pdf ?? null,
    xlsx: values.xlsx ?? null,
    pack: values.pack ?? null,
    tsa,
    out: values.out ?? null,
    auditor: values.auditor ?? null,
    compare,
    vendors: values.vendors ?? null,
    recheckOpen: values['recheck-open'] ?? false,
    consent: parseConsentArgs(values),
  };
}
