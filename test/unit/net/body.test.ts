import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BodySink, codingOf } from '../../../electron/core/net/body';
import type { NetError } from '../../../electron/core/net/types';

type Coding = 'gzip' | 'deflate' | 'br' | null;

/** Feeds `wire` in pieces of `piece` bytes and waits for the sink to settle. */
function feed(coding: Coding, wire: Buffer, cap: number, piece = wire.length || 1) {
  return new Promise<{ sink: BodySink; outcome: 'done' | 'full' | NetError }>((resolve) => {
    let stopped = false;
    const sink: BodySink = new BodySink(coding, cap, {
      done: () => resolve({ sink, outcome: 'done' }),
      full: () => {
        stopped = true;
        resolve({ sink, outcome: 'full' });
      },
      failed: (e) => resolve({ sink, outcome: e }),
    });
    for (let i = 0; i < wire.length && !stopped; i += piece) sink.write(wire.subarray(i, i + piece));
    if (!stopped) sink.end();
  });
}

const text = Buffer.from('Grüße '.repeat(200));

describe('the body sink', () => {
  it('reads the content coding; unknown or stacked codings are content errors', () => {
    expect(codingOf([])).toEqual({ coding: null, error: null });
    expect(codingOf([['Content-Encoding', 'identity']]).coding).toBeNull();
    expect(codingOf([['content-encoding', 'X-GZIP']]).coding).toBe('gzip');
    expect(codingOf([['Content-Encoding', 'br']]).coding).toBe('br');
    expect(codingOf([['Content-Encoding', 'gzip, br']]).error?.code).toBe('content');
    expect(codingOf([['Content-Encoding', 'zstd']]).error).toEqual({ code: 'content', message: 'unsupported content-encoding: zstd' });
  });

  it.each([
    ['gzip', gzipSync(text)],
    ['deflate', deflateSync(text)],
    ['deflate', deflateRawSync(text)],
    ['br', brotliCompressSync(text)],
  ] as const)('decodes %s, even one byte at a time', async (coding, wire) => {
    for (const piece of [1, 7, wire.length]) {
      const { sink, outcome } = await feed(coding, wire, 1 << 20, piece);
      expect(outcome).toBe('done');
      expect(sink.body().equals(text)).toBe(true);
      expect(sink.wireBytes).toBe(wire.length);
    }
  });

  it('keeps a plain body of exactly the cap whole, and cuts one byte more', async () => {
    expect((await feed(null, text, text.length)).outcome).toBe('done');
    const over = await feed(null, text, text.length - 1, 100);
    expect(over.outcome).toBe('full');
    expect(over.sink.truncated).toBe(true);
    expect(over.sink.body().equals(text.subarray(0, text.length - 1))).toBe(true);
  });

  it('holds the decoded bytes to the cap', async () => {
    const bomb = gzipSync(Buffer.alloc(8 << 20));
    expect(bomb.length).toBeLessThan(100_000);
    const { sink, outcome } = await feed('gzip', bomb, 100_000);
    expect(outcome).toBe('full');
    expect(sink.body().length).toBe(100_000);
    expect(sink.truncated).toBe(true);
  });

  it('holds the compressed bytes on the wire to the cap too, keeping what the part within it decodes to', async () => {
    const plain = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256));
    const wire = gzipSync(plain, { level: 0 });
    for (const piece of [500, wire.length]) {
      const { sink, outcome } = await feed('gzip', wire, 2000, piece);
      expect(outcome).toBe('full');
      expect(sink.truncated).toBe(true);
      expect(sink.body().length).toBeGreaterThan(1000);
      expect(sink.body().equals(plain.subarray(0, sink.body().length))).toBe(true);
    }
  });

  it('calls an empty coded body empty, not broken', async () => {
    const { sink, outcome } = await feed('gzip', Buffer.alloc(0), 100);
    expect(outcome).toBe('done');
    expect(sink.body().length).toBe(0);
  });
});
