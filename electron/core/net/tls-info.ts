import { X509Certificate } from 'node:crypto';
import { checkServerIdentity, type DetailedPeerCertificate, type TLSSocket } from 'node:tls';
import type { CertificateInfo, TlsInfo } from './types';

const HOSTNAME_ERROR = 'ERR_TLS_CERT_ALTNAME_INVALID';

function toPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${b64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

function describeName(name: Record<string, string | string[]> | undefined): string {
  if (!name) return '';
  return Object.entries(name)
    .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : v}`)
    .join(', ');
}

// Every request of an audit presents the same few certificates; parse each once. Certificates are public and
// the info is derived from their bytes alone (keyed by their SHA-256), so sharing it across audits is safe.
const CACHE_LIMIT = 512;
const infoCache = new Map<string, CertificateInfo>();

export function certificateInfo(cert: DetailedPeerCertificate): CertificateInfo {
  const key = cert.fingerprint256;
  const cached = key ? infoCache.get(key) : undefined;
  if (cached) return cached;
  const info = parseCertificate(cert);
  if (key) {
    if (infoCache.size >= CACHE_LIMIT) infoCache.delete(infoCache.keys().next().value!);
    infoCache.set(key, info);
  }
  return info;
}

function parseCertificate(cert: DetailedPeerCertificate): CertificateInfo {
  const x509 = new X509Certificate(cert.raw);
  const key = x509.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const keyType = key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss' ? 'RSA' : key.asymmetricKeyType === 'ec' ? 'EC' : 'other';
  const curveBits: Record<string, number> = { prime256v1: 256, 'P-256': 256, secp384r1: 384, 'P-384': 384, secp521r1: 521, 'P-521': 521 };
  const keyBits = keyType === 'RSA' ? (details.modulusLength ?? null) : keyType === 'EC' ? (curveBits[details.namedCurve ?? ''] ?? null) : null;
  return {
    subject: describeName(cert.subject as unknown as Record<string, string>),
    issuer: describeName(cert.issuer as unknown as Record<string, string>),
    subjectAltNames: (x509.subjectAltName ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    validFrom: new Date(x509.validFrom).toISOString(),
    validTo: new Date(x509.validTo).toISOString(),
    serialNumber: x509.serialNumber,
    fingerprint256: x509.fingerprint256,
    keyType,
    keyBits,
    pem: toPem(cert.raw),
  };
}

/** The verified chain, leaf first; OpenSSL links each certificate to its issuer and the root to itself. */
function chainOf(leaf: DetailedPeerCertificate): DetailedPeerCertificate[] {
  const chain: DetailedPeerCertificate[] = [];
  const seen = new Set<string>();
  let cert: DetailedPeerCertificate | undefined = leaf;
  while (cert && cert.raw && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(cert);
    cert = cert.issuerCertificate;
  }
  return chain;
}

/**
 * What a TLS connection shows the auditor. The chain is described once per leaf and verification result for
 * a client (`chains`); reading the full chain off a socket costs about ten times what the leaf alone does.
 */
export function tlsInfoOf(socket: TLSSocket, hostname: string, extraCaFingerprints: readonly string[], chains?: Map<string, CertificateInfo[]>): TlsInfo {
  const leaf = socket.getPeerCertificate(false);
  const hasCert = Boolean(leaf && leaf.raw);
  const authError = socket.authorizationError ? String(socket.authorizationError) : null;
  const trustError = authError === HOSTNAME_ERROR ? null : authError;
  const identityError = hasCert ? checkServerIdentity(hostname, leaf) : undefined;
  const trusted = hasCert && trustError === null;
  const cipher = socket.getCipher();
  let chain: CertificateInfo[] = [];
  if (hasCert) {
    const key = `${leaf.fingerprint256}|${authError ?? ''}`;
    chain = chains?.get(key) ?? chainOf(socket.getPeerCertificate(true) as DetailedPeerCertificate).map(certificateInfo);
    chains?.set(key, chain);
  }
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: cipher ? cipher.standardName || cipher.name : null,
    trusted,
    trustError: hasCert ? trustError : 'no certificate presented',
    hostnameMatches: hasCert ? identityError === undefined : null,
    hostnameError: identityError ? identityError.message : null,
    viaExtraCa: trusted && chain.some((c) => extraCaFingerprints.includes(c.fingerprint256)),
    chain,
  };
}

/**
 * A resumed session presents no certificate: it carries over what the full handshake that made it showed
 * (the server proves it holds that session's keys), with this connection's protocol and cipher.
 */
export function resumedTlsInfo(socket: TLSSocket, earlier: TlsInfo): TlsInfo {
  const cipher = socket.getCipher();
  return { ...earlier, protocol: socket.getProtocol() ?? earlier.protocol, cipher: cipher ? cipher.standardName || cipher.name : earlier.cipher };
}
