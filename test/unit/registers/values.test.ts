import { describe, expect, it } from 'vitest';
import { parseCountry, parseDate, parseLegalBasis, parseList, parseRole, parseSpecialBasis, parseTransferBasis } from '../../../electron/core/registers/values';

describe('register cell values', () => {
  it('dates: German long and short, ISO, Excel date cells and serials; invalid ones are undefined', () => {
    expect(parseDate('31.12.2026')).toBe('2026-12-31');
    expect(parseDate('31.12.26')).toBe('2026-12-31');
    expect(parseDate('1.2.2026')).toBe('2026-02-01');
    expect(parseDate('01.01.99')).toBe('1999-01-01');
    expect(parseDate('2026-12-31')).toBe('2026-12-31');
    expect(parseDate('2026-12-31T00:00:00Z')).toBe('2026-12-31');
    // exceljs hands date cells over as UTC midnight; a local-time reading would shift the day west of Greenwich.
    expect(parseDate(new Date(Date.UTC(2026, 11, 31)))).toBe('2026-12-31');
    expect(parseDate(46387)).toBe('2026-12-31');
    expect(parseDate('')).toBeNull();
    expect(parseDate(null)).toBeNull();
    for (const bad of ['30.02.2026', '2026-13-01', 'morgen', '12/31/2026', '31.12.', 1.5]) expect(parseDate(bad)).toBeUndefined();
  });

  it('roles, with an empty cell meaning processor', () => {
    expect(parseRole('Auftragsverarbeiter')).toBe('processor');
    expect(parseRole('Processor')).toBe('processor');
    expect(parseRole('')).toBe('processor');
    expect(parseRole('Unterauftragsverarbeiter')).toBe('sub-processor');
    expect(parseRole('sub-processor')).toBe('sub-processor');
    expect(parseRole('Verantwortlicher')).toBeUndefined();
  });

  it('transfer bases, in words and abbreviations', () => {
    expect(parseTransferBasis('Angemessenheitsbeschluss')).toBe('adequacy');
    expect(parseTransferBasis('adequacy')).toBe('adequacy');
    expect(parseTransferBasis('SCC')).toBe('scc');
    expect(parseTransferBasis('Standardvertragsklauseln')).toBe('scc');
    expect(parseTransferBasis('SCC (Modul 2)')).toBe('scc');
    expect(parseTransferBasis('DPF')).toBe('dpf');
    expect(parseTransferBasis('EU-US Data Privacy Framework')).toBe('dpf');
    expect(parseTransferBasis('BCR')).toBe('bcr');
    expect(parseTransferBasis('keine')).toBe('none');
    expect(parseTransferBasis('None')).toBe('none');
    expect(parseTransferBasis('')).toBeNull();
    expect(parseTransferBasis('Privacy Shield')).toBeUndefined();
    expect(parseTransferBasis('SCC und DPF')).toBeUndefined();
  });

  it('legal bases of Art. 6(1) in the ways registers write them', () => {
    for (const text of ['Art. 6 Abs. 1 lit. a DSGVO', 'Art. 6 Abs. 1 S. 1 lit. a DSGVO', '6(1)(a)', 'Art. 6(1)(a) GDPR', 'a', 'lit. a', 'Einwilligung', 'consent']) {
      expect(parseLegalBasis(text), text).toBe('a');
    }
    expect(parseLegalBasis('Vertrag')).toBe('b');
    expect(parseLegalBasis('rechtliche Verpflichtung')).toBe('c');
    expect(parseLegalBasis('lebenswichtige Interessen')).toBe('d');
    expect(parseLegalBasis('öffentliche Aufgabe')).toBe('e');
    expect(parseLegalBasis('berechtigtes Interesse')).toBe('f');
    expect(parseLegalBasis('Art. 6 Abs. 1 lit. f DSGVO')).toBe('f');
    expect(parseLegalBasis('')).toBeNull();
    for (const bad of ['Art. 6 Abs. 1 lit. g', 'Art. 9 Abs. 2 lit. a', 'Bauchgefühl']) expect(parseLegalBasis(bad), bad).toBeUndefined();
  });

  it('special bases of Art. 9(2); "keine" is none', () => {
    expect(parseSpecialBasis('Art. 9 Abs. 2 lit. h DSGVO')).toBe('h');
    expect(parseSpecialBasis('9(2)(j)')).toBe('j');
    expect(parseSpecialBasis('ausdrückliche Einwilligung')).toBe('a');
    expect(parseSpecialBasis('keine')).toBeNull();
    expect(parseSpecialBasis('Art. 9 Abs. 2 lit. k')).toBeUndefined();
  });

  it('countries: ISO codes in any case and common German and English names', () => {
    expect(parseCountry('de')).toBe('DE');
    expect(parseCountry('Deutschland')).toBe('DE');
    expect(parseCountry('USA')).toBe('US');
    expect(parseCountry('Vereinigte Staaten')).toBe('US');
    expect(parseCountry('Irland')).toBe('IE');
    expect(parseCountry('Niederlande')).toBe('NL');
    expect(parseCountry('UK')).toBe('GB');
    expect(parseCountry('')).toBe('');
    expect(parseCountry('Atlantis')).toBeUndefined();
  });

  it('lists split on ; , and line breaks', () => {
    expect(parseList('A; B,C\nD\r\n  ;E ')).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(parseList(null)).toEqual([]);
  });
});
