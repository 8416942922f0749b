import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { observeFormPage } from '../../../electron/core/probes/forms';
import { exchange } from '../checks/exchange-fixture';

const URL_ = 'https://mautic.example.de/form/3';
const FORM = '<form id="mauticform_kontakt" action="/form/submit?formId=3"><div class="mauticform-row mauticform-checkboxgrp mauticform-required" data-validate="zustimmung"><label class="mauticform-label">Zustimmung</label><label><input type="checkbox" name="mauticform[zustimmung][]" value="1">Ich habe die Datenschutzerklärung gelesen und stimme zu.</label></div></form>';

describe('observeFormPage', () => {
  it('parses the forms of an HTML page read at the end of a redirect chain', () => {
    const first = exchange({ url: 'http://mautic.example.de/form/3', status: 301, headers: { Location: URL_ } });
    const last = exchange({ url: URL_, headers: { 'Content-Type': 'text/html; charset=UTF-8' }, body: FORM });
    const o = observeFormPage('http://mautic.example.de/form/3', [first, last], null);
    expect(o).toMatchObject({ url: 'http://mautic.example.de/form/3', chain: ['http://mautic.example.de/form/3', URL_], status: 200, notHtml: false, error: null, formsTruncated: false });
    expect(o.forms[0]).toMatchObject({ name: 'kontakt', formId: '3', actionUrl: 'https://mautic.example.de/form/submit?formId=3' });
    expect(o.evidence).toEqual([first.evidence, last.evidence]);
  });

  it('decodes the charset the server names (ISO-8859-1 umlauts)', () => {
    const body = Buffer.from(FORM, 'latin1');
    const ex = { ...exchange({ url: URL_, headers: { 'Content-Type': 'text/html; charset=ISO-8859-1' } }), body };
    expect(observeFormPage(URL_, [ex], null).forms[0]!.fields[0]!.options[0]!.label).toBe('Ich habe die Datenschutzerklärung gelesen und stimme zu.');
  });

  it('says notHtml for another content type, and for binary garbage served as text/html', () => {
    const pdf = exchange({ url: URL_, headers: { 'Content-Type': 'application/pdf' }, body: FORM });
    expect(observeFormPage(URL_, [pdf], null)).toMatchObject({ notHtml: true, forms: [], contentType: 'application/pdf', status: 200 });
    const garbage = { ...exchange({ url: URL_, headers: { 'Content-Type': 'text/html' } }), body: Buffer.concat([randomBytes(4096), Buffer.from([0]), Buffer.from(FORM)]) };
    expect(observeFormPage(URL_, [garbage], null)).toMatchObject({ notHtml: true, forms: [] });
  });

  it('keeps the network error of a page that did not answer', () => {
    const down = exchange({ url: URL_, response: false, error: { code: 'refused', message: 'connection refused' } });
    expect(observeFormPage(URL_, [down], down.error)).toMatchObject({ status: null, notHtml: false, error: { code: 'refused' }, forms: [] });
  });
});
