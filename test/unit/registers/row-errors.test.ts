import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRegisterFile } from '../../../electron/core/registers';
import { toBuffer } from '../../fixtures/registers/workbooks';

async function workbookWithBadRows(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const av = wb.addWorksheet('AV');
  av.addRow(['Dienstleister', 'Rolle', 'Sitz', 'AVV-Datum', 'Garantien']);
  av.addRow(['Gut GmbH', 'Auftragsverarbeiter', 'DE', '01.01.2025', '']);
  av.addRow(['Schlecht AG', 'Chef', 'Atlantis', '31.02.2025', 'Privacy Shield']);
  av.addRow(['', 'Auftragsverarbeiter', 'DE', '', '']);
  const vvt = wb.addWorksheet('VVT');
  vvt.addRow(['Tätigkeit', 'Rechtsgrundlage', 'Art. 9']);
  vvt.addRow(['Webanalyse', 'Bauchgefühl', 'lit. z']);
  vvt.addRow(['Newsletter', 'Einwilligung', '']);
  return toBuffer(wb);
}

describe('per-row errors', () => {
  it('name the sheet, the real row, the column as written and what is wrong; the row is left out', async () => {
    const parsed = await readRegisterFile(await workbookWithBadRows(), 'mixed.xlsx');
    expect(parsed.processors.map((p) => p.input.name)).toEqual(['Gut GmbH']);
    expect(parsed.activities.map((a) => a.input.activity)).toEqual(['Newsletter']);
    expect(parsed.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['AV', 3, 'Rolle'],
      ['AV', 3, 'Sitz'],
      ['AV', 3, 'AVV-Datum'],
      ['AV', 3, 'Garantien'],
      ['AV', 4, 'Dienstleister'],
      ['VVT', 2, 'Rechtsgrundlage'],
      ['VVT', 2, 'Art. 9'],
    ]);
    expect(parsed.errors[2]!.message).toBe('"31.02.2025" is not a date; expected DD.MM.YYYY or YYYY-MM-DD.');
    expect(parsed.errors[4]!.message).toBe('This column must not be empty.');
  });

  it('are written in German when asked', async () => {
    const parsed = await readRegisterFile(await workbookWithBadRows(), 'mixed.xlsx', 'de');
    expect(parsed.errors[1]!.message).toBe('"Atlantis" ist kein bekanntes Land; erwartet ein ISO-Kürzel wie DE oder US.');
  });
});
