import { describe, expect, it } from 'vitest';
import { catCommand, configCandidates, crontabCommand, crontabFromRun, parsePhpVersion, parseVersion, USER_NAME, versionCandidates } from '../../../electron/core/ssh/commands';
import { normalizeFingerprint, sha256Fingerprint } from '../../../electron/core/ssh/host-key';

describe('the read-only commands', () => {
  it('quote every path and user and nothing else', () => {
    expect(catCommand("/srv/it's")).toBe(`env LC_ALL=C cat -- '/srv/it'\\''s'`);
    expect(crontabCommand('www-data')).toBe(`env LC_ALL=C crontab -u 'www-data' -l`);
    expect(crontabCommand(null)).toBe('env LC_ALL=C crontab -l');
  });

  it('look for 5.x config/local.php before 2.x–4.x app/config/local.php, root by root', () => {
    expect(configCandidates('/srv/mautic/').map((c) => c.path)).toEqual(['/srv/mautic/config/local.php', '/srv/mautic/app/config/local.php']);
    expect(configCandidates(null).map((c) => c.root)).toEqual([
      '/var/www/html', '/var/www/html', '/var/www/mautic', '/var/www/mautic', '/var/www/html/mautic', '/var/www/html/mautic',
    ]);
    expect(versionCandidates(['/srv/m'])).toEqual([
      { path: '/srv/m/app/release_metadata.json', format: 'json' },
      { path: '/srv/m/app/version.txt', format: 'text' },
      { path: '/srv/m/docroot/app/release_metadata.json', format: 'json' },
    ]);
  });
});

describe('parsing what came back', () => {
  it.each([
    ['{"version":"4.4.9","stability":"stable"}', 'json', '4.4.9'],
    ['{"version":"5.0.0-rc1"}', 'json', '5.0.0-rc1'],
    ['{"version":5}', 'json', null],
    ['{"version":"<script>"}', 'json', null],
    ['not json', 'json', null],
    ['null', 'json', null],
    ['2.16.3\n', 'text', '2.16.3'],
    ['2.16.3\r\nmore', 'text', '2.16.3'],
    ['', 'text', null],
    ['version two', 'text', null],
  ] as const)('version of %j (%s) is %j', (content, format, expected) => {
    expect(parseVersion(Buffer.from(content), format)).toBe(expected);
  });

  it('takes php -v’s first line only when it is one', () => {
    expect(parsePhpVersion('PHP 7.4.33 (cli) (built: Nov  2 2022)\nCopyright …')).toBe('PHP 7.4.33 (cli) (built: Nov  2 2022)');
    expect(parsePhpVersion('bash: php: command not found')).toBeNull();
  });

  it('tells an empty crontab from one that could not be read', () => {
    expect(crontabFromRun({ exitCode: 0, truncated: false }, '0 3 * * * cleanup\n', '')).toBe('0 3 * * * cleanup\n');
    expect(crontabFromRun({ exitCode: 1, truncated: false }, '', 'no crontab for www-data\n')).toBe('');
    expect(crontabFromRun({ exitCode: 1, truncated: false }, '', 'must be privileged to use -u\n')).toBeNull();
    expect(crontabFromRun({ exitCode: 127, truncated: false }, '', 'sh: crontab: not found\n')).toBeNull();
    expect(crontabFromRun({ exitCode: null, truncated: true }, '0 3 * *', '')).toBe('0 3 * *');
    expect(crontabFromRun({ exitCode: null, truncated: false }, '', '')).toBeNull();
  });

  it('accepts only plain user names', () => {
    for (const ok of ['www-data', 'apache', 'nginx', '_www', 'web1$']) expect(USER_NAME.test(ok)).toBe(true);
    for (const bad of ['-r', 'a b', "o'neil", '', '$(id)', 'x'.repeat(40)]) expect(USER_NAME.test(bad)).toBe(false);
  });
});

describe('host key fingerprints', () => {
  it('are SHA256 in unpadded base64, as OpenSSH prints them', () => {
    expect(sha256Fingerprint(Buffer.from('abc'))).toBe('SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0');
  });

  it('normalize with or without padding and refuse anything else', () => {
    const fp = 'SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0';
    expect(normalizeFingerprint(fp)).toBe(fp);
    expect(normalizeFingerprint(` ${fp}= `)).toBe(fp);
    expect(normalizeFingerprint('MD5:12:34')).toBeNull();
    expect(normalizeFingerprint('SHA256:short')).toBeNull();
  });
});
