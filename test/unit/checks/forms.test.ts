import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '../../../electron/core/checks/types';
import { FORM_CHECKS, formsConsentCheckbox, formsHttpsAction, formsPrivacyLink } from '../../../electron/core/checks/forms';
import { extractForms } from '../../../electron/core/probes/form-parse';
import type { FormPageObservation } from '../../../electron/core/probes/forms';
import { extractResources, type LandingPageObservation } from '../../../electron/core/probes/landing';
import type { ObservationMap, ProbeResult } from '../../../electron/core/probes/types';
import { renderForm, renderFormPage, type FieldSpec, type MauticVersion } from '../../fixtures/mautic-forms';
import { failed } from './exchange-fixture';

const SITE = 'https://mautic.example.de';
const FORM_URL = `${SITE}/form/3`;

let n = 0;
function formPage(url: string, html: string, spec: Partial<FormPageObservation> = {}): FormPageObservation {
  n += 1;
  const chain = spec.chain ?? [url];
  const { forms, truncated } = extractForms(html, chain[chain.length - 1]!);
  return { url, chain, status: 200, contentType: 'text/html; charset=UTF-8', error: null, notHtml: false, bodyTruncated: false, forms, formsTruncated: truncated, evidence: [`sha-form-${n}`], ...spec };
}

function landingPage(url: string, html: string, spec: Partial<LandingPageObservation> = {}): LandingPageObservation {
  n += 1;
  const { resources } = extractResources(html, url);
  return { url, discoveredFrom: null, chain: [url], status: 200, contentType: 'text/html', error: null, parsedAsHtml: true, resources, resourcesTruncated: false, bodyTruncated: false, stylesheets: [], forms: extractForms(html, url).forms, tracking: null, evidence: [`sha-landing-${n}`], ...spec };
}

type Obs = { forms: ProbeResult<ObservationMap['forms']>; 'landing-pages': ProbeResult<ObservationMap['landing-pages']> };
function obs(pages: FormPageObservation[], landing: LandingPageObservation[] = [], privacyPolicyUrl: string | null = null, skipped = 0): Obs {
  return {
    forms: { ok: true, data: { pages, skipped, privacyPolicyUrl }, evidence: pages.flatMap((p) => p.evidence) },
    'landing-pages': { ok: true, data: { pages: landing, skipped: 0, installationHost: 'mautic.example.de' }, evidence: landing.flatMap((p) => p.evidence) },
  };
}

const codes = (o: CheckOutcome) => o.findings.map((f) => f.code);
const consent = (over: Partial<FieldSpec> = {}): FieldSpec => ({
  alias: 'einwilligung',
  type: 'checkboxgrp',
  label: 'Einwilligung',
  required: true,
  options: [['Ja', 'Ich willige ein, den Newsletter zu erhalten. Hinweise in der <a href="/datenschutz">Datenschutzerklärung</a>.']],
  ...over,
});
const html = (fields: FieldSpec[], opts: { version?: MauticVersion; action?: string; footer?: string } = {}) =>
  renderFormPage(opts.version ?? '4.4', { id: 3, name: 'newsletter', action: opts.action ?? `${SITE}/form/submit?formId=3`, fields: [{ alias: 'email', type: 'email', label: 'E-Mail', required: true }, ...fields] }, { footer: opts.footer });
const one = (fields: FieldSpec[], opts?: Parameters<typeof html>[1]) => obs([formPage(FORM_URL, html(fields, opts))]);
const AT = { page: FORM_URL, form: 'newsletter (formId=3)' };

describe('FORM_CHECKS', () => {
  it('has the three ids of CHECKLIST.md, each reading both probes and declaring the shared codes', () => {
    expect(FORM_CHECKS.map((c) => c.id)).toEqual(['forms.consent-checkbox', 'forms.privacy-link', 'forms.https-action']);
    for (const c of FORM_CHECKS) {
      expect(c.probes).toEqual(['forms', 'landing-pages']);
      expect(c.codes).toEqual(expect.arrayContaining(['forms-none', 'form-page-unreachable', 'form-page-status', 'form-page-not-html', 'form-page-no-form', 'probe-error']));
    }
  });

  it('does not apply when no form page was given and no landing page has a Mautic form', () => {
    for (const o of [obs([]), obs([], [landingPage('https://www.example.de/', '<form role="search"><input name="q"></form>')])]) {
      for (const c of FORM_CHECKS) {
        expect(c.evaluate(o).status, c.id).toBe('not_applicable');
        expect(codes(c.evaluate(o))).toEqual(['forms-none']);
      }
    }
  });

  it('reports error, never pass, for a failed probe and for pages that could not be read', () => {
    for (const c of FORM_CHECKS) expect(c.evaluate({ ...obs([]), forms: failed() }).status).toBe('error');
    const down = formPage(`${SITE}/form/4`, '', { status: null, error: { code: 'refused', message: 'connection refused' } });
    const gone = formPage(`${SITE}/form/5`, '<html>Not found</html>', { status: 404 });
    const binary = formPage(`${SITE}/form/6`, '', { contentType: 'application/octet-stream', notHtml: true });
    const good = formPage(FORM_URL, html([consent()]));
    for (const c of FORM_CHECKS) {
      const o = c.evaluate(obs([good, down, gone, binary]));
      expect(o.status, c.id).toBe('error');
      expect(o.findings.filter((f) => f.status === 'error')).toEqual([
        { code: 'form-page-unreachable', status: 'error', cause: 'refused', params: { page: `${SITE}/form/4`, error: 'connection refused' } },
        { code: 'form-page-status', status: 'error', cause: 'http-status', params: { page: `${SITE}/form/5`, status: 404 } },
        { code: 'form-page-not-html', status: 'error', cause: 'content', params: { page: `${SITE}/form/6`, contentType: 'application/octet-stream' } },
      ]);
      expect(o.evidence).toEqual(expect.arrayContaining([...good.evidence, ...down.evidence, ...gone.evidence, ...binary.evidence]));
    }
  });

  it('warns for a form page without a Mautic form, a truncated page and pages beyond the cap', () => {
    const empty = formPage(`${SITE}/form/7`, '<html><body><p>Danke!</p></body></html>');
    const cut = formPage(FORM_URL, html([consent()]), { bodyTruncated: true });
    const o = formsConsentCheckbox.evaluate(obs([empty, cut], [], null, 2));
    expect(o.status).toBe('warn');
    expect(o.findings).toEqual([
      { code: 'consent-ok', status: 'pass', params: { ...AT, field: 'einwilligung' } },
      { code: 'form-page-no-form', status: 'warn', params: { page: `${SITE}/form/7` } },
      { code: 'forms-incomplete', status: 'warn', params: { pages: [FORM_URL] } },
      { code: 'form-pages-capped', status: 'warn', params: { limit: 50, skipped: 2 } },
    ]);
  });
});

describe('forms.consent-checkbox', () => {
  it.each(['2.16', '4.4', '5.1'] as const)('passes a required, unticked consent box (Mautic %s)', (version) => {
    const o = formsConsentCheckbox.evaluate(one([consent()], { version }));
    expect(o.status).toBe('pass');
    expect(o.findings).toEqual([{ code: 'consent-ok', status: 'pass', params: { ...AT, field: 'einwilligung' } }]);
  });

  it('fails a form without any checkbox group', () => {
    const o = formsConsentCheckbox.evaluate(one([]));
    expect(o.findings).toEqual([{ code: 'consent-missing', status: 'fail', params: AT }]);
  });

  it('warns when the checkbox groups do not read like consent', () => {
    const o = formsConsentCheckbox.evaluate(one([{ alias: 'themen', type: 'checkboxgrp', label: 'Themen', options: [['a', 'Produkte'], ['b', 'Veranstaltungen']] }]));
    expect(o.findings).toEqual([{ code: 'consent-unrecognised', status: 'warn', params: { ...AT, fields: ['themen'] } }]);
  });

  it('recognises English consent wording', () => {
    const o = formsConsentCheckbox.evaluate(one([consent({ label: 'Terms', options: [['yes', 'I agree to the processing of my data.']] })]));
    expect(o.status).toBe('pass');
  });

  it('fails a consent box that is not required', () => {
    const o = formsConsentCheckbox.evaluate(one([consent({ required: false })]));
    expect(o.findings).toEqual([{ code: 'consent-not-required', status: 'fail', params: { ...AT, fields: ['einwilligung'] } }]);
  });

  it('accepts an optional second consent box next to a required one', () => {
    const newsletter = consent({ alias: 'newsletter', label: 'Newsletter', required: false, options: [['1', 'Ja, ich möchte den Newsletter erhalten.']] });
    expect(formsConsentCheckbox.evaluate(one([consent(), newsletter])).findings).toEqual([{ code: 'consent-ok', status: 'pass', params: { ...AT, field: 'einwilligung' } }]);
  });

  it.each(['2.16', '4.4', '5.1'] as const)('fails a pre-ticked box both ways: checked option and hidden default (Mautic %s)', (version) => {
    const byDefault = formsConsentCheckbox.evaluate(one([consent({ defaultValue: 'Ja' })], { version }));
    expect(byDefault.status).toBe('fail');
    expect(byDefault.findings).toEqual([
      { code: 'consent-prechecked', status: 'fail', params: { ...AT, field: 'einwilligung', options: ['Ich willige ein, den Newsletter zu erhalten. Hinweise in der Datenschutzerklärung.'] } },
      { code: 'consent-hidden-default', status: 'fail', params: { ...AT, field: 'einwilligung', value: 'Ja' } },
    ]);
    expect(codes(formsConsentCheckbox.evaluate(one([consent({ inputAttributes: 'checked' })], { version })))).toEqual(['consent-prechecked']);
    expect(codes(formsConsentCheckbox.evaluate(one([consent({ defaultValue: '1' })], { version })))).toEqual(['consent-hidden-default']);
  });

  it('ignores other forms that ask for personal data', () => {
    const page = formPage(FORM_URL, `${html([consent()])}<form action="/kontakt"><input type="email" name="mail"></form>`);
    expect(formsConsentCheckbox.evaluate(obs([page])).findings).toHaveLength(1);
  });
});

describe('forms.privacy-link', () => {
  it('passes a link in the consent label', () => {
    const o = formsPrivacyLink.evaluate(one([consent()]));
    expect(o.findings).toEqual([{ code: 'privacy-link-ok', status: 'pass', params: { ...AT, href: `${SITE}/datenschutz` } }]);
  });

  it('passes a link in a free text field, also when only the address matches the named privacy policy', () => {
    const notice: FieldSpec = { alias: 'hinweis', type: 'freetext', label: '', text: '<p>Details <a href="https://www.example.de/rechtliches/dse/">hier</a>.</p>' };
    const page = formPage(FORM_URL, html([consent({ options: [['Ja', 'Ich stimme zu.']] }), notice]));
    expect(formsPrivacyLink.evaluate(obs([page])).status).toBe('fail');
    const o = formsPrivacyLink.evaluate(obs([page], [], 'https://www.example.de/rechtliches/dse#top'));
    expect(o.findings).toEqual([{ code: 'privacy-link-ok', status: 'pass', params: { ...AT, href: 'https://www.example.de/rechtliches/dse/' } }]);
  });

  it('warns when the privacy policy is only linked elsewhere on the page, fails when nowhere', () => {
    const plain = consent({ options: [['Ja', 'Ich stimme zu.']] });
    const footer = '<footer><a href="/impressum">Impressum</a><a href="https://www.example.de/privacy-policy">Privacy</a></footer>';
    expect(formsPrivacyLink.evaluate(one([plain], { footer })).findings).toEqual([
      { code: 'privacy-link-page-only', status: 'warn', params: { ...AT, href: 'https://www.example.de/privacy-policy' } },
    ]);
    expect(formsPrivacyLink.evaluate(one([plain], { footer: '<a href="/impressum">Impressum</a><a href="javascript:showPrivacy()">Datenschutz</a>' })).findings).toEqual([
      { code: 'privacy-link-missing', status: 'fail', params: AT },
    ]);
  });
});

describe('forms.https-action', () => {
  it('passes an https action', () => {
    expect(formsHttpsAction.evaluate(one([consent()])).findings).toEqual([{ code: 'action-https', status: 'pass', params: { ...AT, action: `${SITE}/form/submit?formId=3` } }]);
  });

  it('fails an http action (site_url with http://)', () => {
    const o = formsHttpsAction.evaluate(one([consent()], { action: 'http://mautic.example.de/form/submit?formId=3' }));
    expect(o.findings).toEqual([{ code: 'action-not-https', status: 'fail', params: { ...AT, action: 'http://mautic.example.de/form/submit?formId=3' } }]);
  });

  it('judges a missing action as the page itself, and a page served over http', () => {
    const page = formPage('http://www.example.de/kontakt', '<form id="mauticform_kontakt"><input type="email" name="mauticform[email]"></form>');
    const o = formsHttpsAction.evaluate(obs([page]));
    expect(o.findings).toEqual([
      { code: 'action-not-https', status: 'fail', params: { page: 'http://www.example.de/kontakt', form: 'kontakt', action: 'http://www.example.de/kontakt' } },
      { code: 'form-page-not-https', status: 'fail', params: { page: 'http://www.example.de/kontakt', form: 'kontakt', url: 'http://www.example.de/kontakt' } },
    ]);
  });

  it('judges submit buttons with formaction, unusual schemes and non-Mautic forms that ask for personal data', () => {
    const page = formPage(FORM_URL, `<form action="mailto:info@example.de"><input type="email" name="from"></form>
      <form id="kontakt" action="/send"><input type="tel" name="phone"><button formaction="http://www.example.de/send">Go</button></form>`);
    expect(formsHttpsAction.evaluate(obs([page])).findings).toEqual([
      { code: 'action-unusual', status: 'warn', params: { page: FORM_URL, form: '<form> 1', action: 'mailto:info@example.de' } },
      { code: 'action-not-https', status: 'fail', params: { page: FORM_URL, form: 'kontakt', action: 'http://www.example.de/send' } },
    ]);
  });
});

describe('forms on landing pages', () => {
  const LP = 'https://www.example.de/angebot';

  it('judges a Mautic form embedded in a landing page, naming page and form', () => {
    const lp = landingPage(LP, `<html><body>${renderForm('5.1', { id: 9, name: 'angebot', action: `${SITE}/form/submit?formId=9`, fields: [consent({ defaultValue: 'Ja' })] })}</body></html>`);
    const o = formsConsentCheckbox.evaluate(obs([], [lp]));
    expect(o.status).toBe('fail');
    expect(o.findings.map((f) => f.params)).toEqual([
      { page: LP, form: 'angebot (formId=9)', field: 'einwilligung', options: [expect.any(String)] },
      { page: LP, form: 'angebot (formId=9)', field: 'einwilligung', value: 'Ja' },
    ]);
    expect(o.evidence).toEqual(lp.evidence);
  });

  it('warns for a form loaded by generate.js or an iframe unless that form page was given', () => {
    const lp = landingPage(LP, `<script src="${SITE}/form/generate.js?id=3"></script><iframe src="${SITE}/form/embed/4"></iframe>`);
    const o = formsConsentCheckbox.evaluate(obs([], [lp]));
    expect(o.findings).toEqual([
      { code: 'form-embed-not-checked', status: 'warn', params: { page: LP, url: `${SITE}/form/3` } },
      { code: 'form-embed-not-checked', status: 'warn', params: { page: LP, url: `${SITE}/form/4` } },
    ]);
    const given = formsConsentCheckbox.evaluate(obs([formPage(FORM_URL, html([consent()]))], [lp]));
    expect(codes(given)).toEqual(['consent-ok', 'form-embed-not-checked']);
  });

  it('judges a page given both as form page and as landing page once', () => {
    const page = html([consent()]);
    expect(formsConsentCheckbox.evaluate(obs([formPage(FORM_URL, page)], [landingPage(FORM_URL, page)])).findings).toHaveLength(1);
  });
});
