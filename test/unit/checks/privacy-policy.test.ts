import { describe, expect, it } from 'vitest';
import { loadChecklist } from '../../../electron/core/checklist/load';
import { renderFinding } from '../../../electron/core/checklist/messages';
import { privacyPolicyArt13, privacyPolicyMentionsTracking, privacyPolicyReachable } from '../../../electron/core/checks/privacy-policy';
import { namesForHost, siteOf } from '../../../electron/core/checks/third-party-names';
import { extractResources, type LandingPageObservation } from '../../../electron/core/probes/landing';
import { detectLanguage, extractVisibleText } from '../../../electron/core/probes/page-text';
import { recognizeElements } from '../../../electron/core/probes/privacy-elements';
import type { PrivacyPolicyObservation } from '../../../electron/core/probes/privacy-policy';
import { splitSentences } from '../../../electron/core/probes/sentences';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';
import { ENGLISH_COMPLETE, GERMAN_COMPLETE, GERMAN_INCOMPLETE } from '../../fixtures/privacy-policies';

const URL_DE = 'https://www.muster.de/datenschutz';

/** An observation as the probe makes it, from a policy's HTML (the probe's own extraction functions). */
function observe(html: string | null, spec: Partial<PrivacyPolicyObservation> = {}): PrivacyPolicyObservation {
  const page = html === null ? null : extractVisibleText(html);
  const sentences = page ? splitSentences(page.text).sentences : [];
  return {
    source: 'given', url: URL_DE, link: null, searched: [], chain: [URL_DE], status: 200, contentType: 'text/html; charset=utf-8', error: null, httpsVariant: null,
    language: page ? detectLanguage(page.text, page.htmlLang) : null,
    text: page ? { chars: page.text.length, sentences: sentences.length, bodyTruncated: false, textTruncated: false } : null,
    sentences, elements: recognizeElements(sentences), fetchEvidence: ['sha-exchange'], textEvidence: page ? 'sha-text' : null, elementsEvidence: page ? 'sha-elements' : null,
    ...spec,
  };
}

const ok = (data: PrivacyPolicyObservation): ProbeResult<PrivacyPolicyObservation> => ({ ok: true, data, evidence: ['sha-all'] });
const failed: ProbeResult<PrivacyPolicyObservation> = { ok: false, error: { code: 'protocol', message: 'probe broke' }, evidence: [] };
const codes = (o: { findings: { code: string }[] }) => o.findings.map((f) => f.code);
const reachable = (o: PrivacyPolicyObservation) => privacyPolicyReachable.evaluate({ 'privacy-policy': ok(o) });
const art13 = (o: PrivacyPolicyObservation) => privacyPolicyArt13.evaluate({ 'privacy-policy': ok(o) });

function landing(pages: { url: string; html: string }[]): ProbeResult<ObservationMap['landing-pages']> {
  const observed: LandingPageObservation[] = pages.map((p, i) => ({
    url: p.url, discoveredFrom: null, chain: [p.url], status: 200, contentType: 'text/html', error: null, parsedAsHtml: true, stylesheets: [], resources: extractResources(p.html, p.url).resources,
    resourcesTruncated: false, bodyTruncated: false, forms: [], tracking: null, evidence: [`sha-page-${i}`],
  }));
  return { ok: true, data: { pages: observed, skipped: 0, installationHost: 'mautic.muster.de' }, evidence: observed.flatMap((p) => p.evidence) };
}
const LANDING = `<html><head><script src="https://cdn.jsdelivr.net/npm/lib.js"></script><script src="https://mautic.muster.de/mtc.js"></script>
  <link rel="stylesheet" href="/site.css"></head><body><iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe></body></html>`;
const mentions = (o: PrivacyPolicyObservation, pages = [{ url: 'https://www.muster.de/lp', html: LANDING }]) =>
  privacyPolicyMentionsTracking.evaluate({ 'privacy-policy': ok(o), 'landing-pages': landing(pages) });

describe('privacy-policy.reachable', () => {
  it('passes a policy given by the auditor and read over https', () => {
    const out = reachable(observe(GERMAN_COMPLETE));
    expect(out.status).toBe('pass');
    expect(out.findings).toEqual([{ code: 'policy-reachable', status: 'pass', params: { url: URL_DE } }]);
    expect(out.evidence).toEqual(['sha-exchange']);
  });

  it('names the page and link text when the link was found on the site', () => {
    const searched = [{ url: 'https://www.muster.de/lp', status: 200, error: null, evidence: ['sha-lp'] }];
    const out = reachable(observe(GERMAN_COMPLETE, { source: 'linked', link: { page: 'https://www.muster.de/lp', text: 'Datenschutz' }, searched }));
    expect(out.status).toBe('pass');
    expect(codes(out)).toEqual(['policy-link-found', 'policy-reachable']);
    expect(out.findings[0]!.params).toEqual({ page: 'https://www.muster.de/lp', text: 'Datenschutz', url: URL_DE });
    expect(out.evidence).toEqual(['sha-lp', 'sha-exchange']);
  });

  it('fails a policy served only over http, and warns when https would work', () => {
    const http = 'http://www.muster.de/datenschutz';
    const only = reachable(observe(GERMAN_COMPLETE, { url: http, chain: [http], httpsVariant: { url: URL_DE, status: null, error: { code: 'refused', message: 'refused' }, evidence: [] } }));
    expect(only.status).toBe('fail');
    expect(only.findings).toEqual([{ code: 'policy-http-only', status: 'fail', params: { url: http } }]);
    const link = reachable(observe(GERMAN_COMPLETE, { url: http, chain: [http], httpsVariant: { url: URL_DE, status: 200, error: null, evidence: ['sha-https'] } }));
    expect(link.status).toBe('warn');
    expect(link.findings).toEqual([{ code: 'policy-http-link', status: 'warn', params: { url: http, https: URL_DE } }]);
    expect(link.evidence).toContain('sha-https');
  });

  it('fails a redirect from https down to http', () => {
    const out = reachable(observe(GERMAN_COMPLETE, { chain: [URL_DE, 'http://www.muster.de/ds'] }));
    expect(codes(out)).toEqual(['policy-http-only']);
  });

  it('fails 4xx and 5xx answers', () => {
    for (const status of [404, 500]) {
      const out = reachable(observe(null, { status }));
      expect(out.status, String(status)).toBe('fail');
      expect(out.findings).toEqual([{ code: 'policy-status', status: 'fail', params: { url: URL_DE, status } }]);
    }
  });

  it('warns when the answer holds no readable text', () => {
    const out = reachable(observe(null, { contentType: 'application/pdf' }));
    expect(out.status).toBe('warn');
    expect(out.findings).toEqual([{ code: 'policy-no-text', status: 'warn', params: { url: URL_DE, contentType: 'application/pdf' } }]);
  });

  it('warns, naming the pages searched, when no URL was given and no link found', () => {
    const searched = [
      { url: 'https://www.muster.de/lp', status: 200, error: null, evidence: ['sha-lp'] },
      { url: 'https://mautic.muster.de/', status: null, error: { code: 'timeout' as const, message: 'timeout after 10000 ms' }, evidence: ['sha-m'] },
    ];
    const out = reachable(observe(null, { source: 'not-found', url: null, chain: [], status: null, searched, fetchEvidence: [] }));
    expect(out.status).toBe('warn');
    expect(out.findings).toEqual([{ code: 'policy-not-found', status: 'warn', params: { pages: ['https://www.muster.de/lp'] } }]);
    expect(out.evidence).toEqual(['sha-lp', 'sha-m']);
  });

  it('is an error when no page could be searched, or the policy could not be fetched', () => {
    const searched = [{ url: 'https://mautic.muster.de/', status: null, error: { code: 'refused' as const, message: 'connection refused' }, evidence: [] }];
    const none = reachable(observe(null, { source: 'not-found', url: null, chain: [], status: null, searched }));
    expect(none.findings).toEqual([{ code: 'policy-search-failed', status: 'error', cause: 'refused', params: { pages: ['https://mautic.muster.de/'], error: 'connection refused' } }]);
    const down = reachable(observe(null, { status: null, error: { code: 'dns', message: 'host not found' } }));
    expect(down.status).toBe('error');
    expect(down.findings).toEqual([{ code: 'policy-unreachable', status: 'error', cause: 'dns', params: { url: URL_DE, error: 'host not found' } }]);
  });

  it('is an error when the probe failed', () => {
    expect(privacyPolicyReachable.evaluate({ 'privacy-policy': failed }).status).toBe('error');
  });
});

describe('privacy-policy.art13', () => {
  it('asks the auditor to confirm the quotes when every element was found (German and English)', () => {
    for (const html of [GERMAN_COMPLETE, ENGLISH_COMPLETE]) {
      const out = art13(observe(html));
      expect(out.status).toBe('manual');
      expect(codes(out)).toEqual(['art13-all-found', 'controller-found', 'dpo-found', 'purposes-found', 'legal-basis-found', 'recipients-found', 'transfers-found', 'retention-found', 'rights-found', 'withdrawal-found', 'complaint-found']);
      for (const f of out.findings.slice(1)) expect((f.params!.quote as string).length, f.code).toBeGreaterThan(20);
      expect(out.evidence).toEqual(['sha-text', 'sha-elements', 'sha-exchange']);
    }
  });

  it('warns for each element missing from an incomplete policy, with the rights not named', () => {
    const out = art13(observe(GERMAN_INCOMPLETE));
    expect(out.status).toBe('warn');
    const warned = out.findings.filter((f) => f.status === 'warn');
    expect(warned.map((f) => f.code)).toEqual(['dpo-missing', 'transfers-missing', 'retention-missing', 'rights-missing', 'withdrawal-missing', 'complaint-missing']);
    expect(warned.find((f) => f.code === 'rights-missing')!.params).toEqual({ element: 'rights', missing: ['Art. 16', 'Art. 18', 'Art. 20', 'Art. 21'] });
    expect(out.findings.find((f) => f.code === 'controller-found')!.params).toEqual({
      element: 'controller',
      quote: 'Verantwortlich für die Datenverarbeitung ist die Beispiel AG, Hauptstraße 5, 80331 München, E-Mail: info@beispiel.de.',
    });
    expect(codes(out)).not.toContain('art13-all-found');
  });

  it('says that a cut-off policy may hold the missing elements further on', () => {
    const o = observe(GERMAN_INCOMPLETE);
    const out = art13({ ...o, text: { ...o.text!, textTruncated: true } });
    expect(out.findings[out.findings.length - 1]).toEqual({ code: 'policy-text-truncated', status: 'warn', params: { limit: 300_000 } });
    expect(codes(art13({ ...observe(GERMAN_COMPLETE), text: { ...o.text!, bodyTruncated: true } }))).not.toContain('policy-text-truncated');
  });

  it('is an error (never a pass) when there is no text to read', () => {
    const out = art13(observe(null, { status: 404 }));
    expect(out.status).toBe('error');
    expect(codes(out)).toEqual(['policy-not-read']);
  });
});

describe('privacy-policy.mentions-tracking', () => {
  it('asks for confirmation when Mautic, its cookies and every third party are named', () => {
    const out = mentions(observe(GERMAN_COMPLETE));
    expect(out.status).toBe('manual');
    expect(codes(out)).toEqual(['tracking-all-named', 'mautic-found', 'mautic-cookies-found', 'third-party-named', 'third-party-named']);
    expect(out.findings[2]!.params).toMatchObject({ cookies: ['mtc_id', 'mautic_device_id', 'mtc_sid'] });
    expect(out.findings.slice(3).map((f) => [f.params!.host, f.params!.name])).toEqual([
      ['cdn.jsdelivr.net', 'jsDelivr'],
      ['www.youtube-nocookie.com', 'YouTube'],
    ]);
    expect(out.findings[4]!.params!.quote).toMatch(/^Auf unseren Landingpages binden wir Videos von YouTube ein/);
    expect(out.evidence).toEqual(['sha-text', 'sha-elements', 'sha-exchange', 'sha-page-0']);
  });

  it('warns for Mautic, its cookies and each third party not named', () => {
    const out = mentions(observe(GERMAN_INCOMPLETE));
    expect(out.status).toBe('warn');
    expect(out.findings).toEqual([
      { code: 'mautic-missing', status: 'warn', params: { element: 'mautic' } },
      { code: 'mautic-cookies-missing', status: 'warn', params: { element: 'mautic-cookies', missing: ['mtc_id', 'mautic_device_id'] } },
      { code: 'third-party-not-named', status: 'warn', params: { element: 'cdn.jsdelivr.net', host: 'cdn.jsdelivr.net', names: ['cdn.jsdelivr.net', 'jsdelivr.net', 'jsDelivr'], pages: ['https://www.muster.de/lp'] } },
      { code: 'third-party-not-named', status: 'warn', params: { element: 'www.youtube-nocookie.com', host: 'www.youtube-nocookie.com', names: ['youtube-nocookie.com', 'YouTube', 'Google'], pages: ['https://www.muster.de/lp'] } },
    ]);
  });

  it('finds a third party by its host name, and says when there was nothing to compare', () => {
    const html = '<p>Wir laden Skripte von static.partner-cdn.example, einem Dienstleister in Irland.</p><p>Mautic setzt mtc_id und mautic_device_id.</p>';
    const page = { url: 'https://www.muster.de/lp', html: '<script src="https://static.partner-cdn.example/a.js"></script>' };
    const named = mentions(observe(html), [page]);
    expect(named.findings.find((f) => f.code === 'third-party-named')!.params).toMatchObject({ host: 'static.partner-cdn.example', name: 'static.partner-cdn.example' });
    expect(codes(mentions(observe(html), [{ url: 'https://www.muster.de/lp', html: '<img src="/a.png">' }]))).toContain('third-parties-none');
    const uncompared = mentions(observe(html), []);
    expect(uncompared.status).toBe('manual');
    expect(codes(uncompared)).toEqual(['mautic-found', 'mautic-cookies-found', 'third-parties-not-compared']);
  });

  it('is an error when the policy could not be read', () => {
    const out = mentions(observe(null, { source: 'not-found', url: null, chain: [], status: null }));
    expect(out.status).toBe('error');
    expect(codes(out)).toEqual(['policy-not-read']);
  });
});

describe('the finding texts', () => {
  const list = loadChecklist('mautic-dsgvo');

  it('show the quotes in both languages', () => {
    const f = art13(observe(GERMAN_COMPLETE)).findings.find((x) => x.code === 'retention-found')!;
    expect(renderFinding(list, 'privacy-policy.art13', f, 'de')).toBe(`Speicherdauer: „${f.params!.quote as string}“`);
    expect(renderFinding(list, 'privacy-policy.art13', f, 'en')).toBe(`Retention period: "${f.params!.quote as string}"`);
    const missing = mentions(observe(GERMAN_INCOMPLETE)).findings[1]!;
    expect(renderFinding(list, 'privacy-policy.mentions-tracking', missing, 'de')).toContain('Die Mautic-Cookies mtc_id, mautic_device_id werden');
  });
});

describe('namesForHost', () => {
  it('knows the provider behind a host and the registrable site', () => {
    expect(namesForHost('fonts.gstatic.com')).toEqual(['fonts.gstatic.com', 'gstatic.com', 'Google']);
    expect(namesForHost('connect.facebook.net')).toEqual(['connect.facebook.net', 'facebook.net', 'Meta', 'Facebook', 'Instagram']);
    expect(namesForHost('www.clarity.ms')).toContain('Microsoft');
    expect(siteOf('cdn.shop.example.co.uk')).toBe('example.co.uk');
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
  });
});
