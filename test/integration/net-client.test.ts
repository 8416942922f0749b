import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNetClient } from '../../electron/core/net/client';
import type { NewEvidence } from '../../electron/core/probes/types';
import { createHash } from 'node:crypto';
import net from 'node:net';
import { LOCAL_HOSTS, makeCa, selfSigned } from '../fixtures/certs';
import { startHttp, startHttps, startSilent, type RunningServer } from '../fixtures/servers';

const MiB = 1024 * 1024;

function recorder() {
  const captured: NewEvidence[] = [];
  const capture = (e: NewEvidence) => {
    captured.push(e);
    return createHash('sha256').update(e.content).digest('hex');
  };
  return { captured, capture };
}

const base = { timeoutMs: 3000, maxRedirects: 5, maxBodyBytes: MiB, userAgent: 'test' };

describe('the one network layer', () => {
  const ca = makeCa();
  const servers: RunningServer[] = [];
  let hugeBytesSent = 0;
  let site: RunningServer;
  let silent: RunningServer;

  beforeAll(async () => {
    site = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (req, res) => {
      if (req.url === '/loop-a') return void res.writeHead(302, { Location: '/loop-b' }).end();
      if (req.url === '/loop-b') return void res.writeHead(302, { Location: '/loop-a' }).end();
      if (req.url?.startsWith('/hop/')) {
        const n = Number(req.url.slice(5));
        return void res.writeHead(301, { Location: `/hop/${n + 1}` }).end();
      }
      if (req.url === '/huge') {
        // 300 MiB offered in 64 KiB chunks, produced lazily: the client must stop reading at its cap.
        res.writeHead(200, { 'Content-Type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        const write = () => {
          while (hugeBytesSent < 300 * MiB) {
            hugeBytesSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', write);
          }
          res.end();
        };
        res.on('close', () => undefined);
        return write();
      }
      res.writeHead(200, { 'Content-Type': 'text/html', 'X-Test': 'yes' }).end('<p>hello</p>');
    });
    silent = await startSilent('https');
    servers.push(site, silent);
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
  });

  it('captures every exchange as evidence: request, status, headers, body hash and capped body', async () => {
    const { captured, capture } = recorder();
    const client = createNetClient({ ...base, extraCaPem: ca.certPem }, capture);
    const ex = await client.request(new URL(site.url));
    expect(ex.response?.status).toBe(200);
    expect(ex.tls?.trusted).toBe(true);
    expect(ex.tls?.viaExtraCa).toBe(true);
    expect(captured.map((c) => c.kind)).toEqual(['http-body', 'http-exchange']);
    const doc = JSON.parse(captured[1]!.content.toString());
    expect(doc.response.headers).toContainEqual(['X-Test', 'yes']);
    expect(doc.body.sha256).toBe(createHash('sha256').update('<p>hello</p>').digest('hex'));
    expect(ex.evidence).toBe(createHash('sha256').update(captured[1]!.content).digest('hex'));
  });

  it('without the extra CA the same certificate is untrusted, and the exchange still completes', async () => {
    const client = createNetClient(base, recorder().capture);
    const ex = await client.request(new URL(site.url));
    expect(ex.response?.status).toBe(200);
    expect(ex.tls?.trusted).toBe(false);
    expect(ex.tls?.trustError).toMatch(/UNABLE_TO_GET_ISSUER_CERT|SELF_SIGNED|unable/i);
  });

  it('resumes its own TLS session with a host and keeps what the full handshake showed; another client does not', async () => {
    const reused: boolean[] = [];
    const resuming = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (req, res) => {
      reused.push((req.socket as import('node:tls').TLSSocket).isSessionReused());
      res.end('x');
    });
    servers.push(resuming);
    const client = createNetClient({ ...base, extraCaPem: ca.certPem }, recorder().capture);
    const first = await client.request(new URL(resuming.url));
    // TLS 1.3 sends its ticket just after the handshake; give it a turn to arrive.
    await new Promise((r) => setTimeout(r, 50));
    const second = await client.request(new URL(resuming.url));
    const stranger = await createNetClient({ ...base, extraCaPem: ca.certPem }, recorder().capture).request(new URL(resuming.url));
    expect(reused).toEqual([false, true, false]);
    expect(second.tls).toMatchObject({ trusted: true, viaExtraCa: true, hostnameMatches: true, protocol: first.tls!.protocol });
    expect(second.tls!.chain.map((c) => c.fingerprint256)).toEqual(first.tls!.chain.map((c) => c.fingerprint256));
    expect(second.tls!.chain.length).toBeGreaterThan(0);
    expect(stranger.tls?.trusted).toBe(true);
  });

  it('reports a hostname mismatch separately from trust', async () => {
    const other = await startHttps(ca.issue({ commonName: 'wrong.example', hosts: ['wrong.example'] }), (_q, r) => r.end('x'));
    servers.push(other);
    const client = createNetClient({ ...base, extraCaPem: ca.certPem }, recorder().capture);
    const ex = await client.request(new URL(other.url));
    expect(ex.tls?.trusted).toBe(true);
    expect(ex.tls?.hostnameMatches).toBe(false);
  });

  it('caps a response of hundreds of megabytes and never reads it whole', async () => {
    const client = createNetClient(base, recorder().capture);
    const ex = await client.request(new URL('/huge', site.url));
    expect(ex.truncated).toBe(true);
    expect(ex.body.length).toBe(MiB);
    expect(ex.bodyBytesRead).toBeLessThan(2 * MiB);
    expect(hugeBytesSent).toBeLessThan(100 * MiB);
  });

  it('detects a redirect loop and caps redirects', async () => {
    const client = createNetClient(base, recorder().capture);
    const loop = await client.follow(new URL('/loop-a', site.url));
    expect(loop.error?.code).toBe('redirect-loop');
    expect(loop.exchanges).toHaveLength(2);
    const chain = await client.follow(new URL('/hop/0', site.url));
    expect(chain.error?.code).toBe('too-many-redirects');
    expect(chain.exchanges).toHaveLength(6);
  });

  it('gives up on a server that accepts and never answers, within the deadline', async () => {
    const client = createNetClient({ ...base, timeoutMs: 500 }, recorder().capture);
    const ex = await client.request(new URL(silent.url));
    expect(ex.error?.code).toBe('timeout');
    expect(ex.ms).toBeLessThan(2500);
    const hs = await client.handshake(new URL(silent.url), 'TLSv1.2');
    expect(hs.accepted).toBe(false);
    expect(hs.error?.code).toBe('timeout');
  });

  it('reads response headers of browser size (256 KiB) and calls larger ones oversized, never a crash', async () => {
    // A raw socket server: the test controls every byte of the header block.
    const cookie = (i: number, size: number) => `Set-Cookie: c${i}=${'v'.repeat(size)}\r\n`;
    const raw = net.createServer((sock) => {
      sock.once('data', (d) => {
        const big = d.toString().startsWith('GET /big');
        const lines = big ? cookie(0, 1024 * 1024) : Array.from({ length: 200 }, (_, i) => cookie(i, 1000)).join('');
        sock.end(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n${lines}\r\nok`);
      });
      sock.on('error', () => {});
    });
    await new Promise<void>((r) => raw.listen(0, '127.0.0.1', r));
    const port = (raw.address() as net.AddressInfo).port;
    try {
      const client = createNetClient(base, recorder().capture);
      const flood = await client.request(new URL(`http://127.0.0.1:${port}/flood`));
      expect(flood.error).toBeNull();
      expect(flood.response!.headers.filter(([n]) => n.toLowerCase() === 'set-cookie')).toHaveLength(200);
      expect(flood.body.toString()).toBe('ok');
      const big = await client.request(new URL(`http://127.0.0.1:${port}/big`));
      expect(big.response).toBeNull();
      expect(big.error).toEqual({ code: 'oversized', message: expect.stringMatching(/^oversized response headers/) });
    } finally {
      await new Promise((r) => raw.close(r));
    }
  });

  it('reports a closed port as refused', async () => {
    const closed = await startHttp((_q, r) => r.end());
    const url = new URL(closed.url);
    await closed.close();
    const ex = await createNetClient(base, recorder().capture).request(url);
    expect(ex.error?.code).toBe('refused');
  });

  it('pins one TLS version per handshake', async () => {
    const client = createNetClient(base, recorder().capture);
    const url = new URL(site.url);
    const [v10, v12, v13] = await Promise.all([client.handshake(url, 'TLSv1'), client.handshake(url, 'TLSv1.2'), client.handshake(url, 'TLSv1.3')]);
    expect(v10.accepted).toBe(false);
    expect(v10.error?.code).toBe('tls');
    expect(v12.tls?.protocol).toBe('TLSv1.2');
    expect(v13.tls?.protocol).toBe('TLSv1.3');
  });

  it('rejects an extra CA file without a certificate with a plain message', () => {
    expect(() => createNetClient({ ...base, extraCaPem: 'not a pem' }, recorder().capture)).toThrow(/no PEM certificate/);
    expect(selfSigned({ commonName: 'x' }).certPem).toContain('BEGIN CERTIFICATE');
  });

  it('turns a request Node refuses to send into an error exchange, not a crash', async () => {
    const { captured, capture } = recorder();
    const client = createNetClient(base, capture);
    const exchange = await client.request(new URL(site.url), { headers: { 'x-bad': 'line\r\nbreak' } });
    expect(exchange.response).toBeNull();
    expect(exchange.error?.message).toMatch(/header/i);
    expect(captured.map((e) => e.kind)).toEqual(['http-exchange']);
  });
});
