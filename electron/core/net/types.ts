import type { ErrorCause } from '../../shared/domain';

// What the one HTTP/TLS client returns. Plain data: probes keep it as observations, checks read it.

/**
 * Why a request, a handshake or a local read failed; the same vocabulary names the cause of an `error`
 * verdict (shared/domain.ts ERROR_CAUSES).
 */
export type NetErrorCode = ErrorCause;

export interface NetError {
  code: NetErrorCode;
  message: string;
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string; // ISO 8601
  validTo: string; // ISO 8601
  serialNumber: string;
  fingerprint256: string;
  keyType: 'RSA' | 'EC' | 'other';
  keyBits: number | null;
  pem: string;
}

export interface TlsInfo {
  protocol: string | null;
  cipher: string | null;
  /** Chain trusted by the system store plus any extra CA the auditor gave. */
  trusted: boolean;
  /** OpenSSL's reason when the chain is not trusted (e.g. CERT_HAS_EXPIRED). */
  trustError: string | null;
  /** Whether the leaf certificate names the host we asked for; null when there was no certificate. */
  hostnameMatches: boolean | null;
  hostnameError: string | null;
  /** Trusted only because of the extra CA the auditor supplied (a private CA). */
  viaExtraCa: boolean;
  /** Leaf first. */
  chain: CertificateInfo[];
}

export interface HttpRequestRecord {
  method: string;
  url: string;
  headers: [string, string][];
}

export interface HttpResponseRecord {
  status: number;
  statusText: string;
  httpVersion: string;
  /** Raw header lines in the order received; names as sent. */
  headers: [string, string][];
}

export interface Exchange {
  request: HttpRequestRecord;
  response: HttpResponseRecord | null;
  /** The body up to the cap, decoded when it came gzip, deflate or br coded. */
  body: Buffer;
  /** Bytes the server sent for the body (before decoding). */
  bodyBytesRead: number;
  truncated: boolean;
  tls: TlsInfo | null;
  /** The IP address the answer came from; null when no answer came. */
  remoteAddress: string | null;
  error: NetError | null;
  startedAt: string;
  ms: number;
  /** SHA-256 of the evidence document recorded for this exchange. */
  evidence: string;
}

export interface HandshakeResult {
  host: string;
  port: number;
  requested: TlsVersion | 'default';
  accepted: boolean;
  tls: TlsInfo | null;
  error: NetError | null;
  ms: number;
}

export const TLS_VERSIONS = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** Case-insensitive look-up of every value of one header. */
export function headerValues(headers: readonly [string, string][], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

export function headerValue(headers: readonly [string, string][], name: string): string | null {
  const values = headerValues(headers, name);
  return values.length ? values.join(', ') : null;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Where a redirect response sends the client, resolved against the request URL; null if it is no redirect. */
export function redirectTargetOf(exchange: Exchange): URL | null {
  const res = exchange.response;
  if (!res || !REDIRECT_STATUSES.has(res.status)) return null;
  const location = headerValue(res.headers, 'location');
  if (!location) return null;
  try {
    return new URL(location, exchange.request.url);
  } catch {
    return null;
  }
}
