import { headerValue, type Exchange, type NetError } from '../net/types';
import type { NetClient } from '../net/client';
import type { AuditTarget, Probe, ProbeResult } from './types';
import { mapLimited } from './map-limited';
import { redactExposedFile, type SecretBearingKind } from '../mautic-config/redact-exposed';

/** What a requested path would be if the server handed it out; the check judges the content by kind. */
export type ExposureKind = 'installer' | 'dev-front-controller' | 'config' | 'logs' | 'env' | 'git' | 'media' | 'composer' | 'version-file' | 'not-found';

export interface PathObservation {
  path: string;
  kind: ExposureKind;
  url: string;
  /** null when the request got no response. */
  status: number | null;
  contentType: string | null;
  location: string | null;
  /** Server and X-Powered-By etc. as received. */
  headers: [string, string][];
  /** The first EXCERPT_CHARS characters of the body, as UTF-8. */
  excerpt: string;
  bytes: number;
  error: NetError | null;
  evidence: string;
}

export interface CorsObservation {
  label: 'preflight' | 'xhr';
  method: string;
  path: string;
  url: string;
  origin: string;
  status: number | null;
  allowOrigin: string | null;
  allowCredentials: string | null;
  error: NetError | null;
  evidence: string;
}

/**
 * The paths MAUTIC_FACTS §4 says an installation must not serve (plus the composer files the root .htaccess
 * denies and the version files under app/), relative to the installation's base URL; one path that cannot
 * exist shows what the server answers for unknown paths (a soft 404).
 */
export const EXPOSURE_PATHS: readonly { path: string; kind: ExposureKind }[] = [
  { path: 'installer', kind: 'installer' },
  { path: 'index_dev.php', kind: 'dev-front-controller' },
  { path: 'app/config/local.php', kind: 'config' },
  { path: 'config/local.php', kind: 'config' },
  { path: 'app/logs/', kind: 'logs' },
  { path: 'var/logs/', kind: 'logs' },
  { path: '.env', kind: 'env' },
  { path: '.git/HEAD', kind: 'git' },
  { path: 'media/files/', kind: 'media' },
  { path: 'composer.json', kind: 'composer' },
  { path: 'composer.lock', kind: 'composer' },
  { path: 'app/version.txt', kind: 'version-file' },
  { path: 'app/release_metadata.json', kind: 'version-file' },
  { path: 'pruefstand-not-found-7d1e4c.txt', kind: 'not-found' },
];

export const FOREIGN_ORIGIN = 'https://evil.example';
const EXCERPT_CHARS = 2048;
const CONCURRENCY = 4;
const KEPT_HEADERS = new Set(['server', 'x-powered-by', 'x-generator', 'x-mautic-version', 'x-debug-token', 'x-aspnet-version']);

const isSecretBearing = (kind: ExposureKind): kind is SecretBearingKind => kind === 'config' || kind === 'env' || kind === 'logs';

/** The folder of the installation: paths are resolved against it, so /mautic/ installs are probed in place. */
export function baseOf(target: AuditTarget): URL {
  const base = new URL(target.url.href);
  base.search = '';
  base.hash = '';
  if (!base.pathname.endsWith('/')) base.pathname = base.pathname.replace(/[^/]*$/, '');
  return base;
}

function observePath(exchange: Exchange, path: string, kind: ExposureKind): PathObservation {
  const headers = exchange.response?.headers ?? [];
  return {
    path: `/${path}`,
    kind,
    url: exchange.request.url,
    status: exchange.response?.status ?? null,
    contentType: headerValue(headers, 'content-type'),
    location: headerValue(headers, 'location'),
    headers: headers.filter(([n]) => KEPT_HEADERS.has(n.toLowerCase())),
    excerpt: exchange.body.subarray(0, EXCERPT_CHARS).toString('utf8'),
    bytes: exchange.bodyBytesRead,
    error: exchange.error,
    evidence: exchange.evidence,
  };
}

/** Every exchange failed with no response at all: the probe saw nothing. */
function allFailed<T extends { error: NetError | null; status: number | null; evidence: string }>(entries: T[]): ProbeResult<never> | null {
  if (entries.some((e) => e.status !== null)) return null;
  const error = entries.find((e) => e.error)?.error ?? { code: 'protocol', message: 'no response' };
  return { ok: false, error, evidence: entries.map((e) => e.evidence) };
}

/** Requests each sensitive path once (no redirects followed: a redirect is itself the answer). */
export const exposurePathsProbe: Probe<'exposure-paths'> = {
  id: 'exposure-paths',
  async run({ target, net }) {
    const base = baseOf(target);
    const paths = await mapLimited(EXPOSURE_PATHS, CONCURRENCY, async ({ path, kind }) => {
      const redactBody = isSecretBearing(kind) ? (body: Buffer) => redactExposedFile(kind, body) : undefined;
      return observePath(await net.request(new URL(path, base), { redactBody }), path, kind);
    });
    const evidence = paths.map((p) => p.evidence);
    return allFailed(paths) ?? { ok: true, data: { base: base.href, paths }, evidence };
  },
};

async function corsRequest(net: NetClient, base: URL, label: CorsObservation['label'], path: string): Promise<CorsObservation> {
  const headers: Record<string, string> =
    label === 'preflight'
      ? // Mautic adds CORS headers to a preflight only when it carries Origin and Access-Control-Request-Headers (MAUTIC_FACTS §4).
        { origin: FOREIGN_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' }
      : // Other requests get CORS headers only as XHR.
        { origin: FOREIGN_ORIGIN, 'x-requested-with': 'XMLHttpRequest' };
  const method = label === 'preflight' ? 'OPTIONS' : 'GET';
  const exchange = await net.request(new URL(path, base), { method, headers });
  const res = exchange.response?.headers ?? [];
  return {
    label,
    method,
    path: `/${path}`,
    url: exchange.request.url,
    origin: FOREIGN_ORIGIN,
    status: exchange.response?.status ?? null,
    allowOrigin: headerValue(res, 'access-control-allow-origin'),
    allowCredentials: headerValue(res, 'access-control-allow-credentials'),
    error: exchange.error,
    evidence: exchange.evidence,
  };
}

/** Asks the tracking and API endpoints, from a foreign origin, whether they would share responses with it. */
export const exposureCorsProbe: Probe<'exposure-cors'> = {
  id: 'exposure-cors',
  async run({ target, net }) {
    const base = baseOf(target);
    const requests: [CorsObservation['label'], string][] = [
      ['preflight', 'mtc/event'],
      ['preflight', 'api/contacts'],
      ['xhr', 'mtc'],
    ];
    const answers = await mapLimited(requests, CONCURRENCY, ([label, path]) => corsRequest(net, base, label, path));
    return allFailed(answers) ?? { ok: true, data: { base: base.href, requests: answers }, evidence: answers.map((a) => a.evidence) };
  },
};
