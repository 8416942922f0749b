/**
 * Consent managers (CMPs) as they show in static HTML: where their script is loaded from, how they mark a
 * tag they hold back until consent (a non-JavaScript `type` plus their own attributes or classes), and the
 * globals or events their consent API offers to scripts that wait for consent themselves.
 */
export interface ConsentManager {
  id: string;
  name: string;
  /** Hosts (and their subdomains) the CMP's script is served from. */
  hosts: readonly string[];
  /** Path fragments of a self-hosted CMP script (WordPress plugins etc.), lower case. */
  paths: readonly string[];
  /** Element ids of its banner or script tag. */
  ids: readonly string[];
  /** Attribute names on a held-back tag (exact). */
  attributes: readonly string[];
  attributePrefixes: readonly string[];
  classPrefixes: readonly string[];
  /** Non-JavaScript script types of its own. */
  typePrefixes: readonly string[];
  /** Globals and event names of its consent API. */
  apis: readonly string[];
}

const cmp = (c: Partial<ConsentManager> & Pick<ConsentManager, 'id' | 'name'>): ConsentManager => ({
  hosts: [],
  paths: [],
  ids: [],
  attributes: [],
  attributePrefixes: [],
  classPrefixes: [],
  typePrefixes: [],
  apis: [],
  ...c,
});

/** Order matters where markup overlaps: Complianz also writes data-category, so it precedes cookieconsent. */
export const CONSENT_MANAGERS: readonly ConsentManager[] = [
  cmp({ id: 'cookiebot', name: 'Cookiebot', hosts: ['cookiebot.com', 'cookiebot.eu'], ids: ['Cookiebot', 'CybotCookiebotDialog'], attributes: ['data-cookieconsent'], apis: ['Cookiebot', 'CookiebotOnAccept', 'CookiebotOnConsentReady', 'CookiebotOnLoad'] }),
  cmp({ id: 'usercentrics', name: 'Usercentrics', hosts: ['usercentrics.eu'], ids: ['usercentrics-cmp', 'usercentrics-root'], attributes: ['data-usercentrics'], apis: ['UC_UI', 'ucEvent', '__ucCmp', 'UC_UI_INITIALIZED'] }),
  cmp({ id: 'complianz', name: 'Complianz', paths: ['/complianz-gdpr', '/complianz-'], ids: ['cmplz-cookiebanner-container'], attributePrefixes: ['data-cmplz'], classPrefixes: ['cmplz-'], apis: ['cmplz_has_consent', 'cmplz_set_consent', 'cmplz_status_change', 'cmplz_enable_category'] }),
  cmp({ id: 'borlabs', name: 'Borlabs Cookie', paths: ['/borlabs-cookie/'], ids: ['BorlabsCookieBox', 'BorlabsCookieBoxWrap'], attributePrefixes: ['data-borlabs'], apis: ['BorlabsCookie', 'borlabsCookieConfig'] }),
  cmp({ id: 'real-cookie-banner', name: 'Real Cookie Banner', paths: ['/real-cookie-banner'], attributePrefixes: ['consent-'], apis: ['consentApi', 'realCookieBanner'] }),
  cmp({ id: 'onetrust', name: 'OneTrust', hosts: ['cookielaw.org', 'onetrust.com', 'cookiepro.com'], ids: ['onetrust-consent-sdk'], classPrefixes: ['optanon-category-'], apis: ['OneTrust', 'OptanonWrapper', 'OnetrustActiveGroups', 'OptanonActiveGroups'] }),
  cmp({ id: 'iubenda', name: 'iubenda', hosts: ['iubenda.com'], attributes: ['data-iub-purposes', 'suppressedsrc', 'data-suppressedsrc'], classPrefixes: ['_iub_cs_activate'], apis: ['_iub'] }),
  cmp({ id: 'ccm19', name: 'CCM19', hosts: ['ccm19.de', 'ccm19.eu'], paths: ['ccm19'], attributePrefixes: ['data-ccm'], typePrefixes: ['text/x-ccm'], apis: ['CCM'] }),
  cmp({ id: 'consentmanager', name: 'consentmanager', hosts: ['consentmanager.net', 'consentmanager.de'], ids: ['cmpbox'], attributePrefixes: ['data-cmp-'], classPrefixes: ['cmplazyload'], apis: ['__cmp'] }),
  cmp({ id: 'didomi', name: 'Didomi', hosts: ['privacy-center.org'], attributes: ['data-vendor'], typePrefixes: ['didomi/'], apis: ['Didomi', 'didomiOnReady', 'didomiEventListeners'] }),
  cmp({ id: 'cookieyes', name: 'CookieYes', hosts: ['cdn-cookieyes.com', 'cookieyes.com'], attributes: ['data-cookieyes'], apis: ['getCkyConsent', 'cookieyes_consent_update'] }),
  cmp({ id: 'klaro', name: 'Klaro', hosts: ['kiprotect.com'], paths: ['/klaro.js', '/klaro-no-css.js', '/klaro/'], ids: ['klaro'], attributes: ['data-name', 'data-type'], apis: ['klaro', 'klaroConfig'] }),
  cmp({ id: 'cookieconsent', name: 'cookieconsent (orestbida)', paths: ['orestbida', '/cookieconsent.umd.js', '/cookieconsent.js'], ids: ['cc-main', 'cc--main'], attributes: ['data-category', 'data-cookiecategory', 'data-service'], apis: ['CookieConsent', 'initCookieConsent'] }),
];

/** The IAB TCF API: a consent manager is there, whichever. */
export const GENERIC_CONSENT_APIS: readonly string[] = ['__tcfapi'];

const hostMatches = (host: string, hosts: readonly string[]) => hosts.some((h) => host === h || host.endsWith(`.${h}`));

/** The CMP whose script this is (by host or self-hosted path). */
export function consentManagerOfScript(url: URL): ConsentManager | null {
  const host = url.hostname.toLowerCase();
  const path = url.pathname.toLowerCase();
  return CONSENT_MANAGERS.find((c) => hostMatches(host, c.hosts) || c.paths.some((p) => path.includes(p))) ?? null;
}

export function consentManagerOfId(id: string): ConsentManager | null {
  return CONSENT_MANAGERS.find((c) => c.ids.includes(id)) ?? null;
}

/** The CMP whose markup is on this tag (attributes, classes, or its own script type). */
export function consentManagerOfTag(attrs: Readonly<Record<string, string>>): ConsentManager | null {
  const names = Object.keys(attrs);
  const classes = (attrs.class ?? '').split(/\s+/).filter(Boolean);
  const type = (attrs.type ?? '').trim().toLowerCase();
  return (
    CONSENT_MANAGERS.find(
      (c) =>
        names.some((n) => c.attributes.includes(n) || c.attributePrefixes.some((p) => n.startsWith(p))) ||
        classes.some((k) => c.classPrefixes.some((p) => k.startsWith(p))) ||
        c.typePrefixes.some((p) => type.startsWith(p)),
    ) ?? null
  );
}

/** The consent APIs a script refers to (by name or event string), with the CMP they belong to. */
export function consentApisIn(names: ReadonlySet<string>): { apis: string[]; managers: ConsentManager[] } {
  const apis: string[] = [];
  const managers: ConsentManager[] = [];
  for (const c of CONSENT_MANAGERS) {
    const used = c.apis.filter((a) => names.has(a));
    if (used.length) managers.push(c);
    apis.push(...used);
  }
  apis.push(...GENERIC_CONSENT_APIS.filter((a) => names.has(a)));
  return { apis, managers };
}
