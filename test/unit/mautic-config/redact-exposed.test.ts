import { describe, expect, it } from 'vitest';
import { redactExposedFile } from '../../../electron/core/mautic-config/redact-exposed';

const SECRET = 'Zq8-exposed-secret-41c7';

describe('redactExposedFile: an exposed file as it may be kept as evidence', () => {
  it('keeps a parsed local.php with every secret literal replaced, so the exposure stays provable', () => {
    const php = `<?php\n$parameters = array(\n  'db_host' => 'db.internal',\n  'db_password' => '${SECRET}',\n  'mailer_dsn' => 'smtp://mailer:${SECRET}@smtp.example.org:587',\n);\n`;
    const out = redactExposedFile('config', Buffer.from(php)).toString();
    expect(out).not.toContain(SECRET);
    expect(out).toContain("'db_host' => 'db.internal'");
    expect(out).toMatch(/<\?php[\s\S]*\$parameters = array\(/);
  });

  it('withholds a PHP file it cannot parse (truncated) instead of guessing where the secrets are', () => {
    const out = redactExposedFile('config', Buffer.from(`<?php\n$parameters = array(\n  'db_password' => '${SECRET}',\n  'secret_key' => 'abc`)).toString();
    expect(out).not.toContain(SECRET);
    expect(out).toMatch(/^<\?php \/\* \d+ bytes of PHP withheld/);
  });

  it('keeps the keys of a .env file and drops every value', () => {
    const out = redactExposedFile('env', Buffer.from(`# mail\nAPP_ENV=prod\nexport MAUTIC_DB_PASSWORD="${SECRET}"\nMAILER_DSN=smtp://u:${SECRET}@h\n`)).toString();
    expect(out).not.toContain(SECRET);
    expect(out).toContain('APP_ENV=[redacted]');
    expect(out).toContain('export MAUTIC_DB_PASSWORD=[redacted]');
  });

  it('redacts credentials in log lines and withholds binary content whole', () => {
    const log = redactExposedFile('logs', Buffer.from(`[2026-01-01] mautic.ERROR: connect mysql://mautic:${SECRET}@db failed\n`)).toString();
    expect(log).not.toContain(SECRET);
    expect(log).toContain('mautic.ERROR');
    expect(redactExposedFile('env', Buffer.from([0, 1, 2, 3, 0, 255])).toString()).toMatch(/^\[6 bytes of binary content withheld/);
  });
});
