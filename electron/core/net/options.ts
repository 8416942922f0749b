import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';

export interface NetOptions {
  /** Whole-request deadline: connect, TLS, headers and body. */
  timeoutMs: number;
  maxRedirects: number;
  maxBodyBytes: number;
  /** PEM of one or more extra CA certificates the auditor trusts (a private CA). */
  extraCaPem?: string;
  /** How the auditor named that CA (its file name), for messages. */
  extraCaName?: string;
  userAgent: string;
  signal?: AbortSignal;
}

export const DEFAULT_NET_OPTIONS: Omit<NetOptions, 'userAgent'> = {
  timeoutMs: 10_000,
  maxRedirects: 10,
  maxBodyBytes: 2 * 1024 * 1024,
};

export interface TrustConfig {
  ca: string[];
  extraCaFingerprints: string[];
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Parses the extra CA file; throws a plain-language error when it holds no certificate. */
export function trustConfig(extraCaPem: string | undefined): TrustConfig {
  if (!extraCaPem) return { ca: [...rootCertificates], extraCaFingerprints: [] };
  const blocks = extraCaPem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error('the CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  const fingerprints = blocks.map((pem) => {
    try {
      return new X509Certificate(pem).fingerprint256;
    } catch (err) {
      throw new Error(`the CA file holds a certificate that cannot be read: ${(err as Error).message}`);
    }
  });
  return { ca: [...rootCertificates, ...blocks], extraCaFingerprints: fingerprints };
}
