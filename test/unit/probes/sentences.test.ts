import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../electron/core/probes/sentences';

const split = (text: string) => splitSentences(text).sentences;

describe('splitSentences', () => {
  it('does not split after the abbreviations of German legal texts', () => {
    const text =
      'Rechtsgrundlage ist Art. 6 Abs. 1 lit. a DSGVO i. V. m. § 25 Abs. 1 TDDDG. Daten werden z. B. nach 30 Tagen gelöscht bzw. anonymisiert. ' +
      'Die Regelung gilt gem. Nr. 5 Satz 2 ggf. auch für Dritte, vgl. Art. 15 ff. DSGVO. Am 25. Mai 2018 trat die DSGVO in Kraft! Fragen? Schreiben Sie uns.';
    expect(split(text)).toEqual([
      'Rechtsgrundlage ist Art. 6 Abs. 1 lit. a DSGVO i. V. m. § 25 Abs. 1 TDDDG.',
      'Daten werden z. B. nach 30 Tagen gelöscht bzw. anonymisiert.',
      'Die Regelung gilt gem. Nr. 5 Satz 2 ggf. auch für Dritte, vgl. Art. 15 ff. DSGVO.',
      'Am 25. Mai 2018 trat die DSGVO in Kraft!',
      'Fragen?',
      'Schreiben Sie uns.',
    ]);
  });

  it('keeps written-together abbreviations and initials together', () => {
    expect(split('Wir nutzen z.B. Mautic, d.h. eine Software der Acquia Inc. Sitz ist Boston. Ansprechpartner ist Dr. M. Muster.')).toEqual([
      'Wir nutzen z.B. Mautic, d.h. eine Software der Acquia Inc.',
      'Sitz ist Boston.',
      'Ansprechpartner ist Dr. M. Muster.',
    ]);
  });

  it('handles English abbreviations, quotes and brackets', () => {
    expect(split('We use tools, e.g. Mautic, i.e. software we host. It sets cookies (e.g. mtc_id.) We keep them "for 13 months." You may object.')).toEqual([
      'We use tools, e.g. Mautic, i.e. software we host.',
      'It sets cookies (e.g. mtc_id.)',
      'We keep them "for 13 months."',
      'You may object.',
    ]);
  });

  it('ends a sentence at every line and does not split inside e-mail addresses or URLs', () => {
    expect(split('Verantwortliche Stelle\nE-Mail: datenschutz@muster-gmbh.de. Web: https://www.muster.de/datenschutz.html\n\nEnde')).toEqual([
      'Verantwortliche Stelle',
      'E-Mail: datenschutz@muster-gmbh.de.',
      'Web: https://www.muster.de/datenschutz.html',
      'Ende',
    ]);
  });

  it('does not split before a lower-case word', () => {
    expect(split('Die Daten werden gespeichert. und dann gelöscht.')).toEqual(['Die Daten werden gespeichert. und dann gelöscht.']);
  });

  it('cuts an over-long run at whitespace and caps the number of sentences', () => {
    const long = splitSentences(`${'wort '.repeat(1000)}ende`, 100, 200);
    expect(long.sentences.every((s) => s.length <= 200)).toBe(true);
    expect(long.sentences.join(' ')).toBe(`${'wort '.repeat(1000)}ende`);
    const many = splitSentences('Ein Satz. '.repeat(50), 10);
    expect(many.sentences).toHaveLength(10);
    expect(many.truncated).toBe(true);
    expect(splitSentences('Ein Satz. '.repeat(5), 10).truncated).toBe(false);
  });
});
