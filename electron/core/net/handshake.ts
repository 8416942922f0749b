import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { DeadlineError, toNetError } from './errors';
import type { NetOptions, TrustConfig } from './options';
import { tlsInfoOf } from './tls-info';
import type { HandshakeResult, TlsVersion } from './types';

/**
 * One TLS handshake pinned to exactly one protocol version. A server that refuses the version answers
 * with an alert (accepted: false, error code 'tls'); a network failure means the version could not be tested.
 */
export function handshake(url: URL, version: TlsVersion | 'default', options: NetOptions, trust: TrustConfig, release: () => void = () => undefined): Promise<HandshakeResult> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const started = Date.now();
  return new Promise((resolve) => {
    let settled = false;
    let socket: TLSSocket | undefined;
    let deadline: NodeJS.Timeout | undefined;
    const done = (result: Omit<HandshakeResult, 'host' | 'port' | 'requested' | 'ms'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      socket?.destroy();
      resolve({ host, port, requested: version, ms: Date.now() - started, ...result });
    };
    try {
      socket = connect({
        host,
        port,
        servername: isIP(host) ? undefined : host,
        secureContext: trust.context(version),
        rejectUnauthorized: false,
      });
    } catch (err) {
      release();
      return done({ accepted: false, tls: null, error: toNetError(err) });
    }
    const connected = socket;
    // The slot of the per-host limit (client.ts) is free once the socket has closed.
    connected.once('close', release);
    deadline = setTimeout(() => done({ accepted: false, tls: null, error: toNetError(new DeadlineError(options.timeoutMs)) }), options.timeoutMs);
    connected.once('secureConnect', () => {
      done({ accepted: true, tls: tlsInfoOf(connected, host, trust.extraCaFingerprints), error: null });
    });
    connected.once('error', (err) => done({ accepted: false, tls: null, error: toNetError(err) }));
    connected.once('close', () => done({ accepted: false, tls: null, error: { code: 'reset', message: 'connection closed during the handshake' } }));
  });
}
