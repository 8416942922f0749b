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

export function certificateInfo(cert: DetailedPeerCertificate): CertificateInfo {
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

export function tlsInfoOf(socket: TLSSocket, hostname: string, extraCaFingerprints: readonly string[]): TlsInfo {
  const peer = socket.getPeerCertificate(true) as DetailedPeerCertificate;
  const hasCert = Boolean(peer && peer.raw);
  const chain = hasCert ? chainOf(peer) : [];
  const authError = socket.authorizationError ? String(socket.authorizationError) : null;
  const trustError = authError === HOSTNAME_ERROR ? null : authError;
  const identityError = hasCert ? checkServerIdentity(hostname, peer) : undefined;
  const trusted = hasCert && trustError === null;
  const cipher = socket.getCipher();
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: cipher ? cipher.standardName || cipher.name : null,
    trusted,
    trustError: hasCert ? trustError : 'no certificate presented',
    hostnameMatches: hasCert ? identityError === undefined : null,
    hostnameError: identityError ? identityError.message : null,
    viaExtraCa: trusted && chain.some((c) => extraCaFingerprints.includes(c.fingerprint256)),
    chain: chain.map(certificateInfo),
  };
}
