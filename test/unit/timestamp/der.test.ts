// The DER reader and writer of core/timestamp, held against node-forge's ASN.1 code (an independent
// implementation) and against bytes that are not DER: every refusal is a DerError, never a crash or a hang.
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import {
  bitIndexes,
  boolean,
  children,
  DerError,
  generalizedTime,
  integerBytes,
  MAX_CHILDREN,
  oid,
  readOne,
  readTlv,
  sequence,
  smallInteger,
  TAG,
} from '../../../electron/core/timestamp/der';
import { derBoolean, derNull, derOctetString, derOid, derSequence, derUnsignedInteger, tlv } from '../../../electron/core/timestamp/der-write';

const forgeDer = (node: forge.asn1.Asn1) => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');
const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');

/** A tiny seeded generator, so a failing case can be replayed. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('OBJECT IDENTIFIER', () => {
  it.each(['1.2.840.113549.1.9.16.1.4', '2.16.840.1.101.3.4.2.1', '1.3.6.1.5.5.7.3.8', '2.5.29.37', '0.9.2342.19200300.100.1.1', '2.999.1'])(
    '%s: written as forge writes it, read back',
    (dotted) => {
      const mine = derOid(dotted);
      expect(mine).toEqual(forgeDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OID, false, forge.asn1.oidToDer(dotted).getBytes())));
      expect(oid(readOne(mine, 'oid'), 'oid')).toBe(dotted);
    },
  );

  it('refuses a non-minimal arc, a cut-off arc and an empty value', () => {
    for (const bad of ['06 02 80 01', '06 02 2a 86', '06 00']) expect(() => oid(readOne(hex(bad), 'x'), 'x')).toThrow(DerError);
  });
});

describe('INTEGER', () => {
  it.each([
    ['00', '02 01 00'],
    ['7f', '02 01 7f'],
    ['80', '02 02 00 80'],
    ['0000ff01', '02 03 00 ff 01'],
    ['0102030405060708', '02 08 01 02 03 04 05 06 07 08'],
  ])('unsigned %s is DER %s', (unsigned, der) => {
    expect(derUnsignedInteger(hex(unsigned)).toString('hex')).toBe(hex(der).toString('hex'));
    expect(forge.asn1.fromDer(forge.util.createBuffer(hex(der).toString('binary'))).type).toBe(forge.asn1.Type.INTEGER);
  });

  it('refuses non-minimal encodings and reads small values', () => {
    expect(() => integerBytes(readOne(hex('02 02 00 01'), 'i'), 'i')).toThrow(/minimally/);
    expect(() => integerBytes(readOne(hex('02 02 ff 80'), 'i'), 'i')).toThrow(/minimally/);
    expect(() => integerBytes(readOne(hex('02 00'), 'i'), 'i')).toThrow(DerError);
    expect(smallInteger(readOne(hex('02 02 01 00'), 'i'), 'i')).toBe(256);
    expect(() => smallInteger(readOne(hex('02 01 ff'), 'i'), 'i')).toThrow(/non-negative/);
  });
});

describe('lengths and structure', () => {
  it('reads long-form lengths as forge writes them', () => {
    for (const size of [0, 127, 128, 255, 256, 70_000]) {
      const content = Buffer.alloc(size, 0x41);
      const mine = derOctetString(content);
      expect(mine).toEqual(forgeDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OCTETSTRING, false, content.toString('binary'))));
      expect(readOne(mine, 'x').value).toEqual(content);
    }
  });

  it.each([
    ['indefinite length (BER)', '30 80 00 00'],
    ['a long form that fits the short form', '04 81 05 41 41 41 41 41'],
    ['a long form with a leading zero', '04 82 00 81' + ' 41'.repeat(0x81)],
    ['a length beyond the buffer', '04 05 41 41'],
    ['a length of more than 4 bytes', '04 85 01 00 00 00 00'],
    ['a multi-byte tag', '1f 81 01 00'],
    ['one byte', '30'],
  ])('refuses %s', (_what, bytes) => {
    expect(() => readTlv(hex(bytes))).toThrow(DerError);
  });

  it('refuses bytes after the element and children that do not fill their parent', () => {
    expect(() => readOne(hex('05 00 00'), 'x')).toThrow(/after the end/);
    expect(() => children(readOne(hex('30 03 05 00 05'), 'x'), 'x')).toThrow(DerError);
    expect(() => children(readOne(hex('04 00'), 'x'), 'x')).toThrow(/constructed/);
  });

  it('caps the elements of one SEQUENCE', () => {
    const many = derSequence(...Array.from({ length: MAX_CHILDREN + 1 }, () => derNull()));
    expect(() => sequence(readOne(many, 'x'), 'x')).toThrow(/more than/);
    expect(sequence(readOne(derSequence(...Array.from({ length: MAX_CHILDREN }, () => derNull())), 'x'), 'x')).toHaveLength(MAX_CHILDREN);
  });

  it('reads what it writes: a nested SEQUENCE of every kind', () => {
    const der = derSequence(derOid('1.2.3'), derBoolean(true), derBoolean(false), derOctetString(Buffer.from('x')), derSequence(derNull()));
    const parsed = forge.asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
    expect((parsed.value as forge.asn1.Asn1[]).length).toBe(5);
    const [o, t, f, s] = sequence(readOne(der, 'x'), 'x');
    expect([oid(o, 'o'), boolean(t, 't'), boolean(f, 'f'), s!.value.toString()]).toEqual(['1.2.3', true, false, 'x']);
    expect(() => boolean(readOne(hex('01 01 01'), 'b'), 'b')).toThrow(/BOOLEAN/);
  });
});

describe('GeneralizedTime and BIT STRING', () => {
  const time = (text: string) => generalizedTime(readOne(tlv(TAG.GENERALIZED_TIME, Buffer.from(text, 'latin1')), 't'), 't');

  it('reads UTC times with and without fractions', () => {
    expect(time('20250102030405Z').toISOString()).toBe('2025-01-02T03:04:05.000Z');
    expect(time('20250102030405.25Z').toISOString()).toBe('2025-01-02T03:04:05.250Z');
    expect(time('20240229235959.999999Z').toISOString()).toBe('2024-02-29T23:59:59.999Z');
  });

  it.each(['20250230000000Z', '20251301000000Z', '20250102246000Z', '00500102030405Z', '20250102030405', '20250102030405+0100', '2025010203Z'])('refuses %s', (text) => {
    expect(() => time(text)).toThrow(DerError);
  });

  it('names the set bits of a failInfo', () => {
    // badAlg (0) and systemFailure (25), as a TSA sends them: 4 bytes, 6 unused bits.
    expect(bitIndexes(readOne(hex('03 05 06 80 00 00 40'), 'b'), 'b')).toEqual([0, 25]);
    expect(() => bitIndexes(readOne(hex('03 01 08'), 'b'), 'b')).toThrow(DerError);
  });
});

describe('random bytes', () => {
  it('are refused with a DerError or read within their bounds, never anything else', () => {
    const random = prng(3161);
    for (let round = 0; round < 5000; round++) {
      const bytes = Buffer.from(Array.from({ length: 1 + Math.floor(random() * 40) }, () => Math.floor(random() * 256)));
      if (round % 3 === 0) bytes[0] = TAG.SEQUENCE;
      try {
        const top = readOne(bytes, 'x');
        if (top.tag & 0x20) for (const c of children(top, 'x')) expect(c.bytes.length).toBeLessThanOrEqual(bytes.length);
      } catch (err) {
        expect(err).toBeInstanceOf(DerError);
      }
    }
  });
});
