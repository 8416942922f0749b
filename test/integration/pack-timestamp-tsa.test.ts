// The RFC 3161 client against a local TSA (`openssl ts -reply` on 127.0.0.1): the request openssl reads back,
// a replayed answer, https with and without the CA, an oversized answer; and the verifier against every
// one-byte change of a real token (never a crash; every change of what is signed is caught).
import { execFile } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestTimestamp } from '../../electron/core/timestamp/client';
import { TimestampError } from '../../electron/core/timestamp/errors';
import { parseToken } from '../../electron/core/timestamp/token';
import { verifyTimestampToken } from '../../electron/core/timestamp/verify-token';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { startHttp, type RunningServer } from '../fixtures/servers';
import { makeTsaPki, startTsa, type RunningTsa, type TsaPki } from '../fixtures/tsa';
import { resignToken, type ResignSpec } from '../fixtures/tsa-resign';

const run = promisify(execFile);
const dir = tempDir('pruefstand-tsa-client-');
const data = Buffer.from('{"format":"pruefstand-evidence-pack"}\n');
const siteCa = makeCa('Prüfstand Test HTTPS CA');
let pki: TsaPki;
let tsa: RunningTsa;
const closers: { close(): Promise<void> }[] = [];

/** The TimestampError a request ends with. */
async function failure(promise: Promise<unknown>): Promise<TimestampError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TimestampError);
  return err as TimestampError;
}

beforeAll(async () => {
  pki = await makeTsaPki({ key: 'rsa', essCertIdAlg: 'sha256', signerDigest: 'sha512' });
  tsa = await startTsa(pki, 'openssl');
  closers.push(tsa);
}, 60_000);
afterAll(async () => {
  await Promise.all(closers.map((c) => c.close()));
});

describe('requestTimestamp', () => {
  it('sends a TimeStampReq openssl reads as SHA-256 of the data, with a nonce and certReq', async () => {
    const stamp = await requestTimestamp(data, { url: new URL(tsa.url), timeoutMs: 20_000 });
    const query = path.join(dir, 'query.tsq');
    writeFileSync(query, tsa.queries.at(-1)!);
    const { stdout } = await run('openssl', ['ts', '-query', '-in', query, '-text']);
    expect(stdout).toContain('Version: 1');
    expect(stdout).toContain('Hash Algorithm: sha256');
    expect(stdout).toContain('Certificate required: yes');
    expect(stdout).toMatch(/Nonce: 0x[0-9A-F]+/);
    const hex = [...stdout.matchAll(/^\s+[0-9a-f]{4} - ([0-9a-f -]+?)\s{2,}/gm)].map((m) => m[1]!.replace(/[ -]/g, '')).join('');
    expect(hex).toBe(createHash('sha256').update(data).digest('hex'));
    expect(stamp.info.tsa).toBe('CN=Prüfstand Test TSA (rsa), O=Prüfstand Test');
    expect(verifyTimestampToken(stamp.token, data, [new X509Certificate(pki.caPem)])).toMatchObject({ problems: [], trusted: true });
  });

  it('refuses a replayed answer: the same data, but the nonce of an earlier request', async () => {
    const replaying = await startTsa(pki, 'replay');
    closers.push(replaying);
    const url = new URL(replaying.url);
    await requestTimestamp(data, { url, timeoutMs: 20_000 });
    const err = await failure(requestTimestamp(data, { url, timeoutMs: 20_000 }));
    expect(err.code).toBe('nonce-mismatch');
    expect(replaying.queries).toHaveLength(2);
  });

  it('over https: trusts the TSA with the extra CA, refuses it without', async () => {
    const secure = await startTsa(pki, 'openssl', siteCa.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
    closers.push(secure);
    const url = new URL(secure.url);
    expect((await requestTimestamp(data, { url, timeoutMs: 20_000, extraCaPem: siteCa.certPem })).token.length).toBeGreaterThan(1000);
    expect((await failure(requestTimestamp(data, { url, timeoutMs: 20_000 }))).code).toBe('tls');
  });

  it('stops reading an answer over the cap', async () => {
    const huge: RunningServer = await startHttp((_req, res) => res.writeHead(200).end(Buffer.alloc(3 * 1024 * 1024, 0x30)));
    closers.push(huge);
    expect((await failure(requestTimestamp(data, { url: new URL(huge.url), timeoutMs: 20_000 }))).code).toBe('too-large');
  });

  it('refuses a URL that is not http(s)', async () => {
    expect((await failure(requestTimestamp(data, { url: new URL('ftp://127.0.0.1/'), timeoutMs: 1000 }))).code).toBe('invalid-url');
  });
});

describe('verifyTimestampToken against every one-byte change of a real token', () => {
  it('never throws, and catches each change of the TSTInfo, the signed attributes, the signature and the signer certificate', async () => {
    const { token } = await requestTimestamp(data, { url: new URL(tsa.url), timeoutMs: 20_000 });
    const parsed = parseToken(token);
    const signerDer = new X509Certificate(pki.tsaCertPem).raw;
    const signerCert = parsed.certificates.find((c) => c.equals(signerDer))!;
    const at = (part: Buffer) => [part.byteOffset - token.byteOffset, part.byteOffset - token.byteOffset + part.length] as const;
    const checked = [at(parsed.tstInfoDer), at(parsed.signer.signedAttrs), at(parsed.signer.signature), at(signerCert)];
    const anchors = [new X509Certificate(pki.caPem)];
    let caught = 0;
    for (let i = 0; i < token.length; i++) {
      const changed = Buffer.from(token);
      changed[i]! ^= 0x01;
      const result = verifyTimestampToken(changed, data, anchors);
      if (checked.some(([from, to]) => i >= from && i < to)) {
        expect(result.problems.length, `byte ${i}`).toBeGreaterThan(0);
        caught++;
      }
    }
    // What is left unsigned and unchecked is the SignedData's digestAlgorithms list and the CA certificate the
    // TSA adds (the chain is checked against the --tsa-cert given, not against that copy).
    expect(caught).toBeGreaterThan(token.length / 2);
  });
});

describe('the signer certificate (a real token signed again under certificates openssl would not sign with)', () => {
  const DAY = 86_400_000;
  let token: Buffer;
  const anchors = () => [new X509Certificate(pki.caPem)];
  const codes = (spec: ResignSpec) => verifyTimestampToken(resignToken(token, pki, spec), data, anchors()).problems.map((p) => p.code);

  beforeAll(async () => {
    ({ token } = await requestTimestamp(data, { url: new URL(tsa.url), timeoutMs: 20_000 }));
  });

  it('passes with extendedKeyUsage critical,timeStamping (the re-signing itself changes nothing else)', () => {
    expect(codes({ eku: 'critical' })).toEqual([]);
  });

  it('is refused without timeStamping, or with it not critical', () => {
    expect(codes({ eku: 'none' })).toEqual(['not-timestamping']);
    expect(codes({ eku: 'non-critical' })).toEqual(['not-timestamping']);
  });

  it('is refused when the time lies outside its validity', () => {
    expect(codes({ eku: 'critical', notBefore: new Date(Date.now() - 60 * DAY), notAfter: new Date(Date.now() - 30 * DAY) })).toEqual(['outside-validity']);
    expect(codes({ eku: 'critical', notBefore: new Date(Date.now() + DAY), notAfter: new Date(Date.now() + 30 * DAY) })).toEqual(['outside-validity']);
  });
});
