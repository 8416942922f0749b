import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../electron/bridge/server';
import { createAppService, type AppService } from '../../electron/core/service';
import type { AuditEventEnvelope } from '../../electron/shared/contract';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const RENDERER_DIR = path.resolve(__dirname, '../../dist/renderer');
const ca = makeCa();
const servers: RunningServer[] = [];
let service: AppService;
let bridge: Bridge;

beforeAll(async () => {
  service = createAppService({ storeFile: path.join(tempDir('pruefstand-bridge-'), 'app.db'), locale: 'de-DE' });
  bridge = await startBridge({ service, rendererDir: RENDERER_DIR });
});
afterAll(async () => {
  await bridge.close();
  await service.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function call(channel: string, args: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${bridge.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token, ...headers },
    body: JSON.stringify(args),
  });
  return { status: res.status, body: res.headers.get('content-type')?.startsWith('application/json') ? await res.json() : await res.text() };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked by the assertions
async function ok<T = any>(channel: string, args: unknown): Promise<T> {
  const { status, body } = await call(channel, args);
  expect(status).toBe(200);
  expect(body, JSON.stringify(body)).toMatchObject({ ok: true });
  return (body as { value: T }).value;
}

/** Collects pushed events from the bridge's event stream until `until` says stop. */
async function collectEvents(until: (e: AuditEventEnvelope) => boolean, start: () => Promise<unknown>): Promise<AuditEventEnvelope[]> {
  const controller = new AbortController();
  const res = await fetch(`${bridge.origin}/api/events`, { headers: { [TOKEN_HEADER]: bridge.token }, signal: controller.signal });
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: AuditEventEnvelope[] = [];
  await start();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const frames = buffer.split('\n\n');
    buffer = frames.pop()!;
    for (const frame of frames) {
      const data = frame.split('\n').find((l) => l.startsWith('data: '));
      if (!data) continue;
      const envelope = JSON.parse(data.slice(6)) as AuditEventEnvelope;
      events.push(envelope);
      if (until(envelope)) {
        controller.abort();
        return events;
      }
    }
  }
  return events;
}

describe('the loopback bridge guards', () => {
  it('listens on 127.0.0.1 only and puts the token in the fragment', () => {
    expect(new URL(bridge.origin).hostname).toBe('127.0.0.1');
    expect(bridge.url).toBe(`${bridge.origin}/index.html#token=${bridge.token}`);
    expect(bridge.token).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses API calls without the token, with a wrong one, or from a foreign origin', async () => {
    const none = await fetch(`${bridge.origin}/api/clients:list`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(403);
    expect((await call('clients:list', {}, { [TOKEN_HEADER]: 'f'.repeat(64) })).status).toBe(403);
    expect((await call('clients:list', {}, { origin: 'http://evil.example' })).status).toBe(403);
    const events = await fetch(`${bridge.origin}/api/events`);
    expect(events.status).toBe(403);
  });

  it('refuses other host names (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(`${bridge.origin}/index.html`, { headers: { host: 'evil.example' } }, (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(res).toBe(421);
  });

  it('serves the built renderer with the strict CSP, and nothing outside it', async () => {
    const page = await fetch(`${bridge.origin}/index.html`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect((await fetch(`${bridge.origin}/..%2fpackage.json`)).status).toBe(404);
    expect((await fetch(`${bridge.origin}/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('validates arguments and names unknown channels', async () => {
    expect((await call('clients:create', { name: '' })).body).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect((await call('clients:create', { name: 'x', extra: 1 })).body).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect((await call('shell:exec', {})).body).toMatchObject({ ok: false, error: { code: 'invalid-args', message: expect.stringMatching(/unknown channel/) } });
    const bad = await fetch(`${bridge.origin}/api/clients:list`, { method: 'POST', headers: { 'content-type': 'application/json', [TOKEN_HEADER]: bridge.token }, body: '{not json' });
    expect(bad.status).toBe(400);
  });
});

describe('the app service over the bridge', () => {
  let installationId: number;
  let clientId: number;

  beforeAll(async () => {
    const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
    const http = await startHttp(redirectHandler(https.port));
    servers.push(https, http);
    clientId = (await ok('clients:create', { name: 'Müller & Söhne GmbH', notes: 'Erstprüfung' })).id;
    const installation = await ok('installations:create', {
      clientId,
      name: 'Produktion',
      baseUrl: https.url,
      httpUrl: http.url,
      landingPages: ['https://lp.example.org/a'],
      privacyPolicyUrl: 'https://example.org/datenschutz',
      caPem: ca.certPem,
      caName: 'intern-ca.pem',
    });
    installationId = installation.id;
  });

  it('creates, lists, updates and deletes clients and installations; deleting a used one is refused', async () => {
    const other = await ok('clients:create', { name: 'Zweitkunde' });
    expect((await ok<{ name: string }[]>('clients:list', {})).map((c) => c.name)).toEqual(['Müller & Söhne GmbH', 'Zweitkunde']);
    expect(await ok('clients:update', { id: other.id, patch: { notes: 'neu' } })).toMatchObject({ notes: 'neu' });
    const inst = await ok('installations:create', { clientId: other.id, name: 'Test', baseUrl: 'https://test.example.org' });
    expect(await ok('installations:update', { id: inst.id, patch: { landingPages: ['https://a.example.org/'] } })).toMatchObject({ landingPages: ['https://a.example.org/'] });
    expect((await call('installations:create', { clientId: other.id, name: 'x', baseUrl: 'http://plain.example.org/' })).body).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    expect(await ok('installations:delete', { id: inst.id })).toBeNull();
    expect(await ok('clients:delete', { id: other.id })).toBeNull();
    expect((await call('clients:update', { id: other.id, patch: { notes: 'x' } })).body).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('runs an audit with progress events, stores it, and shows it in either language with its evidence', async () => {
    let auditId = '';
    const events = await collectEvents(
      (e) => e.auditId === auditId && (e.event.type === 'run-finished' || e.event.type === 'run-failed'),
      async () => {
        auditId = (await ok('audits:start', { installationId, lang: 'de' })).auditId;
      },
    );
    const mine = events.filter((e) => e.auditId === auditId).map((e) => e.event);
    expect(mine[0]).toMatchObject({ type: 'run-started' });
    const finished = mine.filter((e) => e.type === 'check-finished');
    expect(finished.length).toBe((mine[0] as { totalChecks: number }).totalChecks);
    expect(mine.at(-1)).toMatchObject({ type: 'run-finished', state: 'complete' });
    const runId = (mine.at(-1) as { runId: number }).runId;

    const runs = await ok<{ id: number; state: string }[]>('runs:list', { installationId });
    expect(runs[0]).toMatchObject({ id: runId, state: 'complete', headerGrade: 'A+' });

    const de = await ok('runs:get', { runId, lang: 'de' });
    const en = await ok('runs:get', { runId, lang: 'en' });
    expect(de.items).toHaveLength(15);
    const https = (run: typeof de) => run.items.find((i: { itemId: string }) => i.itemId === 'https-only');
    expect(https(de)).toMatchObject({ number: 11, title: 'Kommunikation mit Mautic ausschließlich über HTTPS', gdpr: ['Art. 32'] });
    expect(https(en).title).toBe('All communication with Mautic over HTTPS only');
    const cert = (run: typeof de) => https(run).checks.find((c: { checkId: string }) => c.checkId === 'tls.certificate');
    expect(cert(de).message).toContain('intern-ca.pem');
    expect(cert(de).message).not.toBe(cert(en).message);
    const doubleOptIn = en.items.find((i: { itemId: string }) => i.itemId === 'double-opt-in');
    const manual = doubleOptIn.checks.find((c: { automated: boolean }) => !c.automated);
    expect(manual.manual.length).toBeGreaterThan(20);

    const headersCheck = de.items.find((i: { itemId: string }) => i.itemId === 'security-headers').checks[0];
    const evidence = await ok('evidence:get', { sha256: headersCheck.evidence[0] });
    expect(evidence).toMatchObject({ kind: 'http-exchange', mediaType: 'application/json', truncated: false });
    expect(evidence.json.response.headers).toEqual(expect.arrayContaining([expect.arrayContaining(['Content-Security-Policy'])]));
    const handshake = await ok('evidence:get', { sha256: cert(de).evidence[0] });
    expect(handshake.json.chain[0]).toMatchObject({ subject: expect.stringContaining('CN=localhost'), keyType: 'RSA', keyBits: 2048 });
    expect((await call('evidence:get', { sha256: 'f'.repeat(64) })).body).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await call('installations:delete', { id: installationId })).body).toMatchObject({ ok: false, error: { code: 'in-use' } });
  });

  it('cancels a running audit; the run is kept as cancelled', async () => {
    const hanging = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), () => undefined);
    servers.push(hanging);
    const inst = await ok('installations:create', { clientId, name: 'Hängt', baseUrl: hanging.url, caPem: ca.certPem });
    let auditId = '';
    const events = await collectEvents(
      (e) => e.auditId === auditId && e.event.type === 'run-finished',
      async () => {
        auditId = (await ok('audits:start', { installationId: inst.id, lang: 'en' })).auditId;
        await new Promise((r) => setTimeout(r, 200));
        expect(await ok('audits:cancel', { auditId })).toEqual({ cancelled: true });
      },
    );
    expect(events.at(-1)!.event).toMatchObject({ type: 'run-finished', state: 'cancelled' });
    expect((await ok('runs:list', { installationId: inst.id }))[0]).toMatchObject({ state: 'cancelled' });
    expect(await ok('audits:cancel', { auditId })).toEqual({ cancelled: false });
  });
});

describe('opening the app on a corrupt store', () => {
  it('fails with a clear store error and leaves the file untouched', () => {
    const file = path.join(tempDir(), 'corrupt.db');
    const junk = 'this is not a database, just text that a user saved by mistake'.repeat(100);
    writeFileSync(file, junk);
    expect(() => createAppService({ storeFile: file, locale: 'en' })).toThrow(expect.objectContaining({ name: 'StoreError', code: 'corrupt' }));
    expect(readFileSync(file, 'utf8')).toBe(junk);
  });
});
