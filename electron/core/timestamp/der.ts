// A small strict DER reader for the structures of RFC 3161 and RFC 5652 (time-stamp responses and tokens) and
// the few certificate fields they point to. Input is untrusted: every length is checked against the buffer,
// only definite, minimal lengths and one-byte tags are accepted, and nothing recurses on its own — callers
// walk the structure they expect, so depth is bounded by the code, not by the input.

/** Why bytes are no DER of the expected shape; `message` is technical English. */
export class DerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DerError';
  }
}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8_STRING: 0x0c,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** A context-specific tag: [n] IMPLICIT primitive, or [n] constructed (EXPLICIT, or IMPLICIT SET/SEQUENCE). */
export const contextTag = (n: number, constructed: boolean) => 0x80 | (constructed ? 0x20 : 0) | n;

/** At most this many elements in one SEQUENCE or SET: far above what a token holds. */
export const MAX_CHILDREN = 1024;

export interface Tlv {
  /** The identifier byte (class, constructed bit and tag number). */
  tag: number;
  /** The whole element: identifier, length and content. */
  bytes: Buffer;
  /** The content octets. */
  value: Buffer;
}

/** Reads the one element starting at `offset`; `end` is where it ends in `buf`. */
export function readTlv(buf: Buffer, offset = 0): Tlv & { end: number } {
  if (offset + 2 > buf.length) throw new DerError('truncated: no room for a tag and a length');
  const tag = buf[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tags are not used here');
  const first = buf[offset + 1]!;
  let length: number;
  let header = 2;
  if (first < 0x80) length = first;
  else if (first === 0x80) throw new DerError('indefinite length (BER), not DER');
  else {
    const count = first & 0x7f;
    if (count > 4) throw new DerError('length over 4 bytes');
    if (offset + 2 + count > buf.length) throw new DerError('truncated length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + buf[offset + 2 + i]!;
    if (buf[offset + 2] === 0 || length < 0x80) throw new DerError('length not minimally encoded (not DER)');
    header += count;
  }
  const start = offset + header;
  const end = start + length;
  if (end > buf.length) throw new DerError(`truncated: an element of ${length} bytes with ${buf.length - start} left`);
  return { tag, bytes: buf.subarray(offset, end), value: buf.subarray(start, end), end };
}

/** `buf` is exactly one element (nothing after it). */
export function readOne(buf: Buffer, what: string): Tlv {
  const tlv = readTlv(buf, 0);
  if (tlv.end !== buf.length) throw new DerError(`${what}: ${buf.length - tlv.end} bytes after the end`);
  return tlv;
}

/** The elements of a constructed value, which must fill it exactly. */
export function children(tlv: Tlv, what: string): Tlv[] {
  if ((tlv.tag & 0x20) === 0) throw new DerError(`${what}: not a constructed element`);
  const out: Tlv[] = [];
  let offset = 0;
  while (offset < tlv.value.length) {
    if (out.length >= MAX_CHILDREN) throw new DerError(`${what}: more than ${MAX_CHILDREN} elements`);
    const child = readTlv(tlv.value, offset);
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv) throw new DerError(`${what}: missing`);
  if (tlv.tag !== tag) throw new DerError(`${what}: tag 0x${tlv.tag.toString(16)}, expected 0x${tag.toString(16)}`);
  return tlv;
}

/** The elements of a SEQUENCE (or of another constructed tag), checked to be that tag. */
export const sequence = (tlv: Tlv | undefined, what: string, tag: number = TAG.SEQUENCE) => children(expectTag(tlv, tag, what), what);

export function oid(tlv: Tlv | undefined, what: string): string {
  const v = expectTag(tlv, TAG.OID, what).value;
  if (v.length === 0 || v.length > 64) throw new DerError(`${what}: bad OBJECT IDENTIFIER length`);
  const arcs: number[] = [];
  let n = 0;
  for (let i = 0; i < v.length; i++) {
    const byte = v[i]!;
    if (n === 0 && byte === 0x80) throw new DerError(`${what}: OBJECT IDENTIFIER not minimally encoded`);
    n = n * 128 + (byte & 0x7f);
    if (n > Number.MAX_SAFE_INTEGER / 128) throw new DerError(`${what}: OBJECT IDENTIFIER arc too large`);
    if ((byte & 0x80) === 0) {
      arcs.push(n);
      n = 0;
    } else if (i === v.length - 1) throw new DerError(`${what}: OBJECT IDENTIFIER cut off`);
  }
  const head = arcs[0]!;
  const [a, b] = head < 40 ? [0, head] : head < 80 ? [1, head - 40] : [2, head - 80];
  return [a, b, ...arcs.slice(1)].join('.');
}

/** An INTEGER's content octets (two's complement, as encoded), checked to be minimal. */
export function integerBytes(tlv: Tlv | undefined, what: string): Buffer {
  const v = expectTag(tlv, TAG.INTEGER, what).value;
  if (v.length === 0) throw new DerError(`${what}: empty INTEGER`);
  if (v.length > 1 && ((v[0] === 0 && v[1]! < 0x80) || (v[0] === 0xff && v[1]! >= 0x80))) throw new DerError(`${what}: INTEGER not minimally encoded`);
  return v;
}

/** A small non-negative INTEGER (a version, a status). */
export function smallInteger(tlv: Tlv | undefined, what: string): number {
  const v = integerBytes(tlv, what);
  if (v.length > 4 || v[0]! >= 0x80) throw new DerError(`${what}: not a small non-negative INTEGER`);
  return v.reduce((n, b) => n * 256 + b, 0);
}

export function octetString(tlv: Tlv | undefined, what: string): Buffer {
  return expectTag(tlv, TAG.OCTET_STRING, what).value;
}

export function boolean(tlv: Tlv | undefined, what: string): boolean {
  const v = expectTag(tlv, TAG.BOOLEAN, what).value;
  if (v.length !== 1 || (v[0] !== 0 && v[0] !== 0xff)) throw new DerError(`${what}: not a DER BOOLEAN`);
  return v[0] === 0xff;
}

/** The bits of a BIT STRING, most significant first, as the indexes that are set. */
export function bitIndexes(tlv: Tlv | undefined, what: string): number[] {
  const v = expectTag(tlv, TAG.BIT_STRING, what).value;
  if (v.length === 0 || v[0]! > 7) throw new DerError(`${what}: bad BIT STRING`);
  const out: number[] = [];
  for (let i = 1; i < v.length; i++) for (let bit = 0; bit < 8; bit++) if (v[i]! & (0x80 >> bit)) out.push((i - 1) * 8 + bit);
  return out;
}

/** GeneralizedTime as RFC 3161 wants it: YYYYMMDDHHMMSS[.fraction]Z. */
export function generalizedTime(tlv: Tlv | undefined, what: string): Date {
  const text = expectTag(tlv, TAG.GENERALIZED_TIME, what).value.toString('latin1');
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,9}))?Z$/.exec(text);
  if (!m) throw new DerError(`${what}: not a GeneralizedTime in UTC (YYYYMMDDHHMMSS[.f]Z)`);
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms));
  // Date.UTC rolls 31 February over into March (and maps years below 100 to the 1900s): read it back to refuse both.
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 19) !== `${y}-${mo}-${d}T${h}:${mi}:${s}`) throw new DerError(`${what}: no such date`);
  return date;
}

/** An AlgorithmIdentifier's OID (its parameters are read where they matter). */
export function algorithm(tlv: Tlv | undefined, what: string): string {
  const parts = sequence(tlv, what);
  return oid(parts[0], `${what}.algorithm`);
}
