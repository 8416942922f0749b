import { describe, expect, it } from 'vitest';
import { detectTrackingEmbed, MAX_INLINE_SCRIPTS } from '../../../electron/core/probes/tracking-embed';

const PAGE = 'https://www.example.com/angebot/';
const MTC = 'https://mautic.example.org/mtc.js';
/** Mautic's standard tracking snippet (Settings → Tracking code). */
const SNIPPET = `(function(w,d,t,u,n,a,m){w['MauticTrackingObject']=n;
        w[n]=w[n]||function(){(w[n].q=w[n].q||[]).push(arguments)},a=d.createElement(t),
        m=d.getElementsByTagName(t)[0];a.async=1;a.src=u;m.parentNode.insertBefore(a,m)
    })(window,document,'script','${MTC}','mt');
    mt('send', 'pageview');`;
const page = (head: string, body = '') => `<!doctype html><html lang="de"><head><title>Angebot</title>${head}</head><body><h1>Angebot</h1>${body}</body></html>`;
const detect = (head: string, body = '') => detectTrackingEmbed(page(head, body), PAGE);

describe('detectTrackingEmbed: how Mautic is loaded', () => {
  it('finds <script src=…/mtc.js>, resolved against the page and <base>', () => {
    const e = detect('<base href="https://mautic.example.org/"><script src="mtc.js" async></script>');
    expect(e.loadsMautic).toBe(true);
    expect(e.loaders).toEqual([{ kind: 'script', url: MTC, blocked: null, consentApis: [], inNoscript: false }]);
  });

  it('finds the standard inline snippet and the URL it injects', () => {
    const e = detect(`<script>${SNIPPET}</script>`);
    expect(e.loaders).toEqual([{ kind: 'inline-script', url: MTC, blocked: null, consentApis: [], inNoscript: false }]);
  });

  it('finds a sub-folder installation and mautic-tracking.js', () => {
    expect(detect('<script src="https://www.example.com/mautic/mtc.js"></script>').loaders[0]!.url).toBe('https://www.example.com/mautic/mtc.js');
    expect(detect('<script src="https://m.example.org/mautic-tracking.js"></script>').loadsMautic).toBe(true);
  });

  it('finds a tracking pixel, also in <noscript>', () => {
    const e = detect('', '<noscript><img src="https://mautic.example.org/mtracking.gif?page_url=x" alt=""></noscript>');
    expect(e.loaders).toEqual([{ kind: 'img', url: 'https://mautic.example.org/mtracking.gif?page_url=x', blocked: null, consentApis: [], inNoscript: true }]);
  });

  it('ignores pages without Mautic, commented-out tags, and other scripts named like it', () => {
    expect(detect('<script src="/js/app.js"></script><!-- <script src="https://m.example.org/mtc.js"></script> -->').loadsMautic).toBe(false);
    expect(detect('<script src="https://cdn.example.net/mtc.json"></script><script>var cfg={"block":["mtc.js"]};</script>').loadsMautic).toBe(false);
    expect(detect('<script type="application/ld+json">{"url":"https://m.example.org/mtc.js","MauticTrackingObject":1}</script>').loadsMautic).toBe(false);
  });
});

describe('detectTrackingEmbed: consent managers holding the tag back', () => {
  const cases: [string, string, string, string][] = [
    ['Cookiebot', '<script id="Cookiebot" src="https://consent.cookiebot.com/uc.js" data-cbid="x"></script>', `<script type="text/plain" data-cookieconsent="marketing">${SNIPPET}</script>`, 'type="text/plain"'],
    ['Usercentrics', '<script id="usercentrics-cmp" src="https://web.cmp.usercentrics.eu/ui/loader.js"></script>', `<script type="text/plain" data-usercentrics="Mautic" src="${MTC}"></script>`, 'type="text/plain"'],
    ['Klaro', '<script defer src="/js/klaro.js"></script>', `<script type="text/plain" data-type="application/javascript" data-name="mautic">${SNIPPET}</script>`, 'type="text/plain"'],
    ['cookieconsent (orestbida)', '<script src="/assets/cookieconsent.umd.js"></script>', `<script type="text/plain" data-category="analytics" data-service="Mautic">${SNIPPET}</script>`, 'type="text/plain"'],
    ['cookieconsent (orestbida)', '', `<script type="text/plain" data-cookiecategory="analytics" src="${MTC}"></script>`, 'type="text/plain"'],
    ['Borlabs Cookie', '<script src="/wp-content/plugins/borlabs-cookie/assets/javascript/borlabs-cookie.min.js"></script>', `<script type="text/template" data-borlabs-cookie-script-blocker-id="mautic">${SNIPPET}</script>`, 'type="text/template"'],
    ['Complianz', '<script src="/wp-content/plugins/complianz-gdpr/cookiebanner/js/complianz.min.js"></script>', `<script type="text/plain" class="cmplz-script" data-category="marketing" data-cmplz-src="${MTC}"></script>`, 'data-cmplz-src'],
    ['OneTrust', '<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js" data-domain-script="x"></script>', `<script type="text/plain" class="optanon-category-C0004">${SNIPPET}</script>`, 'type="text/plain"'],
    ['iubenda', '<script src="https://cdn.iubenda.com/cs/iubenda_cs.js"></script>', `<script type="text/plain" class="_iub_cs_activate" data-iub-purposes="5" suppressedsrc="${MTC}"></script>`, 'suppressedsrc'],
    ['CCM19', '<script src="https://cloud.ccm19.de/app.js?apiKey=x"></script>', `<script type="text/x-ccm-loader" data-ccm-loader-group="marketing">${SNIPPET}</script>`, 'type="text/x-ccm-loader"'],
    ['consentmanager', '<script src="https://cdn.consentmanager.net/delivery/autoblocking/x.js"></script>', `<script type="text/plain" class="cmplazyload" data-cmp-vendor="s1" data-cmp-src="${MTC}"></script>`, 'data-cmp-src'],
    ['Real Cookie Banner', '', `<script type="text/plain" consent-required="12" consent-by="services" consent-original-src="${MTC}"></script>`, 'consent-original-src'],
  ];
  for (const [name, cmpScript, tag, how] of cases) {
    it(`recognises ${name} (${how})`, () => {
      const e = detect(cmpScript + tag);
      expect(e.loaders).toHaveLength(1);
      expect(e.loaders[0]!.blocked).toEqual({ by: name, how });
      expect(e.consentManagers).toContain(name);
    });
  }

  it('counts a neutralised tag without any consent manager markup as held back by an unknown tool', () => {
    expect(detect(`<script type="text/plain">${SNIPPET}</script>`).loaders[0]!.blocked).toEqual({ by: null, how: 'type="text/plain"' });
    expect(detect(`<script data-src="${MTC}"></script>`).loaders[0]!.blocked).toEqual({ by: null, how: 'data-src' });
  });

  it('does not count a JavaScript type, or Cookiebot’s "ignore", as held back', () => {
    for (const type of ['text/javascript', 'application/javascript', 'module', ' TEXT/JavaScript ']) expect(detect(`<script type="${type}" src="${MTC}"></script>`).loaders[0]!.blocked, type).toBeNull();
    const e = detect(`<script src="https://consent.cookiebot.com/uc.js"></script><script data-cookieconsent="ignore" src="${MTC}"></script>`);
    expect(e.loaders[0]!.blocked).toBeNull();
    expect(e.consentManagers).toEqual(['Cookiebot']);
  });

  it('notes consent APIs an inline loader waits for', () => {
    const e = detect(`<script>window.addEventListener('CookiebotOnAccept',function(){if(Cookiebot.consent.marketing){${SNIPPET}}});</script>`);
    expect(e.loaders[0]!.blocked).toBeNull();
    expect(e.loaders[0]!.consentApis).toEqual(['Cookiebot', 'CookiebotOnAccept']);
  });
});

describe('detectTrackingEmbed: what else the page shows', () => {
  it('finds tag managers by script URL and by the inline GTM snippet', () => {
    expect(detect('<script src="https://www.googletagmanager.com/gtm.js?id=GTM-X"></script>').tagManagers).toEqual(['Google Tag Manager']);
    const gtm = "(function(w,d,s,l,i){w[l]=w[l]||[];var f=d.getElementsByTagName(s)[0],j=d.createElement(s);j.async=true;j.src='https://www.googletagmanager.com/gtm.js?id='+i;f.parentNode.insertBefore(j,f);})(window,document,'script','dataLayer','GTM-ABC');";
    expect(detect(`<script>${gtm}</script>`).tagManagers).toEqual(['Google Tag Manager']);
  });

  it('reads Google Analytics in inline scripts (Mautic’s google_analytics raw script) and the libraries loaded', () => {
    const e = detect(
      '<script async src="https://www.googletagmanager.com/gtag/js?id=G-LP1"></script><script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag(\'js\',new Date());gtag(\'config\',\'G-LP1\');</script>',
    );
    expect(e.analytics).toEqual([{ api: 'gtag.js', id: 'G-LP1', anonymized: false }]);
    expect(e.analyticsLibraries).toEqual(['https://www.googletagmanager.com/gtag/js?id=G-LP1']);
    expect(detect("<script>fbq('init','999');fbq('track','PageView');</script>").facebook).toEqual([{ id: '999', personalFields: [] }]);
  });

  it('does not decode entities in script text, but does in attributes', () => {
    // A browser runs script text as written: `&amp;` stays four characters there.
    const e = detect(`<script>${SNIPPET.replace(MTC, `${MTC}?v=1&amp;w=2`)}</script><script src="https://mautic.example.org/mtc.js?x=1&amp;y=2"></script>`);
    expect(e.loaders.map((l) => l.url)).toEqual([`${MTC}?v=1&amp;w=2`, 'https://mautic.example.org/mtc.js?x=1&y=2']);
  });

  it('caps the inline scripts analysed and says so', () => {
    const e = detect('<script>var a=1;</script>'.repeat(MAX_INLINE_SCRIPTS + 5) + `<script>${SNIPPET}</script>`);
    expect(e.truncated).toBe(true);
    expect(e.loadsMautic).toBe(false);
    expect(detect(`<script>${SNIPPET}</script>`).truncated).toBe(false);
  });
});
