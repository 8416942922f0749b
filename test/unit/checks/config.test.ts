import { describe, expect, it } from 'vitest';
import { CONFIG_CHECKS, anonymizeIp, apiBasicAuth, siteUrlHttps, tenancyDomains, trackByFingerprint, trackContactByIp } from '../../../electron/core/checks/config';
import type { AnyCheck } from '../../../electron/core/checks/types';
import { MTC_2, MTC_4, MTC_5, observations, type ObsSpec } from './config-fixture';

const php = (entries: string) => `<?php\n$parameters = array(\n${entries}\n);\n`;
const run = (check: AnyCheck, spec: ObsSpec) => check.evaluate(observations(spec));
const codes = (o: { findings: { code: string }[] }) => o.findings.map((f) => f.code);
const CONFIG_ONLY = CONFIG_CHECKS.filter((c) => c.id !== 'retention.cleanup-cron');

describe('CONFIG_CHECKS', () => {
  it('has the ids of CHECKLIST.md and needs the config and the tracking script (for the version)', () => {
    expect(CONFIG_CHECKS.map((c) => c.id)).toEqual(['config.anonymize-ip', 'config.track-by-fingerprint', 'config.track-contact-by-ip', 'config.site-url-https', 'config.api-basic-auth', 'tenancy.domains', 'retention.cleanup-cron']);
    for (const c of CONFIG_CHECKS) expect(c.probes).toEqual(['mautic-config', 'tracking-script']);
  });

  it('are manual without a config, saying how to provide one', () => {
    for (const c of CONFIG_ONLY) {
      const o = run(c, {});
      expect(o.status, c.id).toBe('manual');
      expect(codes(o)).toEqual(['config-not-given']);
    }
  });

  it('say error (never pass) when the file cannot be parsed or the probe failed', () => {
    for (const c of CONFIG_ONLY) {
      const o = run(c, { php: '<html><body>Login</body></html>' });
      expect(o.status, c.id).toBe('error');
      expect(o.findings[0]).toMatchObject({ code: 'config-unreadable', params: { file: '/tmp/local.php', error: expect.stringMatching(/no PHP code/) } });
      const failed = c.evaluate({ ...observations({}), 'mautic-config': { ok: false, error: { code: 'io', message: 'gone' }, evidence: [] } });
      expect(failed.status, c.id).toBe('error');
    }
  });

  it('are manual when a value they need is computed at run time', () => {
    const o = run(anonymizeIp, { php: php("'anonymize_ip' => getenv('ANON'),") });
    expect(o.status).toBe('manual');
    expect(o.findings).toEqual([{ code: 'config-value-not-literal', status: 'manual', params: { key: 'anonymize_ip', kind: 'call getenv' } }]);
    // A computed value the verdict does not need does not matter.
    expect(run(apiBasicAuth, { php: php("'api_enabled' => false, 'site_url' => SITE,") }).status).toBe('pass');
  });
});

describe('config.anonymize-ip', () => {
  it('passes when on, noting old rows before 5.1', () => {
    expect(run(anonymizeIp, { php: php("'anonymize_ip' => true,"), mtc: MTC_4 }).findings).toEqual([{ code: 'anonymize-ip-on-old-rows', status: 'pass' }]);
    expect(codes(run(anonymizeIp, { php: php("'anonymize_ip' => 1,"), ssh: '5.1.1' }))).toEqual(['anonymize-ip-on']);
  });

  it('fails when off or unset (default off), naming the defaults used', () => {
    expect(run(anonymizeIp, { php: php("'anonymize_ip' => false,"), mtc: MTC_4 }).status).toBe('fail');
    const unset = run(anonymizeIp, { php: php("'site_url' => 'https://m.example.org',"), mtc: MTC_4 });
    expect(unset.status).toBe('fail');
    expect(unset.findings).toEqual([
      { code: 'anonymize-ip-off', status: 'fail' },
      { code: 'config-defaults-used', status: 'pass', params: { keys: ['anonymize_ip'], version: '4.1–4.4' } },
    ]);
    expect(unset.evidence).toEqual(['sha-php', 'sha-json', 'sha-mtc']);
  });

  it('says which defaults it assumed when no version is known', () => {
    expect(codes(run(anonymizeIp, { php: php("'db_driver' => 'pdo_mysql',") }))).toEqual(['anonymize-ip-off', 'config-defaults-used', 'config-version-unknown']);
  });

  it('fails when set in a version without the setting (before 2.15)', () => {
    expect(run(anonymizeIp, { php: php("'anonymize_ip' => true,"), ssh: '2.14.2' }).findings[0]).toEqual({ code: 'anonymize-ip-unsupported', status: 'fail', params: { version: '2.14.2' } });
  });
});

describe('config.track-by-fingerprint', () => {
  it('fails in 2.x when on, passes when off', () => {
    expect(run(trackByFingerprint, { php: php("'track_by_fingerprint' => true,"), mtc: MTC_2 }).findings).toEqual([{ code: 'fingerprint-on', status: 'fail', params: { version: '2.8–2.16' } }]);
    expect(run(trackByFingerprint, { php: php("'track_by_fingerprint' => false,"), ssh: '2.16.5' }).status).toBe('pass');
    expect(codes(run(trackByFingerprint, { php: php("'x' => 1,"), ssh: '2.16.5' }))).toEqual(['fingerprint-off', 'config-defaults-used']);
  });

  it('passes from 3.0 (removed), even if the key is set (5.1 lists it unread)', () => {
    for (const version of ['3.3.5', '4.4.13', '5.1.1']) {
      const o = run(trackByFingerprint, { php: php("'track_by_fingerprint' => true,"), ssh: version });
      expect(o.findings, version).toEqual([{ code: 'fingerprint-removed', status: 'pass', params: { version } }]);
    }
  });

  it('warns when on and the version is unknown; warns before 2.8', () => {
    expect(codes(run(trackByFingerprint, { php: php("'track_by_fingerprint' => true,") }))).toEqual(['fingerprint-on-version-unknown', 'config-version-unknown']);
    expect(run(trackByFingerprint, { php: php("'track_by_fingerprint' => true,"), ssh: '2.7.1' }).status).toBe('warn');
  });
});

describe('config.track-contact-by-ip', () => {
  const both = php("'track_contact_by_ip' => true, 'anonymize_ip' => true,");
  const flagOnly = php("'track_contact_by_ip' => true, 'anonymize_ip' => false,");
  it('up to 5.0 is effective only together with anonymize_ip (ContactTracker)', () => {
    expect(run(trackContactByIp, { php: both, ssh: '4.4.13' }).findings).toEqual([{ code: 'track-by-ip-on-anonymized', status: 'fail', params: { version: '4.4.13' } }]);
    expect(run(trackContactByIp, { php: flagOnly, ssh: '4.4.13' }).findings).toEqual([{ code: 'track-by-ip-inactive', status: 'warn', params: { version: '4.4.13' } }]);
    expect(run(trackContactByIp, { php: flagOnly, mtc: MTC_2 }).status).toBe('warn');
  });

  it('from 5.1 the flag alone; an unknown version or the 5.x line is judged by that stricter rule', () => {
    expect(run(trackContactByIp, { php: flagOnly, ssh: '5.1.1' }).findings).toEqual([{ code: 'track-by-ip-on', status: 'fail', params: { version: '5.1.1' } }]);
    expect(run(trackContactByIp, { php: flagOnly, mtc: MTC_5 }).status).toBe('fail');
    expect(codes(run(trackContactByIp, { php: flagOnly }))).toEqual(['track-by-ip-on', 'config-version-unknown']);
  });

  it('passes when off', () => {
    expect(codes(run(trackContactByIp, { php: php("'track_contact_by_ip' => false,"), ssh: '5.1.1' }))).toEqual(['track-by-ip-off']);
  });
});

describe('config.site-url-https', () => {
  it('passes for https, fails for http, empty, unset or invalid', () => {
    expect(run(siteUrlHttps, { php: php("'site_url' => 'https://m.example.org',") }).findings).toEqual([{ code: 'site-url-https', status: 'pass', params: { url: 'https://m.example.org' } }]);
    expect(run(siteUrlHttps, { php: php("'site_url' => 'http://m.example.org',") }).findings).toEqual([{ code: 'site-url-http', status: 'fail', params: { url: 'http://m.example.org' } }]);
    expect(codes(run(siteUrlHttps, { php: php("'site_url' => '',") }))).toEqual(['site-url-empty']);
    expect(codes(run(siteUrlHttps, { php: php("'db_driver' => 'x',"), ssh: '4.4.13' }))).toEqual(['site-url-empty', 'config-defaults-used']);
    expect(codes(run(siteUrlHttps, { php: php("'site_url' => 'mautic.example.org',") }))).toEqual(['site-url-invalid']);
  });
});

describe('config.api-basic-auth', () => {
  it('passes with the API off or without basic auth', () => {
    expect(codes(run(apiBasicAuth, { php: php("'api_enabled' => false, 'api_enable_basic_auth' => true,") }))).toEqual(['api-off']);
    expect(codes(run(apiBasicAuth, { php: php("'api_enabled' => true, 'api_enable_basic_auth' => false,") }))).toEqual(['api-basic-auth-off']);
    // A flag whose name looks like a credential ('…_auth') keeps its value through redaction.
    expect(codes(run(apiBasicAuth, { php: php("'api_enabled' => '1', 'api_enable_basic_auth' => '0',") }))).toEqual(['api-basic-auth-off']);
  });

  it('warns with basic auth on, fails when site_url is not https', () => {
    expect(run(apiBasicAuth, { php: php("'api_enabled' => true, 'api_enable_basic_auth' => '1', 'site_url' => 'https://m.example.org',") }).status).toBe('warn');
    expect(run(apiBasicAuth, { php: php("'api_enabled' => 1, 'api_enable_basic_auth' => true, 'site_url' => 'http://m.example.org',") }).findings).toEqual([
      { code: 'api-basic-auth-no-https', status: 'fail', params: { siteUrl: 'http://m.example.org' } },
    ]);
  });
});

describe('tenancy.domains', () => {
  it('passes with one registrable domain across site_url and cors_valid_domains', () => {
    const o = run(tenancyDomains, { php: php("'site_url' => 'https://mautic.example.co.uk', 'cors_valid_domains' => ['https://www.example.co.uk', 'https://shop.example.co.uk'],"), ssh: '4.4.13' });
    expect(o.findings).toEqual([
      { code: 'tenancy-one-domain', status: 'pass', params: { domain: 'example.co.uk' } },
      { code: 'config-defaults-used', status: 'pass', params: { keys: ['cors_restrict_domains'], version: '4.4.13' } },
    ]);
  });

  it('warns with several domains, listing them, and when CORS is unrestricted', () => {
    const o = run(tenancyDomains, { php: php("'site_url' => 'https://m.agency.de', 'cors_valid_domains' => array('https://www.client-a.de', 'https://client-b.com.au', 'https://*.x.de'), 'cors_restrict_domains' => false,") });
    expect(o.status).toBe('warn');
    expect(o.findings).toEqual([
      { code: 'cors-unrestricted', status: 'warn' },
      { code: 'tenancy-unparsed-domains', status: 'warn', params: { entries: ['https://*.x.de'] } },
      { code: 'tenancy-several-domains', status: 'warn', params: { domains: ['agency.de', 'client-a.de', 'client-b.com.au'], count: 3 } },
    ]);
  });

  it('is manual with no domain at all, or a computed entry', () => {
    expect(codes(run(tenancyDomains, { php: php("'site_url' => '', 'cors_restrict_domains' => true,") }))).toEqual(['tenancy-no-domains', 'config-defaults-used', 'config-version-unknown']);
    expect(run(tenancyDomains, { php: php("'site_url' => 'https://a.de', 'cors_valid_domains' => [getenv('CORS')],") }).findings[0]).toMatchObject({ code: 'config-value-not-literal', params: { key: 'cors_valid_domains', kind: 'call getenv' } });
  });
});
