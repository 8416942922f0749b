// Which vendor of the catalogue stands behind a host or a mailer setting, and which processor of a register is
// that vendor. Pure: the catalogue is data the audit loaded (checklist/vendors-load.ts).
import type { Processor, RegisterSnapshot } from '../../shared/registers';
import type { MailerSetting, Vendor, VendorCatalogue } from '../../shared/vendors';

const cleanHost = (host: string) => host.trim().toLowerCase().replace(/\.$/, '');

/** A host matches a suffix when it is the suffix or a subdomain of it. */
export const hostMatches = (host: string, suffix: string) => host === suffix || host.endsWith(`.${suffix}`);

/** The vendor whose host suffix matches `host` most specifically (the longest suffix); null when none does. */
export function vendorForHost(catalogue: VendorCatalogue, host: string): Vendor | null {
  const h = cleanHost(host);
  let best: { vendor: Vendor; length: number } | null = null;
  for (const vendor of catalogue.vendors) {
    for (const suffix of vendor.hosts) {
      if (hostMatches(h, suffix) && (!best || suffix.length > best.length)) best = { vendor, length: suffix.length };
    }
  }
  return best?.vendor ?? null;
}

/** `*` stands for one or more labels; a pattern without `*` matches the host and its subdomains. */
function mailHostMatches(host: string, pattern: string): boolean {
  if (!pattern.includes('*')) return hostMatches(host, pattern);
  const source = pattern
    .split('.')
    .map((label) => (label === '*' ? '[a-z0-9-]+(?:\\.[a-z0-9-]+)*' : label.replace(/[-]/g, '\\-')))
    .join('\\.');
  return new RegExp(`^(?:[a-z0-9-]+\\.)*${source}$`).test(host);
}

/** What a mailer setting points at: the DSN's scheme and host, or the transport and host of Mautic 2–4. */
export interface MailerTarget {
  /** The DSN scheme (`ses+smtp`), lower case; null without a DSN. */
  scheme: string | null;
  /** `mailer_transport`, lower case; null when not set. */
  transport: string | null;
  /** The SMTP host, lower case; null when none is named (or the DSN says `default`, the provider's own). */
  host: string | null;
}

const DSN = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)/i;

/** Reads the scheme and host of a DSN without trusting it to be a valid URL (credentials may be redacted). */
export function mailerTarget(setting: MailerSetting): MailerTarget {
  const transport = setting.transport?.trim().toLowerCase() || null;
  const dsn = setting.dsn?.trim() ?? '';
  const m = DSN.exec(dsn);
  if (m) {
    const authority = m[2]!.slice(m[2]!.lastIndexOf('@') + 1);
    const host = cleanHost(authority.replace(/^\[([^\]]*)\].*$/, '$1').replace(/:\d*$/, ''));
    return { scheme: m[1]!.toLowerCase(), transport, host: host && host !== 'default' ? host : null };
  }
  const host = setting.host ? cleanHost(setting.host.replace(/:\d*$/, '')) : '';
  return { scheme: null, transport, host: host || null };
}

/** Schemes and transports that deliver on the server itself, not through a service. */
const LOCAL_SCHEMES = new Set(['sendmail', 'native', 'null']);
const LOCAL_TRANSPORTS = new Set(['mail', 'sendmail', 'php', 'null']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1']);

/** The mailer delivers on the Mautic server itself (sendmail, PHP mail(), an SMTP server on localhost). */
export function mailerIsLocal(target: MailerTarget): boolean {
  if (target.scheme) return LOCAL_SCHEMES.has(target.scheme) || (target.host !== null && LOCAL_HOSTS.has(target.host));
  if (target.transport && LOCAL_TRANSPORTS.has(target.transport)) return true;
  return target.host !== null && LOCAL_HOSTS.has(target.host);
}

/** The vendor behind a mailer setting: by DSN scheme, by mailer_transport, then by SMTP host; null when unknown. */
export function vendorForMailer(catalogue: VendorCatalogue, setting: MailerSetting): Vendor | null {
  const target = mailerTarget(setting);
  const { scheme, transport, host } = target;
  // A plain smtp:// DSN names the service by its host alone; a provider scheme names the provider.
  if (scheme && scheme !== 'smtp' && scheme !== 'smtps') {
    const byScheme = catalogue.vendors.find((v) => v.mail.schemes.includes(scheme));
    if (byScheme) return byScheme;
  }
  if (!scheme && transport) {
    const byTransport = catalogue.vendors.find((v) => v.mail.transports.includes(transport));
    if (byTransport) return byTransport;
  }
  if (!host) return null;
  let best: { vendor: Vendor; length: number } | null = null;
  for (const vendor of catalogue.vendors) {
    for (const pattern of vendor.mail.hosts) {
      if (mailHostMatches(host, pattern) && (!best || pattern.length > best.length)) best = { vendor, length: pattern.length };
    }
  }
  return best?.vendor ?? vendorForHost(catalogue, host);
}

/** Legal forms and filler words that do not tell companies apart ("Google Ireland Limited" ~ "google ireland"). */
const LEGAL_FORMS = new Set([
  'gmbh', 'ag', 'se', 'kg', 'co', 'ohg', 'ug', 'haftungsbeschränkt', 'mbh', 'ev', 'e.v', 'ltd', 'limited', 'llc', 'inc', 'corp',
  'corporation', 'company', 'unlimited', 'plc', 'sas', 'sarl', 's.à', 'r.l', 'sa', 'bv', 'nv', 'ab', 'as', 'a/s', 'oü', 'sl',
  'srl', 'spa', 'sp', 'z', 'o.o', 'd.o.o', 'doo', 'lp', 'llp', 'pty', 'the', 'and', 'und', 'cie', 's.c.a', 'sca', 'et',
]);

/** A company name reduced to what identifies it: lower case, no punctuation, no legal forms. */
export function normalizeCompany(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[&+]/g, ' ')
    .replace(/[(),;:"'!?]/g, ' ')
    .split(/\s+/)
    .map((w) => w.replace(/^[.\-]+|[.\-]+$/g, ''))
    .filter((w) => w && !LEGAL_FORMS.has(w) && !LEGAL_FORMS.has(w.replace(/\./g, '')));
  return words.join(' ');
}

/** The names a register may use for a vendor, normalised. */
export function vendorNames(vendor: Vendor): Set<string> {
  return new Set([vendor.company, vendor.name, ...vendor.aliases].map(normalizeCompany).filter(Boolean));
}

/** The processors of the register that are this vendor: their name equals the company or an alias (normalised). */
export function processorsForVendor(snapshot: RegisterSnapshot, vendor: Vendor): Processor[] {
  const names = vendorNames(vendor);
  return snapshot.processors.filter((p) => names.has(normalizeCompany(p.name)));
}

/** The first processor that is this vendor, preferring one with a signed DPA; null when the register lacks it. */
export function processorForVendor(snapshot: RegisterSnapshot, vendor: Vendor): Processor | null {
  const found = processorsForVendor(snapshot, vendor);
  return found.find((p) => p.dpaSignedOn !== null) ?? found[0] ?? null;
}
