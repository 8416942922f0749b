// One POST of a TimeStampReq to a TSA (RFC 3161 §3.4: application/timestamp-query over HTTP), with a deadline
// for the whole exchange, a cap on the answer and no redirects. Unlike the audit's client (core/net), which
// judges a site's certificate and goes on, an https TSA must present a certificate trusted by the system
// roots or the auditor's --ca: the token's own signature is checked anyway, but its answers should not be
// taken from just anyone.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { trustConfig } from '../net/options';
import { TimestampError } from './errors';

export interface PostOptions {
  timeoutMs: number;
  maxBytes: number;
  /** PEM of extra CA certificates for an https TSA. */
  extraCaPem?: string;
  userAgent: string;
}

/** The URL as it may be shown: without user name and password. */
export function displayUrl(url: URL): string {
  const shown = new URL(url.href);
  shown.username = '';
  shown.password = '';
  return shown.href;
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT']);

function toTimestampError(err: unknown, shown: string): TimestampError {
  if (err instanceof TimestampError) return err;
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : '';
  const detail = code ? `${code}: ${e.message}` : String(e?.message ?? err);
  if (UNREACHABLE.has(code)) return new TimestampError('unreachable', shown, { detail }, { cause: err });
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_|HOSTNAME/.test(code) || /SSL|TLS|alert|certificate/i.test(e?.message ?? '')) {
    return new TimestampError('tls', shown, { detail }, { cause: err });
  }
  return new TimestampError('unreachable', shown, { detail }, { cause: err });
}

/** POSTs `body`; resolves with the answer's bytes when the TSA says 200, else rejects with a TimestampError. */
export function postTimestampQuery(url: URL, body: Buffer, options: PostOptions): Promise<Buffer> {
  const shown = displayUrl(url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return Promise.reject(new TimestampError('invalid-url', shown, { detail: `${url.protocol} is not http or https` }));
  return new Promise<Buffer>((resolve, reject) => {
    let settled = false;
    const finish = (err: unknown, value?: Buffer) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      req.destroy();
      if (err) reject(toTimestampError(err, shown));
      else resolve(value!);
    };
    const headers = {
      'Content-Type': 'application/timestamp-query',
      Accept: 'application/timestamp-reply',
      'Content-Length': String(body.length),
      'User-Agent': options.userAgent,
    };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let req: http.ClientRequest;
    try {
      req =
        url.protocol === 'https:'
          ? https.request(url, {
              method: 'POST',
              headers,
              agent: false,
              rejectUnauthorized: true,
              secureContext: trustConfig(options.extraCaPem).context('default'),
              ...(isIP(host) ? {} : { servername: host }),
            } as https.RequestOptions & Pick<ConnectionOptions, 'secureContext'>)
          : http.request(url, { method: 'POST', headers, agent: false });
    } catch (err) {
      settled = true;
      reject(toTimestampError(err, shown));
      return;
    }
    const deadline = setTimeout(() => finish(new TimestampError('timeout', shown, { detail: `no complete answer within ${options.timeoutMs} ms` })), options.timeoutMs);
    req.on('error', (err) => finish(err));
    req.on('response', (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        finish(new TimestampError('http-status', shown, { httpStatus: res.statusCode ?? 0, detail: `HTTP ${res.statusCode}` }));
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > options.maxBytes) {
        finish(new TimestampError('too-large', shown, { detail: `${declared} bytes (at most ${options.maxBytes})` }));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) finish(new TimestampError('too-large', shown, { detail: `over ${options.maxBytes} bytes` }));
        else chunks.push(chunk);
      });
      res.on('error', (err) => finish(err));
      res.on('aborted', () => finish(new TimestampError('unreachable', shown, { detail: 'the connection closed mid-answer' })));
      res.on('end', () => finish(null, Buffer.concat(chunks)));
    });
    req.end(body);
  });
}
