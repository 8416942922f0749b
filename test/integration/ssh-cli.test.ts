import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { makeKeyPair, startSshd, type RunningSshd } from '../fixtures/sshd';
import { CLI, runCli } from '../fixtures/cli';

// Runs the built CLI (npm run build first), asynchronously: the target servers live in this process.

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

const cli = (args: string[], env: Record<string, string> = {}) => runCli(args, { SSH_AUTH_SOCK: '', ...env });

/**
 * Runs the CLI on a real pseudo-terminal (util-linux `script`), types `typed` once `prompt` shows up, and returns
 * everything the terminal showed. Typing only after the prompt matters: before raw mode the terminal would echo.
 */
function cliOnTerminal(args: string[], prompt: string, typed: string): Promise<Ran> {
  const command = [process.execPath, CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { env: { ...process.env, LANG: 'C', LC_ALL: '', SSH_AUTH_SOCK: '' }, timeout: 60_000 });
    let screen = '';
    let typedYet = false;
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      screen += c;
      if (!typedYet && screen.includes(prompt)) {
        typedYet = true;
        child.stdin.write(typed + '\r');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: screen, stderr: '' }));
  });
}

const dir = tempDir('pruefstand-ssh-cli-');
const PASSPHRASE = 'tr0ub4dor&3 passphrase';
const key = makeKeyPair(dir, 'client');
const encrypted = makeKeyPair(dir, 'encrypted', PASSPHRASE);
const root = path.join(dir, 'mautic');
const DB_PASSWORD = 'ssh-read-db-password-5d1c';
mkdirSync(path.join(root, 'app', 'config'), { recursive: true });
writeFileSync(
  path.join(root, 'app', 'config', 'local.php'),
  `<?php\n$parameters = array(\n  'db_driver' => 'pdo_mysql',\n  'db_password' => '${DB_PASSWORD}',\n  'site_url' => 'https://mautic.example.org',\n  'anonymize_ip' => true,\n);\n`,
);
writeFileSync(path.join(root, 'app', 'version.txt'), '4.4.13\n');
const CRONTAB = '15 3 * * * php /var/www/html/bin/console mautic:maintenance:cleanup --days-old=30 --no-interaction\n';
const servers: RunningServer[] = [];
let sshd: RunningSshd;
let target: string[];

beforeAll(async () => {
  const ca = makeCa();
  writeFileSync(path.join(dir, 'ca.pem'), ca.certPem);
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  sshd = await startSshd({ authorizedKeys: [key.publicKey, encrypted.publicKey], stubs: { crontab: `#!/bin/sh\nprintf '%s' '${CRONTAB}'\n`, php: '#!/bin/sh\necho "PHP 8.1.2 (cli)"\n' } });
  target = ['audit', https.url, '--ca', path.join(dir, 'ca.pem'), '--http-url', http.url, '--quiet'];
});
afterAll(async () => {
  await Promise.all([...servers.map((s) => s.close()), sshd?.close()]);
});

const ssh = () => ['--ssh', `root@127.0.0.1:${sshd.port}`, '--mautic-root', root, '--web-user', 'www-data', '--ssh-host-key', sshd.hostKey.fingerprint];
const keyBody = (k: { privateKey: Buffer }) => k.privateKey.toString('utf8').split('\n')[1] ?? 'missing';

describe('pruefstand audit --ssh', () => {
  it('runs the audit with a key and keeps the key out of the output and the store', async () => {
    const db = path.join(dir, 'key.db');
    const r = await cli([...target, ...ssh(), '--ssh-key', key.privateKeyFile, '--db', db, '--json', '-']);
    expect([0, 1], r.stderr).toContain(r.code);
    const doc = JSON.parse(r.stdout);
    expect(doc.target).toEqual({ url: expect.stringMatching(/^https:\/\/localhost:\d+\/$/), mauticVersion: null });
    // The configuration and the crontab were read over SSH and decided the config checks.
    const checks = new Map(doc.items.flatMap((i: { checks: { id: string; status: string }[] }) => i.checks).map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(checks.get('config.site-url-https')).toBe('pass');
    expect(checks.get('config.anonymize-ip')).toBe('pass');
    expect(checks.get('retention.cleanup-cron')).toBe('pass');
    expect(r.stdout + r.stderr).not.toContain(keyBody(key));
    expect(r.stdout + r.stderr).not.toContain(DB_PASSWORD);
    expect(readFileSync(db).includes(keyBody(key))).toBe(false);
    expect(readFileSync(db).includes(DB_PASSWORD)).toBe(false);
  });

  it('without --ssh-host-key names the host key it saw, so the auditor can check and pin it', async () => {
    const unpinned = ssh().slice(0, -2);
    const r = await cli([...target.filter((a) => a !== '--quiet'), ...unpinned, '--ssh-key', key.privateKeyFile, '--db', path.join(dir, 'tofu.db')]);
    expect([0, 1], r.stderr).toContain(r.code);
    expect(r.stdout).toContain(`SSH host key of 127.0.0.1: ${sshd.hostKey.fingerprint}`);
    expect(r.stdout).toContain(`--ssh-host-key ${sshd.hostKey.fingerprint}`);
  });

  it('asks for the passphrase of an encrypted key on the terminal, without echo', async () => {
    const db = path.join(dir, 'passphrase.db');
    const r = await cliOnTerminal([...target, ...ssh(), '--ssh-key', encrypted.privateKeyFile, '--db', db], `Passphrase for ${encrypted.privateKeyFile}: `, PASSPHRASE);
    expect([0, 1], r.stdout).toContain(r.code);
    expect(r.stdout).not.toContain(PASSPHRASE);
    expect(readFileSync(db).includes(PASSPHRASE)).toBe(false);
  });

  it('refuses a wrong passphrase with a usage error', async () => {
    const r = await cliOnTerminal([...target, ...ssh(), '--ssh-key', encrypted.privateKeyFile, '--db', path.join(dir, 'wrong.db')], 'Passphrase for', 'not the passphrase');
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`wrong passphrase for ${encrypted.privateKeyFile}`);
    expect(r.stdout).not.toContain('not the passphrase');
  });

  it('asks for the password on the terminal only', async () => {
    const r = await cliOnTerminal([...target, '--ssh', `root@127.0.0.1:${sshd.port}`, '--ssh-password', '--db', path.join(dir, 'pw.db'), '--lang', 'de'], `SSH-Passwort für root@127.0.0.1: `, 'typed-password');
    expect([0, 1, 3], r.stdout).toContain(r.code);
    expect(r.stdout).not.toContain('typed-password');
  });

  it.each([
    [['--ssh', 'root@host', '--ssh-password'], /the password for root@host can only be asked for on a terminal/],
    [['--ssh', 'root@host', '--ssh-password=secret'], /'--ssh-password' does not take an argument/],
    [['--ssh', 'root@host', '--ssh-key', 'ENCRYPTED'], /is encrypted: its passphrase can only be asked for on a terminal/],
    [['--ssh', 'root@host', '--ssh-key', '/nonexistent/id_ed25519'], /SSH key \/nonexistent\/id_ed25519: ENOENT/],
    [['--ssh', 'root@host', '--ssh-key', 'PUBLIC'], /is not a usable private SSH key/],
    [['--ssh', 'root@host'], /how to log in\? Give --ssh-key FILE or --ssh-password/],
    [['--ssh', 'root@host', '--ssh-key', 'KEY', '--ssh-password'], /--ssh-key and --ssh-password cannot be combined/],
    [['--ssh', 'root@host', '--config', 'local.php'], /--ssh cannot be combined with --config\/--crontab/],
    [['--ssh', 'host-without-user'], /--ssh takes USER@HOST\[:PORT\], not "host-without-user"/],
    [['--ssh', 'root@host:99999'], /--ssh takes USER@HOST/],
    [['--web-user', 'www-data'], /--web-user only works together with --ssh/],
    [['--ssh', 'root@host', '--web-user=-r'], /--web-user takes a user name/],
    [['--ssh', 'root@host', '--mautic-root', 'var/www'], /--mautic-root takes an absolute path/],
    [['--ssh', 'root@host', '--ssh-host-key', 'MD5:aa:bb'], /--ssh-host-key takes a SHA256 fingerprint/],
  ])('usage error for %j: exit 2', async (flags, message) => {
    const files: Record<string, string> = { ENCRYPTED: encrypted.privateKeyFile, PUBLIC: `${key.privateKeyFile}.pub`, KEY: key.privateKeyFile };
    const r = await cli(['audit', 'https://example.org/', ...flags.map((f) => files[f] ?? f)]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('says it in German too', async () => {
    const r = await cli(['audit', 'https://example.org/', '--ssh', 'root@host', '--crontab', 'cron.txt', '--lang', 'de']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--ssh und --config/--crontab schließen sich aus');
  });
});
