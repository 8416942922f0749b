import { describe, expect, it } from 'vitest';
import { extractVisibleText } from '../../../electron/core/probes/page-text';
import { QUOTE_CHARS, quoteAround, recognizeElements } from '../../../electron/core/probes/privacy-elements';
import { POLICY_ELEMENTS } from '../../../electron/core/probes/privacy-vocabulary';
import { splitSentences } from '../../../electron/core/probes/sentences';
import { ENGLISH_COMPLETE, ENGLISH_INCOMPLETE, GERMAN_COMPLETE, GERMAN_INCOMPLETE } from '../../fixtures/privacy-policies';

const recognize = (html: string) => recognizeElements(splitSentences(extractVisibleText(html).text).sentences);
const quotes = (html: string) => Object.fromEntries(Object.entries(recognize(html)).map(([id, m]) => [id, m.quote]));

describe('recognizeElements on a complete German policy', () => {
  const found = recognize(GERMAN_COMPLETE);
  const q = quotes(GERMAN_COMPLETE);

  it('finds every element', () => {
    expect(Object.keys(found).sort()).toEqual([...POLICY_ELEMENTS].sort());
  });

  it('quotes the sentence that says it, not the heading that announces it', () => {
    expect(q.mautic).toBe('Wir setzen die Open-Source-Software Mautic ein, die auf unserem eigenen Server in Deutschland betrieben wird.');
    expect(q.dpo).toMatch(/^Unseren Datenschutzbeauftragten erreichen Sie unter dsb@muster-gmbh\.de/);
    expect(q.purposes).toMatch(/^Wir verarbeiten Ihre personenbezogenen Daten zu folgenden Zwecken:/);
    expect(q['legal-basis']).toMatch(/^Rechtsgrundlage ist Ihre Einwilligung nach Art\. 6 Abs\. 1 lit\. a DSGVO/);
    expect(q.recipients).toMatch(/^Empfänger Ihrer Daten sind unser Hosting-Dienstleister/);
    expect(q.transfers).toBe('Dabei können Daten in die USA übermittelt werden; Google ist nach dem EU-US Data Privacy Framework zertifiziert.');
    expect(q.withdrawal).toMatch(/^Sie können eine erteilte Einwilligung jederzeit .* widerrufen/);
    expect(q.complaint).toMatch(/^Sie haben das Recht, sich bei einer Datenschutz-Aufsichtsbehörde zu beschweren/);
    expect(q.retention).toContain('(Speicherdauer: 2 Jahre)');
  });

  it('quotes the controller with the address block that follows', () => {
    expect(q.controller).toBe('1. Verantwortliche Stelle Verantwortlich für die Datenverarbeitung auf dieser Website ist: Muster GmbH Musterstraße 12 10115 Berlin Telefon: +49 30 1234567 E-Mail: datenschutz@muster-gmbh.de');
  });

  it('lists the cookies and rights found, quoting the sentence that names most of them', () => {
    expect(found['mautic-cookies']).toMatchObject({ parts: ['mtc_id', 'mautic_device_id', 'mtc_sid'] });
    expect(found['mautic-cookies']!.quote).toMatch(/^Mautic setzt die Cookies mtc_id und mautic_device_id/);
    expect(found.rights).toMatchObject({ parts: ['Art. 15', 'Art. 16', 'Art. 17', 'Art. 18', 'Art. 20', 'Art. 21'] });
    expect(found.rights!.quote).toMatch(/^Sie haben das Recht auf Auskunft \(Art\. 15 DSGVO\), Berichtigung/);
  });
});

describe('recognizeElements on a complete English policy', () => {
  it('finds every element with its sentence', () => {
    const found = recognize(ENGLISH_COMPLETE);
    expect(Object.keys(found).sort()).toEqual([...POLICY_ELEMENTS].sort());
    expect(found['mautic-cookies']!.parts).toEqual(['mtc_id', 'mautic_device_id']);
    expect(found.rights!.parts).toHaveLength(6);
    expect(found.controller!.quote).toBe('The controller responsible for the processing of your personal data is Example Ltd, 10 Harbour Street, Dublin 2, Ireland, e-mail: privacy@example.ie.');
    expect(found['legal-basis']!.quote).toMatch(/^The legal basis is your consent under Art\. 6\(1\)\(a\) GDPR/);
    expect(found.transfers!.quote).toMatch(/third country such as the United States/);
    expect(found.complaint!.quote).toMatch(/lodge a complaint with a supervisory authority/);
  });
});

describe('recognizeElements on incomplete policies', () => {
  it('finds only what the German page shows, nothing from its scripts, comments, templates or SVG', () => {
    const found = recognize(GERMAN_INCOMPLETE);
    expect(Object.keys(found).sort()).toEqual(['controller', 'legal-basis', 'purposes', 'recipients', 'rights']);
    expect(found.rights!.parts).toEqual(['Art. 15', 'Art. 17']);
    expect(found.controller!.quote).toContain('Hauptstraße 5, 80331 München');
  });

  it('finds nothing in a policy that says nothing', () => {
    expect(recognize(ENGLISH_INCOMPLETE)).toEqual({});
  });

  it('does not take the controller without contact details', () => {
    const found = recognizeElements(['Verantwortlicher ist die Muster GmbH.', 'Wir nutzen Cookies.', 'Seit 2018 Daten verarbeiten wir nur verschlüsselt.']);
    expect(found.controller).toBeUndefined();
    const withAddress = recognizeElements(['Verantwortlicher ist die Muster GmbH, Hauptweg 3, D-04109 Leipzig.']);
    expect(withAddress.controller?.quote).toBe('Verantwortlicher ist die Muster GmbH, Hauptweg 3, D-04109 Leipzig.');
  });
});

describe('recognizeElements on hostile text', () => {
  it('searches long runs of letters, digits, dots and @ (no backtracking per position) and finds nothing in them', () => {
    for (const unit of ['a', '1', 'a.', 'a@', '.@', ', 1', 'nach ', 'zweck']) {
      const html = `<p>${`Verantwortlicher ${unit.repeat(Math.ceil(3000 / unit.length))} `.repeat(100)}</p>`;
      const sentences = splitSentences(extractVisibleText(html).text).sentences;
      const found = recognizeElements(sentences);
      expect(found.controller, unit).toBeUndefined();
      expect(Object.keys(found).filter((id) => id !== 'purposes'), unit).toEqual([]);
    }
  });
});

describe('quoteAround', () => {
  it('keeps short sentences whole and cuts long ones around the match', () => {
    expect(quoteAround('Kurz.', 0)).toBe('Kurz.');
    const long = `${'Vorlauf '.repeat(80)}Mautic setzt mtc_id.${' Nachlauf'.repeat(80)}`;
    const quote = quoteAround(long, long.indexOf('Mautic'));
    expect(quote.length).toBeLessThanOrEqual(QUOTE_CHARS);
    expect(quote).toContain('Mautic setzt mtc_id.');
    expect(quote.startsWith('…')).toBe(true);
    expect(quote.endsWith('…')).toBe(true);
  });

  it('caps every quote of a policy with endless sentences', () => {
    const sentences = [`Wir speichern Ihre Daten ${'sehr '.repeat(400)}lange; die Speicherdauer beträgt zwei Jahre`];
    const found = recognizeElements(sentences);
    expect(found.retention!.quote.length).toBeLessThanOrEqual(QUOTE_CHARS);
    expect(found.retention!.quote).toContain('Speicherdauer');
  });
});
