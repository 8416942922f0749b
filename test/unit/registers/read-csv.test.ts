import { describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../../electron/core/registers';
import { decodeText, parseCsv } from '../../../electron/core/registers/csv';

describe('readRegisterFile on CSV', () => {
  it('reads a ; separated Windows-1252 record of processing with umlauts', async () => {
    const text = [
      'Verzeichnis von Verarbeitungstätigkeiten;;;',
      ';;;',
      'Verarbeitungstätigkeit;Zweck(e);Rechtsgrundlage;Kategorien betroffener Personen;Löschfrist;Empfänger',
      'Newsletter;Werbung, Information;Einwilligung;Interessenten;"2 Jahre; danach löschen";Müller & Söhne',
      'Bewerbungen;Stellenbesetzung;Art. 6 Abs. 1 lit. b DSGVO;Bewerber;6 Monate;',
      '"Mehrzeilig ""zitiert""\nzweite Zeile";Zweck;6(1)(f);Kunden;;',
      'Lohnbuchhaltung;Gehalt;rechtliche Verpflichtung;Beschäftigte;10 Jahre;Steuerbüro Groß',
    ].join('\r\n');
    const bytes = Buffer.from(text, 'latin1');
    // Not valid UTF-8, so it must be decoded as Windows-1252.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const parsed = await readRegisterFile(bytes, 'C:\\Export\\VVT.csv'.replace(/\\/g, '/'));
    expect(parsed.errors).toEqual([]);
    expect(parsed.activities.map((a) => [a.sheet, a.row, a.input.activity, a.input.legalBasis])).toEqual([
      ['VVT.csv', 4, 'Newsletter', 'a'],
      ['VVT.csv', 5, 'Bewerbungen', 'b'],
      ['VVT.csv', 6, 'Mehrzeilig "zitiert" zweite Zeile', 'f'],
      ['VVT.csv', 7, 'Lohnbuchhaltung', 'c'],
    ]);
    expect(parsed.activities[0]!.input).toMatchObject({ purposes: 'Werbung, Information', retention: '2 Jahre; danach löschen', recipients: 'Müller & Söhne', subjectCategories: 'Interessenten' });
    expect(parsed.activities[3]!.input.recipients).toBe('Steuerbüro Groß');
    // The file has no TOM column: the value stays the default, and the column is not claimed.
    expect(parsed.activities[0]!.columns.tomReference).toBeUndefined();
  });

  it('detects a , separator, reads UTF-8 with BOM and Excel\'s sep= line', async () => {
    const comma = await readRegisterFile(Buffer.from('\uFEFFName,Service,Country\n"Hetzner, Online",Hosting,Germany\n'), 'p.csv');
    expect(comma.processors[0]!.input).toMatchObject({ name: 'Hetzner, Online', service: 'Hosting', country: 'DE' });
    const sep = await readRegisterFile(Buffer.from('sep=;\nName;Land\nOVH;Frankreich\n'), 'p.csv');
    expect(sep.processors.map((p) => [p.row, p.input.country])).toEqual([[3, 'FR']]);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tLand\r\nÄpfel AG\tÖsterreich\r\n', 'utf16le')]);
    expect((await readRegisterFile(utf16, 'p.txt')).processors[0]!.input).toMatchObject({ name: 'Äpfel AG', country: 'AT' });
  });

  it('strips our one guarding apostrophe only before = + - @', async () => {
    const parsed = await readRegisterFile(Buffer.from("Name;Notizen\n'=1+1;'+x\n'-1;'@a\n'plain;''=two\n"), 'p.csv');
    expect(parsed.processors.map((p) => [p.input.name, p.input.notes])).toEqual([
      ['=1+1', '+x'],
      ['-1', '@a'],
      ["'plain", "'=two"],
    ]);
  });
});

describe('the CSV record parser', () => {
  it('handles quotes, "" escapes, separators and line breaks in quotes, CR/LF/CRLF', () => {
    expect(parseCsv('a;"b;c";"d""e"\r\n"f\ng";h\ri;j\n', ';')).toEqual([
      ['a', 'b;c', 'd"e'],
      ['f\ng', 'h'],
      ['i', 'j'],
    ]);
    expect(parseCsv('a;"unterminated\nrest', ';')).toEqual([['a', 'unterminated\nrest']]);
    expect(parseCsv('x;y"z', ';')).toEqual([['x', 'y"z']]);
  });

  it('decodes UTF-8 without BOM and falls back to Windows-1252 (€ is 0x80 there)', () => {
    expect(decodeText(Buffer.from('Grüße'))).toBe('Grüße');
    expect(decodeText(Buffer.from([0x80, 0x20, 0xe4]))).toBe('€ ä');
  });
});
