// Which provider stands behind a third-party host, and the names a privacy policy may use for it. Data: a policy
// that says "Google Fonts" names fonts.gstatic.com even though the host never appears in it.

interface Provider {
  /** Host suffixes (a host matches itself and its subdomains). */
  hosts: string[];
  /** Names a policy may use, searched as whole words, case-insensitive. */
  names: string[];
}

export const PROVIDERS: readonly Provider[] = [
  { hosts: ['youtube.com', 'youtube-nocookie.com', 'ytimg.com', 'youtu.be'], names: ['YouTube', 'Google'] },
  {
    hosts: ['googleapis.com', 'gstatic.com', 'google-analytics.com', 'googletagmanager.com', 'doubleclick.net', 'google.com', 'google.de', 'googlesyndication.com', 'googleadservices.com', 'googleusercontent.com', 'recaptcha.net'],
    names: ['Google'],
  },
  { hosts: ['facebook.net', 'facebook.com', 'fbcdn.net', 'instagram.com', 'cdninstagram.com'], names: ['Meta', 'Facebook', 'Instagram'] },
  { hosts: ['vimeo.com', 'vimeocdn.com'], names: ['Vimeo'] },
  { hosts: ['hotjar.com', 'hotjar.io'], names: ['Hotjar'] },
  { hosts: ['linkedin.com', 'licdn.com'], names: ['LinkedIn'] },
  { hosts: ['clarity.ms', 'bing.com', 'microsoft.com', 'msecnd.net', 'live.com'], names: ['Microsoft', 'Clarity', 'Bing'] },
  { hosts: ['hubspot.com', 'hs-scripts.com', 'hs-analytics.net', 'hsforms.net', 'hsforms.com', 'hscollectedforms.net', 'hs-banner.com', 'hubspotusercontent.com', 'usemessages.com'], names: ['HubSpot'] },
  { hosts: ['cloudflare.com', 'cloudflareinsights.com'], names: ['Cloudflare', 'cdnjs'] },
  { hosts: ['jsdelivr.net'], names: ['jsDelivr'] },
  { hosts: ['bootstrapcdn.com'], names: ['BootstrapCDN', 'jsDelivr'] },
  { hosts: ['unpkg.com'], names: ['unpkg'] },
  { hosts: ['jquery.com'], names: ['jQuery'] },
  { hosts: ['fontawesome.com'], names: ['Font Awesome', 'Fonticons'] },
  { hosts: ['typekit.net', 'adobe.com', 'adobedtm.com', 'omtrdc.net'], names: ['Adobe', 'Typekit'] },
  { hosts: ['twitter.com', 'twimg.com', 'x.com'], names: ['Twitter', 'X Corp'] },
  { hosts: ['tiktok.com', 'tiktokcdn.com'], names: ['TikTok'] },
  { hosts: ['pinterest.com', 'pinimg.com'], names: ['Pinterest'] },
  { hosts: ['usercentrics.eu', 'usercentrics.com'], names: ['Usercentrics'] },
  { hosts: ['cookiebot.com'], names: ['Cookiebot', 'Usercentrics'] },
  { hosts: ['onetrust.com', 'cookielaw.org'], names: ['OneTrust'] },
  { hosts: ['stripe.com', 'stripe.network'], names: ['Stripe'] },
  { hosts: ['paypal.com', 'paypalobjects.com'], names: ['PayPal'] },
  { hosts: ['list-manage.com', 'mailchimp.com', 'chimpstatic.com'], names: ['Mailchimp', 'Intuit'] },
  { hosts: ['calendly.com'], names: ['Calendly'] },
  { hosts: ['intercom.io', 'intercomcdn.com'], names: ['Intercom'] },
  { hosts: ['zdassets.com', 'zendesk.com'], names: ['Zendesk'] },
  { hosts: ['wistia.com', 'wistia.net'], names: ['Wistia'] },
  { hosts: ['sentry.io', 'sentry-cdn.com'], names: ['Sentry'] },
  { hosts: ['amazonaws.com', 'cloudfront.net'], names: ['Amazon', 'AWS'] },
  { hosts: ['akamaihd.net', 'akamaized.net'], names: ['Akamai'] },
  { hosts: ['trustpilot.com'], names: ['Trustpilot'] },
  { hosts: ['typeform.com'], names: ['Typeform'] },
  { hosts: ['etracker.com', 'etracker.de'], names: ['etracker'] },
  { hosts: ['matomo.cloud'], names: ['Matomo', 'InnoCraft'] },
  { hosts: ['bunny.net', 'b-cdn.net'], names: ['bunny.net', 'BunnyWay'] },
];

/** Second-level labels under which registries sell names (example.co.uk, example.com.au). */
const REGISTRY_LABELS = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'or', 'ne', 'edu']);

/** The registrable domain, roughly: the last two labels, or three under co.uk-like suffixes. */
export function siteOf(host: string): string {
  if (/^[\d.]+$/.test(host) || host.includes(':')) return host;
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const take = REGISTRY_LABELS.has(labels[labels.length - 2]!) && labels[labels.length - 1]!.length === 2 ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** Every name under which a policy may mention the host: the host, its site, and the provider's names. */
export function namesForHost(host: string): string[] {
  const h = host.toLowerCase();
  const provider = PROVIDERS.find((p) => p.hosts.some((s) => h === s || h.endsWith(`.${s}`)));
  return [...new Set([h.replace(/^www\./, ''), siteOf(h), ...(provider?.names ?? [])])];
}
