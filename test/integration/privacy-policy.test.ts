import type http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { ENGLISH_COMPLETE, GERMAN_COMPLETE, GERMAN_INCOMPLETE, pageLinkingTo } from '../fixtures/privacy-policies';
import { startHardenedSite, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const CHECKS = ['privacy-policy.reachable', 'privacy-policy.mentions-tracking', 'privacy-policy.art13'];
/** The landing page embeds YouTube and jsDelivr (listed, never fetched) and links to the policy in its footer. */
const LANDING_HEAD = '<script src="https://cdn.jsdelivr.net/npm/lib@1/lib.min.js"></script><link rel="stylesheet" href="/site.css">';
const LANDING = pageLinkingTo('/datenschutz', LANDING_HEAD).replace('</body>', '<iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe></body>');
/** Over the harness's 1 MiB body cap: the elements after the filler are never read. */
const HUGE = GERMAN_INCOMPLETE.replace('</body>', `${'<p>Allgemeine Hinweise zu dieser Website und ihren Inhalten.</p>'.repeat(25_000)}</body>`);
const NO_LINK = '<!doctype html><html lang="de"><body><h1>Angebot</h1><a href="/impressum">Impressum</a></body></html>';

const ca = makeCa();
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** The company website (127.0.0.1): landing pages and policies; the Mautic installation is another host (localhost). */
const websiteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  const pages: Record<string, string> = { '/lp': LANDING, '/ohne-link': NO_LINK, '/datenschutz': GERMAN_COMPLETE, '/unvollstaendig': GERMAN_INCOMPLETE, '/privacy': ENGLISH_COMPLETE, '/riesig': HUGE };
  if (path === '/ds-alt') return void res.writeHead(301, { Location: '/datenschutz' }).end();
  if (pages[path]) return void res.writeHead(200, html).end(pages[path]);
  res.writeHead(404, html).end('<html><body><h1>Seite nicht gefunden</h1></body></html>');
};

type Audited = Awaited<ReturnType<typeof auditTarget>>;
let mautic: { url: string; httpUrl: string };
let website: RunningServer;
let plain: RunningServer;

beforeAll(async () => {
  const site = await startHardenedSite(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }));
  website = await startHttps(ca.issue({ commonName: '127.0.0.1', hosts: LOCAL_HOSTS }), websiteHandler);
  plain = await startHttp((_req, res) => void res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(GERMAN_COMPLETE));
  servers.push(...site.servers, website, plain);
  mautic = { url: site.url, httpUrl: site.httpUrl };
});

const site = (path: string) => `https://127.0.0.1:${website.port}${path}`;
const audit = (opts: { privacyPolicyUrl?: string; landingPages?: string[]; lang?: 'de' | 'en' }) => auditTarget({ ...mautic, caPem: ca.certPem, ...opts });

function expectStoredEvidence(audited: Audited) {
  const stored = new Set(audited.result.evidence.map((e) => e.sha256));
  for (const id of CHECKS) {
    const check = audited.check(id);
    expect(check.automated, id).toBe(true);
    expect(check.evidence.length, id).toBeGreaterThan(0);
    for (const sha of check.evidence) expect(stored.has(sha), `${id} ${sha}`).toBe(true);
  }
}

/** The page-text evidence of the run: the extracted text and the element → quote map. */
function pageTextEvidence(audited: Audited) {
  const texts = audited.result.evidence.filter((e) => e.kind === 'page-text').map((e) => ({ ...audited.store.getEvidence(e.sha256)!, content: audited.store.readBlob(e.sha256).toString('utf8') }));
  const text = texts.find((e) => e.mediaType.startsWith('text/plain'))!;
  const json = texts.find((e) => e.mediaType === 'application/json')!;
  return { text, elements: JSON.parse(json.content) as { url: string; language: string; elements: Record<string, { quote: string }>; notFound: string[] }, json };
}

describe('a complete German policy at the URL the auditor gave (behind a redirect)', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await audit({ privacyPolicyUrl: site('/ds-alt'), landingPages: [site('/lp')], lang: 'de' });
  });

  it('passes privacy-policy.reachable at the address the redirect leads to', () => {
    const check = audited.check('privacy-policy.reachable');
    expect(check.status).toBe('pass');
    expect(check.findings).toEqual([{ code: 'policy-reachable', status: 'pass', params: { url: site('/datenschutz') } }]);
    expect(check.evidence).toHaveLength(2);
  });

  it('asks the auditor to confirm the Art. 13 elements, quoting each', () => {
    const check = audited.check('privacy-policy.art13');
    expect(check.status).toBe('manual');
    expect(check.findings[0]!.code).toBe('art13-all-found');
    expect(check.findings.slice(1).every((f) => f.status === 'manual' && typeof f.params?.quote === 'string')).toBe(true);
    expect(check.findings.find((f) => f.code === 'complaint-found')!.params!.quote).toMatch(/^Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren/);
    expect(check.message).toContain('Verantwortlicher mit Kontaktdaten: „1. Verantwortliche Stelle Verantwortlich für die Datenverarbeitung');
  });

  it('asks for confirmation that Mautic, its cookies, YouTube and jsDelivr are named', () => {
    const check = audited.check('privacy-policy.mentions-tracking');
    expect(check.status).toBe('manual');
    expect(check.findings.map((f) => f.code)).toEqual(['tracking-all-named', 'mautic-found', 'mautic-cookies-found', 'third-party-named', 'third-party-named']);
    expect(check.findings.slice(3).map((f) => `${f.params!.host} as ${f.params!.name}`)).toEqual(['cdn.jsdelivr.net as jsDelivr', 'www.youtube-nocookie.com as YouTube']);
  });

  it('stores the visible text and the element → quote map as page-text evidence', () => {
    const { text, elements, json } = pageTextEvidence(audited);
    expect(text.content).toContain('Verantwortlich für die Datenverarbeitung auf dieser Website ist:\nMuster GmbH\nMusterstraße 12');
    expect(text.content).not.toContain('window.dataLayer');
    expect(text.summary).toContain(site('/datenschutz'));
    expect(elements.url).toBe(site('/datenschutz'));
    expect(elements.language).toBe('de');
    expect(elements.notFound).toEqual([]);
    expect(elements.elements.mautic!.quote).toBe('Wir setzen die Open-Source-Software Mautic ein, die auf unserem eigenen Server in Deutschland betrieben wird.');
    expect(audited.check('privacy-policy.art13').evidence).toContain(json.sha256);
    expect(audited.check('privacy-policy.art13').evidence).toContain(text.sha256);
    expectStoredEvidence(audited);
  });
});

describe('no URL given: the link on the landing page', () => {
  it('is found and followed', async () => {
    const audited = await audit({ landingPages: [site('/lp')] });
    const check = audited.check('privacy-policy.reachable');
    expect(check.status).toBe('pass');
    expect(check.findings).toEqual([
      { code: 'policy-link-found', status: 'pass', params: { page: site('/lp'), text: 'Datenschutzerklärung', url: site('/datenschutz') } },
      { code: 'policy-reachable', status: 'pass', params: { url: site('/datenschutz') } },
    ]);
    expect(audited.check('privacy-policy.art13').status).toBe('manual');
    expectStoredEvidence(audited);
  });

  it('warns, naming the pages searched, when there is none; the content checks wait for the auditor', async () => {
    const audited = await audit({ landingPages: [site('/ohne-link')], lang: 'de' });
    const check = audited.check('privacy-policy.reachable');
    expect(check.status).toBe('warn');
    expect(check.findings).toEqual([{ code: 'policy-not-found', status: 'warn', params: { pages: [site('/ohne-link'), mautic.url] } }]);
    expect(check.message).toContain('--privacy-policy URL');
    for (const id of ['privacy-policy.art13', 'privacy-policy.mentions-tracking']) {
      // Nothing failed to run: the pages answered and link to no policy. Not a pass, and not an incomplete run.
      expect(audited.check(id).status, id).toBe('manual');
      expect(audited.codes(id), id).toEqual(['policy-not-located']);
      expect(audited.check(id).message, id).toContain('--privacy-policy URL');
    }
  });
});

describe('a policy that cannot be read properly', () => {
  it('fails on 404', async () => {
    const audited = await audit({ privacyPolicyUrl: site('/fehlt') });
    expect(audited.check('privacy-policy.reachable').findings).toEqual([{ code: 'policy-status', status: 'fail', params: { url: site('/fehlt'), status: 404 } }]);
    expect(audited.check('privacy-policy.art13').status).toBe('error');
  });

  it('fails when served only over http, though its content is still read', async () => {
    const url = `http://127.0.0.1:${plain.port}/datenschutz`;
    const audited = await audit({ privacyPolicyUrl: url });
    const check = audited.check('privacy-policy.reachable');
    expect(check.status).toBe('fail');
    expect(check.findings).toEqual([{ code: 'policy-http-only', status: 'fail', params: { url } }]);
    expect(check.evidence).toHaveLength(2);
    expect(audited.check('privacy-policy.art13').status).toBe('manual');
  });

  it('is an error when nothing answers', async () => {
    const gone = await startHttp(() => undefined);
    await gone.close();
    const url = `https://127.0.0.1:${gone.port}/datenschutz`;
    const audited = await audit({ privacyPolicyUrl: url });
    const check = audited.check('privacy-policy.reachable');
    expect(check.status).toBe('error');
    expect(check.findings[0]).toMatchObject({ code: 'policy-unreachable', status: 'error', params: { url } });
    expect(audited.check('privacy-policy.art13').status).toBe('error');
  });
});

describe('a policy larger than the download cap', () => {
  it('is read up to the cap, and the missing elements are flagged as possibly unread', async () => {
    expect(HUGE.length).toBeGreaterThan(1024 * 1024);
    const audited = await audit({ privacyPolicyUrl: site('/riesig') });
    expect(audited.check('privacy-policy.reachable').status).toBe('pass');
    const art13 = audited.check('privacy-policy.art13');
    expect(art13.status).toBe('warn');
    expect(art13.findings[art13.findings.length - 1]).toEqual({ code: 'policy-text-truncated', status: 'warn', params: { limit: 300_000 } });
    const { text } = pageTextEvidence(audited);
    expect(text.summary).toContain('capped');
    expect(text.size).toBeLessThanOrEqual(300_000 * 2);
  });
});

describe('an incomplete German policy', () => {
  it('warns for each missing element and for Mautic and the third parties not named', async () => {
    const audited = await audit({ privacyPolicyUrl: site('/unvollstaendig'), landingPages: [site('/lp')], lang: 'de' });
    expect(audited.check('privacy-policy.reachable').status).toBe('pass');
    const art13 = audited.check('privacy-policy.art13');
    expect(art13.status).toBe('warn');
    expect(art13.findings.filter((f) => f.status === 'warn').map((f) => f.code)).toEqual(['dpo-missing', 'transfers-missing', 'retention-missing', 'rights-missing', 'withdrawal-missing', 'complaint-missing']);
    expect(art13.message).toContain('nicht gefunden: Art. 16, Art. 18, Art. 20, Art. 21');
    expect(art13.message).toContain('Empfänger: „Ihre Daten werden an unseren Versanddienstleister weitergegeben.“');
    const mentions = audited.check('privacy-policy.mentions-tracking');
    expect(mentions.status).toBe('warn');
    expect(mentions.findings.map((f) => f.code)).toEqual(['mautic-missing', 'mautic-cookies-missing', 'third-party-not-named', 'third-party-not-named']);
    expect(mentions.message).toContain('Der Drittanbieter www.youtube-nocookie.com');
    expect(pageTextEvidence(audited).elements.notFound).toEqual(['mautic', 'mautic-cookies', 'dpo', 'retention', 'withdrawal', 'complaint', 'transfers']);
    expectStoredEvidence(audited);
  });
});

describe('a complete English policy', () => {
  it('is recognised with the English vocabulary and quoted in the English report', async () => {
    const audited = await audit({ privacyPolicyUrl: site('/privacy'), landingPages: [site('/lp')], lang: 'en' });
    expect(audited.check('privacy-policy.reachable').status).toBe('pass');
    const art13 = audited.check('privacy-policy.art13');
    expect(art13.status).toBe('manual');
    expect(art13.message).toContain('Legal basis: "The legal basis is your consent under Art. 6(1)(a) GDPR');
    expect(audited.check('privacy-policy.mentions-tracking').status).toBe('manual');
    expect(pageTextEvidence(audited).elements.language).toBe('en');
    expectStoredEvidence(audited);
  });
});
