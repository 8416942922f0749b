// The app reads an installation's files over SSH: the real app service, a real sshd on 127.0.0.1, a real store.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppService, dispatch, type AppService } from '../../electron/core/service';
import type { AuditEventEnvelope } from '../../electron/shared/contract';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { startHardenedSite, type RunningServer } from '../fixtures/servers';
import { makeKeyPair, startSshd, type RunningSshd } from '../fixtures/sshd';

const dir = tempDir('pruefstand-app-ssh-');
const ca = makeCa();
const key = makeKeyPair(dir, 'client');
const root = path.join(dir, 'mautic');
mkdirSync(path.join(root, 'app', 'config'), { recursive: true });
writeFileSync(path.join(root, 'app', 'config', 'local.php'), `<?php\n$parameters = array('db_driver' => 'pdo_mysql', 'site_url' => 'https://mautic.example.org', 'anonymize_ip' => true);\n`);

let sshd: RunningSshd;
let servers: RunningServer[] = [];
let service: AppService;
let site: { url: string; httpUrl: string };

beforeAll(async () => {
  sshd = await startSshd({ authorizedKeys: [key.publicKey], stubs: { crontab: '#!/bin/sh\nexit 0\n', php: '#!/bin/sh\necho "PHP 8.2.0 (cli)"\n' } });
  const started = await startHardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
  servers = started.servers;
  site = started;
  service = createAppService({ storeFile: path.join(dir, 'app.db'), locale: 'de-DE' });
});
afterAll(async () => {
  await service?.close();
  await Promise.all([...servers.map((s) => s.close()), sshd?.close()]);
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by the assertions
const call = async (channel: Parameters<typeof dispatch>[1], args: unknown): Promise<any> => {
  const r = await dispatch(service.handlers, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
};

function finished(auditId: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const off = service.onEvent((e: AuditEventEnvelope) => {
      if (e.auditId !== auditId) return;
      if (e.event.type === 'run-finished') {
        off();
        resolve(e.event.runId);
      } else if (e.event.type === 'run-failed') {
        off();
        reject(new Error(e.event.message));
      }
    });
  });
}

describe('an installation read over SSH in the app', () => {
  it('decides the config checks from the files read and pins the host key on first use', async () => {
    const client = await call('clients:create', { name: 'Kunde' });
    const ssh = { host: '127.0.0.1', port: sshd.port, username: 'root', auth: 'key', keyPath: key.privateKeyFile, mauticRoot: root, webUser: null, hostKeySha256: null };
    const inst = await call('installations:create', { clientId: client.id, name: 'Mautic', baseUrl: site.url, httpUrl: site.httpUrl, caPem: ca.certPem, ssh });
    const { auditId } = await call('audits:start', { installationId: inst.id, lang: 'en' });
    const runId = await finished(auditId);

    const run = await call('runs:get', { runId, lang: 'en' });
    const checks = new Map(run.items.flatMap((i: { checks: { checkId: string; status: string }[] }) => i.checks).map((c: { checkId: string; status: string }) => [c.checkId, c.status]));
    expect(checks.get('config.site-url-https')).toBe('pass');
    expect(checks.get('config.anonymize-ip')).toBe('pass');
    // An empty crontab: no cleanup job.
    expect(checks.get('retention.cleanup-cron')).toBe('fail');

    const [stored] = await call('installations:list', { clientId: client.id });
    expect(stored.ssh.hostKeySha256).toBe(sshd.hostKey.fingerprint);
  });
});
