// The TimeStampReq Prüfstand sends and the TimeStampResp it reads, built and read back with node-forge's ASN.1
// code; and the token parser and verifier fed with garbage (a problem, never a crash).
import { createHash } from 'node:crypto';
import forge from 'node-forge';
import { describe, expect, it } from 'vitest';
import { DerError } from '../../../electron/core/timestamp/der';
import { buildTimeStampRequest, isGranted, parseTimeStampResponse } from '../../../electron/core/timestamp/request';
import { parseToken } from '../../../electron/core/timestamp/token';
import { verifyTimestampToken } from '../../../electron/core/timestamp/verify-token';

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const toDer = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const fromDer = (der: Buffer) => asn1.fromDer(forge.util.createBuffer(der.toString('binary')));
const int = (n: number) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const seq = (...items: forge.asn1.Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const utf8 = (s: string) => asn1.create(U, T.UTF8, false, forge.util.encodeUtf8(s));

describe('buildTimeStampRequest', () => {
  const data = Buffer.from('manifest bytes\n');

  it('is version 1, a SHA-256 imprint of the data, the nonce, certReq TRUE', () => {
    const req = buildTimeStampRequest(data, Buffer.from('0102030405060708', 'hex'));
    const [version, imprint, nonce, certReq] = fromDer(req.der).value as forge.asn1.Asn1[];
    expect(asn1.derToInteger(version!.value as string)).toBe(1);
    const [alg, hashed] = imprint!.value as forge.asn1.Asn1[];
    expect(asn1.derToOid((alg!.value as forge.asn1.Asn1[])[0]!.value as string)).toBe('2.16.840.1.101.3.4.2.1');
    expect((alg!.value as forge.asn1.Asn1[])[1]!.type).toBe(T.NULL);
    expect(Buffer.from(hashed!.value as string, 'binary')).toEqual(createHash('sha256').update(data).digest());
    expect(Buffer.from(nonce!.value as string, 'binary').toString('hex')).toBe('0102030405060708');
    expect(certReq!.type).toBe(T.BOOLEAN);
    expect(Buffer.from(certReq!.value as string, 'binary')).toEqual(Buffer.from([0xff]));
    expect(req.imprint).toEqual(createHash('sha256').update(data).digest());
  });

  it('keeps the nonce a positive, minimal INTEGER whatever its random bytes', () => {
    expect(buildTimeStampRequest(data, Buffer.from('ff00000000000001', 'hex')).nonce.toString('hex')).toBe('00ff00000000000001');
    expect(buildTimeStampRequest(data, Buffer.from('0000000000000080', 'hex')).nonce.toString('hex')).toBe('0080');
    const a = buildTimeStampRequest(data);
    const b = buildTimeStampRequest(data);
    expect(a.nonce.equals(b.nonce)).toBe(false);
  });
});

describe('parseTimeStampResponse', () => {
  it('reads a rejection with its text and failure bits, text made printable', () => {
    const failInfo = asn1.create(U, T.BITSTRING, false, String.fromCharCode(0x06, 0x80, 0x00, 0x00, 0x40));
    const der = toDer(seq(seq(int(2), seq(utf8('bad\u0007 algorithm\u001b[31m'), utf8('x'.repeat(500))), failInfo)));
    const r = parseTimeStampResponse(der);
    expect(isGranted(r)).toBe(false);
    expect(r).toMatchObject({ status: 2, statusName: 'rejection', failInfo: ['badAlg', 'systemFailure'], token: null });
    expect(r.statusText[0]).toBe('bad  algorithm [31m');
    expect(r.statusText[1]).toHaveLength(200);
  });

  it('reads granted with a token and names unknown statuses', () => {
    const token = seq(asn1.create(U, T.OID, false, asn1.oidToDer('1.2.840.113549.1.7.2').getBytes()));
    const r = parseTimeStampResponse(toDer(seq(seq(int(0)), token)));
    expect(isGranted(r)).toBe(true);
    expect(r.token).toEqual(toDer(token));
    expect(parseTimeStampResponse(toDer(seq(seq(int(9))))).statusName).toBe('status 9');
  });

  it.each([
    ['HTML', Buffer.from('<html><body>Welcome</body></html>')],
    ['empty', Buffer.alloc(0)],
    ['a bare INTEGER', toDer(int(0))],
    ['a status that is no INTEGER', toDer(seq(seq(utf8('granted'))))],
    ['three elements', toDer(seq(seq(int(0)), seq(), seq()))],
  ])('refuses %s with a DerError', (_what, der) => {
    expect(() => parseTimeStampResponse(der)).toThrow(DerError);
  });
});

describe('tokens that are none', () => {
  const random = (() => {
    let s = 5652;
    return () => {
      s = (s * 1103515245 + 12345) % 2 ** 31;
      return s / 2 ** 31;
    };
  })();

  it('are problems (unreadable), never exceptions', () => {
    const samples: Buffer[] = [
      Buffer.alloc(0),
      Buffer.from('garbage'),
      toDer(seq(asn1.create(U, T.OID, false, asn1.oidToDer('1.2.840.113549.1.7.1').getBytes()))),
      toDer(seq(asn1.create(U, T.OID, false, asn1.oidToDer('1.2.840.113549.1.7.2').getBytes()), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [seq(int(3))]))),
      Buffer.alloc(2 * 1024 * 1024, 0x30),
    ];
    for (let i = 0; i < 2000; i++) {
      const bytes = Buffer.from(Array.from({ length: 2 + Math.floor(random() * 64) }, () => Math.floor(random() * 256)));
      bytes[0] = 0x30;
      samples.push(bytes);
    }
    for (const token of samples) {
      expect(() => parseToken(token)).toThrow(DerError);
      const result = verifyTimestampToken(token, Buffer.from('data'));
      expect(result.info).toBeNull();
      expect(result.problems.map((p) => p.code)).toEqual(['unreadable']);
    }
  });
});
