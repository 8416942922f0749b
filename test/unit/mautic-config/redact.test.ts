import { describe, expect, it } from 'vitest';
import { parseLocalPhp } from '../../../electron/core/mautic-config/local-php';
import { REDACTED, isSecretPath, redactText, redactUrlSecrets } from '../../../electron/core/mautic-config/redact';
import { mergedEvidence, redactedCrontab, redactedLocalPhp } from '../../../electron/core/mautic-config/redacted-files';
import { SECRET_CRONTAB, SECRET_LOCAL_PHP, SECRETS } from '../../fixtures/mautic-config-files';

function redacted() {
  const r = redactedLocalPhp(Buffer.from(SECRET_LOCAL_PHP, 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.file;
}

const expectNoSecret = (text: string, where: string) => {
  for (const s of SECRETS) expect(text.includes(s), `${where} contains ${s}`).toBe(false);
};

describe('redaction of local.php', () => {
  it('the fixture really holds every secret (so the next tests can fail)', () => {
    const raw = parseLocalPhp(Buffer.from(SECRET_LOCAL_PHP, 'utf8'));
    if (!raw.ok) throw new Error(raw.error.message);
    const unredacted = SECRET_LOCAL_PHP + SECRET_CRONTAB + JSON.stringify(raw.parsed.parameters);
    for (const s of SECRETS) expect(unredacted, s).toContain(s);
    expect(JSON.stringify(raw.parsed.parameters)).toContain('S3cr3t-Concat');
  });

  it('removes every secret from the redacted source, and it still parses to the redacted values', () => {
    const file = redacted();
    expectNoSecret(file.source, 'source');
    expect(file.source).toContain(`'db_password' => '${REDACTED}'`);
    expect(file.source).toContain(`'mailer_dsn' => 'smtp://${REDACTED}@smtp.example.org:587'`);
    expect(file.source).toContain("'site_url' => 'https://mautic.example.org'");
    expect(file.source).toContain('/* [statement not read, omitted] */');
    expect(file.source).toContain('// [comment removed]');
    const again = parseLocalPhp(Buffer.from(file.source, 'utf8'));
    expect(again.ok).toBe(true);
    // Computed secrets become '[redacted]' in the source; the values keep the marker of their kind.
    if (again.ok) expect(JSON.stringify({ ...again.parsed.parameters, rememberme_key: 0, custom_interp: 0 })).toBe(JSON.stringify({ ...file.parameters, rememberme_key: 0, custom_interp: 0 }));
  });

  it('removes every secret from the values and lists the redacted keys', () => {
    const file = redacted();
    expectNoSecret(JSON.stringify(file.parameters), 'values');
    const p = file.parameters as Record<string, unknown>;
    expect(p.db_password).toBe(REDACTED);
    expect(p.db_user).toBe('mautic');
    expect(p.mailer_dsn).toBe(`smtp://${REDACTED}@smtp.example.org:587`);
    expect(p.messenger_dsn_email).toBe(REDACTED);
    expect(p.api_enable_basic_auth).toBe(true);
    expect(p.mailer_password).toBe(''); // empty stays visible: it reveals nothing
    expect(p.rememberme_key).toEqual({ notLiteral: true, kind: 'call', name: 'getenv' });
    expect(file.redactedKeys).toEqual(expect.arrayContaining([
      'db_password', 'secret_key', 'mailer_api_key', 'mailer_dsn', 'messenger_dsn_email', 'monitored_email.general.password',
      'cache_adapter_redis.dsn', 'transifex_api_token', 'ip_lookup_auth', 'saml_idp_own_private_key', 'plugin_settings.hubspot.apikey',
      'rabbitmq_password', 'sms_password', 'notification_rest_api_key', 'website_snapshot_key', 'cors_valid_domains.1', 'custom_list.0',
    ]));
  });

  it('keeps no secret in the JSON evidence of effective values', () => {
    const file = redacted();
    const { document, values } = mergedEvidence(file, '/tmp/local.php', null);
    const json = JSON.stringify(document);
    expectNoSecret(json, 'evidence JSON');
    expect(values.site_url).toEqual({ value: 'https://mautic.example.org', from: 'local.php' });
    expect(values.cors_restrict_domains).toEqual({ value: true, from: 'assumed-default' });
    expect(values.secret_key).toEqual({ value: REDACTED, from: 'local.php' });
  });

  it('redacts the crontab', () => {
    const r = redactedCrontab(SECRET_CRONTAB);
    if (!r.ok) throw new Error(r.error.message);
    expectNoSecret(r.text, 'crontab');
    expectNoSecret(JSON.stringify(r.parsed), 'parsed crontab');
    expect(r.text).toContain('mautic:maintenance:cleanup --days-old=90 -n');
  });
});

describe('secret key paths', () => {
  it('names the keys of MAUTIC_FACTS §2 and anything credential-like', () => {
    for (const path of [['db_password'], ['secret_key'], ['messenger_dsn_failed'], ['monitored_email', 'EmailBundle_bounces', 'password'], ['cache_adapter_redis', 'dsn'], ['saml_idp_own_password'], ['x', 'client_secret'], ['stripe_api_key'], ['oauth_token'], ['some_auth'], ['sso', 'private_key']]) {
      expect(isSecretPath(path), path.join('.')).toBe(true);
    }
    for (const path of [['site_url'], ['db_user'], ['mailer_dsn'], ['anonymize_ip'], ['cors_valid_domains', '0'], ['monitored_email', 'general', 'address'], ['cache_adapter_redis', 'options']]) {
      expect(isSecretPath(path), path.join('.')).toBe(false);
    }
  });
});

describe('redactUrlSecrets and redactText', () => {
  it('removes userinfo and secret query parameters', () => {
    expect(redactUrlSecrets('smtp://user%40x.de:p%40ss@mail.example.org:465')).toBe(`smtp://${REDACTED}@mail.example.org:465`);
    expect(redactUrlSecrets('ses+api://AKIA:abc/def@default?region=eu-west-1')).not.toContain('abc/def');
    expect(redactUrlSecrets('https://api.example.org/x?region=eu&api_key=abc123&x=1')).toBe(`https://api.example.org/x?region=eu&api_key=${REDACTED}&x=1`);
    expect(redactUrlSecrets('https://www.example.org/path')).toBe('https://www.example.org/path');
  });

  it('removes credentials from command lines and variables', () => {
    const line = 'DB_PASSWORD=hunter2 mysqldump -u root -phunter3 --password=hunter4 x; curl -u bob:hunter5 -H "Authorization: Bearer hunter6" https://a:hunter7@x.org';
    const clean = redactText(line);
    for (const s of ['hunter2', 'hunter3', 'hunter4', 'hunter5', 'hunter6', 'hunter7']) expect(clean).not.toContain(s);
    expect(clean).toContain('mysqldump -u root');
    expect(redactText('0 3 * * * php bin/console mautic:maintenance:cleanup --days-old=30 -n')).toBe('0 3 * * * php bin/console mautic:maintenance:cleanup --days-old=30 -n');
    expect(redactText('0 1 * * * find /tmp -mtime +7 -print -delete')).toBe('0 1 * * * find /tmp -mtime +7 -print -delete');
  });
});
