// Trusted time stamps on evidence packs, end to end: the built CLI asks a local TSA (`openssl ts -reply` on
// 127.0.0.1) for a token over manifest.json, puts it in the pack, and `verify` checks it offline — cross-checked
// with `openssl ts -verify`. A TSA that fails in any way leaves no pack behind.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../electron/core/reports/verify-pack';
import { auditTarget, tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { makeTsaPki, opensslVerify, startTsa, type RunningTsa, type TsaBehaviour, type TsaPki } from '../fixtures/tsa';
import { readZip, writeZip, type ZipEntries } from '../fixtures/zip';

const dir = tempDir('pruefstand-tsa-pack-');
const ca = makeCa();
const servers: RunningServer[] = [];
const tsas = new Map<TsaBehaviour, RunningTsa>();
let rsa: TsaPki;
let ec: TsaPki;
let other: TsaPki;
let ecTsa: RunningTsa;
let db: string;
let runId: number;
let target: { url: string; httpUrl: string };
let caFile: string;
let packFile: string;
let entries: ZipEntries;
let n = 0;

const out = (name: string) => path.join(dir, name);
const get = (e: ZipEntries, name: string) => e.find(([x]) => x === name)![1];
const replace = (e: ZipEntries, name: string, content: Buffer): ZipEntries => e.map(([x, b]) => [x, x === name ? content : b]);
const tampered = (e: ZipEntries) => writeZip(e, out(`tampered-${++n}.zip`));
const pack = (file: string, tsa: string | null, ...more: string[]) => runCli(['pack', String(runId), '--db', db, '--out', file, ...(tsa ? ['--tsa', tsa] : []), ...more]);
const leftovers = () => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  target = { url: https.url, httpUrl: http.url };
  caFile = out('site-ca.pem');
  writeFileSync(caFile, ca.certPem);
  const audited = await auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
  ({ dbFile: db } = audited);
  runId = audited.result.runId;
  audited.store.close();
  [rsa, ec, other] = await Promise.all([
    makeTsaPki({ key: 'rsa', essCertIdAlg: 'sha256', signerDigest: 'sha256' }),
    makeTsaPki({ key: 'ec', essCertIdAlg: 'sha1', signerDigest: 'sha384' }),
    makeTsaPki({ key: 'rsa', essCertIdAlg: 'sha256', signerDigest: 'sha256', caName: 'Another TSA CA' }),
  ]);
  for (const b of ['openssl', 'reject', 'http-500', 'garbage', 'hang'] as const) tsas.set(b, await startTsa(rsa, b));
  ecTsa = await startTsa(ec, 'openssl');
  packFile = out('pack.zip');
  const r = await pack(packFile, tsas.get('openssl')!.url);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  entries = await readZip(packFile);
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers, ...tsas.values(), ecTsa].map((s) => s?.close()));
});

describe('pruefstand pack --tsa URL', () => {
  it('puts the token after manifest.sig and says when and by whom', async () => {
    expect(entries.map(([name]) => name).slice(-3)).toEqual(['manifest.json', 'manifest.sig', 'manifest.tsr']);
    const r = await pack(out('again.zip'), tsas.get('openssl')!.url);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`written: ${out('again.zip')}`);
    expect(r.stdout).toMatch(/^Timestamp: \d{4}-\d\d-\d\dT[\d:.]+Z from CN=Prüfstand Test TSA \(rsa\), O=Prüfstand Test \(serial 0x[0-9A-F]+\)$/m);
  });

  it('writes a token that openssl ts -verify accepts over manifest.json, trusting the TSA CA (and no other)', async () => {
    writeFileSync(out('manifest.json'), get(entries, 'manifest.json'));
    writeFileSync(out('manifest.tsr'), get(entries, 'manifest.tsr'));
    const good = await opensslVerify(out('manifest.tsr'), out('manifest.json'), rsa.caFile);
    expect(good.output).toContain('Verification: OK');
    expect((await opensslVerify(out('manifest.tsr'), out('manifest.json'), other.caFile)).ok).toBe(false);
    writeFileSync(out('other.json'), Buffer.concat([get(entries, 'manifest.json'), Buffer.from(' ')]));
    expect((await opensslVerify(out('manifest.tsr'), out('other.json'), rsa.caFile)).ok).toBe(false);
  });

  it('works as report <run> --pack FILE --tsa URL, and with an ECDSA TSA that names its certificate by ESSCertID (SHA-1)', async () => {
    const viaReport = await runCli(['report', String(runId), '--db', db, '--pack', out('report.zip'), '--tsa', tsas.get('openssl')!.url]);
    expect(viaReport.code).toBe(0);
    expect(viaReport.stdout).toContain('Timestamp: ');
    const viaEc = await pack(out('ec.zip'), ecTsa.url);
    expect(viaEc.stdout).toContain('from CN=Prüfstand Test TSA (ec)');
    const verified = await runCli(['verify', out('ec.zip'), '--tsa-cert', ec.caFile]);
    expect(verified.stdout).toContain('TSA as expected (--tsa-cert).');
    expect(verified.code).toBe(0);
    const ecEntries = await readZip(out('ec.zip'));
    writeFileSync(out('ec.tsr'), get(ecEntries, 'manifest.tsr'));
    writeFileSync(out('ec.json'), get(ecEntries, 'manifest.json'));
    expect((await opensslVerify(out('ec.tsr'), out('ec.json'), ec.caFile)).ok).toBe(true);
  });
});

describe('pruefstand verify with a time stamp', () => {
  it('prints the time, the TSA and its certificate; trusts it with --tsa-cert (the CA or the TSA certificate)', async () => {
    const plain = await runCli(['verify', packFile]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/^Timestamp: .+ from CN=Prüfstand Test TSA \(rsa\), O=Prüfstand Test \(serial 0x/m);
    expect(plain.stdout).toMatch(/^TSA certificate \(SHA-256\): ([0-9A-F]{2}:){31}[0-9A-F]{2}$/m);
    expect(plain.stdout).toContain('--tsa-cert');
    for (const cert of [rsa.caFile, rsa.tsaCertFile]) {
      const r = await runCli(['verify', packFile, '--tsa-cert', cert]);
      expect(r.stdout).toContain('TSA as expected (--tsa-cert).');
      expect(r.code).toBe(0);
    }
    const de = await runCli(['verify', packFile, '--tsa-cert', rsa.caFile], { LANG: 'de_DE.UTF-8' });
    expect(de.stdout).toMatch(/^Zeitstempel: .+ von CN=Prüfstand Test TSA \(rsa\), O=Prüfstand Test \(Seriennummer 0x/m);
  });

  it('fails with another CA or another TSA certificate as --tsa-cert', async () => {
    for (const cert of [other.caFile, other.tsaCertFile, caFile]) {
      const r = await runCli(['verify', packFile, '--tsa-cert', cert]);
      expect(r.stdout).toContain('manifest.tsr: NOT TRUSTED – the token is neither from the given TSA certificate nor from one it issued');
      expect(r.stdout).toContain('Pack NOT intact: 1 problem(s).');
      expect(r.code).toBe(1);
    }
  });

  it('refuses a --tsa-cert file that holds no certificate (usage error)', async () => {
    writeFileSync(out('not-a-cert.pem'), 'hello\n');
    const r = await runCli(['verify', packFile, '--tsa-cert', out('not-a-cert.pem')]);
    expect(r.stderr).toContain('TSA certificate');
    expect(r.code).toBe(2);
  });

  it('a changed manifest no longer matches its token', async () => {
    const manifest = get(entries, 'manifest.json').toString('utf8').replace('"state": "complete"', '"state": "finished"');
    const r = await runCli(['verify', await tampered(replace(entries, 'manifest.json', Buffer.from(manifest)))]);
    expect(r.stdout).toContain('manifest.tsr: CHANGED – the token is for another manifest');
    expect(r.code).toBe(1);
  });

  it('a token taken from another pack of the same run does not fit this manifest, though the signature does', async () => {
    const second = await readZip(out('again.zip'));
    const file = await tampered(replace(entries, 'manifest.tsr', get(second, 'manifest.tsr')));
    const report = await verifyPack(file);
    expect(report.signatureValid).toBe(true);
    expect(report.problems).toEqual([]);
    expect(report.timestamp?.problems).toEqual([{ code: 'imprint-mismatch' }]);
    expect(report.ok).toBe(false);
    expect((await runCli(['verify', file])).code).toBe(1);
  });

  it('names each change of the token bytes', async () => {
    const token = get(entries, 'manifest.tsr');
    const time = /\d{14}Z/.exec(token.toString('latin1'))!;
    const later = Buffer.from(token);
    later[time.index + 13] = later[time.index + 13] === 0x39 ? 0x38 : later[time.index + 13]! + 1;
    const badSignature = Buffer.from(token);
    badSignature[badSignature.length - 1]! ^= 0x01;
    const cases: [Buffer, string][] = [
      [later, 'content-digest-mismatch'],
      [badSignature, 'signature-invalid'],
      [token.subarray(0, token.length - 10), 'unreadable'],
      [Buffer.from('<html>not a token</html>'), 'unreadable'],
      [Buffer.alloc(0), 'unreadable'],
    ];
    for (const [bytes, code] of cases) {
      const report = await verifyPack(await tampered(replace(entries, 'manifest.tsr', bytes)));
      expect(report.timestamp?.problems.map((p) => p.code)).toContain(code);
      expect(report.ok).toBe(false);
    }
    const r = await runCli(['verify', await tampered(replace(entries, 'manifest.tsr', badSignature))]);
    expect(r.stdout).toContain("manifest.tsr: CHANGED – the token's signature is invalid");
    expect(r.code).toBe(1);
  });

  it('a pack without a token verifies as before; with --tsa-cert its missing token is a problem', async () => {
    expect((await pack(out('plain.zip'), null)).code).toBe(0);
    expect((await readZip(out('plain.zip'))).map(([name]) => name)).not.toContain('manifest.tsr');
    const plain = await runCli(['verify', out('plain.zip')]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).not.toContain('Timestamp');
    const asked = await runCli(['verify', out('plain.zip'), '--tsa-cert', rsa.caFile]);
    expect(asked.stdout).toContain('manifest.tsr: REMOVED – no time stamp in the pack, though --tsa-cert asks for one');
    expect(asked.code).toBe(1);
  });
});

describe('a TSA that fails: no pack is written, exit 2', () => {
  it.each([
    ['http-500', 'it answered HTTP 500'],
    ['garbage', 'the answer is no RFC 3161 time-stamp response'],
    ['reject', 'it refused the request: rejection (badAlg) – "Message digest algorithm is not supported."'],
    ['hang', 'no complete answer in time'],
  ] as const)('%s', async (behaviour, message) => {
    const file = out(`failed-${behaviour}.zip`);
    const r = await pack(file, tsas.get(behaviour)!.url, '--timeout-ms', '500');
    expect(r.stderr).toContain(`Evidence pack NOT written (${file}): no time stamp from ${tsas.get(behaviour)!.url}: ${message}`);
    expect(r.code, r.stderr + r.stdout).toBe(2);
    expect(existsSync(file)).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('unreachable, and never shows a password in the URL', async () => {
    const closed = await startTsa(rsa, 'openssl');
    await closed.close();
    const file = out('failed-unreachable.zip');
    const r = await pack(file, closed.url.replace('http://', 'http://auditor:s3cr3t-pw@'));
    expect(r.stderr).toContain('the time-stamping authority is unreachable (ECONNREFUSED');
    expect(r.stderr).not.toContain('s3cr3t-pw');
    expect(r.code).toBe(2);
    expect(existsSync(file)).toBe(false);
  });

  it('audit --pack --tsa: the run is stored and the PDF written, the pack is not', async () => {
    const [pdf, zip] = [out('audit.pdf'), out('audit.zip')];
    const r = await runCli(['audit', target.url, '--http-url', target.httpUrl, '--ca', caFile, '--db', out('audit.db'), '--quiet', '--pdf', pdf, '--pack', zip, '--tsa', tsas.get('http-500')!.url]);
    expect(r.stderr).toContain(`Evidence pack NOT written (${zip})`);
    expect(r.stderr).toMatch(/The run is stored; write the pack later: pruefstand pack \d+ --out FILE --tsa URL/);
    expect(r.code).toBe(2);
    expect(existsSync(pdf)).toBe(true);
    expect(existsSync(zip)).toBe(false);
  });

  it('audit --pack --tsa with a working TSA writes the pack with its token', async () => {
    const zip = out('audit-good.zip');
    const r = await runCli(['audit', target.url, '--http-url', target.httpUrl, '--ca', caFile, '--db', out('audit-good.db'), '--pack', zip, '--tsa', tsas.get('openssl')!.url]);
    expect(r.stdout).toContain('Timestamp: ');
    expect([0, 1, 3]).toContain(r.code);
    expect((await runCli(['verify', zip, '--tsa-cert', rsa.caFile])).code).toBe(0);
  });

  it('usage errors: --tsa without a pack, or not an http(s) URL', async () => {
    for (const args of [
      ['report', String(runId), '--db', db, '--pdf', out('x.pdf'), '--tsa', tsas.get('openssl')!.url],
      ['audit', target.url, '--tsa', tsas.get('openssl')!.url],
      ['pack', String(runId), '--db', db, '--out', out('x.zip'), '--tsa', 'ftp://tsa.example/'],
      ['pack', String(runId), '--db', db],
    ]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--tsa|--out FILE/);
    }
  });
});
