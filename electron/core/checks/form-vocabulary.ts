// Recognition data for the forms.* checks: word stems, matched case-insensitively as substrings, so that
// inflections and compounds count ("Einwilligungserklärung", "zustimmen", "Datenschutzerklärung", "agreed").
import type { FormLink, ParsedField } from '../probes/form-model';

/** Words a consent checkbox uses (Mautic has no consent field type; it is a checkbox group with such a text). */
const CONSENT_STEMS = [
  // German
  'einwillig', 'willige', 'zustimm', 'stimme', 'einverstanden', 'akzeptier', 'datenschutz', 'dsgvo', 'newsletter',
  'widerruf', 'abonnier', 'erkläre mich', 'erklaere mich', 'kenntnis genommen',
  // English
  'consent', 'agree', 'accept', 'privacy', 'gdpr', 'opt-in', 'opt in', 'subscribe', 'withdraw', 'data protection',
];

/** Words in the address or text of a link to a privacy policy. */
const PRIVACY_STEMS = ['datenschutz', 'privacy', 'data-protection', 'data protection', 'dataprotection', 'dsgvo', 'gdpr', 'privatsphäre', 'privatsphaere'];

const has = (text: string, stems: readonly string[]) => {
  const t = text.toLowerCase();
  return stems.some((s) => t.includes(s));
};

/** A checkbox group whose label, help text or option labels read like a consent declaration. */
export function readsLikeConsent(field: ParsedField): boolean {
  return has([field.label, field.text, ...field.options.map((o) => o.label)].join(' '), CONSENT_STEMS);
}

function sameDocument(a: URL, b: URL): boolean {
  const key = (u: URL) => `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}${u.search}`;
  return key(a) === key(b);
}

/**
 * A web link whose address or text names the privacy policy, or that points at the privacy policy the
 * auditor named (fragment and trailing slash ignored).
 */
export function isPrivacyLink(link: FormLink, privacyPolicyUrl: string | null): boolean {
  if (!link.url) return false;
  const url = new URL(link.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (privacyPolicyUrl && sameDocument(url, new URL(privacyPolicyUrl))) return true;
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep the encoded path
  }
  return has(`${url.hostname} ${path} ${url.search} ${url.hash} ${link.text}`, PRIVACY_STEMS);
}
