// Small literal exchanges and probe results for the header-check tests.
import type { Exchange, NetError, TlsInfo } from '../../../electron/core/net/types';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';

let counter = 0;

export interface ExchangeSpec {
  url?: string;
  status?: number;
  /** Pairs keep order and duplicates; a record is shorthand (array values become repeated fields). */
  headers?: [string, string][] | Record<string, string | string[]>;
  requestHeaders?: [string, string][];
  body?: string;
  tls?: Partial<TlsInfo> | null;
  /** false: the request got no response (network error). */
  response?: boolean;
  error?: NetError | null;
  startedAt?: string;
}

export const trustedTls = (over: Partial<TlsInfo> = {}): TlsInfo => ({
  protocol: 'TLSv1.3',
  cipher: 'TLS_AES_128_GCM_SHA256',
  trusted: true,
  trustError: null,
  hostnameMatches: true,
  hostnameError: null,
  viaExtraCa: false,
  chain: [],
  ...over,
});

function pairs(headers: ExchangeSpec['headers']): [string, string][] {
  if (!headers) return [];
  if (Array.isArray(headers)) return headers;
  return Object.entries(headers).flatMap(([n, v]) => (Array.isArray(v) ? v.map((x): [string, string] => [n, x]) : [[n, v] as [string, string]]));
}

export function exchange(spec: ExchangeSpec = {}): Exchange {
  const url = spec.url ?? 'https://mautic.example.org/';
  const https = url.startsWith('https:');
  const body = Buffer.from(spec.body ?? '');
  counter += 1;
  return {
    request: { method: 'GET', url, headers: spec.requestHeaders ?? [] },
    response:
      spec.response === false
        ? null
        : { status: spec.status ?? 200, statusText: 'OK', httpVersion: '1.1', headers: pairs(spec.headers) },
    body,
    bodyBytesRead: body.length,
    truncated: false,
    tls: spec.tls === null ? null : https ? trustedTls(spec.tls ?? {}) : null,
    remoteAddress: spec.response === false ? null : '203.0.113.10',
    error: spec.error ?? (spec.response === false ? { code: 'timeout', message: 'timed out' } : null),
    startedAt: spec.startedAt ?? '2026-03-01T12:00:00.000Z',
    ms: 5,
    evidence: `sha256-${String(counter).padStart(4, '0')}`,
  };
}

export function httpsMain(...exchanges: Exchange[]): ProbeResult<ObservationMap['https-main']> {
  return { ok: true, data: { exchanges }, evidence: exchanges.map((e) => e.evidence) };
}

export function httpRedirect(exchanges: Exchange[], connectError: NetError | null = null): ProbeResult<ObservationMap['http-redirect']> {
  return { ok: true, data: { exchanges, chainError: null, connectError }, evidence: exchanges.map((e) => e.evidence) };
}

/** The usual plain-HTTP chain: a 301 to the https URL, then the https response. */
export function redirectToHttps(final: Exchange = exchange()): ProbeResult<ObservationMap['http-redirect']> {
  const first = exchange({ url: 'http://mautic.example.org/', status: 301, headers: { Location: final.request.url } });
  return httpRedirect([first, final]);
}

export function failed<T>(message = 'connect ETIMEDOUT'): ProbeResult<T> {
  return { ok: false, error: { code: 'timeout', message }, evidence: ['sha256-failed'] };
}
