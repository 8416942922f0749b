import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw, type Gunzip } from 'node:zlib';
import type { NetError } from './types';

type Coding = 'gzip' | 'deflate' | 'br';

/**
 * The content coding of a response as the client will decode it: null for none (or `identity`), a coding
 * it asked for, or an error for anything else (an unknown coding, or several stacked), which it cannot read.
 */
export function codingOf(headers: readonly [string, string][]): { coding: Coding | null; error: NetError | null } {
  const values = headers.filter(([n]) => n.toLowerCase() === 'content-encoding').map(([, v]) => v);
  const codings = values
    .flatMap((v) => v.split(','))
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c && c !== 'identity')
    .map((c) => (c === 'x-gzip' ? 'gzip' : c));
  if (codings.length === 0) return { coding: null, error: null };
  const [only] = codings;
  if (codings.length === 1 && (only === 'gzip' || only === 'deflate' || only === 'br')) return { coding: only, error: null };
  return { coding: null, error: { code: 'content', message: `unsupported content-encoding: ${codings.join(', ').slice(0, 100)}` } };
}

export interface BodyEvents {
  /** The cap was reached: what is kept is cut off there; stop reading. */
  full(): void;
  /** The body (decoded) is complete. */
  done(): void;
  failed(error: NetError): void;
}

/**
 * Collects a response body up to `cap` bytes, decoding gzip, deflate (zlib or raw, as browsers accept)
 * and brotli as a stream. Both the bytes on the wire and the decoded bytes are held to the cap, so a
 * compression bomb is cut off after `cap` decoded bytes and never inflated whole.
 */
export class BodySink {
  private readonly chunks: Buffer[] = [];
  private decoder: Gunzip | null = null;
  private head: Buffer[] = [];
  private ended = false;
  private cutAtWire = false;
  kept = 0;
  wireBytes = 0;
  truncated = false;

  constructor(
    private readonly coding: Coding | null,
    private readonly cap: number,
    private readonly events: BodyEvents,
  ) {}

  body(): Buffer {
    return Buffer.concat(this.chunks, this.kept);
  }

  write(chunk: Buffer): void {
    if (this.ended || this.cutAtWire) return;
    this.wireBytes += chunk.length;
    if (this.coding === null) return void this.keep(chunk);
    const over = this.wireBytes - this.cap;
    if (over <= 0) return this.decode(chunk);
    // A compressed body bigger than the cap: what fits is decoded, then no more of it is read.
    this.cutAtWire = true;
    this.decode(chunk.subarray(0, chunk.length - over));
    const cut = () => {
      if (this.ended) return;
      this.ended = true;
      this.truncated = true;
      this.decoder?.destroy();
      this.events.full();
    };
    if (this.decoder) this.decoder.flush(cut);
    else cut();
  }

  private decode(chunk: Buffer): void {
    if (this.decoder) return void this.decoder.write(chunk);
    // Deflate comes zlib-wrapped or raw; the first two bytes tell which.
    this.head.push(chunk);
    const head = Buffer.concat(this.head);
    if (this.coding === 'deflate' && head.length < 2) return;
    this.head = [];
    this.startDecoder(head).write(head);
  }

  end(): void {
    if (this.ended || this.cutAtWire) return;
    if (this.head.length) this.startDecoder(Buffer.concat(this.head)).write(Buffer.concat(this.head));
    this.head = [];
    if (this.decoder) return void this.decoder.end();
    this.ended = true;
    this.events.done();
  }

  destroy(): void {
    this.ended = true;
    this.decoder?.destroy();
  }

  private startDecoder(head: Buffer): Gunzip {
    const decoder = (
      this.coding === 'gzip'
        ? createGunzip()
        : this.coding === 'br'
          ? createBrotliDecompress()
          : isZlibHeader(head)
            ? createInflate()
            : createInflateRaw()
    ) as Gunzip;
    decoder.on('data', (out: Buffer) => {
      if (!this.ended) this.keep(out);
    });
    decoder.on('error', (err) => {
      if (this.ended) return;
      this.ended = true;
      this.events.failed({ code: 'content', message: `the ${this.coding} body cannot be decoded: ${err.message}` });
    });
    decoder.on('end', () => {
      if (this.ended) return;
      this.ended = true;
      this.events.done();
    });
    this.decoder = decoder;
    return decoder;
  }

  private keep(chunk: Buffer): void {
    const room = this.cap - this.kept;
    if (chunk.length <= room) {
      this.chunks.push(chunk);
      this.kept += chunk.length;
      return;
    }
    if (room > 0) this.chunks.push(chunk.subarray(0, room));
    this.kept += Math.max(room, 0);
    this.truncated = true;
    this.ended = true;
    this.decoder?.destroy();
    this.events.full();
  }
}

function isZlibHeader(head: Buffer): boolean {
  return head.length >= 2 && (head[0]! & 0x0f) === 8 && ((head[0]! << 8) | head[1]!) % 31 === 0;
}
