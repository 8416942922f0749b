// The DER writer for the one structure Prüfstand sends: a TimeStampReq (RFC 3161 §2.4.1).
import { TAG } from './der';

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

export const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag]), lengthBytes(content.length), content]);

export const derSequence = (...parts: Buffer[]) => tlv(TAG.SEQUENCE, Buffer.concat(parts));

export const derOctetString = (content: Buffer) => tlv(TAG.OCTET_STRING, content);

export const derNull = () => tlv(TAG.NULL, Buffer.alloc(0));

export const derBoolean = (value: boolean) => tlv(TAG.BOOLEAN, Buffer.from([value ? 0xff : 0x00]));

/** A non-negative INTEGER from its unsigned big-endian bytes: leading zeros dropped, a zero put back when the top bit is set. */
export function derUnsignedInteger(unsigned: Buffer): Buffer {
  let start = 0;
  while (start < unsigned.length - 1 && unsigned[start] === 0) start++;
  const digits = unsigned.length ? unsigned.subarray(start) : Buffer.from([0]);
  return tlv(TAG.INTEGER, digits[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), digits]) : digits);
}

export function derOid(dotted: string): Buffer {
  const arcs = dotted.split('.').map((a) => {
    if (!/^\d+$/.test(a)) throw new Error(`not an OID: ${dotted}`);
    return Number(a);
  });
  if (arcs.length < 2 || arcs[0]! > 2 || (arcs[0]! < 2 && arcs[1]! >= 40)) throw new Error(`not an OID: ${dotted}`);
  const out: number[] = [];
  for (const arc of [arcs[0]! * 40 + arcs[1]!, ...arcs.slice(2)]) {
    const base128: number[] = [];
    let n = arc;
    do {
      base128.unshift(n % 128);
      n = Math.floor(n / 128);
    } while (n > 0);
    out.push(...base128.map((b, i) => (i < base128.length - 1 ? b | 0x80 : b)));
  }
  return tlv(TAG.OID, Buffer.from(out));
}
