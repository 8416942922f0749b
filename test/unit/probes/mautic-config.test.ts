import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditTarget } from '../../../electron/core/audit/target';
import { createNetClient } from '../../../electron/core/net/client';
import type { ConfigSource } from '../../../electron/core/probes/config-source';
import { mauticConfigProbe } from '../../../electron/core/probes/mautic-config';
import type { NewEvidence } from '../../../electron/core/probes/types';
import { tempDir } from '../../fixtures/audit-harness';
import { SECRET_CRONTAB, SECRET_LOCAL_PHP, SECRETS } from '../../fixtures/mautic-config-files';

const dir = tempDir('pruefstand-config-probe-');
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

async function probe(config: ConfigSource | null) {
  const stored: NewEvidence[] = [];
  const net = createNetClient({ timeoutMs: 1000, maxRedirects: 0, maxBodyBytes: 1024, userAgent: 'test' }, () => 'unused');
  const result = await mauticConfigProbe.run({
    target: auditTarget({ baseUrl: 'https://mautic.example.org/', config }),
    net,
    evidence: { add: (e) => (stored.push(e), `sha-${stored.length}`) },
    signal: new AbortController().signal,
  });
  return { result, stored };
}

const files = (localPhpPath: string | null, crontabPath: string | null = null): ConfigSource => ({ kind: 'files', localPhpPath, crontabPath });

describe('mauticConfigProbe', () => {
  it('observes nothing without a config source', async () => {
    const { result, stored } = await probe(null);
    expect(result).toEqual({ ok: true, data: { source: 'none', localPhp: null, crontab: null, version: null, sshHostKey: null }, evidence: [] });
    expect(stored).toEqual([]);
  });

  it('keeps only redacted forms: in the evidence and in the observation', async () => {
    const { result, stored } = await probe(files(file('local.php', SECRET_LOCAL_PHP), file('crontab.txt', SECRET_CRONTAB)));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(stored.map((e) => [e.kind, e.mediaType])).toEqual([['config-file', 'text/x-php'], ['config-file', 'application/json'], ['command-output', 'text/plain']]);
    expect(result.evidence).toEqual(['sha-1', 'sha-2', 'sha-3']);
    const everything = JSON.stringify(result) + stored.map((e) => e.summary + e.content.toString('utf8')).join('\n');
    for (const s of SECRETS) expect(everything.includes(s), s).toBe(false);
    expect(result.data.localPhp).toMatchObject({ ok: true, bytes: Buffer.byteLength(SECRET_LOCAL_PHP), ignoredStatements: 1 });
    const json = JSON.parse(stored[1]!.content.toString('utf8'));
    expect(json).toMatchObject({ defaultsFor: '5.1+', versionKnown: false, values: { anonymize_ip: { value: false, from: 'local.php' }, cors_restrict_domains: { value: true, from: 'assumed-default' } } });
    expect(result.data.crontab).toMatchObject({ ok: true, truncated: false });
  });

  it('refuses a 5 MiB file from its size, and a file that is no regular file', async () => {
    const big = file('big.php', Buffer.alloc(5 * 1024 * 1024, 0x20));
    const { result, stored } = await probe(files(big));
    expect(result).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/more than the limit/) } });
    expect(stored).toEqual([]);
    const folder = path.join(dir, 'folder.php');
    mkdirSync(folder);
    expect((await probe(files(folder))).result).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/not a regular file/) } });
    expect((await probe(files('/dev/zero'))).result).toMatchObject({ ok: false, error: { code: 'io' } });
  });

  it('reports a missing or unparseable local.php as a failed probe; with a readable crontab, per file', async () => {
    expect((await probe(files(path.join(dir, 'missing.php')))).result).toMatchObject({ ok: false, error: { code: 'io', message: expect.stringMatching(/ENOENT/) } });
    const html = file('login.html', '<!doctype html><html><body>Login</body></html>');
    expect((await probe(files(html))).result).toMatchObject({ ok: false, error: { code: 'parse' } });
    const { result } = await probe(files(html, file('cron2.txt', '0 3 * * * php bin/console mautic:maintenance:cleanup -n\n')));
    expect(result).toMatchObject({ ok: true, data: { localPhp: { ok: false, error: { code: 'parse' } }, crontab: { ok: true } } });
  });

  it('never puts secrets into an error message', async () => {
    const truncated = file('truncated.php', SECRET_LOCAL_PHP.slice(0, SECRET_LOCAL_PHP.indexOf('S3cr3t-DbPass') + 8));
    const { result } = await probe(files(truncated));
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('S3cr3t');
  });

  it('fails as a probe when SSH cannot connect', async () => {
    const ssh: ConfigSource = { kind: 'ssh', host: '127.0.0.1', port: 1, username: 'audit', auth: { kind: 'password', password: 'S3cr3t-SshPass' }, mauticRoot: null, webUser: null, hostKeySha256: null };
    const { result, stored } = await probe(ssh);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('S3cr3t-SshPass');
    expect(stored).toEqual([]);
  });
});
