import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultChecklistDir, listChecklists, loadChecklist } from '../../../electron/core/checklist/load';
import { placeholdersOf } from '../../../electron/core/checklist/schema';
import { CHECKS } from '../../../electron/core/checks';

// The contract from CHECKLIST.md, written out literally: item ids in order, each with its check ids in order.
const EXPECTED: [string, string[]][] = [
  ['privacy-policy', ['privacy-policy.reachable', 'privacy-policy.mentions-tracking', 'privacy-policy.art13']],
  ['records-of-processing', ['ropa.mautic-entry', 'ropa.legal-basis', 'ropa.mail-service']],
  ['processor-agreements', ['dpa.coverage', 'dpa.transfers', 'dpa.review-due']],
  ['double-opt-in', ['doi.attested']],
  ['form-consent', ['forms.consent-checkbox', 'forms.privacy-link', 'forms.https-action']],
  ['delete-unconsented', ['retention.unconsented-deletion']],
  ['cleanup-job', ['retention.cleanup-cron']],
  ['tracking-consent', ['tracking.consent-gating', 'tracking.fingerprint', 'consent.before', 'consent.reject', 'consent.mautic', 'consent.banner']],
  ['tracking-settings', ['config.anonymize-ip', 'config.track-by-fingerprint', 'config.track-contact-by-ip']],
  ['google-analytics', ['tracking.ga-anonymize-ip']],
  ['https-only', ['tls.redirect', 'tls.certificate', 'tls.protocols', 'tls.hsts', 'config.site-url-https']],
  ['server-hardening', ['exposure.sensitive-paths', 'exposure.version-disclosure', 'exposure.cors', 'config.api-basic-auth', 'server.patching']],
  ['security-headers', ['headers.csp', 'headers.frame-options', 'headers.content-type-options', 'headers.referrer-policy', 'headers.permissions-policy', 'headers.cookies']],
  ['landing-pages', ['landing.https', 'landing.mixed-content', 'landing.third-parties', 'landing.google-fonts', 'landing.sri']],
  ['single-tenant', ['tenancy.domains']],
];

// The texts every config.* check (and tenancy.domains) shares, with their params.
const CONFIG_COMMON: Record<string, string[]> = {
  'config-not-given': [],
  'config-unreadable': ['file', 'error'],
  'config-value-not-literal': ['key', 'kind'],
  'config-defaults-used': ['keys', 'version'],
  'config-version-unknown': ['assumed'],
};

// The texts every consent.* check shares (YAML anchors), with their params.
const CONSENT_COMMON: Record<string, string[]> = { 'consent-none': [], 'visit-error': ['page', 'visit', 'error'], 'requests-capped': ['page', 'visit', 'count'] };
// Finding codes of the automated checks and the params each message must use.
const FORMS_COMMON: Record<string, string[]> = { 'forms-none': [], 'form-page-unreachable': ['page', 'error'], 'form-page-status': ['page', 'status'], 'form-page-not-html': ['page', 'contentType'], 'form-page-no-form': ['page'], 'form-embed-not-checked': ['page', 'url'], 'forms-incomplete': ['pages'], 'form-pages-capped': ['limit', 'skipped'] };
const AUTOMATED: Record<string, Record<string, string[]>> = {
  'privacy-policy.reachable': {
    'policy-reachable': ['url'],
    'policy-link-found': ['page', 'text', 'url'],
    'policy-http-only': ['url'],
    'policy-http-link': ['url', 'https'],
    'policy-status': ['url', 'status'],
    'policy-no-text': ['url', 'contentType'],
    'policy-not-found': ['pages'],
    'policy-search-failed': ['pages', 'error'],
    'policy-unreachable': ['url', 'error'],
  },
  'privacy-policy.mentions-tracking': {
    'tracking-all-named': [],
    'mautic-found': ['quote'],
    'mautic-missing': [],
    'mautic-cookies-found': ['cookies', 'quote'],
    'mautic-cookies-missing': ['missing'],
    'third-party-named': ['host', 'name', 'quote'],
    'third-party-not-named': ['host', 'names', 'pages'],
    'third-parties-none': ['count'],
    'third-parties-not-compared': [],
    'policy-not-read': [],
    'policy-not-located': [],
    'policy-text-truncated': ['limit'],
  },
  'privacy-policy.art13': {
    'art13-all-found': [],
    ...Object.fromEntries(['controller', 'dpo', 'purposes', 'legal-basis', 'recipients', 'transfers', 'retention', 'rights', 'withdrawal', 'complaint'].flatMap((e) => [[`${e}-found`, ['quote']], [`${e}-missing`, e === 'rights' ? ['missing'] : []]])),
    'policy-not-read': [],
    'policy-not-located': [],
    'policy-text-truncated': ['limit'],
  },
  'tls.redirect': { 'redirect-ok': ['status', 'location'], 'no-http-service': ['url'], 'redirect-temporary': ['status', 'location'], 'redirect-other-host': ['location'], 'redirect-initial-http': ['location'], 'no-redirect': ['status'], 'redirect-to-http': ['location'] },
  'tls.certificate': { 'cert-ok': ['subject', 'issuer', 'daysLeft', 'keyType', 'keyBits'], 'cert-expires-soon': ['daysLeft', 'validTo'], 'cert-expired': ['validTo'], 'cert-not-yet-valid': ['validFrom'], 'cert-untrusted': ['reason'], 'cert-hostname-mismatch': ['host', 'names'], 'cert-weak-key': ['keyType', 'keyBits'], 'cert-private-ca': ['file'] },
  'tls.protocols': { 'protocols-ok': ['accepted'], 'protocols-legacy': ['versions'], 'protocols-no-modern': [], 'protocols-no-tls13': [] },
  'tls.hsts': { 'hsts-ok': ['maxAge'], 'hsts-short': ['maxAge', 'minimum'], 'hsts-missing': [], 'hsts-disabled': [], 'hsts-invalid': ['value', 'problems'], 'hsts-untrusted-cert': [] },
  'headers.csp': { 'csp-ok': ['policy'], 'csp-default-none': [], 'csp-missing': [], 'csp-report-only': [], 'csp-invalid': ['value'], 'csp-unsafe-inline': ['directive'], 'csp-broad-source': ['directive', 'sources'], 'csp-insecure-scheme': ['sources'], 'csp-unsafe-eval': [], 'csp-passive-insecure': ['sources'], 'csp-unsafe-style': ['sources'] },
  'headers.frame-options': { 'xfo-frame-ancestors': ['value'], 'xfo-frame-ancestors-broad': ['value'], 'xfo-ok': ['value'], 'xfo-allow-from': ['value'], 'xfo-missing': [], 'xfo-invalid': ['value'] },
  'headers.content-type-options': { 'xcto-nosniff': [], 'xcto-missing': [], 'xcto-invalid': ['value'] },
  'headers.referrer-policy': { 'referrer-private': ['policy'], 'referrer-origin': ['policy'], 'referrer-unsafe': ['policy'], 'referrer-missing': [], 'referrer-invalid': ['value'] },
  'headers.permissions-policy': { 'permissions-ok': ['features'], 'permissions-missing': [], 'permissions-invalid': ['value'], 'permissions-feature-policy-only': [] },
  'headers.cookies': { 'cookies-none': [], 'cookies-ok': ['names'], 'cookies-not-secure': ['names'], 'cookies-over-http': ['names'], 'cookies-session-not-httponly': ['names'], 'cookies-no-samesite': ['names'], 'cookies-samesite-invalid': ['names'] },
  'forms.consent-checkbox': {
    'consent-ok': ['page', 'form', 'field'],
    'consent-missing': ['page', 'form'],
    'consent-unrecognised': ['page', 'form', 'fields'],
    'consent-not-required': ['page', 'form', 'fields'],
    'consent-prechecked': ['page', 'form', 'field', 'options'],
    'consent-hidden-default': ['page', 'form', 'field', 'value'],
    ...FORMS_COMMON,
  },
  'forms.privacy-link': { 'privacy-link-ok': ['page', 'form', 'href'], 'privacy-link-page-only': ['page', 'form', 'href'], 'privacy-link-missing': ['page', 'form'], ...FORMS_COMMON },
  'forms.https-action': {
    'action-https': ['page', 'form', 'action'],
    'action-not-https': ['page', 'form', 'action'],
    'action-unparseable': ['page', 'form', 'action'],
    'action-unusual': ['page', 'form', 'action'],
    'form-page-not-https': ['page', 'form', 'url'],
    ...FORMS_COMMON,
  },
  'exposure.sensitive-paths': {
    'config-exposed': ['path', 'status'],
    'env-exposed': ['path', 'status'],
    'git-exposed': ['path', 'status'],
    'installer-exposed': ['path', 'status'],
    'dev-front-controller-exposed': ['path', 'status'],
    'logs-exposed': ['path', 'status'],
    'media-listing': ['path', 'status'],
    'composer-exposed': ['path', 'status'],
    'path-served': ['paths'],
    'paths-soft-404': ['paths'],
    'paths-protected': ['count'],
  },
  'exposure.version-disclosure': { 'version-header': ['header', 'value'], 'php-eol': ['version'], 'mautic-version-file': ['path', 'version'], 'version-none': [] },
  'exposure.cors': { 'cors-reflects-credentials': ['request', 'origin'], 'cors-wildcard-credentials': ['request'], 'cors-reflects-origin': ['request', 'origin'], 'cors-wildcard': ['request'], 'cors-restricted': ['requests'] },
  'tracking.consent-gating': {
    'consent-no-pages': [],
    'mautic-gated': ['page', 'cmps'],
    'mautic-blocked-unknown': ['page', 'loaders'],
    'mautic-gated-in-js': ['page', 'loaders', 'apis'],
    'mautic-cmp-not-blocking': ['page', 'loaders', 'cmps'],
    'mautic-ungated': ['page', 'loaders'],
    'mautic-not-embedded': ['count'],
    'tag-manager': ['pages', 'managers'],
    'page-unreachable': ['page', 'error'],
    'page-incomplete': ['pages'],
  },
  'consent.before': {
    ...CONSENT_COMMON,
    'before-request': ['page', 'tracker', 'url', 'ms'],
    'before-cookie': ['page', 'cookie', 'tracker', 'domain'],
    'before-storage': ['page', 'key', 'tracker', 'storage'],
    'before-clean': ['page'],
    'consent-pages-capped': ['visited', 'skipped'],
  },
  'consent.reject': {
    ...CONSENT_COMMON,
    'reject-request': ['page', 'tracker', 'url', 'ms'],
    'reject-cookie': ['page', 'cookie', 'tracker', 'domain'],
    'reject-storage': ['page', 'key', 'tracker', 'storage'],
    'reject-respected': ['page', 'button'],
    'reject-no-button': ['page'],
  },
  'consent.mautic': {
    ...CONSENT_COMMON,
    'mautic-before-request': ['page', 'url', 'ms'],
    'mautic-before-cookie': ['page', 'cookie', 'domain'],
    'mautic-before-storage': ['page', 'key', 'storage'],
    'mautic-after-reject-request': ['page', 'url', 'ms'],
    'mautic-after-reject-cookie': ['page', 'cookie', 'domain'],
    'mautic-after-reject-storage': ['page', 'key', 'storage'],
    'mautic-after-accept': ['page', 'loaded'],
    'mautic-not-loaded': ['page'],
    'mautic-no-accept-button': ['page'],
  },
  'consent.banner': {
    ...CONSENT_COMMON,
    'banner-choice': ['page', 'accept', 'reject'],
    'banner-no-reject': ['page', 'accept'],
    'banner-no-accept': ['page', 'reject'],
    'banner-none-tracking': ['page', 'trackers'],
    'banner-none': ['page'],
    'banner-cmp': ['page', 'cmp'],
  },
  'tracking.fingerprint': {
    fingerprint2: ['url', 'markers'],
    'fingerprint-none': ['url'],
    'mtc-incomplete': ['url'],
    'mtc-not-found': ['url', 'status'],
    'mtc-http-status': ['url', 'status'],
    'mtc-not-javascript': ['url', 'contentType'],
    'mtc-not-mautic': ['url'],
    'mautic-version': ['version', 'markers'],
    'mautic-version-unknown': [],
  },
  'tracking.ga-anonymize-ip': {
    'ga-not-anonymized': ['id', 'where'],
    'gtag-not-anonymized': ['id', 'where'],
    'ga-anonymized': ['id', 'where'],
    'ga-config-unseen': ['page', 'urls'],
    'facebook-pixel': ['id', 'where'],
    'facebook-pixel-personal-data': ['id', 'where', 'fields'],
    'ga-none': ['count'],
    'page-unreachable': ['page', 'error'],
    'page-incomplete': ['pages'],
  },
  'landing.https': {
    'landing-redirect-to-http': ['page', 'location'],
    'landing-not-https': ['page', 'url'],
    'landing-status': ['page', 'status'],
    'landing-pages-capped': ['limit', 'skipped'],
    'landing-https-ok': ['count'],
    'landing-discovered': ['from', 'count', 'pages'],
    'landing-none': [],
    'landing-unreachable': ['page', 'error'],
  },
  'landing.mixed-content': { 'mixed-content': ['page', 'resources'], 'mixed-content-css': ['page', 'stylesheet', 'resources'], 'mixed-content-none': ['count'], 'mixed-content-no-https': [], 'landing-none': [], 'landing-unreachable': ['page', 'error'], 'landing-incomplete': ['pages', 'limit'], 'landing-not-html': ['page', 'contentType'], 'landing-stylesheets-unread': ['stylesheets', 'limit'] },
  'landing.third-parties': { 'third-party': ['host', 'kinds', 'pages'], 'third-party-css': ['host', 'kinds', 'pages', 'stylesheets'], 'third-parties-none': ['count'], 'landing-none': [], 'landing-unreachable': ['page', 'error'], 'landing-incomplete': ['pages', 'limit'], 'landing-not-html': ['page', 'contentType'], 'landing-stylesheets-unread': ['stylesheets', 'limit'] },
  'landing.google-fonts': { 'google-fonts': ['page', 'urls'], 'google-fonts-css': ['page', 'stylesheet', 'urls'], 'google-fonts-none': ['count'], 'landing-none': [], 'landing-unreachable': ['page', 'error'], 'landing-incomplete': ['pages', 'limit'], 'landing-not-html': ['page', 'contentType'], 'landing-stylesheets-unread': ['stylesheets', 'limit'] },
  'landing.sri': { 'sri-missing': ['page', 'resources'], 'sri-invalid': ['page', 'resources'], 'sri-ok': ['count'], 'sri-not-needed': [], 'landing-none': [], 'landing-unreachable': ['page', 'error'], 'landing-incomplete': ['pages', 'limit'], 'landing-not-html': ['page', 'contentType'] },
  'retention.cleanup-cron': {
    'cleanup-cron-ok': ['line', 'schedule', 'daysOld'],
    'cleanup-cron-ok-gdpr': ['line', 'schedule'],
    'cleanup-cron-dry-run': ['line', 'schedule'],
    'cleanup-cron-not-regular': ['line', 'schedule'],
    'cleanup-cron-days-invalid': ['line', 'value'],
    'cleanup-cron-gdpr-unsupported': ['line', 'version'],
    'cleanup-cron-interactive': ['line', 'schedule'],
    'cleanup-cron-commented': ['lines'],
    'cleanup-cron-invalid': ['lines'],
    'cleanup-cron-missing': [],
    'crontab-truncated': ['limit'],
    'crontab-not-given': [],
    'crontab-unreadable': ['file', 'error'],
  },
  'config.anonymize-ip': { 'anonymize-ip-on': ['version'], 'anonymize-ip-on-old-rows': [], 'anonymize-ip-off': [], 'anonymize-ip-unsupported': ['version'], ...CONFIG_COMMON },
  'config.track-by-fingerprint': { 'fingerprint-on': ['version'], 'fingerprint-off': [], 'fingerprint-removed': ['version'], 'fingerprint-on-version-unknown': [], 'fingerprint-before-setting': ['version'], ...CONFIG_COMMON },
  'config.track-contact-by-ip': { 'track-by-ip-on': ['version'], 'track-by-ip-on-anonymized': ['version'], 'track-by-ip-inactive': ['version'], 'track-by-ip-off': [], ...CONFIG_COMMON },
  'config.site-url-https': { 'site-url-https': ['url'], 'site-url-http': ['url'], 'site-url-empty': [], 'site-url-invalid': ['url'], ...CONFIG_COMMON },
  'config.api-basic-auth': { 'api-off': [], 'api-basic-auth-off': [], 'api-basic-auth-on': [], 'api-basic-auth-no-https': ['siteUrl'], ...CONFIG_COMMON },
  'tenancy.domains': { 'tenancy-one-domain': ['domain'], 'tenancy-several-domains': ['domains', 'count'], 'tenancy-no-domains': [], 'tenancy-unparsed-domains': ['entries'], 'cors-unrestricted': [], ...CONFIG_COMMON },
  // The registers checks (ropa.*, dpa.*); 'registers-not-given' is shared through a YAML anchor.
  'ropa.mautic-entry': { 'registers-not-given': [], 'mautic-activity': ['activities'], 'mautic-activity-missing': ['count'] },
  'ropa.legal-basis': { 'registers-not-given': [], 'legal-basis-stated': ['activity', 'basis'], 'legal-basis-missing': ['activity'], 'legal-basis-no-activity': [], 'special-basis-missing': ['activity', 'categories'] },
  'ropa.mail-service': { 'registers-not-given': [], 'mail-service-recorded': ['name', 'service', 'where'], 'mail-service-missing': ['name', 'service'], 'mail-service-local': ['activities', 'service'], 'mail-service-activity': ['activities'], 'mail-service-unconfirmed': [], 'mail-service-not-literal': ['key'], 'mail-service-none': [] },
  'dpa.coverage': { 'registers-not-given': [], 'dpa-covered': ['count', 'services'], 'dpa-processor-missing': ['company', 'hosts', 'pages', 'vendor'], 'dpa-mail-processor-missing': ['company', 'service', 'vendor'], 'dpa-host-no-processor': ['host', 'pages'], 'dpa-not-signed': ['processor', 'service'], 'dpa-document-missing': ['processor', 'signedOn'], 'dpa-no-hoster': [], 'dpa-landing-error': ['error'], 'dpa-no-processors': [] },
  'dpa.transfers': { 'registers-not-given': [], 'transfers-safeguarded': ['count', 'outside'], 'transfer-basis-missing': ['country', 'processor', 'usual'], 'transfer-adequacy-not-recorded': ['country', 'processor'], 'transfer-dpf-not-us': ['country', 'processor'], 'transfer-adequacy-wrong': ['country', 'processor'], 'transfer-country-unknown': ['processor'], 'transfer-no-processors': [] },
  'dpa.review-due': { 'registers-not-given': [], 'reviews-scheduled': ['count', 'next', 'today'], 'review-overdue': ['due', 'processor', 'today'], 'review-date-missing': ['processor'], 'review-no-processors': [] },
};

describe('checklists/mautic-dsgvo.yaml', () => {
  const list = loadChecklist('mautic-dsgvo');

  it('is found in the repository checklists/ folder', () => {
    expect(existsSync(path.join(defaultChecklistDir(), 'mautic-dsgvo.yaml'))).toBe(true);
    expect(listChecklists()).toContain('mautic-dsgvo');
    expect(loadChecklist(path.join(defaultChecklistDir(), 'mautic-dsgvo.yaml'))).toEqual(list);
  });

  it('has the header data', () => {
    expect(list.id).toBe('mautic-dsgvo');
    expect(list.version).toBe('1.0.0');
    expect(list.severityWeights).toEqual({ critical: 4, high: 3, medium: 2, low: 1 });
    expect(list.verdictCredit).toEqual({ pass: 1, warn: 0.5, fail: 0 });
    expect(Object.keys(list.commonMessages).sort()).toEqual(['not-automated', 'not-rechecked', 'probe-error']);
    expect(placeholdersOf(list.commonMessages['probe-error']!.en)).toEqual(['error']);
  });

  it('has exactly the 15 items and all check ids of CHECKLIST.md, in order', () => {
    expect(list.items.map((i) => i.id)).toEqual(EXPECTED.map(([id]) => id));
    expect(list.items.map((i) => i.number)).toEqual(EXPECTED.map((_, n) => n + 1));
    for (const [n, [, checks]] of EXPECTED.entries()) expect(list.items[n]!.checks.map((c) => c.id)).toEqual(checks);
  });

  it('rates the items as agreed', () => {
    const bySeverity = (s: string) => list.items.filter((i) => i.severity === s).map((i) => i.id);
    expect(bySeverity('critical')).toEqual(['tracking-consent', 'https-only']);
    expect(bySeverity('medium')).toEqual(['delete-unconsented', 'cleanup-job', 'security-headers', 'landing-pages', 'single-tenant']);
    expect(list.items.find((i) => i.id === 'tracking-consent')!.gdpr).toContain('§25 TDDDG');
  });

  it('has a de and en message with the right params for every automated finding code', () => {
    for (const [checkId, codes] of Object.entries(AUTOMATED)) {
      const check = list.items.flatMap((i) => i.checks).find((c) => c.id === checkId)!;
      expect(Object.keys(check.messages).sort(), checkId).toEqual(Object.keys(codes).sort());
      for (const [code, params] of Object.entries(codes)) {
        for (const lang of ['de', 'en'] as const) expect(placeholdersOf(check.messages[code]![lang]), `${checkId} ${code} ${lang}`).toEqual([...params].sort());
      }
    }
  });

  it('has an entry and a text for every code of every registered check', () => {
    for (const check of CHECKS) {
      const data = list.items.flatMap((i) => i.checks).find((c) => c.id === check.id)!;
      expect(data, check.id).toBeDefined();
      for (const code of check.codes) expect(data.messages[code] ?? list.commonMessages[code], `${check.id} ${code}`).toBeDefined();
    }
  });

  it('gives checks without automation no messages but a manual instruction', () => {
    const manualOnly = list.items.flatMap((i) => i.checks).filter((c) => !(c.id in AUTOMATED));
    expect(manualOnly).toHaveLength(EXPECTED.flatMap(([, c]) => c).length - Object.keys(AUTOMATED).length);
    for (const c of manualOnly) {
      expect(c.messages, c.id).toEqual({});
      expect(c.manual.de.length, c.id).toBeGreaterThan(80);
      expect(c.manual.en.length, c.id).toBeGreaterThan(80);
    }
    const anonymize = list.items.flatMap((i) => i.checks).find((c) => c.id === 'config.anonymize-ip')!;
    expect(anonymize.manual.en).toContain('anonymize_ip');
    expect(anonymize.manual.de).toContain('config/local.php');
  });

  it('writes German with real umlauts, not transliterations', () => {
    const german = list.items.flatMap((i) => [i.title.de, i.description.de, i.advice.de, ...i.checks.map((c) => c.manual.de)]).join('\n');
    expect(german).toMatch(/[äöüß]/);
    expect(german).not.toMatch(/\b(fuer|ueber|koennen|muessen|Loeschung|Datenschutzerklaerung)\b/);
  });
});
