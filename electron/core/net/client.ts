import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import { AbortedError, DeadlineError, toNetError } from './errors';
import { exchangeEvidence } from './evidence';
import { handshake } from './handshake';
import { MAX_HEADER_BYTES, trustConfig, type NetOptions, type TrustConfig } from './options';
import { tlsInfoOf } from './tls-info';
import { redirectTargetOf, type Exchange, type HandshakeResult, type NetError, type TlsInfo, type TlsVersion } from './types';
import type { NewEvidence } from '../probes/types';

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  /**
   * Rewrites the body before anything keeps it (evidence, the returned exchange): for files that may hold
   * secrets, such as an exposed local.php or .env. bodyBytesRead still tells how much the server sent.
   */
  redactBody?: (body: Buffer) => Buffer;
}

export interface Chain {
  exchanges: Exchange[];
  /** Why the chain stopped early (loop, cap, network); null when it ended in a non-redirect response. */
  error: NetError | null;
}

export interface NetClient {
  readonly options: NetOptions;
  request(url: URL, init?: RequestInit): Promise<Exchange>;
  /** GET with redirects followed up to the cap; loops are detected. */
  follow(url: URL, init?: RequestInit): Promise<Chain>;
  handshake(url: URL, version: TlsVersion | 'default'): Promise<HandshakeResult>;
}

export type Capture = (evidence: NewEvidence) => string;

/** The one HTTP/TLS client: every call has a deadline, a body cap and is captured as evidence. */
export function createNetClient(options: NetOptions, capture: Capture): NetClient {
  const trust = trustConfig(options.extraCaPem);
  const client: NetClient = {
    options,
    request: (url, init) => request(url, init ?? {}, options, trust, capture),
    follow: (url, init) => follow(client, url, init ?? {}),
    handshake: (url, version) => handshake(url, version, options, trust),
  };
  return client;
}

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function request(url: URL, init: RequestInit, options: NetOptions, trust: TrustConfig, capture: Capture): Promise<Exchange> {
  const startedAt = new Date();
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: '*/*', ...init.headers };
  const host = hostOf(url);
  return new Promise((resolve) => {
    let tls: TlsInfo | null = null;
    const chunks: Buffer[] = [];
    let kept = 0;
    let bytesRead = 0;
    let truncated = false;
    let response: Exchange['response'] = null;
    let settled = false;
    // Declared before finish(): a request that throws synchronously settles before any timer exists.
    let deadline: NodeJS.Timeout | undefined;

    const finish = (error: NetError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      options.signal?.removeEventListener('abort', onAbort);
      const read = Buffer.concat(chunks, kept);
      const body = init.redactBody && read.length ? init.redactBody(read) : read;
      const partial: Omit<Exchange, 'evidence'> = {
        request: { method, url: url.href, headers: Object.entries(headers) },
        response,
        body,
        bodyBytesRead: bytesRead,
        truncated,
        tls,
        error,
        startedAt: startedAt.toISOString(),
        ms: Date.now() - startedAt.getTime(),
      };
      resolve({ ...partial, evidence: exchangeEvidence(partial, capture) });
    };

    let req: http.ClientRequest;
    try {
      req =
        url.protocol === 'https:'
          ? https.request(url, {
              method,
              headers,
              agent: false,
              maxHeaderSize: MAX_HEADER_BYTES,
              // Node hands this on to tls.connect; @types/node does not list it for https.
              secureContext: trust.context('default'),
              // Trust is judged, not enforced: an untrusted certificate is a finding and the audit goes on.
              rejectUnauthorized: false,
              servername: isIP(host) ? undefined : host,
            } as https.RequestOptions & Pick<ConnectionOptions, 'secureContext'>)
          : http.request(url, { method, headers, agent: false, maxHeaderSize: MAX_HEADER_BYTES });
    } catch (err) {
      finish(toNetError(err));
      return;
    }
    // Settle first, then tear down: after the response has begun, destroy() reports no error of its own.
    const stop = (err: Error) => {
      finish(toNetError(err));
      req.destroy();
    };
    deadline = setTimeout(() => stop(new DeadlineError(options.timeoutMs)), options.timeoutMs);
    const onAbort = () => stop(new AbortedError());
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket) => {
      socket.once('secureConnect', () => {
        tls = tlsInfoOf(socket as TLSSocket, host, trust.extraCaFingerprints);
      });
    });
    req.on('error', (err) => finish(toNetError(err)));
    req.on('response', (res) => {
      const raw = res.rawHeaders;
      const pairs: [string, string][] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
      response = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', httpVersion: res.httpVersion, headers: pairs };
      res.on('data', (chunk: Buffer) => {
        bytesRead += chunk.length;
        const room = options.maxBodyBytes - kept;
        if (chunk.length > room) {
          if (room > 0) chunks.push(chunk.subarray(0, room));
          kept += Math.max(room, 0);
          truncated = true;
          res.destroy();
          finish(null);
          return;
        }
        chunks.push(chunk);
        kept += chunk.length;
      });
      res.on('end', () => finish(null));
      res.on('error', (err) => finish(toNetError(err)));
      res.on('close', () => finish(res.complete ? null : { code: 'reset', message: 'connection closed before the body was complete' }));
    });
    req.end();
  });
}

async function follow(client: NetClient, start: URL, init: RequestInit): Promise<Chain> {
  const exchanges: Exchange[] = [];
  const visited = new Set<string>();
  let url = start;
  for (;;) {
    visited.add(url.href);
    const exchange = await client.request(url, init);
    exchanges.push(exchange);
    if (exchange.error) return { exchanges, error: exchange.error };
    const next = redirectTargetOf(exchange);
    if (!next) return { exchanges, error: null };
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return { exchanges, error: { code: 'invalid-url', message: `redirect to unsupported scheme ${next.protocol}` } };
    }
    if (visited.has(next.href)) {
      return { exchanges, error: { code: 'redirect-loop', message: `redirect loop: ${next.href} was already visited` } };
    }
    if (exchanges.length > client.options.maxRedirects) {
      return { exchanges, error: { code: 'too-many-redirects', message: `more than ${client.options.maxRedirects} redirects` } };
    }
    url = next;
  }
}
