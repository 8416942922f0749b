import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import { scopeOfAddress } from './address-scope';
import { BodySink, codingOf } from './body';
import { AbortedError, DeadlineError, toNetError } from './errors';
import { exchangeEvidence } from './evidence';
import { follow, type Chain } from './follow';
import { handshake } from './handshake';
import { hostKey } from './host-limiter';
import { ACCEPT_ENCODING, MAX_HEADER_BYTES, MAX_HEADER_LINES, trustConfig, type NetOptions, type TrustConfig } from './options';
import { guardedLookup, refusal, type RedirectGuard } from './redirect-guard';
import { resumedTlsInfo, tlsInfoOf } from './tls-info';
import type { Exchange, HandshakeResult, NetError, TlsInfo, TlsVersion } from './types';
import type { Capture } from '../evidence-sink';

export interface RequestInit {
  method?: string;
  headers?: Record<string, string>;
  /**
   * Rewrites the body before anything keeps it (evidence, the returned exchange): for files that may hold
   * secrets, such as an exposed local.php or .env. bodyBytesRead still tells how much the server sent.
   */
  redactBody?: (body: Buffer) => Buffer;
}

export type { Chain } from './follow';

export interface NetClient {
  readonly options: NetOptions;
  request(url: URL, init?: RequestInit): Promise<Exchange>;
  /** GET with redirects followed up to the cap; loops, non-http schemes and inward hops are refused (follow.ts). */
  follow(url: URL, init?: RequestInit): Promise<Chain>;
  handshake(url: URL, version: TlsVersion | 'default'): Promise<HandshakeResult>;
}

export type { Capture };

/**
 * The one HTTP/TLS client: every call has a deadline, a header-size and header-count limit, a body cap
 * (after decoding) and is captured as evidence.
 */
export function createNetClient(options: NetOptions, capture: Capture): NetClient {
  const trust = trustConfig(options.extraCaPem);
  const scopeOf = options.addressScope ?? scopeOfAddress;
  return {
    options,
    request: (url, init) => withSlot(options, url, (release) => request(url, init ?? {}, options, trust, capture, null, release)),
    follow: (url, init) =>
      follow((u, guard) => withSlot(options, u, (release) => request(u, init ?? {}, options, trust, capture, guard, release)), url, options.maxRedirects, scopeOf),
    handshake: (url, version) => withSlot(options, url, (release) => handshake(url, version, options, trust, release)),
  };
}

const NOTHING_TO_RELEASE = () => undefined;

/** Runs one connection under the shared per-host limit, when there is one; `release` frees its slot. */
async function withSlot<T>(options: NetOptions, url: URL, connect: (release: () => void) => Promise<T>): Promise<T> {
  if (!options.hostLimiter) return connect(NOTHING_TO_RELEASE);
  const release = await options.hostLimiter.acquire(hostKey(url), options.signal);
  try {
    return await connect(release);
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * The slot is freed when the socket has closed (the server then counts the connection gone as well), or when
 * the request ended without one; a socket that lingers frees it after a grace period.
 */
const LINGER_MS = 2_000;

function hostOf(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '');
}

function request(
  url: URL,
  init: RequestInit,
  options: NetOptions,
  trust: TrustConfig,
  capture: Capture,
  guard: RedirectGuard | null,
  release: () => void,
): Promise<Exchange> {
  const startedAt = new Date();
  const method = init.method ?? 'GET';
  const headers: Record<string, string> = { 'user-agent': options.userAgent, accept: '*/*', 'accept-encoding': ACCEPT_ENCODING, ...init.headers };
  const host = hostOf(url);
  const sessionKey = `${host}:${url.port || 443}`;
  const known = url.protocol === 'https:' ? trust.sessions.get(sessionKey) : undefined;
  return new Promise((resolve) => {
    let tls: TlsInfo | null = null;
    let sink: BodySink | null = null;
    let response: Exchange['response'] = null;
    let remoteAddress: string | null = null;
    let settled = false;
    // Declared before finish(): a request that throws synchronously settles before any timer exists.
    let deadline: NodeJS.Timeout | undefined;
    let socketOpened = false;

    const finish = (error: NetError | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (socketOpened) setTimeout(release, LINGER_MS).unref();
      else release();
      options.signal?.removeEventListener('abort', onAbort);
      sink?.destroy();
      const read = sink?.body() ?? Buffer.alloc(0);
      const body = init.redactBody && read.length ? init.redactBody(read) : read;
      const partial: Omit<Exchange, 'evidence'> = {
        request: { method, url: url.href, headers: Object.entries(headers) },
        response,
        body,
        bodyBytesRead: sink?.wireBytes ?? 0,
        truncated: sink?.truncated ?? false,
        tls,
        remoteAddress,
        error,
        startedAt: startedAt.toISOString(),
        ms: Date.now() - startedAt.getTime(),
      };
      resolve({ ...partial, evidence: exchangeEvidence(partial, capture) });
    };

    // An IP literal is never looked up, so the redirect guard judges it here; names are judged at lookup.
    const literal = guard && isIP(host) ? refusal(guard, host, host) : null;
    if (literal) return finish(toNetError(literal));
    const lookup = guard ? { lookup: guardedLookup(guard) } : {};
    let req: http.ClientRequest;
    try {
      req =
        url.protocol === 'https:'
          ? https.request(url, {
              method,
              headers,
              agent: false,
              maxHeaderSize: MAX_HEADER_BYTES,
              ...lookup,
              // Node hands these on to tls.connect; @types/node does not list them for https.
              secureContext: trust.context('default'),
              // Trust is judged, not enforced: an untrusted certificate is a finding and the audit goes on.
              rejectUnauthorized: false,
              // Resumes this client's earlier session with the host: no second full handshake and chain read.
              session: known?.session,
              servername: isIP(host) ? undefined : host,
            } as https.RequestOptions & Pick<ConnectionOptions, 'secureContext' | 'session'>)
          : http.request(url, { method, headers, agent: false, maxHeaderSize: MAX_HEADER_BYTES, ...lookup });
    } catch (err) {
      finish(toNetError(err));
      return;
    }
    // One more than the limit, so that a longer header block shows as too long instead of silently cut.
    req.maxHeadersCount = MAX_HEADER_LINES + 1;
    // Settle first, then tear down: after the response has begun, destroy() reports no error of its own.
    const stop = (err: Error | NetError) => {
      finish(err instanceof Error ? toNetError(err) : err);
      req.destroy();
    };
    deadline = setTimeout(() => stop(new DeadlineError(options.timeoutMs)), options.timeoutMs);
    const onAbort = () => stop(new AbortedError());
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket) => {
      socketOpened = true;
      if (socket.destroyed) release();
      else socket.once('close', release);
      if (url.protocol !== 'https:') return;
      const tlsSocket = socket as TLSSocket;
      let session: Buffer | null = null;
      // TLS 1.2 hands out its session before the handshake ends, TLS 1.3 its tickets after: keep both halves.
      const remember = () => {
        if (tls && session) trust.rememberSession(sessionKey, { session, tls });
      };
      tlsSocket.once('secureConnect', () => {
        tls = known && tlsSocket.isSessionReused() ? resumedTlsInfo(tlsSocket, known.tls) : tlsInfoOf(tlsSocket, host, trust.extraCaFingerprints, trust.chains);
        remember();
      });
      tlsSocket.on('session', (s: Buffer) => {
        session = s;
        remember();
      });
    });
    req.on('error', (err) => finish(toNetError(err)));
    req.on('response', (res) => {
      remoteAddress = res.socket?.remoteAddress ?? null;
      const raw = res.rawHeaders;
      if (raw.length / 2 > MAX_HEADER_LINES) {
        return stop({ code: 'oversized', message: `oversized response headers (more than ${MAX_HEADER_LINES} header lines)` });
      }
      const pairs: [string, string][] = [];
      for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
      response = { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', httpVersion: res.httpVersion, headers: pairs };
      const { coding, error } = codingOf(pairs);
      if (error) return stop(error);
      const body = new BodySink(coding, options.maxBodyBytes, {
        // Over the cap: keep what fits, mark it truncated and drop the connection, as for a plain body.
        full: () => {
          finish(null);
          req.destroy();
        },
        done: () => finish(null),
        failed: (e) => stop(e),
      });
      sink = body;
      res.on('data', (chunk: Buffer) => body.write(chunk));
      res.on('end', () => body.end());
      res.on('error', (err) => finish(toNetError(err)));
      // After 'end' the decoder may still be flushing: only a close before the body was complete is an error.
      res.on('close', () => {
        if (!res.complete) finish({ code: 'reset', message: 'connection closed before the body was complete' });
      });
    });
    req.end();
  });
}
