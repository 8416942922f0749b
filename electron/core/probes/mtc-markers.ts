import { findThirdPartyCalls, type AnalyticsTag, type FacebookPixel } from './analytics-calls';
import { tokenize, type JsToken } from './js-tokens';
import type { MauticVersionLine } from './mautic-version';

/**
 * What /mtc.js tells about the installation (MAUTIC_FACTS.md §1). The output is minified unless Mautic runs
 * in debug mode, so markers are identifiers and string literals, never comments or spacing.
 */
export const MARKER = {
  mauticJs: 'MauticJS',
  trackingObject: 'MauticTrackingObject',
  trackingPixel: 'mtracking.gif',
  eventDelivered: 'mauticPageEventDelivered',
  contactCookie: 'mtc_id',
  deviceCookie: 'mautic_device_id',
  sessionCookie: 'mtc_sid',
  fingerprint2: 'Fingerprint2',
  fingerprintComponents: 'fingerprintComponents',
  fingerprintInit: 'handleFingerprintInit',
  timezoneOffset: 'timezone_offset',
  resolution: 'resolution',
  platform: 'platform',
  doNotTrack: 'do_not_track',
  preferredLocale: 'preferred_locale',
  timeZone: 'resolvedOptions().timeZone',
  secureCookie: '"; path=/; secure"',
  plainCookie: '"; path=/"',
  gtag: 'googletagmanager.com/gtag/js',
  analyticsJs: 'google-analytics.com/analytics.js',
  facebookPixel: 'connect.facebook.net/fbevents.js',
} as const;

export type Marker = (typeof MARKER)[keyof typeof MARKER];
const ORDER: readonly Marker[] = Object.values(MARKER);

export interface MtcAnalysis {
  /** The markers found, in the order of MARKER. */
  markers: Marker[];
  /** MauticJS plus at least one of Mautic's tracking identifiers. */
  mautic: boolean;
  /** Fingerprint2 is embedded: the browser computes and sends device fingerprints (Mautic 1.4–2.16). */
  fingerprint: boolean;
  analytics: AnalyticsTag[];
  facebook: FacebookPixel[];
  /** The tokenizer's cap was reached: markers after it were not seen. */
  truncated: boolean;
}

function followedBy(tokens: readonly JsToken[], at: number, values: readonly string[]): boolean {
  return values.every((v, k) => tokens[at + 1 + k]?.value === v);
}

function findMarkers(tokens: readonly JsToken[]): Set<Marker> {
  const names = new Set<string>();
  const strings = new Set<string>();
  const found = new Set<Marker>();
  tokens.forEach((t, i) => {
    if (t.type === 'name') {
      names.add(t.value);
      if (t.value === 'resolvedOptions' && followedBy(tokens, i, ['(', ')', '.', 'timeZone'])) found.add(MARKER.timeZone);
    } else if (t.type === 'string' || t.type === 'template') {
      strings.add(t.value);
    }
  });
  const named = (v: string) => names.has(v) || strings.has(v);
  const anyString = (test: (s: string) => boolean) => [...strings].some(test);
  if (names.has(MARKER.mauticJs)) found.add(MARKER.mauticJs);
  for (const m of [MARKER.trackingObject, MARKER.fingerprint2]) if (named(m)) found.add(m);
  for (const m of [MARKER.eventDelivered, MARKER.contactCookie, MARKER.deviceCookie, MARKER.sessionCookie]) if (strings.has(m)) found.add(m);
  for (const m of [MARKER.fingerprintComponents, MARKER.fingerprintInit, MARKER.timezoneOffset, MARKER.resolution, MARKER.platform, MARKER.doNotTrack, MARKER.preferredLocale]) {
    if (names.has(m)) found.add(m);
  }
  if (anyString((s) => s.includes(MARKER.trackingPixel))) found.add(MARKER.trackingPixel);
  // 4.1+ writes `"; path=/; secure"`; later versions may append more attributes, so match the start.
  if (anyString((s) => /^;\s*path=\/\s*;\s*secure\b/i.test(s))) found.add(MARKER.secureCookie);
  if (anyString((s) => /^;\s*path=\/\s*$/i.test(s))) found.add(MARKER.plainCookie);
  if (anyString((s) => s.includes('googletagmanager.com/gtag/js'))) found.add(MARKER.gtag);
  if (anyString((s) => s.includes('google-analytics.com/analytics.js'))) found.add(MARKER.analyticsJs);
  if (anyString((s) => s.includes('connect.facebook.net') && s.includes('fbevents.js'))) found.add(MARKER.facebookPixel);
  return found;
}

const IDENTIFYING: readonly Marker[] = [MARKER.trackingObject, MARKER.trackingPixel, MARKER.eventDelivered, MARKER.contactCookie, MARKER.deviceCookie];

export function analyzeMtc(script: string): MtcAnalysis {
  const { tokens, truncated } = tokenize(script);
  const found = findMarkers(tokens);
  const calls = findThirdPartyCalls(tokens);
  return {
    markers: ORDER.filter((m) => found.has(m)),
    mautic: found.has(MARKER.mauticJs) && IDENTIFYING.some((m) => found.has(m)),
    fingerprint: found.has(MARKER.fingerprint2),
    analytics: calls.analytics,
    facebook: calls.facebook,
    truncated,
  };
}

export interface VersionInference {
  line: MauticVersionLine | null;
  /** The markers (present, or `no …` for absent ones) that decided the line. */
  decidedBy: string[];
}

function line(major: MauticVersionLine['major'], min: string, max: string, label: string): MauticVersionLine {
  return { major, min, max, label, source: 'mtc.js' };
}

const no = (m: Marker) => `no ${m}`;

/**
 * The version line per MAUTIC_FACTS.md §1: Fingerprint2 → 1.4–2.16 (2.8+ with fingerprintComponents /
 * handleFingerprintInit); without it, timezone_offset + resolution + platform + do_not_track → 3.0+;
 * preferred_locale / resolvedOptions().timeZone → 4.0+; `"; path=/; secure"` → 4.1+; no mtc_sid → 5.0+;
 * gtag.js (only output when GA is configured) → 4.4.10+. Later majors were not studied: "5.0+" is open.
 */
export function inferVersion(markers: readonly string[]): VersionInference {
  const has = (m: Marker) => markers.includes(m);
  if (!has(MARKER.mauticJs)) return { line: null, decidedBy: [] };
  if (has(MARKER.fingerprint2)) {
    const late = [MARKER.fingerprintComponents, MARKER.fingerprintInit].filter(has);
    return late.length
      ? { line: line(2, '2.8.0', '2.16.x', '2.8–2.16'), decidedBy: [MARKER.fingerprint2, ...late] }
      : { line: line(2, '1.4.0', '2.7.x', '1.4–2.7'), decidedBy: [MARKER.fingerprint2, no(MARKER.fingerprintComponents)] };
  }
  const four = [MARKER.preferredLocale, MARKER.timeZone].filter(has);
  if (four.length) {
    const base = [no(MARKER.fingerprint2), ...four];
    if (!has(MARKER.sessionCookie)) return { line: line(5, '5.0.0', '5.x', '5.0+'), decidedBy: [...base, no(MARKER.sessionCookie)] };
    if (has(MARKER.secureCookie) && has(MARKER.gtag)) {
      return { line: line(4, '4.4.10', '4.4.x', '4.4.10–4.4'), decidedBy: [...base, MARKER.secureCookie, MARKER.gtag, MARKER.sessionCookie] };
    }
    if (has(MARKER.secureCookie)) return { line: line(4, '4.1.0', '4.4.x', '4.1–4.4'), decidedBy: [...base, MARKER.secureCookie, MARKER.sessionCookie] };
    if (has(MARKER.plainCookie)) return { line: line(4, '4.0.0', '4.0.x', '4.0'), decidedBy: [...base, MARKER.plainCookie, MARKER.sessionCookie] };
    return { line: line(4, '4.0.0', '4.4.x', '4.0–4.4'), decidedBy: [...base, MARKER.sessionCookie] };
  }
  const three = [MARKER.timezoneOffset, MARKER.resolution, MARKER.platform, MARKER.doNotTrack];
  if (three.every(has)) return { line: line(3, '3.0.0', '3.3.x', '3.0–3.3'), decidedBy: [no(MARKER.fingerprint2), ...three, no(MARKER.preferredLocale)] };
  return { line: null, decidedBy: [] };
}

export function inferVersionLine(markers: readonly string[]): MauticVersionLine | null {
  return inferVersion(markers).line;
}
