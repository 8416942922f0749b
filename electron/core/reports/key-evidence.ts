import type { ItemView } from '../../shared/contract';
import type { StoredEvidence } from '../store';

export interface CertificateFields {
  subject: string;
  issuer: string;
  subjectAltNames: string[];
  validFrom: string;
  validTo: string;
  serialNumber: string;
  fingerprint256: string;
  key: string;
}

/** What a reader of an item wants to see without opening the raw evidence. */
export interface KeyEvidence {
  /** The leaf certificate and its chain, from the item's TLS handshake evidence. */
  certificates: CertificateFields[];
  /** The response headers of the item's (last) HTTPS exchange, as sent. */
  headers: [string, string][];
  /** The URL those headers came from. */
  headersUrl: string | null;
}

function parse(content: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function certificateFields(c: Record<string, unknown>): CertificateFields {
  return {
    subject: str(c.subject),
    issuer: str(c.issuer),
    subjectAltNames: Array.isArray(c.subjectAltNames) ? c.subjectAltNames.map(str) : [],
    validFrom: str(c.validFrom),
    validTo: str(c.validTo),
    serialNumber: str(c.serialNumber),
    fingerprint256: str(c.fingerprint256),
    key: `${str(c.keyType)} ${str(c.keyBits)}`.trim(),
  };
}

/** Picks the certificate chain and the HTTPS response headers out of the evidence an item's checks cite. */
export function keyEvidence(item: ItemView, all: readonly StoredEvidence[], read: (sha256: string) => Buffer): KeyEvidence {
  const cited = new Set(item.checks.flatMap((c) => c.evidence));
  const key: KeyEvidence = { certificates: [], headers: [], headersUrl: null };
  for (const e of all) {
    if (!cited.has(e.sha256)) continue;
    if (e.kind === 'tls-handshake' && key.certificates.length === 0) {
      const doc = parse(read(e.sha256));
      if (doc && Array.isArray(doc.chain)) key.certificates = doc.chain.filter((c): c is Record<string, unknown> => !!c && typeof c === 'object').map(certificateFields);
    }
    if (e.kind === 'http-exchange') {
      const doc = parse(read(e.sha256));
      const request = doc?.request as { url?: unknown } | undefined;
      const response = doc?.response as { headers?: unknown } | undefined;
      if (str(request?.url).startsWith('https:') && Array.isArray(response?.headers)) {
        key.headers = response.headers.filter((h): h is [string, string] => Array.isArray(h) && h.length === 2).map(([n, v]) => [str(n), str(v)]);
        key.headersUrl = str(request?.url);
      }
    }
  }
  return key;
}
