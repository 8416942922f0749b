import type { AuditTarget } from '../probes/types';

/** Where plain HTTP is tested when nobody says otherwise: the same host on port 80. */
export function defaultHttpUrl(url: URL): URL {
  const http = new URL(url.href);
  http.protocol = 'http:';
  http.port = '';
  return http;
}

export function auditTarget(baseUrl: string, httpUrl?: string | null, landingPages?: readonly string[]): AuditTarget {
  const url = new URL(baseUrl);
  return { url, httpUrl: httpUrl ? new URL(httpUrl) : defaultHttpUrl(url), landingPages: (landingPages ?? []).map((p) => new URL(p)) };
}
