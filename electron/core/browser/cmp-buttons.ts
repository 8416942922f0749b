// The first-layer buttons of the common consent managers, by their own markup, and the labels German and English
// banners put on them. Ids match probes/consent-managers.ts. Selectors come from each manager's published markup;
// a manager not listed (or a custom banner) is still found by its labels.

export interface CmpButtons {
  id: string;
  name: string;
  /** Any of these in the DOM (shown or not) means the manager is on the page. */
  detect: string[];
  accept: string[];
  reject: string[];
}

export const CMP_BUTTONS: readonly CmpButtons[] = [
  { id: 'cookiebot', name: 'Cookiebot', detect: ['#CybotCookiebotDialog', '#CookiebotWidget', 'script[src*="cookiebot"]'], accept: ['#CybotCookiebotDialogBodyLevelButtonLevelOptinAllowAll', '#CybotCookiebotDialogBodyButtonAccept'], reject: ['#CybotCookiebotDialogBodyButtonDecline'] },
  { id: 'usercentrics', name: 'Usercentrics', detect: ['#usercentrics-root', '#usercentrics-cmp-ui', 'script[src*="usercentrics"]'], accept: ['[data-testid="uc-accept-all-button"]', '#accept.uc-accept-button'], reject: ['[data-testid="uc-deny-all-button"]', '#deny.uc-deny-button'] },
  { id: 'onetrust', name: 'OneTrust', detect: ['#onetrust-consent-sdk', '#onetrust-banner-sdk', 'script[src*="cookielaw.org"]'], accept: ['#onetrust-accept-btn-handler'], reject: ['#onetrust-reject-all-handler'] },
  { id: 'klaro', name: 'Klaro', detect: ['#klaro', '.klaro', 'script[src*="klaro"]'], accept: ['.cm-btn-accept-all', '.cookie-notice .cm-btn-success', '.klaro .cm-btn-success'], reject: ['.cm-btn-decline', '.cn-decline'] },
  { id: 'borlabs', name: 'Borlabs Cookie', detect: ['#BorlabsCookieBox', '#BorlabsCookieBoxWrap', '.brlbs-cmpnt-container', 'script[src*="borlabs-cookie"]'], accept: ['[data-cookie-accept-all]', 'a._brlbs-btn-accept-all', '.brlbs-btn-accept-all', '[data-borlabs-cookie-accept-all]'], reject: ['[data-cookie-refuse]', 'a._brlbs-refuse-btn', '._brlbs-refuse-btn a', '.brlbs-btn-accept-only-essential', '[data-borlabs-cookie-accept-essential]'] },
  { id: 'complianz', name: 'Complianz', detect: ['#cmplz-cookiebanner-container', '.cmplz-cookiebanner'], accept: ['.cmplz-btn.cmplz-accept'], reject: ['.cmplz-btn.cmplz-deny'] },
  { id: 'cookieyes', name: 'CookieYes', detect: ['.cky-consent-container', 'script[src*="cookieyes"]'], accept: ['.cky-btn-accept', '[data-cky-tag="accept-button"]'], reject: ['.cky-btn-reject', '[data-cky-tag="reject-button"]'] },
  { id: 'real-cookie-banner', name: 'Real Cookie Banner', detect: ['[id^="rcb-"]', '[data-rcb-uuid]', 'script[src*="real-cookie-banner"]', 'link[href*="real-cookie-banner"]'], accept: ['[data-rcb-accept-all]', 'a[id^="rcb-accept-all"]'], reject: ['[data-rcb-accept-essentials]', 'a[id^="rcb-accept-essentials"]'] },
  { id: 'consentmanager', name: 'consentmanager', detect: ['#cmpbox', '#cmpwrapper', 'script[src*="consentmanager"]'], accept: ['.cmpboxbtnyes', '#cmpwelcomebtnyes a', '#cmpbntyestxt'], reject: ['.cmpboxbtnno', '#cmpwelcomebtnno a', '#cmpbntnotxt'] },
  { id: 'iubenda', name: 'iubenda', detect: ['#iubenda-cs-banner', 'script[src*="iubenda"]'], accept: ['.iubenda-cs-accept-btn'], reject: ['.iubenda-cs-reject-btn'] },
  { id: 'didomi', name: 'Didomi', detect: ['#didomi-host', '#didomi-notice'], accept: ['#didomi-notice-agree-button'], reject: ['#didomi-notice-disagree-button', '.didomi-continue-without-agreeing'] },
  { id: 'cookieconsent', name: 'cookieconsent (orestbida)', detect: ['#cc-main', '#cc--main'], accept: ['#cc-main [data-role="all"]', '#cc--main [data-role="all"]'], reject: ['#cc-main [data-role="necessary"]', '#cc--main [data-role="necessary"]'] },
  { id: 'ccm19', name: 'CCM19', detect: ['.ccm-root', '#ccm-widget', 'script[src*="ccm19"]'], accept: ['.ccm--save-settings[data-full-consent="true"]', 'button.ccm--button-primary[data-full-consent="true"]'], reject: ['.ccm--decline-cookies'] },
];

/** Whole visible labels (case and surrounding punctuation ignored) of a first-layer accept button. */
export const ACCEPT_LABELS: readonly string[] = [
  'alle akzeptieren', 'alles akzeptieren', 'akzeptieren', 'alle annehmen', 'annehmen', 'alle zulassen', 'alle cookies akzeptieren', 'alle cookies zulassen',
  'allen zustimmen', 'zustimmen', 'allem zustimmen', 'einverstanden', 'ich stimme zu', 'ich bin einverstanden', 'akzeptieren und schließen', 'zustimmen und weiter',
  'accept all', 'accept', 'accept all cookies', 'accept cookies', 'allow all', 'allow all cookies', 'allow cookies', 'agree', 'i agree', 'i accept', 'agree and close',
  'agree and proceed', 'ok', 'got it', 'alle auswählen und bestätigen',
];

/** Whole visible labels of a first-layer reject button. */
export const REJECT_LABELS: readonly string[] = [
  'ablehnen', 'alle ablehnen', 'alles ablehnen', 'nur notwendige', 'nur notwendige cookies', 'nur notwendige cookies akzeptieren', 'nur notwendige cookies zulassen',
  'nur essenzielle', 'nur essenzielle cookies', 'nur essenzielle cookies akzeptieren', 'nur erforderliche', 'nur erforderliche cookies', 'nur technisch notwendige',
  'nur technisch notwendige cookies', 'verweigern', 'nicht zustimmen', 'nicht einverstanden', 'weiter ohne einwilligung', 'ohne zustimmung fortfahren', 'optionale ablehnen',
  'reject', 'reject all', 'reject all cookies', 'decline', 'decline all', 'deny', 'deny all', 'refuse', 'refuse all', 'only necessary', 'necessary only',
  'only necessary cookies', 'use necessary cookies only', 'only essential', 'essential only', 'only essential cookies', 'continue without accepting', 'reject optional cookies',
];
