import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeOfAddress } from '../../electron/core/net/address-scope';
import { createNetClient } from '../../electron/core/net/client';
import type { NetOptions } from '../../electron/core/net/options';
import type { NewEvidence } from '../../electron/core/probes/types';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { BODY_HOSTILES, BOMB_BYTES, bombsOf, dripBody, PAGE } from '../fixtures/hostile/bodies';
import { HEADER_HOSTILES, HEADER_LINES_FLOOD, slowHeaders } from '../fixtures/hostile/headers';
import { endlessChain, INWARD_TARGETS, redirectRoutes, redirectTo, UNSAFE_SCHEMES } from '../fixtures/hostile/redirects';
import { routes, send, startRaw } from '../fixtures/hostile/raw';
import { startCloseAtHello, startPlainHttpOnTls, startSshBanner, startTlsNoise } from '../fixtures/hostile/tls';
import type { RunningServer } from '../fixtures/servers';

const KiB = 1024;
const base: NetOptions = { timeoutMs: 1500, maxRedirects: 5, maxBodyBytes: 256 * KiB, userAgent: 'test' };

function recorder() {
  const captured: NewEvidence[] = [];
  const capture = (e: NewEvidence) => {
    captured.push(e);
    return createHash('sha256').update(e.content).digest('hex');
  };
  return { captured, capture };
}

const servers: RunningServer[] = [];
async function up(server: Promise<RunningServer>): Promise<RunningServer> {
  const s = await server;
  servers.push(s);
  return s;
}
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('hostile header blocks', () => {
  let site: RunningServer;
  beforeAll(async () => {
    site = await up(startRaw(routes({ ...HEADER_HOSTILES, '/slow-headers': slowHeaders(100) })));
  });
  const get = (path: string, over: Partial<NetOptions> = {}) => createNetClient({ ...base, ...over }, recorder().capture).request(new URL(path, site.url));

  it(`refuses ${HEADER_LINES_FLOOD} header lines as oversized instead of reading a silently cut block`, async () => {
    const ex = await get('/many-headers');
    expect(ex.error).toEqual({ code: 'oversized', message: 'oversized response headers (more than 4096 header lines)' });
  });

  it.each([
    ['/garbage-status', 'protocol'],
    ['/binary-noise', 'protocol'],
    ['/control-char-header', 'protocol'],
  ])('%s is a clean %s error without a response', async (path, code) => {
    const ex = await get(path);
    expect(ex.error?.code).toBe(code);
    expect(ex.response).toBeNull();
  });

  it('keeps bytes that are no UTF-8 in headers and body as they came (headers as Latin-1, the body as bytes)', async () => {
    const ex = await get('/invalid-utf8');
    expect(ex.error).toBeNull();
    expect(ex.response!.headers).toContainEqual(['X-Name', 'caf\xe9 \xff\xfe \xc3\x28']);
    expect([...ex.body.subarray(3, 10)]).toEqual([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
  });

  it('gives up on headers that trickle in within the whole-request deadline', async () => {
    const ex = await get('/slow-headers', { timeoutMs: 600 });
    expect(ex.error?.code).toBe('timeout');
    expect(ex.response).toBeNull();
  });
});

describe('hostile bodies and content codings', () => {
  let site: RunningServer;
  beforeAll(async () => {
    bombsOf();
    site = await up(startRaw(routes({ ...BODY_HOSTILES, '/drip-body': dripBody(50) })));
  });
  const get = (path: string, over: Partial<NetOptions> = {}) => {
    const rec = recorder();
    return createNetClient({ ...base, ...over }, rec.capture)
      .request(new URL(path, site.url))
      .then((ex) => ({ ex, captured: rec.captured }));
  };

  it('asks for gzip, deflate and br', async () => {
    const { ex } = await get('/gzip');
    expect(ex.request.headers).toContainEqual(['accept-encoding', 'gzip, deflate, br']);
  });

  it.each(['/gzip', '/deflate', '/raw-deflate', '/br'])('decodes %s and keeps the decoded page as evidence', async (path) => {
    const { ex, captured } = await get(path);
    expect(ex.error).toBeNull();
    expect(ex.body.toString('utf8')).toBe(PAGE);
    expect(ex.bodyBytesRead).toBeLessThan(Buffer.byteLength(PAGE) + 40);
    const body = captured.find((c) => c.kind === 'http-body')!;
    expect(body.content.toString('utf8')).toBe(PAGE);
    const doc = JSON.parse(captured.find((c) => c.kind === 'http-exchange')!.content.toString());
    expect(doc.body.excerpt).toBe(PAGE);
    expect(doc.body.decodedFrom).toBe(path === '/raw-deflate' ? 'deflate' : path.slice(1));
  });

  it.each(['/gzip-bomb', '/br-bomb'])('cuts %s off at the body cap after decoding, marked truncated, never inflated whole', async (path) => {
    const { ex } = await get(path);
    expect(ex.error).toBeNull();
    expect(ex.truncated).toBe(true);
    expect(ex.body.length).toBe(base.maxBodyBytes);
    expect(ex.body.every((b) => b === 0)).toBe(true);
    expect(ex.bodyBytesRead).toBeLessThan(BOMB_BYTES / 100);
  });

  it.each([
    ['/broken-gzip', /gzip body cannot be decoded/],
    ['/truncated-gzip', /gzip body cannot be decoded/],
    ['/zstd', /unsupported content-encoding: zstd/],
  ])('%s is a content error, not a body of compressed bytes', async (path, message) => {
    const { ex } = await get(path);
    expect(ex.error).toEqual({ code: 'content', message: expect.stringMatching(message) });
  });

  it('calls a body shorter than its Content-Length a reset connection', async () => {
    const { ex } = await get('/short-body');
    expect(ex.error?.code).toBe('reset');
    expect(ex.response?.status).toBe(200);
  });

  it('calls broken chunked encoding a protocol error', async () => {
    const { ex } = await get('/broken-chunked');
    expect(ex.error?.code).toBe('protocol');
  });

  it('gives up on a body that drips for ever within the whole-request deadline, keeping what came', async () => {
    const { ex } = await get('/drip-body', { timeoutMs: 600 });
    expect(ex.error?.code).toBe('timeout');
    expect(ex.response?.status).toBe(200);
    expect('<p>drip</p>'.repeat(100).startsWith(ex.body.toString())).toBe(true);
  });
});

describe('hostile TLS ports', () => {
  it.each([
    ['an SSH banner', startSshBanner, ['tls', 'protocol']],
    ['a hang-up at the ClientHello', startCloseAtHello, ['reset']],
    ['plain HTTP', startPlainHttpOnTls, ['tls']],
    ['random bytes', startTlsNoise, ['tls', 'reset']],
  ])('%s on the https port ends in a clean error', async (_name, start, codes) => {
    const server = await up(start());
    const client = createNetClient(base, recorder().capture);
    const ex = await client.request(new URL(server.url));
    expect(codes).toContain(ex.error?.code);
    expect(ex.response).toBeNull();
    const hs = await client.handshake(new URL(server.url), 'TLSv1.2');
    expect(hs.accepted).toBe(false);
    expect(codes).toContain(hs.error?.code);
  });
});

describe('hostile redirects', () => {
  const ca = makeCa();
  let inner: RunningServer;
  let innerHits = 0;
  let outer: RunningServer;
  let secure: RunningServer;
  // Every server listens on loopback; the client is told 127.0.0.2 is a public address.
  const addressScope = (a: string) => (a === '127.0.0.2' ? 'public' : scopeOfAddress(a));

  beforeAll(async () => {
    inner = await up(
      startRaw((socket) => {
        innerHits += 1;
        send(socket, '200 OK', ['Content-Type: text/plain'], 'inner');
      }),
    );
    const table = { ...redirectRoutes(INWARD_TARGETS(inner.port)), '/same-scope': redirectTo(`http://127.0.0.1:${inner.port}/ok`) };
    outer = await up(startRaw(routes({ ...table, '/chain/0': endlessChain, ...chainRoutes() }), { host: '127.0.0.2' }));
    secure = await up(startRaw(routes(table), { cert: ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }) }));
  });
  const chainRoutes = () => Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`/chain/${i}`, endlessChain]));
  const follow = (path: string, server = outer) => createNetClient({ ...base, addressScope }, recorder().capture).follow(new URL(path, server.url));

  it.each(Object.entries(UNSAFE_SCHEMES))('never follows %s (%s), naming the scheme', async (path, location) => {
    for (const server of [outer, secure]) {
      const chain = await follow(path, server);
      expect(chain.error).toEqual({ code: 'unsafe-redirect', message: expect.stringContaining(new URL(location).protocol) });
      expect(chain.exchanges).toHaveLength(1);
    }
  });

  it.each(Object.keys(INWARD_TARGETS(0)))('refuses the hop %s from a public address inward, without connecting', async (path) => {
    const before = innerHits;
    const chain = await follow(path);
    expect(chain.error?.code, chain.error?.message).toBe('unsafe-redirect');
    expect(chain.error?.message).toMatch(/from a public address \(127\.0\.0\.2\) to a (private|loopback) address/);
    expect(chain.exchanges.at(-1)?.response).toBeNull();
    expect(innerHits).toBe(before);
  });

  it('follows a redirect within one scope (loopback to loopback)', async () => {
    const chain = await follow('/same-scope', secure);
    expect(chain.error).toBeNull();
    expect(chain.exchanges.map((e) => e.response?.status)).toEqual([302, 200]);
    expect(chain.exchanges.map((e) => e.remoteAddress)).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('still stops loops and endless chains', async () => {
    expect((await follow('/loop')).error?.code).toBe('redirect-loop');
    const chain = await follow('/chain/0');
    expect(chain.error?.code).toBe('too-many-redirects');
    expect(chain.exchanges).toHaveLength(base.maxRedirects + 1);
  });
});
