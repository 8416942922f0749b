import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppService, dispatch, type AppService, type SecretVault } from '../../electron/core/service';
import { configSourceFor } from '../../electron/core/service/config-source';
import { tempDir } from '../fixtures/audit-harness';

// Stands in for Electron's safeStorage (the electron module is the one allowed stand-in): real AES-GCM with a
// key that lives only in this process, like the OS keychain's.
function aesVault(): SecretVault {
  const key = randomBytes(32);
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const services: AppService[] = [];
afterAll(async () => {
  await Promise.all(services.map((s) => s.close()));
});

function open(options: { vault?: SecretVault } = {}) {
  const storeFile = path.join(tempDir('pruefstand-sources-'), 'app.db');
  const service = createAppService({ storeFile, locale: 'de-DE', ...options });
  services.push(service);
  const call = (channel: Parameters<typeof dispatch>[1], args: unknown) => dispatch(service.handlers, channel, args);
  return { service, storeFile, call };
}

const SSH = { host: 'mautic.example.org', port: 22, username: 'audit', auth: 'password', keyPath: null, mauticRoot: '/var/www/html', webUser: 'www-data', hostKeySha256: null };

async function installation(call: ReturnType<typeof open>['call'], extra: Record<string, unknown> = {}) {
  const client = await call('clients:create', { name: 'Kunde' });
  if (!client.ok) throw new Error(client.error.message);
  const created = await call('installations:create', { clientId: (client.value as { id: number }).id, name: 'Mautic', baseUrl: 'https://mautic.example.org/', ...extra });
  if (!created.ok) throw new Error(created.error.message);
  return created.value as { id: number; hasSecret: boolean };
}

describe('an installation’s sources: form pages, config files, SSH', () => {
  it('keeps form pages, the config and crontab paths and the SSH settings, and says what the app can do', async () => {
    const { call } = open();
    const made = await installation(call, { formUrls: ['https://mautic.example.org/form/1', 'https://mautic.example.org/form/1'], configPath: '/tmp/local.php', crontabPath: ' /tmp/crontab ' });
    expect(made).toMatchObject({ formUrls: ['https://mautic.example.org/form/1'], configPath: '/tmp/local.php', crontabPath: '/tmp/crontab', ssh: null, hasSecret: false });
    const updated = await call('installations:update', { id: made.id, patch: { ssh: SSH, configPath: null } });
    expect(updated).toMatchObject({ ok: true, value: { ssh: SSH, configPath: null, crontabPath: '/tmp/crontab' } });
    expect(await call('app:info', null)).toMatchObject({ ok: true, value: { canPickFiles: false, canKeepSecrets: false } });
  });

  it('rejects a bad SSH fingerprint, port or missing host before anything is stored', async () => {
    const { call } = open();
    const made = await installation(call);
    for (const ssh of [{ ...SSH, hostKeySha256: 'MD5:aa:bb' }, { ...SSH, port: 70000 }, { ...SSH, host: ' ' }]) {
      expect(await call('installations:update', { id: made.id, patch: { ssh } })).toMatchObject({ ok: false, error: { code: 'invalid-args' } });
    }
  });

  it('without a keychain keeps no secret and asks for the password at the audit', async () => {
    const { call } = open();
    const made = await installation(call, { ssh: SSH });
    expect(await call('installations:set-secret', { id: made.id, secret: 'pw' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await call('audits:start', { installationId: made.id, lang: 'de' })).toMatchObject({ ok: false, error: { code: 'needs-secret' } });
  });

  it('with a keychain keeps only ciphertext: the password is in no byte of the store', async () => {
    const vault = aesVault();
    const { call, storeFile, service } = open({ vault });
    const made = await installation(call, { ssh: SSH });
    const secret = 'Geheim-Passwort-7f3a91c2';
    expect(await call('installations:set-secret', { id: made.id, secret })).toEqual({ ok: true, value: null });
    const listed = await call('installations:list', { clientId: 1 });
    expect(listed).toMatchObject({ ok: true, value: [{ id: made.id, hasSecret: true }] });
    await service.close();
    for (const file of [storeFile, `${storeFile}-wal`]) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch {
        continue;
      }
      expect(bytes.includes(Buffer.from(secret)), file).toBe(false);
    }
  });

  it('clearing the secret and deleting the installation remove the ciphertext', async () => {
    const { call } = open({ vault: aesVault() });
    const made = await installation(call, { ssh: SSH });
    await call('installations:set-secret', { id: made.id, secret: 'x' });
    expect(await call('installations:clear-secret', { id: made.id })).toEqual({ ok: true, value: null });
    expect(await call('installations:list', { clientId: 1 })).toMatchObject({ ok: true, value: [{ hasSecret: false }] });
    expect(await call('installations:set-secret', { id: 999, secret: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('configSourceFor: what one audit reads', () => {
  const base = { id: 1, clientId: 1, name: 'M', baseUrl: 'https://m/', httpUrl: null, landingPages: [], privacyPolicyUrl: null, formUrls: [], caPem: null, caName: null, notes: '', createdAt: '', hasSecret: false };

  it('is nothing without files or SSH, and the picked files otherwise', () => {
    expect(configSourceFor({ ...base, configPath: null, crontabPath: null, ssh: null }, null)).toBeNull();
    expect(configSourceFor({ ...base, configPath: '/a/local.php', crontabPath: null, ssh: null }, null)).toEqual({ kind: 'files', localPhpPath: '/a/local.php', crontabPath: null });
  });

  it('uses the agent socket, the key file with its passphrase, or the password', () => {
    const dir = tempDir();
    const keyPath = path.join(dir, 'id_ed25519');
    writeFileSync(keyPath, 'KEY');
    const files = { configPath: null, crontabPath: null };
    expect(configSourceFor({ ...base, ...files, ssh: { ...SSH, auth: 'agent' } as never }, null, { SSH_AUTH_SOCK: '/run/agent.sock' })).toMatchObject({ kind: 'ssh', auth: { kind: 'agent', socket: '/run/agent.sock' } });
    expect(() => configSourceFor({ ...base, ...files, ssh: { ...SSH, auth: 'agent' } as never }, null, {}, 'linux')).toThrow(/SSH_AUTH_SOCK/);
    // Windows' OpenSSH agent sets no SSH_AUTH_SOCK: its named pipe is used.
    expect(configSourceFor({ ...base, ...files, ssh: { ...SSH, auth: 'agent' } as never }, null, {}, 'win32')).toMatchObject({ auth: { kind: 'agent', socket: '\\\\.\\pipe\\openssh-ssh-agent' } });
    const key = configSourceFor({ ...base, ...files, ssh: { ...SSH, auth: 'key', keyPath } as never }, 'pass');
    expect(key).toMatchObject({ kind: 'ssh', host: 'mautic.example.org', auth: { kind: 'key', passphrase: 'pass' } });
    expect(() => configSourceFor({ ...base, ...files, ssh: { ...SSH, auth: 'key', keyPath: path.join(dir, 'missing') } as never }, null)).toThrow(/cannot be read/);
    expect(configSourceFor({ ...base, ...files, ssh: SSH as never }, 'pw')).toMatchObject({ auth: { kind: 'password', password: 'pw' } });
  });
});
