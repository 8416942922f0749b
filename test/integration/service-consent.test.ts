// The app's service hands every audit it starts the consent setup: the browser main (or the bridge) gave it,
// else the reason there is none. The launcher here is a function of the test that records its calls and
// then declines (no browser is started); the service, the audit, the probe and the store are real.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserUnavailableError, type BrowserEngine } from '../../electron/core/browser/types';
import { CHECKS } from '../../electron/core/checks';
import { createAppService, dispatch, type AppService, type ConsentBrowser } from '../../electron/core/service';
import type { CheckResult } from '../../electron/shared/domain';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

// The consent checks (item 8, consent.*) are what plan the consent-visits probe; until they are registered no
// audit opens a browser, so there is nothing to observe yet.
const CONSENT_CHECK_IDS = CHECKS.filter((c) => (c.probes as readonly string[]).includes('consent-visits')).map((c) => c.id);

const ca = makeCa();
const servers: RunningServer[] = [];
let target: { url: string; httpUrl: string };

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  target = { url: https.url, httpUrl: http.url };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function value<T>(result: unknown): T {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return (result as { value: T }).value;
}

async function newInstallation(service: AppService, landingPages: string[]): Promise<number> {
  const client = value<{ id: number }>(await dispatch(service.handlers, 'clients:create', { name: 'Kunde' }));
  return value<{ id: number }>(await dispatch(service.handlers, 'installations:create', { clientId: client.id, name: 'Prod', baseUrl: target.url, httpUrl: target.httpUrl, caPem: ca.certPem, landingPages })).id;
}

/** Runs an audit through the service as the app does and returns its consent verdicts. */
async function auditChecks(service: AppService, installationId: number): Promise<CheckResult[]> {
  let auditId = '';
  const finished = new Promise<number>((resolve) => {
    const stop = service.onEvent((e) => {
      if (e.auditId === auditId && e.event.type === 'run-finished') {
        stop();
        resolve(e.event.runId);
      }
    });
  });
  auditId = value<{ auditId: string }>(await dispatch(service.handlers, 'audits:start', { installationId, lang: 'en' })).auditId;
  const runId = await finished;
  const run = value<{ items: { checks: CheckResult[] }[] }>(await dispatch(service.handlers, 'runs:get', { runId, lang: 'en' }));
  return run.items.flatMap((i) => i.checks).filter((c) => CONSENT_CHECK_IDS.includes(c.checkId));
}

describe.skipIf(CONSENT_CHECK_IDS.length === 0)('service: audits get the consent setup', () => {
  it('an audit with landing pages launches the browser the service was given, once, and records why it declined', async () => {
    const launches: string[] = [];
    const consentBrowser: ConsentBrowser = {
      launch: async (): Promise<BrowserEngine> => {
        launches.push(new Date().toISOString());
        throw new BrowserUnavailableError('the recording launcher of the test declines');
      },
      unavailable: null,
    };
    const service = createAppService({ storeFile: path.join(tempDir(), 'app.db'), locale: 'en-GB', consentBrowser });
    try {
      const installationId = await newInstallation(service, [`${target.url}landing`]);
      const checks = await auditChecks(service, installationId);
      expect(launches).toHaveLength(1);
      expect(checks.length).toBe(CONSENT_CHECK_IDS.length);
      for (const c of checks) {
        expect(c.status).toBe('error');
        expect(JSON.stringify(c)).toContain('the recording launcher of the test declines');
      }

      // Without landing pages there is nothing to visit: no browser, and no error.
      value(await dispatch(service.handlers, 'installations:update', { id: installationId, patch: { landingPages: [] } }));
      const none = await auditChecks(service, installationId);
      expect(none.length).toBe(CONSENT_CHECK_IDS.length);
      expect(launches).toHaveLength(1);
      for (const c of none) expect(c.status).not.toBe('error');
    } finally {
      await service.close();
    }
  });

  it('a service given no browser says why in every consent verdict, instead of visiting', async () => {
    const service = createAppService({ storeFile: path.join(tempDir(), 'app.db'), locale: 'de-DE', consentBrowser: { launch: null, unavailable: 'no Chromium on this test machine' } });
    const bare = createAppService({ storeFile: path.join(tempDir(), 'bare.db'), locale: 'en-GB' });
    try {
      const checks = await auditChecks(service, await newInstallation(service, [`${target.url}landing`]));
      const bareChecks = await auditChecks(bare, await newInstallation(bare, [`${target.url}landing`]));
      expect(checks.length).toBe(CONSENT_CHECK_IDS.length);
      expect(bareChecks.length).toBe(CONSENT_CHECK_IDS.length);
      for (const c of checks) {
        expect(c.status).toBe('error');
        expect(JSON.stringify(c)).toContain('no Chromium on this test machine');
      }
      for (const c of bareChecks) {
        expect(c.status).toBe('error');
        expect(JSON.stringify(c)).toContain('no browser for the consent visits');
      }
    } finally {
      await Promise.all([service.close(), bare.close()]);
    }
  });
});
