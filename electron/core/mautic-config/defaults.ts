import type { PhpValue } from './php-values';
import { compareVersions, overlaps, type VersionRange } from './versions';

/** One default of the 'parameters' in Mautic's bundle configs (Config/config.php), valid from `from` up to (not including) `until`. */
export interface DefaultRule {
  key: string;
  value: PhpValue;
  from: string;
  until: string | null;
}

const rule = (key: string, value: PhpValue, from = '2.0.0', until: string | null = null): DefaultRule => ({ key, value, from, until });

/** MAUTIC_FACTS.md §2, per version. A key outside every range of its rules does not exist in that version. */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  rule('anonymize_ip', false, '2.15.0'),
  rule('track_contact_by_ip', false, '2.6.0'),
  rule('track_by_fingerprint', false, '2.8.0', '3.0.0'),
  rule('track_by_fingerprint', false, '5.1.0'), // listed again, read by no code
  rule('track_by_tracking_url', false, '2.9.0'),
  rule('do_not_track_ips', []),
  rule('do_not_track_internal_ips', []),
  rule('track_private_ip_ranges', false),
  rule('do_not_track_404_anonymous', false, '4.1.0'),
  rule('site_url', ''),
  rule('cookie_path', '/'),
  rule('cookie_domain', ''),
  rule('cookie_secure', null, '2.0.0', '4.1.0'),
  rule('cookie_secure', true, '4.1.0'),
  rule('cookie_httponly', false),
  rule('google_analytics', null),
  rule('google_analytics_id', null),
  rule('google_analytics_trackingpage_enabled', false),
  rule('google_analytics_landingpage_enabled', false),
  rule('google_analytics_anonymize_ip', false, '2.14.1'),
  rule('api_enabled', false),
  rule('api_enable_basic_auth', false),
  rule('cors_restrict_domains', true),
  rule('cors_valid_domains', []),
  rule('headers_sts', false, '5.0.0'),
  rule('headers_sts_expire_time', 60, '5.0.0'),
  rule('headers_sts_subdomains', false, '5.0.0'),
  rule('headers_sts_preload', false, '5.0.0'),
  rule('mailer_transport', 'mail', '2.0.0', '3.0.0'),
  rule('mailer_transport', 'smtp', '3.0.0', '5.0.0'),
  rule('mailer_dsn', 'smtp://localhost:25', '5.0.0'),
  rule('trusted_proxies', null, '2.0.0', '3.0.0'),
  rule('trusted_proxies', [], '3.0.0'),
  rule('trusted_hosts', null, '2.0.0', '3.0.0'),
  rule('trusted_hosts', [], '3.0.0'),
  rule('secret_key', '', '2.0.0', '4.0.0'),
  rule('secret_key', 'temp', '4.0.0'),
];

export const DEFAULT_KEYS: readonly string[] = [...new Set(DEFAULT_RULES.map((r) => r.key))];

export interface DefaultValue {
  value: PhpValue;
  /** The default differs within the range, or the key exists in only part of it: this one was assumed. */
  ambiguous: boolean;
}

/** The default of `key` for the versions in `range`; undefined when the key exists in none of them. */
export function defaultFor(key: string, range: VersionRange): DefaultValue | undefined {
  const rules = DEFAULT_RULES.filter((r) => r.key === key && overlaps(range, r.from, r.until));
  if (!rules.length) return undefined;
  // The rule in force at the newest version of the range wins; a range that straddles a change, or reaches
  // versions without the key, is ambiguous.
  const sorted = [...rules].sort((a, b) => compareVersions(a.from, b.from));
  const newest = sorted[sorted.length - 1]!;
  let reached: string | null = range.min;
  for (const r of sorted) {
    if (reached === null || compareVersions(r.from, reached) > 0) break;
    reached = r.until === null || (reached !== null && compareVersions(r.until, reached) > 0) ? r.until : reached;
  }
  const covered = reached === null || compareVersions(reached, range.max) > 0;
  const sameValue = rules.every((r) => JSON.stringify(r.value) === JSON.stringify(newest.value));
  return { value: newest.value, ambiguous: !(covered && sameValue) };
}
