import type { Finding } from '../../shared/domain';
import { hostOf, registrableDomain } from '../mautic-config/domains';
import { mergeConfig, phpTruthy } from '../mautic-config/merge';
import { isNotLiteral, isPhpMap, type NotLiteral, type PhpValue } from '../mautic-config/php-values';
import { ASSUMED_RANGE, atLeast, below, type VersionRange } from '../mautic-config/versions';
import type { MauticVersionLine } from '../probes/mautic-version';
import { retentionCleanupCron } from './config-cron';
import { CONFIG_PROBES, knownVersion, type ConfigObservations } from './config-version';
import { errorFinding, finding, outcome, probeError } from './outcome';
import { defineCheck, PROBE_ERROR, type CheckOutcome } from './types';

interface ConfigView {
  /** The effective value; every key read is remembered (provenance and computed values are reported). */
  get(key: string): PhpValue | undefined;
  line: MauticVersionLine | null;
  /** `line`, or the range assumed when no version is known. */
  range: VersionRange;
}

const describe = (v: NotLiteral) => (v.name ? `${v.kind} ${v.name}` : v.kind);

const COMMON = ['config-not-given', 'config-unreadable', 'config-value-not-literal', 'config-defaults-used', 'config-version-unknown', PROBE_ERROR];

/**
 * Runs a judgement over local.php merged with the version's defaults. Not given → manual; unreadable →
 * error; a key the judgement read that the file computes at run time → manual (never guessed). Keys that
 * came from defaults, and an unknown version, are stated alongside the verdict.
 */
function configCheck(obs: ConfigObservations, judge: (view: ConfigView) => Finding[], versionMatters = false): CheckOutcome {
  const probe = obs['mautic-config'];
  if (!probe.ok) return probeError(probe.error, probe.evidence);
  const file = probe.data.localPhp;
  if (!file) return outcome([finding('config-not-given', 'manual')], []);
  if (!file.ok) return outcome([errorFinding('config-unreadable', file.error.code, { file: file.path, error: file.error.message })], file.evidence);
  const { line, evidence } = knownVersion(obs);
  const merged = mergeConfig([{ name: 'local.php', values: file.parameters }], line);
  const used = new Set<string>();
  const view: ConfigView = {
    get(key) {
      used.add(key);
      return merged.get(key).value;
    },
    line,
    range: merged.range,
  };
  const findings = judge(view);
  const computed = [...used].map((key) => [key, merged.get(key).value] as const).filter((e): e is [string, NotLiteral] => isNotLiteral(e[1]));
  if (computed.length) return outcome(computed.map(([key, v]) => finding('config-value-not-literal', 'manual', { key, kind: describe(v) })), file.evidence);
  const defaulted = [...used].filter((key) => merged.get(key).from !== 'local.php');
  if (defaulted.length) findings.push(finding('config-defaults-used', 'pass', { keys: defaulted, version: merged.range.label }));
  if (!line && (defaulted.length || versionMatters)) findings.push(finding('config-version-unknown', 'pass', { assumed: ASSUMED_RANGE.label }));
  return outcome(findings, [...file.evidence, ...evidence]);
}

const on = (view: ConfigView, key: string) => phpTruthy(view.get(key));

export const anonymizeIp = defineCheck({
  id: 'config.anonymize-ip',
  probes: CONFIG_PROBES,
  codes: ['anonymize-ip-on', 'anonymize-ip-on-old-rows', 'anonymize-ip-off', 'anonymize-ip-unsupported', ...COMMON],
  evaluate: (obs) =>
    configCheck(obs, (v) => {
      if (!on(v, 'anonymize_ip')) return [finding('anonymize-ip-off', 'fail')];
      if (v.line && below(v.line, '2.15.0')) return [finding('anonymize-ip-unsupported', 'fail', { version: v.line.label })];
      // From 5.1 switching it on also anonymises the addresses stored before (mautic:anonymize:ip).
      return [v.line && atLeast(v.line, '5.1.0') ? finding('anonymize-ip-on', 'pass', { version: v.line.label }) : finding('anonymize-ip-on-old-rows', 'pass')];
    }),
});

export const trackByFingerprint = defineCheck({
  id: 'config.track-by-fingerprint',
  probes: CONFIG_PROBES,
  codes: ['fingerprint-on', 'fingerprint-off', 'fingerprint-removed', 'fingerprint-on-version-unknown', 'fingerprint-before-setting', ...COMMON],
  evaluate: (obs) =>
    configCheck(
      obs,
      (v) => {
        // Removed in 3.0; 5.1 lists the key again, but no code reads it.
        if (v.line && atLeast(v.line, '3.0.0')) return [finding('fingerprint-removed', 'pass', { version: v.line.label })];
        if (v.line && below(v.line, '2.8.0')) return [finding('fingerprint-before-setting', 'warn', { version: v.line.label })];
        if (!on(v, 'track_by_fingerprint')) return [finding('fingerprint-off', 'pass')];
        return [v.line ? finding('fingerprint-on', 'fail', { version: v.line.label }) : finding('fingerprint-on-version-unknown', 'warn')];
      },
      true,
    ),
});

export const trackContactByIp = defineCheck({
  id: 'config.track-contact-by-ip',
  probes: CONFIG_PROBES,
  codes: ['track-by-ip-on', 'track-by-ip-on-anonymized', 'track-by-ip-inactive', 'track-by-ip-off', ...COMMON],
  evaluate: (obs) =>
    configCheck(
      obs,
      (v) => {
        if (!on(v, 'track_contact_by_ip')) return [finding('track-by-ip-off', 'pass')];
        const version = v.range.label;
        // Up to 5.0 ContactTracker requires track_contact_by_ip AND anonymize_ip; from 5.1 the flag alone.
        // An unknown version, or a line reaching 5.1, is judged by the stricter rule.
        if (!v.line || !below(v.line, '5.1.0')) return [finding('track-by-ip-on', 'fail', { version })];
        if (on(v, 'anonymize_ip')) return [finding('track-by-ip-on-anonymized', 'fail', { version })];
        return [finding('track-by-ip-inactive', 'warn', { version })];
      },
      true,
    ),
});

/** site_url as a URL; null when empty, not a string or not parseable. */
function siteUrl(v: ConfigView): { raw: string; url: URL | null } {
  const value = v.get('site_url');
  const raw = typeof value === 'string' ? value.trim() : value === null || value === undefined ? '' : JSON.stringify(value);
  try {
    return { raw, url: raw ? new URL(raw) : null };
  } catch {
    return { raw, url: null };
  }
}

export const siteUrlHttps = defineCheck({
  id: 'config.site-url-https',
  probes: CONFIG_PROBES,
  codes: ['site-url-https', 'site-url-http', 'site-url-empty', 'site-url-invalid', ...COMMON],
  evaluate: (obs) =>
    configCheck(obs, (v) => {
      const { raw, url } = siteUrl(v);
      if (!raw) return [finding('site-url-empty', 'fail')];
      if (url?.protocol === 'https:') return [finding('site-url-https', 'pass', { url: raw })];
      if (url?.protocol === 'http:') return [finding('site-url-http', 'fail', { url: raw })];
      return [finding('site-url-invalid', 'fail', { url: raw })];
    }),
});

export const apiBasicAuth = defineCheck({
  id: 'config.api-basic-auth',
  probes: CONFIG_PROBES,
  codes: ['api-off', 'api-basic-auth-off', 'api-basic-auth-on', 'api-basic-auth-no-https', ...COMMON],
  evaluate: (obs) =>
    configCheck(obs, (v) => {
      if (!on(v, 'api_enabled')) return [finding('api-off', 'pass')];
      if (!on(v, 'api_enable_basic_auth')) return [finding('api-basic-auth-off', 'pass')];
      const { raw, url } = siteUrl(v);
      // Basic auth sends the password with every request: without https it travels in clear text.
      if (url?.protocol !== 'https:') return [finding('api-basic-auth-no-https', 'fail', { siteUrl: raw })];
      return [finding('api-basic-auth-on', 'warn')];
    }),
});

/** cors_valid_domains as Mautic keeps it (a list), or as a textarea string; computed entries are returned apart. */
function corsEntries(value: PhpValue | undefined): { entries: string[]; computed: NotLiteral | null } {
  if (typeof value === 'string') return { entries: value.split(/[\s,]+/).filter(Boolean), computed: null };
  const list = Array.isArray(value) ? value : isPhpMap(value) ? Object.values(value) : [];
  const computed = list.find(isNotLiteral) ?? null;
  return { entries: list.filter((x): x is string => typeof x === 'string' && x.trim() !== ''), computed };
}

export const tenancyDomains = defineCheck({
  id: 'tenancy.domains',
  probes: CONFIG_PROBES,
  codes: ['tenancy-one-domain', 'tenancy-several-domains', 'tenancy-no-domains', 'tenancy-unparsed-domains', 'cors-unrestricted', ...COMMON],
  evaluate: (obs) =>
    configCheck(obs, (v) => {
      const { raw } = siteUrl(v);
      const cors = corsEntries(v.get('cors_valid_domains'));
      if (cors.computed) return [finding('config-value-not-literal', 'manual', { key: 'cors_valid_domains', kind: describe(cors.computed) })];
      const entries = [...(raw ? [raw] : []), ...cors.entries];
      const hosts = entries.map((e) => ({ entry: e, host: hostOf(e) }));
      const domains = [...new Set(hosts.flatMap((h) => (h.host ? [registrableDomain(h.host)] : [])))].sort();
      const findings: Finding[] = [];
      if (!on(v, 'cors_restrict_domains')) findings.push(finding('cors-unrestricted', 'warn'));
      const unparsed = hosts.filter((h) => !h.host).map((h) => h.entry);
      if (unparsed.length) findings.push(finding('tenancy-unparsed-domains', 'warn', { entries: unparsed }));
      if (domains.length > 1) findings.push(finding('tenancy-several-domains', 'warn', { domains, count: domains.length }));
      else if (domains.length === 1) findings.push(finding('tenancy-one-domain', 'pass', { domain: domains[0]! }));
      else findings.push(finding('tenancy-no-domains', 'manual'));
      return findings;
    }),
});

export const CONFIG_CHECKS = [anonymizeIp, trackByFingerprint, trackContactByIp, siteUrlHttps, apiBasicAuth, tenancyDomains, retentionCleanupCron];
