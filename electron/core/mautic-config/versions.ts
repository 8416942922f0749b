import type { MauticVersionLine } from '../probes/mautic-version';

/** What the defaults and the checks need of a version: its bounds, and a label for people. */
export interface VersionRange {
  min: string;
  max: string;
  label: string;
}

/** Assumed when no version is known: the newest line, whose defaults and semantics are in force today. */
export const ASSUMED_RANGE: VersionRange = { min: '5.1.0', max: '5.x', label: '5.1+' };

function parts(v: string): number[] {
  return v.split('.').map((p) => (p === 'x' || p === '*' ? Infinity : Number.parseInt(p, 10) || 0));
}

/** Compares dotted versions; 'x' in a bound ('2.16.x') is higher than any number there. */
export function compareVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length, 3); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Every version of the range is at least `v`. */
export const atLeast = (r: VersionRange, v: string) => compareVersions(r.min, v) >= 0;
/** Every version of the range is below `v`. */
export const below = (r: VersionRange, v: string) => compareVersions(r.max, v) < 0;
/** Some version of the range lies in [from, until). */
export const overlaps = (r: VersionRange, from: string, until: string | null) =>
  compareVersions(r.max, from) >= 0 && (until === null || compareVersions(r.min, until) < 0);

/** An exact version as read from app/version.txt or release_metadata.json ("4.4.13", "5.1.1-dev"). */
export function exactVersionLine(version: string | null | undefined): MauticVersionLine | null {
  const m = /^\s*v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '');
  if (!m) return null;
  const major = Number(m[1]);
  if (major !== 2 && major !== 3 && major !== 4 && major !== 5) return null;
  const v = `${major}.${Number(m[2])}.${Number(m[3] ?? 0)}`;
  return { major, min: v, max: v, label: v, source: 'version-file' };
}
