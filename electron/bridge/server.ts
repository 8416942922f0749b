// The loopback bridge: the built renderer and the contract's handlers over HTTP on 127.0.0.1, so the real
// renderer runs in a normal browser against the real core (development and e2e tests). Never listens
// beyond loopback; every API call carries the random per-start token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EVENT_CHANNEL } from '../shared/contract';
import { dispatch, type AppService } from '../core/service';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, mimeTypeFor, resolveAppPath } from '../main/protocol-path';

export const TOKEN_HEADER = 'x-pruefstand-token';
// Documents (a DPA, an attachment, a register workbook) travel as base64 of up to 50 MB.
const MAX_BODY_BYTES = 72 * 1024 * 1024;
const API_PREFIX = '/api/';

export interface Bridge {
  /** Open this in a browser: the token travels in the fragment, which is never sent to a server. */
  readonly url: string;
  readonly origin: string;
  readonly token: string;
  close(): Promise<void>;
}

export interface BridgeOptions {
  service: AppService;
  /** Absolute path of the built renderer (dist/renderer). */
  rendererDir: string;
  port?: number;
}

const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };

function send(res: http.ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string' || given.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function readJson(req: http.IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text ? JSON.parse(text) : {});
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

export async function startBridge({ service, rendererDir, port = 0 }: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(32).toString('hex');
  const streams = new Set<http.ServerResponse>();
  let origin = '';

  const unsubscribe = service.onEvent((envelope) => {
    const frame = `event: ${EVENT_CHANNEL}\ndata: ${JSON.stringify(envelope)}\n\n`;
    for (const res of streams) res.write(frame);
  });

  async function serveFile(req: http.IncomingMessage, res: http.ServerResponse, pathname: string): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    const file = resolveAppPath(rendererDir, new URL(pathname, APP_ENTRY_URL).href);
    const mime = file && mimeTypeFor(file);
    if (!file || !mime) return send(res, 404, 'Not found');
    try {
      const body = await readFile(file);
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': mime, 'content-security-policy': CONTENT_SECURITY_POLICY });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      send(res, 404, 'Not found');
    }
  }

  async function serveApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string): Promise<void> {
    if (!sameToken(req.headers[TOKEN_HEADER], token)) return send(res, 403, 'Forbidden: missing or wrong token');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) return send(res, 403, 'Forbidden: foreign origin');
    if (channel === 'events') {
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed');
      res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': 'text/event-stream; charset=utf-8', connection: 'keep-alive' });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    if (req.method !== 'POST') return send(res, 405, 'Method not allowed');
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) return send(res, 415, 'Unsupported media type: send application/json');
    let args: unknown;
    try {
      args = await readJson(req);
    } catch (error) {
      return send(res, 400, (error as Error).message);
    }
    const result = await dispatch(service.handlers, channel, args);
    send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  const server = http.createServer((req, res) => {
    // Only our own host name: a page on another name that resolves to 127.0.0.1 (DNS rebinding) is refused.
    const host = req.headers.host ?? '';
    if (host !== new URL(origin).host && host !== `localhost:${new URL(origin).port}`) return send(res, 421, 'Misdirected request');
    const pathname = new URL(req.url ?? '/', origin).pathname;
    const work = pathname.startsWith(API_PREFIX) ? serveApi(req, res, decodeURIComponent(pathname.slice(API_PREFIX.length))) : serveFile(req, res, pathname);
    work.catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${(error as Error).message}`);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/index.html#token=${token}`,
    origin,
    token,
    async close() {
      unsubscribe();
      for (const res of streams) res.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
