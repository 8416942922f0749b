// The browser of the consent visits trusts what the audit trusts: an https landing page signed by the auditor's
// extra CA (--ca) loads; without that CA the same page is an error with the browser's reason, never a pass.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { visitPage } from '../../electron/core/browser/consent-visit';
import { createPlaywrightLauncher } from '../../electron/core/browser/playwright-engine';
import { loadTrackingList } from '../../electron/core/checklist/tracking-load';
import type { ConsentAction } from '../../electron/shared/consent';
import { CHROMIUM } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { startHttps, type RunningServer } from '../fixtures/servers';

const ca = makeCa();
let site: RunningServer;
beforeAll(async () => {
  site = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>Angebot</title><h1>Angebot</h1>');
  });
});
afterAll(() => site.close());

async function visit(extraCaPem?: string) {
  const engine = await createPlaywrightLauncher(CHROMIUM, { extraCaPem })();
  try {
    const kinds: string[] = [];
    const spec = { url: new URL(site.url), action: 'none' as ConsentAction, allowedHosts: new Set(['localhost']), tracking: loadTrackingList(), installationHost: 'localhost', signal: new AbortController().signal };
    const v = await visitPage(engine, spec, { add: (e) => (kinds.push(e.kind), e.kind) });
    return { v, kinds };
  } finally {
    await engine.close();
  }
}

it('loads a page signed by the extra CA', async () => {
  const { v, kinds } = await visit(ca.certPem);
  expect(v.error?.message ?? null).toBeNull();
  expect(v.status).toBe(200);
  expect(kinds).toEqual(['screenshot', 'har', 'browser-visit']);
}, 60_000);

it('ends in a navigation error naming the certificate without it, and still keeps the record', async () => {
  const { v, kinds } = await visit();
  expect(v.error).toMatchObject({ code: 'navigation' });
  expect(v.error!.message).toMatch(/CERT/);
  expect(kinds).toContain('browser-visit');
}, 60_000);

it('refuses the page when the extra CA is another one than signed it', async () => {
  const { v } = await visit(makeCa('Another CA').certPem);
  expect(v.error).toMatchObject({ code: 'navigation' });
  expect(v.error!.message).toMatch(/refused by Prüfstand \(certificate\)/);
}, 60_000);
