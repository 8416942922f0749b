import { describe, expect, it } from 'vitest';
import { defaultFor } from '../../../electron/core/mautic-config/defaults';
import { registrableDomain, hostOf } from '../../../electron/core/mautic-config/domains';
import { mergeConfig, phpTruthy } from '../../../electron/core/mautic-config/merge';
import { newMap, type PhpMap } from '../../../electron/core/mautic-config/php-values';
import { ASSUMED_RANGE, atLeast, below, compareVersions, exactVersionLine, type VersionRange } from '../../../electron/core/mautic-config/versions';

const exact = (v: string) => exactVersionLine(v)!;
const line = (min: string, max: string): VersionRange => ({ min, max, label: `${min}–${max}` });
const map = (o: Record<string, unknown>): PhpMap => Object.assign(newMap(), o);

describe('versions', () => {
  it('compares dotted versions, x above any number', () => {
    expect(compareVersions('2.16.5', '2.15.0')).toBe(1);
    expect(compareVersions('2.16.x', '2.16.99')).toBe(1);
    expect(compareVersions('5.1', '5.1.0')).toBe(0);
    expect(compareVersions('4.4.13', '5.0.0')).toBe(-1);
  });

  it('reads exact versions from version files', () => {
    expect(exactVersionLine('4.4.13\n')).toEqual({ major: 4, min: '4.4.13', max: '4.4.13', label: '4.4.13', source: 'version-file' });
    expect(exactVersionLine('5.1.1-dev')?.label).toBe('5.1.1');
    expect(exactVersionLine('2.16')?.min).toBe('2.16.0');
    for (const bad of ['', null, 'latest', '6.0.0', '1.4.0']) expect(exactVersionLine(bad)).toBeNull();
  });

  it('tells whether a range is wholly above or below a version', () => {
    expect(atLeast(line('5.0.0', '5.x'), '5.1.0')).toBe(false);
    expect(below(line('5.0.0', '5.x'), '5.1.0')).toBe(false);
    expect(below(line('4.1.0', '4.4.x'), '5.1.0')).toBe(true);
    expect(atLeast(exact('5.1.1'), '5.1.0')).toBe(true);
  });
});

describe('defaults per version (MAUTIC_FACTS §2)', () => {
  it('cookie_secure: null (auto) in 2.x–4.0, true from 4.1', () => {
    expect(defaultFor('cookie_secure', exact('2.16.5'))).toEqual({ value: null, ambiguous: false });
    expect(defaultFor('cookie_secure', exact('3.3.5'))).toEqual({ value: null, ambiguous: false });
    expect(defaultFor('cookie_secure', exact('4.0.2'))).toEqual({ value: null, ambiguous: false });
    expect(defaultFor('cookie_secure', exact('4.4.13'))).toEqual({ value: true, ambiguous: false });
    // The mtc.js line 4.0–4.0.x cannot tell 4.0 from 4.1: the newer default, marked as assumed.
    expect(defaultFor('cookie_secure', line('4.0.0', '4.4.x'))).toEqual({ value: true, ambiguous: true });
  });

  it('mailer_transport up to 4.x, mailer_dsn from 5.0', () => {
    expect(defaultFor('mailer_transport', exact('2.16.5'))?.value).toBe('mail');
    expect(defaultFor('mailer_transport', exact('4.4.13'))?.value).toBe('smtp');
    expect(defaultFor('mailer_transport', exact('5.1.1'))).toBeUndefined();
    expect(defaultFor('mailer_dsn', exact('4.4.13'))).toBeUndefined();
    expect(defaultFor('mailer_dsn', exact('5.0.0'))?.value).toBe('smtp://localhost:25');
  });

  it("secret_key '' up to 3.x, 'temp' from 4.0", () => {
    expect(defaultFor('secret_key', exact('3.3.5'))?.value).toBe('');
    expect(defaultFor('secret_key', exact('4.0.0'))?.value).toBe('temp');
  });

  it('track_by_fingerprint exists in 2.8–2.16 and again (unused) from 5.1; anonymize_ip from 2.15', () => {
    expect(defaultFor('track_by_fingerprint', exact('2.7.0'))).toBeUndefined();
    expect(defaultFor('track_by_fingerprint', exact('2.16.5'))).toEqual({ value: false, ambiguous: false });
    expect(defaultFor('track_by_fingerprint', exact('3.3.5'))).toBeUndefined();
    expect(defaultFor('track_by_fingerprint', exact('5.1.1'))).toEqual({ value: false, ambiguous: false });
    expect(defaultFor('anonymize_ip', exact('2.14.2'))).toBeUndefined();
    expect(defaultFor('anonymize_ip', line('2.8.0', '2.16.x'))).toEqual({ value: false, ambiguous: true });
    expect(defaultFor('headers_sts', exact('4.4.13'))).toBeUndefined();
    expect(defaultFor('headers_sts_expire_time', exact('5.0.1'))?.value).toBe(60);
  });
});

describe('mergeConfig', () => {
  it('takes local.php over the defaults of the version, with provenance', () => {
    const merged = mergeConfig([{ name: 'local.php', values: map({ anonymize_ip: true, site_url: 'https://m.example.org' }) }], exact('4.4.13'));
    expect(merged.get('anonymize_ip')).toEqual({ value: true, from: 'local.php' });
    expect(merged.get('cors_restrict_domains')).toEqual({ value: true, from: 'default' });
    expect(merged.get('mailer_dsn')).toEqual({ value: undefined, from: 'unset' });
    expect(merged.range.label).toBe('4.4.13');
    expect(merged.all().cookie_secure).toEqual({ value: true, from: 'default' });
  });

  it('says the defaults were assumed when no version is known (the newest line)', () => {
    const merged = mergeConfig([{ name: 'local.php', values: map({}) }], null);
    expect(merged.range).toEqual(ASSUMED_RANGE);
    expect(merged.versionKnown).toBe(false);
    expect(merged.get('mailer_dsn')).toEqual({ value: 'smtp://localhost:25', from: 'assumed-default' });
  });

  it('lets parameters_local.php override local.php', () => {
    const merged = mergeConfig([{ name: 'local.php', values: map({ api_enabled: false }) }, { name: 'parameters_local.php', values: map({ api_enabled: true }) }], exact('5.1.1'));
    expect(merged.get('api_enabled')).toEqual({ value: true, from: 'parameters_local.php' });
  });

  it("reads values the way PHP's if() does", () => {
    expect([true, 1, '1', 'yes', [0], 0.5].map(phpTruthy)).toEqual([true, true, true, true, true, true]);
    expect([false, 0, '0', '', [], null, undefined].map(phpTruthy)).toEqual([false, false, false, false, false, false, false]);
  });
});

describe('registrable domains (heuristic)', () => {
  it('reduces hosts to their registrable domain, minding multi-part suffixes', () => {
    expect(registrableDomain('www.example.de')).toBe('example.de');
    expect(registrableDomain('mautic.shop.example.co.uk')).toBe('example.co.uk');
    expect(registrableDomain('a.example.com.au')).toBe('example.com.au');
    expect(registrableDomain('Example.AT.')).toBe('example.at');
    expect(registrableDomain('192.168.1.10')).toBe('192.168.1.10');
    expect(registrableDomain('localhost')).toBe('localhost');
  });

  it('reads hosts from origins and bare names', () => {
    expect(hostOf('https://www.example.de')).toBe('www.example.de');
    expect(hostOf('https://user@shop.example.de:8443/path')).toBe('shop.example.de');
    expect(hostOf('example.org')).toBe('example.org');
    for (const bad of ['', '*', 'not a domain', 'ftp://example.org', 'https://*.example.org']) expect(hostOf(bad), bad).toBeNull();
  });
});
