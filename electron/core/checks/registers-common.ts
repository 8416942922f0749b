import type { Finding } from '../../shared/domain';
import type { Activity, Processor, RegisterSnapshot } from '../../shared/registers';
import type { Vendor, VendorCatalogue } from '../../shared/vendors';
import { isNotLiteral, type PhpValue } from '../mautic-config/php-values';
import type { ObservationMap, ProbeResult } from '../probes/types';
import { finding, outcome, probeError } from './outcome';
import { PROBE_ERROR, type CheckOutcome } from './types';
import { mailerIsLocal, mailerTarget, normalizeCompany, vendorForMailer, vendorNames } from './vendor-match';

export type RegistersProbe = ProbeResult<ObservationMap['registers']>;
export type ConfigProbe = ProbeResult<ObservationMap['mautic-config']>;

export interface Registers {
  snapshot: RegisterSnapshot;
  vendors: VendorCatalogue;
  /** The audit date (YYYY-MM-DD) the registers were read on. */
  today: string;
}

type Judgement = { findings: Finding[]; evidence: string[] };

/** Codes every registers check may emit besides its own. */
export const REGISTERS_COMMON = ['registers-not-given', PROBE_ERROR];

/** Runs a judgement over the registers: not given → manual (the check's manual text says what to look at). */
export function registersCheck(probe: RegistersProbe, judge: (registers: Registers) => Judgement): CheckOutcome {
  if (!probe.ok) return probeError(probe.error, probe.evidence);
  const { given, snapshot, vendors, capturedAt } = probe.data;
  if (!given || !snapshot || !vendors) return outcome([finding('registers-not-given', 'manual')], []);
  const { findings, evidence } = judge({ snapshot, vendors, today: capturedAt.slice(0, 10) });
  return outcome(findings, [...probe.evidence, ...evidence]);
}

const activityText = (a: Activity) => [a.activity, a.purposes, a.recipients].join('\n');

/** The activities that name Mautic (in the activity, its purposes or its recipients). */
export const mauticActivities = (snapshot: RegisterSnapshot, words: RegExp) => snapshot.activities.filter((a) => words.test(activityText(a)));

/** Does `text` name one of these (normalised) names as whole words? */
export function namesAny(text: string, names: Iterable<string>): boolean {
  const haystack = ` ${normalizeCompany(text)} `;
  return [...names].some((n) => n.length > 1 && haystack.includes(` ${n} `));
}

/** The vendor of the catalogue a processor of the register is, by its name; null when none. */
export function vendorOfProcessor(vendors: VendorCatalogue, processor: Processor): Vendor | null {
  const name = normalizeCompany(processor.name);
  return vendors.vendors.find((v) => vendorNames(v).has(name)) ?? null;
}

/** A processor whose name, service or notes name the host or its site (for hosts the catalogue does not know). */
export function processorNamingHost(snapshot: RegisterSnapshot, host: string, site: string): Processor | null {
  const hit = (p: Processor) => [p.name, p.service, p.notes].some((t) => t.toLowerCase().includes(host) || t.toLowerCase().includes(site));
  return snapshot.processors.find((p) => hit(p) && p.dpaSignedOn !== null) ?? snapshot.processors.find(hit) ?? null;
}

/** The mail service the installation's config names. */
export type MailService =
  /** No config was given or it could not be read. */
  | { kind: 'not-given' }
  /** A key the service depends on is computed at run time (getenv() …): not guessed. */
  | { kind: 'not-literal'; key: string }
  /** The Mautic server delivers itself (sendmail, mail(), SMTP on localhost, or Mautic's default). */
  | { kind: 'local'; service: string }
  | { kind: 'vendor'; vendor: Vendor; service: string }
  /** An SMTP host the catalogue does not know. */
  | { kind: 'host'; host: string; service: string };

const text = (v: PhpValue | undefined): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The mailer keys of local.php: mailer_dsn (5.x) before mailer_transport and mailer_host (2.x–4.x). */
export function mailServiceOf(probe: ConfigProbe | undefined, vendors: VendorCatalogue): MailService {
  const file = probe?.ok ? probe.data.localPhp : null;
  if (!file || !file.ok) return { kind: 'not-given' };
  const values = file.parameters;
  for (const key of ['mailer_dsn', 'mailer_transport', 'mailer_host']) {
    if (isNotLiteral(values[key])) return { kind: 'not-literal', key };
  }
  const setting = { dsn: text(values.mailer_dsn), transport: text(values.mailer_transport), host: text(values.mailer_host) };
  const target = mailerTarget(setting);
  const service = setting.dsn ? `mailer_dsn ${target.scheme ?? '?'}://${target.host ?? 'default'}` : `mailer_transport ${setting.transport ?? '-'}, mailer_host ${setting.host ?? '-'}`;
  // Mautic's defaults: PHP mail() in 2.x, SMTP on localhost in 3.x–5.x.
  if (!setting.dsn && !setting.transport && !setting.host) return { kind: 'local', service: 'Mautic default (local)' };
  const vendor = vendorForMailer(vendors, setting);
  if (vendor) return { kind: 'vendor', vendor, service };
  if (mailerIsLocal(target) || !target.host) return { kind: 'local', service };
  return { kind: 'host', host: target.host, service };
}

/** The evidence of the config (the redacted local.php) when it was read. */
export const configEvidence = (probe: ConfigProbe | undefined): string[] => (probe?.ok && probe.data.localPhp?.ok ? probe.data.localPhp.evidence : []);
