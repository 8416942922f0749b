import type http from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { renderForm, renderFormPage, type FieldSpec, type FormSpec } from '../fixtures/mautic-forms';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const FORM_CHECKS = ['forms.consent-checkbox', 'forms.privacy-link', 'forms.https-action'];

const ca = makeCa();
const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const consent = (over: Partial<FieldSpec> = {}): FieldSpec => ({
  alias: 'einwilligung',
  type: 'checkboxgrp',
  label: 'Einwilligung',
  required: true,
  options: [['Ja', 'Ich willige ein, dass meine Angaben zur Zusendung des Newsletters verarbeitet werden. Mehr in der <a href="https://www.example.de/datenschutz">Datenschutzerklärung</a>.']],
  ...over,
});
const email: FieldSpec = { alias: 'email', type: 'email', label: 'E-Mail', required: true };
const submit: FieldSpec = { alias: 'submit', type: 'button', label: 'Anmelden' };

let mauticOrigin = '';
let mautic: { url: string; httpUrl: string };
let website: RunningServer;
let closedPort = 0;

/** The Mautic installation (localhost): /form/{id} pages as 2.16, 4.4 and 5.1 render them (origin read per request). */
const mauticHandler = () => {
  const hardened = hardenedHandler();
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = new URL(req.url ?? '/', 'https://x').pathname;
    const html = { 'Content-Type': 'text/html; charset=UTF-8' };
    const form = (id: number, fields: FieldSpec[], action = `${mauticOrigin}/form/submit?formId=${id}`): FormSpec => ({ id, name: `form${id}`, action, fields });
    switch (path) {
      case '/form/1':
        return void res.writeHead(200, html).end(renderFormPage('4.4', form(1, [email, consent(), submit])));
      case '/form/2': // 2.16, site_url on http: pre-ticked by the default value, privacy policy only in the footer
        return void res
          .writeHead(200, html)
          .end(renderFormPage('2.16', form(2, [email, consent({ defaultValue: 'Ja', options: [['Ja', 'Ich stimme der Verarbeitung zu.']] }), submit], `http://${new URL(mauticOrigin).host}/form/submit?formId=2`), { footer: '<footer><a href="/datenschutz">Datenschutz</a></footer>' }));
      case '/form/3': // 5.1: consent box not required, no privacy link anywhere
        return void res.writeHead(200, html).end(renderFormPage('5.1', form(3, [email, consent({ required: false, options: [['1', 'I agree to receive e-mails.']] }), submit])));
      case '/form/4': // unpublished
        return void res.writeHead(404, html).end('<html><body><h1>404 Not Found</h1></body></html>');
      case '/form/5':
        return void res.writeHead(200, html).end(Buffer.concat([Buffer.from([0, 1, 2, 0]), randomBytes(2048)]));
      case '/form/old':
        return void res.writeHead(301, { Location: '/form/1' }).end();
      default:
        return hardened(req, res);
    }
  };
};

/** Another site (127.0.0.1) with landing pages: one embeds a form's HTML, one loads it through generate.js. */
const websiteHandler = (req: http.IncomingMessage, res: http.ServerResponse) => {
  const path = new URL(req.url ?? '/', 'https://x').pathname;
  const html = { 'Content-Type': 'text/html; charset=utf-8' };
  if (path === '/angebot') {
    const embedded = renderForm('5.1', { id: 7, name: 'angebot', action: `${mauticOrigin}/form/submit?formId=7`, fields: [email, consent(), submit] });
    return void res.writeHead(200, html).end(`<!doctype html><html lang="de"><head><title>Angebot</title></head><body><h1>Angebot</h1>${embedded}</body></html>`);
  }
  if (path === '/webinar') {
    return void res.writeHead(200, html).end(`<!doctype html><html><body><script src="${mauticOrigin}/form/generate.js?id=8"></script></body></html>`);
  }
  res.writeHead(404, html).end('<html><body>Not Found</body></html>');
};

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), mauticHandler());
  mauticOrigin = new URL(https.url).origin;
  const plain = await startHttp(redirectHandler(https.port));
  website = await startHttps(ca.issue({ commonName: '127.0.0.1', hosts: LOCAL_HOSTS }), websiteHandler);
  const closed = await startHttp(() => undefined);
  closedPort = closed.port;
  await closed.close();
  servers.push(https, plain, website);
  mautic = { url: https.url, httpUrl: plain.url };
});

type Audited = Awaited<ReturnType<typeof auditTarget>>;
const formUrl = (id: number | string) => `${mauticOrigin}/form/${id}`;
const lp = (path: string) => `https://127.0.0.1:${website.port}${path}`;
const audit = (formUrls?: string[], landingPages?: string[]) => auditTarget({ ...mautic, caPem: ca.certPem, formUrls, landingPages });

function expectStoredEvidence(audited: Audited) {
  const stored = new Set(audited.result.evidence.map((e) => e.sha256));
  for (const id of FORM_CHECKS) {
    const check = audited.check(id);
    expect(check.automated, id).toBe(true);
    expect(check.evidence.length, id).toBeGreaterThan(0);
    for (const sha of check.evidence) expect(stored.has(sha), `${id} ${sha}`).toBe(true);
  }
}

/** The bodies of the http exchanges a check cites, as stored. */
function citedBodies(audited: Audited, id: string): string[] {
  return audited.check(id).evidence.flatMap((sha) => {
    if (audited.store.getEvidence(sha)?.kind !== 'http-exchange') return [];
    const doc = JSON.parse(audited.store.readBlob(sha).toString('utf8')) as { body: { sha256: string; bytesKept: number } };
    return doc.body.bytesKept ? [audited.store.readBlob(doc.body.sha256).toString('utf8')] : [];
  });
}

describe('a good form page (4.4, reached through a redirect) and a landing page embedding a good 5.1 form', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await audit([formUrl('old')], [lp('/angebot')]);
  });

  it('passes all three checks, naming page and form in each finding', () => {
    const at = { page: formUrl('old'), form: 'form1 (formId=1)' };
    const onLp = { page: lp('/angebot'), form: 'angebot (formId=7)' };
    expect(audited.check('forms.consent-checkbox').findings).toEqual([
      { code: 'consent-ok', status: 'pass', params: { ...at, field: 'einwilligung' } },
      { code: 'consent-ok', status: 'pass', params: { ...onLp, field: 'einwilligung' } },
    ]);
    expect(audited.check('forms.privacy-link').findings).toEqual([
      { code: 'privacy-link-ok', status: 'pass', params: { ...at, href: 'https://www.example.de/datenschutz' } },
      { code: 'privacy-link-ok', status: 'pass', params: { ...onLp, href: 'https://www.example.de/datenschutz' } },
    ]);
    expect(audited.check('forms.https-action').findings).toEqual([
      { code: 'action-https', status: 'pass', params: { ...at, action: `${mauticOrigin}/form/submit?formId=1` } },
      { code: 'action-https', status: 'pass', params: { ...onLp, action: `${mauticOrigin}/form/submit?formId=7` } },
    ]);
    for (const id of FORM_CHECKS) expect(audited.check(id).status, id).toBe('pass');
    expect(audited.check('forms.consent-checkbox').message).toContain('form1 (formId=1)');
  });

  it('cites the stored exchanges, with the form page and the landing page as read', () => {
    expectStoredEvidence(audited);
    const bodies = citedBodies(audited, 'forms.consent-checkbox');
    expect(bodies.some((b) => b.includes('id="mauticform_form1"'))).toBe(true);
    expect(bodies.some((b) => b.includes('id="mauticform_angebot"'))).toBe(true);
  });
});

describe('bad, unpublished, binary and unreachable form pages, and a landing page loading a form by script', () => {
  let audited: Audited;
  beforeAll(async () => {
    audited = await audit([formUrl(2), formUrl(3), formUrl(4), formUrl(5), `http://127.0.0.1:${closedPort}/form/9`], [lp('/webinar')]);
  });

  it('fails forms.consent-checkbox for the pre-ticked (2.16) and the optional (5.1) box; errors for the unreadable pages', () => {
    const check = audited.check('forms.consent-checkbox');
    expect(check.status).toBe('fail');
    expect(check.findings.map((f) => [f.code, f.status, f.params?.page])).toEqual([
      ['consent-prechecked', 'fail', formUrl(2)],
      ['consent-hidden-default', 'fail', formUrl(2)],
      ['consent-not-required', 'fail', formUrl(3)],
      ['form-page-status', 'error', formUrl(4)],
      ['form-page-not-html', 'error', formUrl(5)],
      ['form-page-unreachable', 'error', `http://127.0.0.1:${closedPort}/form/9`],
      ['form-embed-not-checked', 'warn', lp('/webinar')],
    ]);
    expect(check.findings[1]!.params).toEqual({ page: formUrl(2), form: 'form2 (formId=2)', field: 'einwilligung', value: 'Ja' });
    expect(check.findings[6]!.params).toEqual({ page: lp('/webinar'), url: formUrl(8) });
  });

  it('warns in forms.privacy-link when the policy is only in the footer, fails when it is nowhere', () => {
    const check = audited.check('forms.privacy-link');
    expect(check.status).toBe('fail');
    expect(check.findings.slice(0, 2)).toEqual([
      { code: 'privacy-link-page-only', status: 'warn', params: { page: formUrl(2), form: 'form2 (formId=2)', href: `${mauticOrigin}/datenschutz` } },
      { code: 'privacy-link-missing', status: 'fail', params: { page: formUrl(3), form: 'form3 (formId=3)' } },
    ]);
  });

  it('fails forms.https-action for the form posting to http://', () => {
    const check = audited.check('forms.https-action');
    expect(check.status).toBe('fail');
    expect(check.findings.filter((f) => f.code.startsWith('action'))).toEqual([
      { code: 'action-not-https', status: 'fail', params: { page: formUrl(2), form: 'form2 (formId=2)', action: `http://${new URL(mauticOrigin).host}/form/submit?formId=2` } },
      { code: 'action-https', status: 'pass', params: { page: formUrl(3), form: 'form3 (formId=3)', action: `${mauticOrigin}/form/submit?formId=3` } },
    ]);
  });

  it('cites stored evidence, including the unreachable page and the pre-ticked form as served', () => {
    expectStoredEvidence(audited);
    const bodies = citedBodies(audited, 'forms.consent-checkbox');
    expect(bodies.some((b) => b.includes('<input value="Ja" id="mauticform_input_form2_einwilligung" name="mauticform[einwilligung]"'))).toBe(true);
    const summaries = audited.check('forms.consent-checkbox').evidence.map((sha) => audited.store.getEvidence(sha)!.summary);
    expect(summaries.some((s) => s.startsWith(`GET http://127.0.0.1:${closedPort}/form/9 → failed`))).toBe(true);
  });
});

describe('no forms given', () => {
  it('reports every forms check as not applicable, saying how to name the forms', async () => {
    const audited = await audit();
    for (const id of FORM_CHECKS) {
      expect(audited.check(id).status, id).toBe('not_applicable');
      expect(audited.codes(id), id).toEqual(['forms-none']);
      expect(audited.check(id).message, id).toContain('--form URL');
    }
  });
});
