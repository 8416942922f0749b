import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SshSource } from '../../electron/core/probes/config-source';
import { readInstallationOverSsh, type InstallationFiles, type ReadResult } from '../../electron/core/ssh/read-installation';
import { tempDir } from '../fixtures/audit-harness';
import { freePort } from '../fixtures/ports';
import { makeKeyPair, startAgent, startSilentServer, startSshd, type RunningSshd } from '../fixtures/sshd';

const dir = tempDir('pruefstand-ssh-');
const client = makeKeyPair(dir, 'client');
const PASSPHRASE = 'correct horse battery staple';
const encrypted = makeKeyPair(dir, 'encrypted', PASSPHRASE);
const agentKey = makeKeyPair(dir, 'agent');
const stranger = makeKeyPair(dir, 'stranger');
const DB_PASSWORD = 's3cret-db-pass';
const LOCAL_PHP = `<?php\n$parameters = array(\n  'db_password' => '${DB_PASSWORD}',\n  'site_url' => 'https://m.example.org',\n);\n`;

// Stand-ins for the system's crontab and php (either may be missing on a test machine).
const STUBS = {
  crontab: `#!/bin/sh
if [ "$1" = -u ] && [ "$2" = www-data ] && [ "$3" = -l ]; then
  echo '*/15 * * * * php /var/www/html/bin/console mautic:segments:update'
  echo '0 3 * * * php /var/www/html/bin/console mautic:maintenance:cleanup --days-old=365 --gdpr'
  exit 0
fi
if [ "$1" = -u ]; then echo 'must be privileged to use -u' >&2; exit 1; fi
echo "no crontab for $(id -un)" >&2
exit 1
`,
  php: `#!/bin/sh
echo 'PHP 8.1.2-1ubuntu2.14 (cli) (built: Aug 18 2023 11:41:11) (NTS)'
echo 'Copyright (c) The PHP Group'
`,
};

function tree(name: string, files: Record<string, string | Buffer>): string {
  const root = path.join(dir, name);
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  mkdirSync(root, { recursive: true });
  return root;
}

const mautic5 = tree('mautic5', { 'config/local.php': LOCAL_PHP, 'app/release_metadata.json': JSON.stringify({ version: '5.1.0', stability: 'stable', minimum_php_version: '8.0.0' }) });
const mautic2 = tree('mautic2', { 'app/config/local.php': LOCAL_PHP, 'app/version.txt': '2.16.3\n' });
const empty = tree('empty', {});
const huge = tree('huge', { 'config/local.php': Buffer.alloc(2 * 1024 * 1024 + 1, 'x') });
// A root a careless command line would run: quotes, spaces, $(…) and backticks must all stay literal.
const tricky = tree(`it's a $(touch ${dir}/pwned) \`touch ${dir}/pwned2\` dir`, { 'config/local.php': LOCAL_PHP });

let sshd: RunningSshd;
let slow: RunningSshd;

beforeAll(async () => {
  sshd = await startSshd({ authorizedKeys: [client.publicKey, encrypted.publicKey, agentKey.publicKey], stubs: STUBS });
  slow = await startSshd({ authorizedKeys: [client.publicKey], stubs: { ...STUBS, php: '#!/bin/sh\nexec sleep 15\n' } });
});
afterAll(async () => {
  await Promise.all([sshd?.close(), slow?.close()]);
});

const source = (over: Partial<SshSource> = {}): SshSource => ({
  kind: 'ssh',
  host: '127.0.0.1',
  port: sshd.port,
  username: 'root',
  auth: { kind: 'key', privateKey: client.privateKey },
  mauticRoot: mautic5,
  webUser: 'www-data',
  hostKeySha256: null,
  ...over,
});

const read = (over: Partial<SshSource> = {}, signal = new AbortController().signal) => readInstallationOverSsh(source(over), signal);

function files(r: ReadResult): InstallationFiles {
  if (!r.ok) throw new Error(`expected a successful read, got ${r.error.code}: ${r.error.message}`);
  return r.files;
}

function failure(r: ReadResult) {
  if (r.ok) throw new Error('expected the read to fail');
  return r.error;
}

const q = (p: string) => `'${p.replace(/'/g, `'\\''`)}'`;

describe('readInstallationOverSsh against a real sshd', () => {
  it('reads a 5.x installation with a key and runs exactly the read-only commands', async () => {
    const before = sshd.executed().length;
    const f = files(await read());
    expect(f.localPhp).toEqual({ path: `${mautic5}/config/local.php`, content: Buffer.from(LOCAL_PHP) });
    expect(f.mauticVersion).toBe('5.1.0');
    expect(f.crontab).toContain('mautic:maintenance:cleanup --days-old=365 --gdpr');
    expect(f.phpVersion).toBe('PHP 8.1.2-1ubuntu2.14 (cli) (built: Aug 18 2023 11:41:11) (NTS)');
    expect(f.hostKeySha256).toBe(sshd.hostKey.fingerprint);
    const expected = [
      `env LC_ALL=C cat -- ${q(`${mautic5}/config/local.php`)}`,
      `env LC_ALL=C cat -- ${q(`${mautic5}/app/release_metadata.json`)}`,
      `env LC_ALL=C crontab -u 'www-data' -l`,
      'env LC_ALL=C php -v',
    ];
    expect(f.commands.map((c) => c.command)).toEqual(expected);
    expect(f.commands.map((c) => c.exitCode)).toEqual([0, 0, 0, 0]);
    expect(f.commands[0]?.stdout).toBe(`<${Buffer.byteLength(LOCAL_PHP)} bytes read>`);
    expect(JSON.stringify(f.commands)).not.toContain(DB_PASSWORD);
    expect(sshd.executed().slice(before)).toEqual(expected);
  });

  it('finds a 2.x layout (app/config/local.php, app/version.txt) and falls back to the login user’s crontab', async () => {
    const f = files(await read({ mauticRoot: mautic2, webUser: 'nobody' }));
    expect(f.localPhp?.path).toBe(`${mautic2}/app/config/local.php`);
    expect(f.localPhp?.content.toString()).toBe(LOCAL_PHP);
    expect(f.mauticVersion).toBe('2.16.3');
    expect(f.crontab).toBe('');
    expect(f.commands.map((c) => [c.command, c.exitCode])).toEqual([
      [`env LC_ALL=C cat -- ${q(`${mautic2}/config/local.php`)}`, 1],
      [`env LC_ALL=C cat -- ${q(`${mautic2}/app/config/local.php`)}`, 0],
      [`env LC_ALL=C cat -- ${q(`${mautic2}/app/release_metadata.json`)}`, 1],
      [`env LC_ALL=C cat -- ${q(`${mautic2}/app/version.txt`)}`, 0],
      [`env LC_ALL=C crontab -u 'nobody' -l`, 1],
      ['env LC_ALL=C crontab -l', 1],
      ['env LC_ALL=C php -v', 0],
    ]);
    expect(f.commands[0]?.stderr).toMatch(/No such file or directory/);
    expect(f.commands[4]?.stderr).toMatch(/must be privileged/);
  });

  it('looks in the usual places when no root is given, and a missing installation is no failure', async () => {
    const f = files(await read({ mauticRoot: null, webUser: null }));
    const configs = f.commands.slice(0, 6).map((c) => c.command);
    expect(configs).toEqual(
      ['/var/www/html', '/var/www/mautic', '/var/www/html/mautic'].flatMap((r) => [`env LC_ALL=C cat -- '${r}/config/local.php'`, `env LC_ALL=C cat -- '${r}/app/config/local.php'`]),
    );
    expect(f.localPhp).toBeNull();
    expect(f.commands.every((c) => /^env LC_ALL=C (cat -- '\/var\/www\/[^']+'|crontab -l|php -v)$/.test(c.command))).toBe(true);
    const g = files(await read({ mauticRoot: empty }));
    expect([g.localPhp, g.mauticVersion]).toEqual([null, null]);
  });

  it('keeps quotes, spaces, $(…) and backticks in a path literal', async () => {
    const f = files(await read({ mauticRoot: tricky }));
    expect(f.localPhp?.content.toString()).toBe(LOCAL_PHP);
    expect(readdirSync(dir).filter((n) => n.startsWith('pwned'))).toEqual([]);
  });

  it('caps what it reads and says so', async () => {
    const f = files(await read({ mauticRoot: huge }));
    expect(f.localPhp?.content.length).toBe(1024 * 1024);
    expect(f.localPhp?.truncated).toBe(true);
    expect(f.commands[0]).toEqual(expect.objectContaining({ stdout: '<1048576 bytes read, truncated>', truncated: true, exitCode: null }));
    const small = files(await readInstallationOverSsh(source(), new AbortController().signal, { maxStdoutBytes: 10 }));
    expect(small.crontab).toBe('*/15 * * *');
    expect(small.commands.find((c) => c.command.includes('crontab -u'))).toEqual(expect.objectContaining({ stdout: '*/15 * * *', truncated: true }));
  });

  it('stops a command that hangs and still reports the rest', async () => {
    const r = await readInstallationOverSsh(source({ port: slow.port }), new AbortController().signal, { commandTimeoutMs: 3000 });
    const f = files(r);
    expect(f.phpVersion).toBeNull();
    expect(f.commands.at(-1)).toEqual(expect.objectContaining({ command: 'env LC_ALL=C php -v', exitCode: null, timedOut: true }));
    expect(f.mauticVersion).toBe('5.1.0');
  });
});

it('stops at once when aborted while a command runs', async () => {
  const controller = new AbortController();
  const before = slow.executed().length;
  const pending = readInstallationOverSsh(source({ port: slow.port }), controller.signal, { commandTimeoutMs: 60_000 });
  while (!slow.executed().slice(before).includes('env LC_ALL=C php -v')) await new Promise((r) => setTimeout(r, 20));
  controller.abort();
  expect(failure(await pending)).toEqual({ code: 'aborted', message: 'the SSH session was cancelled' });
});

describe('authentication and host keys', () => {
  it('logs in with a key held by a real ssh-agent', async () => {
    const agent = await startAgent(dir, [agentKey.privateKeyFile]);
    try {
      const f = files(await read({ auth: { kind: 'agent', socket: agent.socket } }));
      expect(f.localPhp?.content.toString()).toBe(LOCAL_PHP);
    } finally {
      await agent.close();
    }
  });

  it('says so when the agent cannot be reached', async () => {
    const error = failure(await read({ auth: { kind: 'agent', socket: path.join(dir, 'no-agent.sock') } }));
    expect(error.code).toBe('auth');
    expect(error.message).toMatch(/SSH agent for user "root": the agent at .*no-agent\.sock could not be used \(Failed to connect/);
  });

  it('logs in with an encrypted key and its passphrase; a wrong or missing passphrase is an auth error without the secret', async () => {
    const f = files(await read({ auth: { kind: 'key', privateKey: encrypted.privateKey, passphrase: PASSPHRASE } }));
    expect(f.mauticVersion).toBe('5.1.0');
    const wrong = failure(await read({ auth: { kind: 'key', privateKey: encrypted.privateKey, passphrase: 'not it' } }));
    expect(wrong.code).toBe('auth');
    expect(wrong.message).toMatch(/private key cannot be used.*passphrase/);
    expect(wrong.message).not.toContain('not it');
    expect(failure(await read({ auth: { kind: 'key', privateKey: encrypted.privateKey } })).code).toBe('auth');
  });

  it('refuses a key the server does not know, and a password root may not use, without echoing it', async () => {
    const key = failure(await read({ auth: { kind: 'key', privateKey: stranger.privateKey } }));
    expect(key).toEqual({ code: 'auth', message: `the SSH server at 127.0.0.1:${sshd.port} did not accept the private key for user "root"` });
    const password = failure(await read({ auth: { kind: 'password', password: 'hunter2-secret' } }));
    expect(password.code).toBe('auth');
    expect(password.message).toContain('password');
    expect(password.message).not.toContain('hunter2-secret');
  });

  it('accepts the pinned host key and refuses another before any login', async () => {
    expect(files(await read({ hostKeySha256: sshd.hostKey.fingerprint })).hostKeySha256).toBe(sshd.hostKey.fingerprint);
    const [logStart, before] = [sshd.log().length, sshd.executed().length];
    const wrong = failure(await read({ hostKeySha256: stranger.fingerprint }));
    expect(wrong.code).toBe('auth');
    expect(wrong.message).toContain(sshd.hostKey.fingerprint);
    expect(wrong.message).toContain(stranger.fingerprint);
    expect(sshd.log().slice(logStart)).not.toMatch(/Accepted|Failed|Postponed|publickey/);
    expect(sshd.executed().length).toBe(before);
  });
});

describe('network failures', () => {
  it('reports refused when nothing listens', async () => {
    const port = await freePort();
    expect(failure(await read({ port })).code).toBe('refused');
  });

  it('gives up on a server that accepts TCP and never speaks (timeout), and on the overall deadline', async () => {
    const silent = await startSilentServer();
    try {
      const r = await readInstallationOverSsh(source({ port: silent.port }), new AbortController().signal, { readyTimeoutMs: 500 });
      expect(failure(r).code).toBe('timeout');
      const d = await readInstallationOverSsh(source({ port: silent.port }), new AbortController().signal, { readyTimeoutMs: 60_000, deadlineMs: 500 });
      expect(failure(d)).toEqual({ code: 'timeout', message: expect.stringContaining('did not finish within 500 ms') });
    } finally {
      await silent.close();
    }
  });

  it('stops when aborted, before or while connecting', async () => {
    const silent = await startSilentServer();
    try {
      const before = new AbortController();
      before.abort();
      expect(failure(await read({ port: silent.port }, before.signal)).code).toBe('aborted');
      expect(silent.connections()).toBe(0);
      const during = new AbortController();
      const pending = readInstallationOverSsh(source({ port: silent.port }), during.signal, { readyTimeoutMs: 60_000 });
      while (silent.connections() === 0) await new Promise((r) => setTimeout(r, 10));
      during.abort();
      expect(failure(await pending).code).toBe('aborted');
    } finally {
      await silent.close();
    }
  });
});

it('never left a trace of the tricky path outside the temp folder', () => {
  expect(existsSync(path.join(dir, 'pwned'))).toBe(false);
});
