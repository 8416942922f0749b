// The vendor catalogue: which company stands behind a host or a mail transport, where it contracts and how it
// usually transfers data out of the EU/EEA. Data (checklists/vendors.yaml); these are its types, pure vocabulary
// (no node, electron or DOM imports) so that the probes layer can carry a catalogue in the audit target.
import type { TransferBasis } from './registers';

export const VENDOR_CATEGORIES = [
  'analytics',
  'advertising',
  'social',
  'cdn',
  'fonts',
  'hosting',
  'mail',
  'consent',
  'video',
  'payment',
  'crm',
  'support',
  'captcha',
  'scheduling',
  'tag-manager',
  'maps',
  'productivity',
] as const;
export type VendorCategory = (typeof VENDOR_CATEGORIES)[number];

/** How a vendor shows up in a Mautic mailer configuration. */
export interface VendorMail {
  /**
   * SMTP host patterns: a plain host matches itself and its subdomains; `*` stands for one or more labels
   * (`email-smtp.*.amazonaws.com`).
   */
  hosts: string[];
  /** Schemes of a Mautic 5 `mailer_dsn` (`ses+smtp`, `sendgrid+api`), lower case. */
  schemes: string[];
  /** Values of a Mautic 2–4 `mailer_transport` (`mautic.transport.amazon`). */
  transports: string[];
}

export interface Vendor {
  id: string;
  /** The product or brand as people call it ("Google Fonts"). */
  name: string;
  /** The legal entity that contracts with EU customers ("Google Ireland Limited"). */
  company: string;
  /** ISO 3166-1 alpha-2 of that entity, upper case. */
  country: string;
  /** The contracting entity sits in the EU/EEA. */
  eea: boolean;
  /** The usual basis of its transfers out of the EU/EEA (for an EEA entity: of its onward transfers); null: none needed. */
  transferBasis: TransferBasis | null;
  category: VendorCategory;
  /** Web host suffixes: a host matches itself and its subdomains. */
  hosts: string[];
  mail: VendorMail;
  /** Other names a processor register may use for it ("Google", "Google LLC"). */
  aliases: string[];
}

export interface VendorCatalogue {
  /** Where it came from: 'shipped' or the user's file. */
  source: string;
  vendors: Vendor[];
}

/** A Mautic mailer setting as the config states it; null where the key is not set. */
export interface MailerSetting {
  /** Mautic 2–4 `mailer_transport` ('smtp', 'mail', 'mautic.transport.amazon' …). */
  transport: string | null;
  /** Mautic 2–4 `mailer_host`. */
  host: string | null;
  /** Mautic 5 `mailer_dsn` (credentials redacted). */
  dsn: string | null;
}

/** The EU member states and the other EEA states (Iceland, Liechtenstein, Norway), ISO 3166-1 alpha-2. */
export const EEA_COUNTRIES: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL',
  'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

/**
 * Countries with an adequacy decision of the Commission under Art. 45 covering the whole country (Andorra,
 * Argentina, Canada (commercial organisations), Faroe Islands, Guernsey, Israel, Isle of Man, Japan, Jersey, New
 * Zealand, Republic of Korea, Switzerland, United Kingdom, Uruguay). The US is not listed: its decision covers
 * only organisations certified under the Data Privacy Framework ('dpf').
 */
export const ADEQUACY_COUNTRIES: ReadonlySet<string> = new Set(['AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY']);
