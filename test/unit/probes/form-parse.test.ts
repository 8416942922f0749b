import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { extractForms } from '../../../electron/core/probes/form-parse';
import { FORM_CAPS } from '../../../electron/core/probes/form-model';
import { renderForm, renderFormPage, type FieldSpec, type FormSpec, type MauticVersion } from '../../fixtures/mautic-forms';

const VERSIONS: MauticVersion[] = ['2.16', '4.4', '5.1'];
const PAGE = 'https://mautic.example.de/form/3';
const ACTION = 'https://mautic.example.de/form/submit?formId=3';

const consent = (over: Partial<FieldSpec> = {}): FieldSpec => ({
  alias: 'einwilligung',
  type: 'checkboxgrp',
  label: 'Einwilligung',
  required: true,
  options: [['Ja', 'Ich willige ein, dass meine Daten zur Zusendung des Newsletters verarbeitet werden.']],
  ...over,
});

const spec = (fields: FieldSpec[]): FormSpec => ({
  id: 3,
  name: 'newsletter',
  action: ACTION,
  fields: [{ alias: 'email', type: 'email', label: 'E-Mail', required: true }, ...fields, { alias: 'submit', type: 'button', label: 'Absenden' }],
});

const parse = (v: MauticVersion, fields: FieldSpec[], footer?: string) => extractForms(renderFormPage(v, spec(fields), { footer }), PAGE);
const field = (v: MauticVersion, fields: FieldSpec[], alias = 'einwilligung') => parse(v, fields).forms[0]!.fields.find((f) => f.alias === alias)!;

describe.each(VERSIONS)('extractForms on a Mautic %s form page', (v) => {
  it('reads the form: name, id, action, fields with type, alias, label and required', () => {
    const { forms, truncated } = parse(v, [consent(), { alias: 'hinweis', type: 'freetext', label: '', text: '<p>Hinweise in der <a href="https://www.example.de/datenschutz">Datenschutzerklärung</a>.</p>' }]);
    expect(truncated).toBe(false);
    expect(forms).toHaveLength(1);
    const f = forms[0]!;
    expect(f).toMatchObject({ index: 1, mautic: true, id: 'mauticform_newsletter', name: 'newsletter', formId: '3', action: ACTION, actionUrl: ACTION, method: 'post', truncated: false });
    expect(f.fields.map((x) => [x.alias, x.type, x.label, x.required])).toEqual([
      ['email', 'email', 'E-Mail', true],
      ['einwilligung', 'checkboxgrp', 'Einwilligung', true],
      ['hinweis', 'freetext', '', false],
      ['submit', 'button', '', false],
    ]);
    expect(f.personalInputs).toEqual(['mauticform[email]']);
    expect(f.hiddenInputs.map((h) => h.name)).toEqual(['mauticform[formId]', 'mauticform[return]', 'mauticform[formName]']);
  });

  it('reads the checkbox options with their labels, not ticked, without hidden default', () => {
    const c = field(v, [consent({ options: [['Ja', 'Ich stimme zu'], ['Newsletter', 'Newsletter &amp; Angebote']] })]);
    expect(c.options).toEqual([
      { value: 'Ja', label: 'Ich stimme zu', checked: false, required: false },
      { value: 'Newsletter', label: 'Newsletter & Angebote', checked: false, required: false },
    ]);
    expect(c.hiddenDefault).toBeNull();
    expect(c.text).toContain('Einwilligung Ich stimme zu');
  });

  it('sees a default value both ways: the checked option and the hidden default input', () => {
    const c = field(v, [consent({ defaultValue: 'Ja' })]);
    expect(c.options[0]!.checked).toBe(true);
    expect(c.hiddenDefault).toBe('Ja');
  });

  it('sees a hidden default that matches no option (no box ticked, value still sent)', () => {
    const c = field(v, [consent({ defaultValue: '1' })]);
    expect(c.options[0]!.checked).toBe(false);
    expect(c.hiddenDefault).toBe('1');
  });

  it('sees `checked` given in the input attributes', () => {
    const c = field(v, [consent({ inputAttributes: 'checked' })]);
    expect(c.options[0]!.checked).toBe(true);
    expect(c.hiddenDefault).toBeNull();
  });

  it('sees a consent field that is not required, and one required by the HTML attribute only', () => {
    expect(field(v, [consent({ required: false })]).required).toBe(false);
    const html = field(v, [consent({ required: false, inputAttributes: 'required' })]);
    expect(html.required).toBe(true);
    expect(html.options[0]!.required).toBe(true);
  });

  it('keeps the privacy link where it is: in the consent label, in a free text field, or only on the page', () => {
    const inLabel = field(v, [consent({ options: [['Ja', 'Ich akzeptiere die <a href="/datenschutz" target="_blank">Datenschutzerklärung</a>']] })]);
    expect(inLabel.links).toEqual([{ href: '/datenschutz', url: 'https://mautic.example.de/datenschutz', text: 'Datenschutzerklärung' }]);
    expect(inLabel.options[0]!.label).toBe('Ich akzeptiere die Datenschutzerklärung');

    const free = parse(v, [consent(), { alias: 'hinweis', type: 'freehtml', label: 'Datenschutz', text: '<p>Mehr in unseren <a href="https://www.example.de/privacy#forms">Hinweisen</a></p>' }]).forms[0]!;
    expect(free.fields.find((f) => f.alias === 'hinweis')!.links).toEqual([{ href: 'https://www.example.de/privacy#forms', url: 'https://www.example.de/privacy#forms', text: 'Hinweisen' }]);
    expect(free.fields.find((f) => f.alias === 'einwilligung')!.links).toEqual([]);

    const page = parse(v, [consent()], '<footer><a href="/impressum">Impressum</a> <a href="/datenschutz" title="Datenschutz"></a></footer>').forms[0]!;
    expect(page.fields.flatMap((f) => f.links)).toEqual([]);
    expect(page.links).toEqual([]);
    expect(page.pageLinks).toEqual([
      { href: '/impressum', url: 'https://mautic.example.de/impressum', text: 'Impressum' },
      { href: '/datenschutz', url: 'https://mautic.example.de/datenschutz', text: 'Datenschutz' },
    ]);
  });
});

describe('extractForms on other markup', () => {
  it('parses the ≤4.x quirk class="…"checked="checked" (no space) as checked', () => {
    const html = '<form id="mauticform_x"><div class="mauticform-row mauticform-checkboxgrp" data-validate="c"><label><input  class="mauticform-checkboxgrp-checkbox"checked="checked" name="mauticform[c][]" type="checkbox" value="1" />Ja</label></div></form>';
    expect(extractForms(html, PAGE).forms[0]!.fields[0]!.options[0]).toEqual({ value: '1', label: 'Ja', checked: true, required: false });
  });

  it('lists other forms only when they ask for personal data, and resolves their actions', () => {
    const html = `<html><head><base href="https://www.example.de/de/"></head><body>
      <form role="search" action="/suche"><input type="search" name="q"></form>
      <form id="kontakt" action="kontakt.php" method="POST"><input name="name"><input type="email" name="mail"><button formaction="http://old.example.de/send">Senden</button></form>
      <form><input type="tel" name="t"></form>
      <form action="  "><input name="e-mail"></form>
    </body></html>`;
    const { forms } = extractForms(html, 'https://www.example.de/kontakt?x=1');
    expect(forms.map((f) => [f.index, f.mautic, f.id, f.action, f.actionUrl, f.method, f.personalInputs])).toEqual([
      [2, false, 'kontakt', 'kontakt.php', 'https://www.example.de/de/kontakt.php', 'post', ['mail']],
      [3, false, null, null, 'https://www.example.de/kontakt?x=1', 'get', ['t']],
      [4, false, null, '  ', 'https://www.example.de/kontakt?x=1', 'get', ['e-mail']],
    ]);
    expect(forms[0]!.submitActions).toEqual(['http://old.example.de/send']);
  });

  it('recognises a Mautic form by its /form/submit action alone and reads the form id from it', () => {
    const { forms } = extractForms('<form action="https://m.example.de/mautic/form/submit?formId=12"><input name="x"></form>', PAGE);
    expect(forms[0]).toMatchObject({ mautic: true, name: null, formId: '12', fields: [] });
  });

  it('keeps an unparseable action as null and ignores a form nested in a form', () => {
    const { forms } = extractForms('<form id="mauticform_a" action="http://[bad"><form id="inner"><input type="email"></form></form>', PAGE);
    expect(forms).toHaveLength(1);
    expect(forms[0]).toMatchObject({ id: 'mauticform_a', action: 'http://[bad', actionUrl: null });
  });

  it('ignores tags inside scripts and comments', () => {
    const html = `<script>document.write('<form id="mauticform_fake" action="http://x/form/submit"></form>');</script><!-- <form id="mauticform_old"></form> -->`;
    expect(extractForms(html, PAGE).forms).toEqual([]);
  });

  it('embeds the form as the copy-paste embed code does (no page around it)', () => {
    const { forms } = extractForms(renderForm('4.4', spec([consent()])), 'https://www.example.de/landing');
    expect(forms[0]!.actionUrl).toBe(ACTION);
    expect(forms[0]!.fields.map((f) => f.alias)).toEqual(['email', 'einwilligung', 'submit']);
  });
});

describe('extractForms caps', () => {
  it('finishes a form with 5000 fields and says truncated', () => {
    const many: FieldSpec[] = Array.from({ length: 5000 }, (_, i) => ({ alias: `f${i}`, type: 'text', label: `Feld ${i}` }));
    const html = renderFormPage('5.1', spec(many));
    const { forms, truncated } = extractForms(html, PAGE);
    expect(truncated).toBe(true);
    expect(forms[0]!.truncated).toBe(true);
    expect(forms[0]!.fields).toHaveLength(FORM_CAPS.fields);
    expect(forms[0]!.formId).toBe('3');
  });

  it('caps the forms per page, the options per field and the length of texts', () => {
    const forms = '<form action="/form/submit"></form>'.repeat(FORM_CAPS.forms + 5);
    const r = extractForms(forms, PAGE);
    expect(r.forms).toHaveLength(FORM_CAPS.forms);
    expect(r.truncated).toBe(true);
    const options = Array.from({ length: 80 }, (_, i) => `<label><input type="checkbox" name="mauticform[c][]" value="${i}">${'x'.repeat(5000)}</label>`).join('');
    const f = extractForms(`<form id="mauticform_a"><div class="mauticform-row mauticform-checkboxgrp">${options}</div></form>`, PAGE).forms[0]!;
    expect(f.truncated).toBe(true);
    expect(f.fields[0]!.options).toHaveLength(FORM_CAPS.options);
    expect(f.fields[0]!.text.length).toBe(FORM_CAPS.text);
    expect(f.fields[0]!.options[0]!.label.length).toBe(FORM_CAPS.text);
  });

  it('tracks only a few nested labels, so deep nesting cannot multiply the text kept', () => {
    const nested = `${'<label>'.repeat(3000)}${'Einwilligung '.repeat(400)}${'</label>'.repeat(3000)}`;
    const f = extractForms(`<form id="mauticform_a"><div class="mauticform-row mauticform-checkboxgrp">${nested}</div></form>`, PAGE).forms[0]!;
    expect(f.fields[0]!.label).toMatch(/^Einwilligung Einwilligung/);
    expect(f.fields[0]!.label.length).toBe(FORM_CAPS.text);
  });

  it('survives binary garbage', () => {
    const garbage = Buffer.concat([randomBytes(200_000), Buffer.from('<form id="mauticform_'), randomBytes(1000)]).toString('utf8');
    expect(() => extractForms(garbage, PAGE)).not.toThrow();
  });
});
