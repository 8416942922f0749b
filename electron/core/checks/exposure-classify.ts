// Judges by content what a sensitive path handed out: a soft-404 page with status 200 is not an exposed file.
import type { ExposureKind, PathObservation } from '../probes/exposure';

export type PathVerdict =
  | { state: 'protected' } // 4xx, 3xx, or nothing served
  | { state: 'soft-404' } // 2xx, but the site's normal page, not the file
  | { state: 'exposed' } // 2xx with content that is the file
  | { state: 'served' } // 2xx with content we cannot classify: the auditor looks
  | { state: 'error' };

const looksHtml = (p: PathObservation) => /text\/html|application\/xhtml/i.test(p.contentType ?? '') || /^\s*(<!doctype html|<html)/i.test(p.excerpt);
const directoryListing = (text: string) => /<title>\s*Index of \//i.test(text) || /<h1>\s*Index of \//i.test(text) || /\bDirectory listing for \//i.test(text);

/** Markers that the content is the file the path names, not a page about it (MAUTIC_FACTS §2, §4). */
const MARKERS: Record<ExposureKind, (p: PathObservation) => boolean> = {
  // Mautic's installer form fields (install_step, install_doctrine_step …) or its page title.
  installer: (p) => /Mautic Install|name="install_|id="install_|\/installer\/step/i.test(p.excerpt),
  // The Symfony debug front controller: the web profiler toolbar or its debug token.
  'dev-front-controller': (p) => /sf-toolbar|_wdt\/|_profiler/i.test(p.excerpt) || p.headers.some(([n]) => n.toLowerCase() === 'x-debug-token'),
  // PHP source served as text: local.php is a PHP array `$parameters = array(…)`.
  config: (p) => /<\?php/.test(p.excerpt) || /\$parameters\s*=/.test(p.excerpt),
  // A directory listing, or Monolog lines of prod-*.php / mautic_prod-*.php.
  logs: (p) => directoryListing(p.excerpt) || /\bmautic\.(DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY):/.test(p.excerpt),
  // KEY=value lines.
  env: (p) => !looksHtml(p) && /^\s*(export\s+)?[A-Z][A-Z0-9_]*\s*=/m.test(p.excerpt),
  // .git/HEAD is one line: a symbolic ref or a commit id.
  git: (p) => /^\s*(ref:\s*refs\/\S+|[0-9a-f]{40}|[0-9a-f]{64})\s*$/.test(p.excerpt),
  media: (p) => directoryListing(p.excerpt),
  composer: (p) => {
    try {
      const json: unknown = JSON.parse(p.excerpt);
      return typeof json === 'object' && json !== null && ('require' in json || 'packages' in json || 'name' in json);
    } catch {
      // The excerpt of a large composer.lock is cut off; its opening is still recognisable.
      return /^\s*\{\s*"(_readme|content-hash|name|require|packages)"/.test(p.excerpt);
    }
  },
  'version-file': (p) => mauticVersionIn(p) !== null,
  'not-found': () => false,
};

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

export function classifyPath(p: PathObservation, notFound: PathObservation | undefined): PathVerdict {
  if (p.status === null) return { state: 'error' };
  if (p.status < 200 || p.status >= 300 || p.status === 204) return { state: 'protected' };
  if (MARKERS[p.kind](p)) return { state: 'exposed' };
  // The same answer as for a path that cannot exist: the site's catch-all page.
  const catchAll = notFound && notFound.status !== null && notFound.status >= 200 && notFound.status < 300;
  if (catchAll && normalise(notFound.excerpt) === normalise(p.excerpt)) {
    return { state: 'soft-404' };
  }
  // Nothing handed out. For local.php an empty 200 means PHP ran the file: the deny rule is missing (MAUTIC_FACTS §4).
  if (p.excerpt.trim() === '') return p.kind === 'config' ? { state: 'served' } : { state: 'protected' };
  // An HTML page without the markers is a page (the front controller's 404, a landing page), not the file.
  if (looksHtml(p)) return { state: 'soft-404' };
  return { state: 'served' };
}

/** The Mautic version in app/version.txt (2.x) or app/release_metadata.json (3.x+). */
export function mauticVersionIn(p: PathObservation): string | null {
  if (p.kind !== 'version-file' || p.status === null || p.status < 200 || p.status >= 300) return null;
  const text = p.excerpt.trim();
  try {
    const json = JSON.parse(text) as { version?: unknown };
    if (typeof json.version === 'string' && /^\d+\.\d+/.test(json.version)) return json.version;
  } catch {
    // not JSON: version.txt
  }
  const m = /^(\d+\.\d+\.\d+(?:[-.][0-9A-Za-z.]+)?)\s*$/.exec(text);
  return m ? m[1]! : null;
}

/** PHP branches and the last day of their security support (php.net/supported-versions, eol.php). */
export const PHP_EOL: Readonly<Record<string, string>> = {
  '5.6': '2018-12-31',
  '7.0': '2019-01-10',
  '7.1': '2019-12-01',
  '7.2': '2020-11-30',
  '7.3': '2021-12-06',
  '7.4': '2022-11-28',
  '8.0': '2023-11-26',
  '8.1': '2025-12-31',
  '8.2': '2026-12-31',
  '8.3': '2027-12-31',
  '8.4': '2028-12-31',
};

/** Whether a PHP version no longer gets security fixes on `now`; null when the branch is unknown (newer). */
export function phpEndOfLife(version: string, now: Date): boolean | null {
  const m = /^(\d+)\.(\d+)/.exec(version);
  if (!m) return null;
  const major = Number(m[1]);
  const branch = `${m[1]}.${m[2]}`;
  if (major < 5 || (major === 5 && Number(m[2]) < 6)) return true;
  const eol = PHP_EOL[branch];
  if (!eol) return null;
  return now.getTime() > new Date(`${eol}T23:59:59Z`).getTime();
}

/** Product/version tokens in a Server or X-Powered-By value, e.g. Apache/2.4.41, PHP/7.4.3, nginx/1.18.0. */
export function versionTokens(value: string): { product: string; version: string }[] {
  return [...value.matchAll(/([A-Za-z][\w.-]*)\/(\d+(?:\.\d+)*)/g)].map((m) => ({ product: m[1]!, version: m[2]! }));
}
