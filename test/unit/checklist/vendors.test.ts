import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChecklistError } from '../../../electron/core/checklist/checklist-error';
import { compiledVendorCatalogue, shippedVendorsFile, vendorCodeSha256, vendorSourceSha256 } from '../../../electron/core/checklist/vendors-compiled';
import { loadVendorCatalogue, parseVendorCatalogue } from '../../../electron/core/checklist/vendors-load';
import { mailerIsLocal, mailerTarget, normalizeCompany, vendorForHost, vendorForMailer } from '../../../electron/core/checks/vendor-match';
import { EEA_COUNTRIES } from '../../../electron/shared/vendors';

const dir = mkdtempSync(path.join(tmpdir(), 'pruefstand-vendors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const catalogue = loadVendorCatalogue();

const VALID = `format: 1
vendors:
  - id: one
    name: One
    company: One GmbH
    country: DE
    eea: true
    transferBasis: null
    category: hosting
    hosts: [one.example]
  - id: two
    name: Two
    company: Two Inc.
    country: US
    eea: false
    transferBasis: dpf
    category: cdn
    hosts: [two.example]
`;

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

function errorOf(text: string): ChecklistError {
  const file = write(`bad-${Math.random().toString(36).slice(2)}.yaml`, text);
  try {
    loadVendorCatalogue(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ChecklistError);
    return err as ChecklistError;
  }
  throw new Error('expected a ChecklistError');
}

describe('the shipped vendor catalogue', () => {
  it('has at least 40 vendors with unique ids and no web host in two vendors', () => {
    expect(catalogue.source).toBe('shipped');
    expect(catalogue.vendors.length).toBeGreaterThanOrEqual(40);
    const ids = catalogue.vendors.map((v) => v.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hosts = catalogue.vendors.flatMap((v) => v.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
    for (const v of catalogue.vendors) expect(v.eea, v.id).toBe(EEA_COUNTRIES.has(v.country));
  });

  it('states the contracting entities as the vendors publish them', () => {
    const byId = new Map(catalogue.vendors.map((v) => [v.id, v]));
    expect(byId.get('google-fonts')).toMatchObject({ company: 'Google Ireland Limited', country: 'IE', eea: true, transferBasis: 'dpf' });
    expect(byId.get('hetzner')).toMatchObject({ company: 'Hetzner Online GmbH', country: 'DE', transferBasis: null });
    expect(byId.get('brevo')).toMatchObject({ company: 'Sendinblue SAS', country: 'FR' });
    expect(byId.get('mailchimp')).toMatchObject({ company: 'The Rocket Science Group LLC', country: 'US', eea: false, transferBasis: 'dpf' });
  });

  it('parses to the same catalogue from the YAML as from its compiled form', () => {
    const source = readFileSync(shippedVendorsFile(), 'utf8');
    const parsed = parseVendorCatalogue(source, shippedVendorsFile(), 'shipped');
    expect(parsed).toEqual(catalogue);
    // A compiled file for other YAML text is never used.
    expect(vendorSourceSha256(source)).not.toBe(vendorSourceSha256(source + '\n'));
    expect(compiledVendorCatalogue(source + '# edited\n')).toBeNull();
    expect(vendorCodeSha256()).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("a user's own catalogue", () => {
  it('loads when valid, named by its file', () => {
    const file = write('own.yaml', VALID);
    const own = loadVendorCatalogue(file);
    expect(own.source).toBe(file);
    expect(own.vendors.map((v) => v.id)).toEqual(['one', 'two']);
    expect(own.vendors[0]!.mail).toEqual({ hosts: [], schemes: [], transports: [] });
  });

  it('names file and line of a bad value', () => {
    const err = errorOf(VALID.replace('transferBasis: dpf', 'transferBasis: privacy-shield'));
    expect(err.line).toBe(16);
    expect(err.message).toMatch(/bad-.*\.yaml:16:\d+: unknown transferBasis "privacy-shield"; expected one of adequacy, scc, dpf, bcr, none/);
  });

  it('refuses a host claimed by two vendors, at the second one', () => {
    const err = errorOf(VALID.replace('hosts: [two.example]', 'hosts: [two.example, one.example]'));
    expect(err.line).toBe(18);
    expect(err.problem).toBe('host "one.example" belongs to vendor "one" already (vendors[0])');
  });

  it('refuses duplicate ids, a wrong eea flag, unknown fields, bad YAML and a missing file', () => {
    expect(errorOf(VALID.replace('id: two', 'id: one')).problem).toMatch(/duplicate vendor id "one"/);
    const eea = errorOf(VALID.replace('eea: false', 'eea: true'));
    expect([eea.line, eea.problem]).toEqual([15, 'eea must be false for country US (not in the EU/EEA)']);
    const unknown = errorOf(VALID.replace('    category: cdn', '    category: cdn\n    website: x'));
    expect([unknown.line, unknown.problem]).toEqual([18, 'unknown field "website"']);
    expect(errorOf('format: 1\nvendors: [\n').message).toMatch(/invalid YAML/);
    expect(() => loadVendorCatalogue(path.join(dir, 'missing.yaml'))).toThrow(/vendor catalogue not found/);
  });
});

describe('matching hosts and mailers to vendors', () => {
  const idForHost = (host: string) => vendorForHost(catalogue, host)?.id ?? null;
  const idForMailer = (setting: { transport?: string; host?: string; dsn?: string }) =>
    vendorForMailer(catalogue, { transport: setting.transport ?? null, host: setting.host ?? null, dsn: setting.dsn ?? null })?.id ?? null;

  it('finds the most specific vendor for a host and its subdomains', () => {
    expect(idForHost('fonts.googleapis.com')).toBe('google-fonts');
    expect(idForHost('ajax.googleapis.com')).toBe('google');
    expect(idForHost('connect.facebook.net')).toBe('meta');
    expect(idForHost('WWW.Google-Analytics.com.')).toBe('google-analytics');
    expect(idForHost('cdn.jsdelivr.net')).toBe('jsdelivr');
    expect(idForHost('notgoogleapis.com')).toBeNull();
    expect(idForHost('cdn.example.org')).toBeNull();
  });

  it('recognises Amazon SES from a Mautic 5 DSN, also with redacted credentials', () => {
    expect(idForMailer({ dsn: 'ses+smtp://KEY:SECRET@default?region=eu-west-1' })).toBe('aws');
    expect(idForMailer({ dsn: 'ses+api://[redacted]@default?region=eu-central-1' })).toBe('aws');
    expect(idForMailer({ dsn: 'smtp://user:pass@email-smtp.eu-west-1.amazonaws.com:587' })).toBe('aws');
    expect(idForMailer({ transport: 'mautic.transport.amazon', host: 'email-smtp.eu-west-1.amazonaws.com' })).toBe('aws');
  });

  it('recognises SendGrid, Brevo, Sendinblue, Mailgun and Office 365', () => {
    expect(idForMailer({ transport: 'smtp', host: 'smtp.sendgrid.net' })).toBe('sendgrid');
    expect(idForMailer({ dsn: 'sendgrid+api://KEY@default' })).toBe('sendgrid');
    expect(idForMailer({ dsn: 'brevo+api://KEY@default' })).toBe('brevo');
    expect(idForMailer({ dsn: 'sendinblue+api://KEY@default' })).toBe('brevo');
    expect(idForMailer({ transport: 'smtp', host: 'smtp-relay.sendinblue.com' })).toBe('brevo');
    expect(idForMailer({ dsn: 'mailgun+https://KEY:DOMAIN@default?region=eu' })).toBe('mailgun');
    expect(idForMailer({ transport: 'smtp', host: 'smtp.office365.com' })).toBe('microsoft-365');
    expect(idForMailer({ dsn: 'smtp://user:pass@smtp.office365.com:587' })).toBe('microsoft-365');
  });

  it('knows no vendor for an own SMTP server and tells local delivery apart', () => {
    expect(idForMailer({ dsn: 'smtp://user:pass@smtp.example.com:587' })).toBeNull();
    expect(mailerTarget({ transport: null, host: null, dsn: 'smtp://user:pass@smtp.example.com:587' })).toEqual({ scheme: 'smtp', transport: null, host: 'smtp.example.com' });
    expect(mailerIsLocal(mailerTarget({ transport: null, host: null, dsn: 'smtp://localhost:25' }))).toBe(true);
    expect(mailerIsLocal(mailerTarget({ transport: 'mail', host: null, dsn: null }))).toBe(true);
    expect(mailerIsLocal(mailerTarget({ transport: 'smtp', host: 'smtp.sendgrid.net', dsn: null }))).toBe(false);
  });

  it('compares company names without case, spacing or legal form', () => {
    expect(normalizeCompany('Google Ireland Limited')).toBe(normalizeCompany('google  ireland'));
    expect(normalizeCompany('Hetzner Online GmbH')).toBe('hetzner online');
    expect(normalizeCompany('The Rocket Science Group, LLC')).toBe('rocket science group');
    expect(normalizeCompany('Meta Platforms Ireland Ltd.')).toBe('meta platforms ireland');
  });
});
