import { X509Certificate } from 'node:crypto';
import { createSecureContext, rootCertificates, type SecureContext, type SecureContextOptions } from 'node:tls';
import type { AddressScope } from './address-scope';
import type { HostLimiter } from './host-limiter';
import type { CertificateInfo, TlsInfo, TlsVersion } from './types';

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
  /**
   * How far inside the network an address lies (address-scope.ts `scopeOfAddress` unless given); a redirect
   * may not move to a more inward scope. Tests, whose servers all listen on loopback, name some loopback
   * addresses public with it.
   */
  addressScope?: (address: string) => AddressScope;
  /**
   * Shared by the audits of a batch: at most `perHost` connections at once to one host:port across all of them
   * (host-limiter.ts). A single audit has none. The deadline of a request starts once it has its slot.
   */
  hostLimiter?: HostLimiter;
}

/** Browsers read about 256 KiB of response headers; Node's default of 16 KiB would refuse real sites. */
export const MAX_HEADER_BYTES = 256 * 1024;

/**
 * More response header lines than this are refused ('oversized'). Node would otherwise keep the first
 * ~1000 silently and drop the rest, so a check could pass on headers it never saw.
 */
export const MAX_HEADER_LINES = 4096;

/** The content codings the client asks for and decodes; the decoded body is held to `maxBodyBytes`. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

export const DEFAULT_NET_OPTIONS: Omit<NetOptions, 'userAgent'> = {
  timeoutMs: 10_000,
  maxRedirects: 10,
  maxBodyBytes: 2 * 1024 * 1024,
};

export interface TrustConfig {
  extraCaFingerprints: string[];
  /**
   * The TLS context for one protocol version ('default': whatever both sides agree on), built once and
   * reused: building a context from ~150 root certificates costs tens of milliseconds per connection.
   */
  context(version: TlsVersion | 'default'): SecureContext;
  /** The chains this client (one audit) has described, by leaf fingerprint and verification result (tls-info.ts). */
  chains: Map<string, CertificateInfo[]>;
  /** TLS sessions this client may resume, by host:port; the version probes never use them (handshake.ts). */
  sessions: Map<string, KnownSession>;
  rememberSession(key: string, known: KnownSession): void;
}

/** A TLS session to resume and what the handshake that made it showed. */
export interface KnownSession {
  session: Buffer;
  tls: TlsInfo;
}

const MAX_SESSIONS = 64;

/** What one client (one audit) keeps of its connections; nothing of it is shared with another audit. */
function clientMemory(): Pick<TrustConfig, 'chains' | 'sessions' | 'rememberSession'> {
  const sessions = new Map<string, KnownSession>();
  return {
    chains: new Map(),
    sessions,
    rememberSession(key, known) {
      if (!sessions.has(key) && sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value!);
      sessions.set(key, known);
    },
  };
}

const LEGACY: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1'];

/** Contexts per extra-CA file, shared by all audits of a process; a handful of CA files at most. */
const CONTEXTS_BY_CA = new Map<string, Map<TlsVersion | 'default', SecureContext>>();
const MAX_CA_CONFIGS = 8;

function contextCache(extraBlocks: string[]): TrustConfig['context'] {
  const key = extraBlocks.join('\n');
  let cache = CONTEXTS_BY_CA.get(key);
  if (!cache) {
    if (CONTEXTS_BY_CA.size >= MAX_CA_CONFIGS) CONTEXTS_BY_CA.delete(CONTEXTS_BY_CA.keys().next().value!);
    cache = new Map();
    CONTEXTS_BY_CA.set(key, cache);
  }
  const contexts = cache;
  return (version) => {
    let context = contexts.get(version);
    if (!context) {
      context = buildContext(extraBlocks, {
        ...(version === 'default' ? {} : { minVersion: version, maxVersion: version }),
        // OpenSSL 3 refuses the old protocols' ciphers at its default security level.
        ...(LEGACY.includes(version as TlsVersion) ? { ciphers: 'DEFAULT@SECLEVEL=0' } : {}),
      });
      contexts.set(version, context);
    }
    return context;
  };
}

type VersionOptions = Pick<SecureContextOptions, 'minVersion' | 'maxVersion' | 'ciphers'>;

/**
 * Node's root store plus the extra CA. Handing all ~150 roots over as `ca` makes Node parse each PEM again
 * for every context (~25 ms each, five contexts per audit); a context without `ca` starts from the roots
 * Node has parsed once, and adding the extra CA to it copies that store first, so no other context trusts it.
 */
function buildContext(extraBlocks: string[], versionOptions: VersionOptions): SecureContext {
  const context = createSecureContext(versionOptions);
  if (!extraBlocks.length) return context;
  const native = (context as unknown as { context?: { addCACert?: (pem: string) => void } }).context;
  if (typeof native?.addCACert !== 'function') return createSecureContext({ ...versionOptions, ca: [...rootCertificates, ...extraBlocks] });
  for (const pem of extraBlocks) native.addCACert(pem);
  return context;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** Parses the extra CA file; throws a plain-language error when it holds no certificate. */
export function trustConfig(extraCaPem: string | undefined): TrustConfig {
  if (!extraCaPem) return { extraCaFingerprints: [], context: contextCache([]), ...clientMemory() };
  const blocks = extraCaPem.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw new Error('the CA file holds no PEM certificate (-----BEGIN CERTIFICATE-----)');
  const fingerprints = blocks.map((pem) => {
    try {
      return new X509Certificate(pem).fingerprint256;
    } catch (err) {
      throw new Error(`the CA file holds a certificate that cannot be read: ${(err as Error).message}`);
    }
  });
  return { extraCaFingerprints: fingerprints, context: contextCache(blocks), ...clientMemory() };
}
