/**
 * A Mautic version line: what can be known of the version from outside (the markers of /mtc.js) or exactly
 * (app/version.txt, app/release_metadata.json read over SSH). `min`/`max` bound the range, e.g. 2.8.0–2.16.x.
 */
export interface MauticVersionLine {
  major: 2 | 3 | 4 | 5;
  min: string;
  max: string;
  /** For people: "2.8–2.16", "4.1–4.4", "5.1.1". */
  label: string;
  /** Where it was learned: 'mtc.js' markers or a version file. */
  source: 'mtc.js' | 'version-file';
}
