import { isIP } from 'node:net';
import { connect } from 'node:tls';
import { DeadlineError, toNetError } from './errors';
import type { NetOptions, TrustConfig } from './options';
import { tlsInfoOf } from './tls-info';
import type { HandshakeResult, TlsVersion } from './types';

const LEGACY: readonly TlsVersion[] = ['TLSv1', 'TLSv1.1'];

/**
 * One TLS handshake pinned to exactly one protocol version. A server that refuses the version answers
 * with an alert (accepted: false, error code 'tls'); a network failure means the version could not be tested.
 */
export function handshake(url: URL, version: TlsVersion | 'default', options: NetOptions, trust: TrustConfig): Promise<HandshakeResult> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: Omit<HandshakeResult, 'host' | 'port' | 'requested' | 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket.destroy();
      resolve({ host, port, requested: version, ms: Date.now() - started, ...result });
    };
    const socket = connect({
      host,
      port,
      servername: isIP(host) ? undefined : host,
      ...(version === 'default' ? {} : { minVersion: version, maxVersion: version }),
      // OpenSSL 3 refuses the old protocols' ciphers at its default security level.
      ciphers: version !== 'default' && LEGACY.includes(version) ? 'DEFAULT@SECLEVEL=0' : undefined,
      ca: trust.ca,
      rejectUnauthorized: false,
    });
    const deadline = setTimeout(() => done({ accepted: false, tls: null, error: toNetError(new DeadlineError(options.timeoutMs)) }), options.timeoutMs);
    socket.once('secureConnect', () => {
      done({ accepted: true, tls: tlsInfoOf(socket, host, trust.extraCaFingerprints), error: null });
    });
    socket.once('error', (err) => done({ accepted: false, tls: null, error: toNetError(err) }));
    socket.once('close', () => done({ accepted: false, tls: null, error: { code: 'reset', message: 'connection closed during the handshake' } }));
  });
}
