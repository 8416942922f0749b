// The per-host limit of the net client, against a real server that counts the connections open to it at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetClient, type NetClient } from '../../../electron/core/net/client';
import { createHostLimiter } from '../../../electron/core/net/host-limiter';
import { LOCAL_HOSTS, makeCa } from '../../fixtures/certs';
import { startCountingHttps, type CountingServer } from '../../fixtures/connection-counter';

const base = { timeoutMs: 5000, maxRedirects: 5, maxBodyBytes: 1024 * 1024, userAgent: 'test' };
const capture = () => '0'.repeat(64);

describe('the per-host connection limit', () => {
  const ca = makeCa();
  let server: CountingServer;

  beforeAll(async () => {
    server = await startCountingHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (req, res) => {
      // Slow enough that unlimited clients would overlap many connections.
      setTimeout(() => {
        if (req.url === '/redirect') res.writeHead(302, { Location: '/done' }).end();
        else res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      }, 30);
    });
  });
  afterAll(() => server.close());

  /** Three audits' clients, each with twelve requests, redirects and handshakes in flight at once. */
  async function burst(clients: NetClient[]) {
    const url = new URL(server.url);
    const calls = clients.flatMap((c) => [
      ...Array.from({ length: 8 }, (_, i) => c.request(new URL(`/page/${i}`, url)).then((x) => x.response?.status)),
      ...Array.from({ length: 2 }, () => c.follow(new URL('/redirect', url)).then((x) => x.exchanges.at(-1)?.response?.status)),
      ...Array.from({ length: 2 }, () => c.handshake(url, 'default').then((h) => (h.accepted ? 200 : 0))),
    ]);
    return Promise.all(calls);
  }

  it('keeps at most two connections open to one host:port across every client that shares the limiter', async () => {
    const limiter = createHostLimiter(2);
    const clients = Array.from({ length: 3 }, () => createNetClient({ ...base, extraCaPem: ca.certPem, hostLimiter: limiter }, capture));
    const before = server.total();
    const statuses = await burst(clients);
    expect(statuses.every((s) => s === 200)).toBe(true);
    expect(server.total() - before).toBeGreaterThanOrEqual(36);
    expect(server.maxConcurrent()).toBeLessThanOrEqual(2);
    // Slots are freed as the sockets close, a moment after the last answer.
    await expect.poll(() => limiter.active(`localhost:${server.port}`)).toBe(0);
  });

  it('is off by default: the same burst without a limiter opens more than two at once', async () => {
    const clients = Array.from({ length: 3 }, () => createNetClient({ ...base, extraCaPem: ca.certPem }, capture));
    await burst(clients);
    expect(server.maxConcurrent()).toBeGreaterThan(2);
  });

  it('lets an aborted request stop while it waits for a slot', async () => {
    const limiter = createHostLimiter(1);
    const controller = new AbortController();
    const client = createNetClient({ ...base, extraCaPem: ca.certPem, hostLimiter: limiter, signal: controller.signal }, capture);
    const first = client.request(new URL('/slow', server.url));
    const waiting = client.request(new URL('/waiting', server.url));
    controller.abort();
    const [a, b] = await Promise.all([first, waiting]);
    expect(b.error?.code).toBe('aborted');
    expect(a.error?.code).toBe('aborted');
  });

  it('refuses a limit below one', () => {
    expect(() => createHostLimiter(0)).toThrow(RangeError);
  });
});
