import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegisterFile, writeRegisterCsv, writeRegisterWorkbook } from '../../../electron/core/registers';
import { ACTIVITIES, PROCESSORS } from '../../fixtures/registers/inputs';
import { openWorkbook } from '../../fixtures/registers/workbooks';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'registers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe.each(['de', 'en'] as const)('writeRegisterWorkbook (%s)', (lang) => {
  it('reads back to the same inputs, through a real file', async () => {
    const file = path.join(dir, `register-${lang}.xlsx`);
    await writeFile(file, await writeRegisterWorkbook({ processors: PROCESSORS, activities: ACTIVITIES }, lang));
    const parsed = await readRegisterFile(await readFile(file), 'register.xlsx', lang);
    expect(parsed.errors).toEqual([]);
    expect(parsed.processors.map((p) => p.input)).toEqual(PROCESSORS);
    expect(parsed.activities.map((a) => a.input)).toEqual(ACTIVITIES);
    expect(parsed.processors.map((p) => p.row)).toEqual(PROCESSORS.map((_, i) => i + 2));
  });

  it('writes dates as date cells, a bold frozen header, no formulas, and dropdowns over the edit rows', async () => {
    const wb = await openWorkbook(await writeRegisterWorkbook({ processors: PROCESSORS, activities: ACTIVITIES }, lang));
    const [processors, activities] = wb.worksheets;
    expect([processors!.name, activities!.name]).toEqual(lang === 'de' ? ['Auftragsverarbeiter', 'Verarbeitungstätigkeiten'] : ['Processors', 'Records of processing']);
    expect(processors!.getCell('E2').value).toEqual(new Date(Date.UTC(2024, 2, 15)));
    expect(processors!.getRow(1).font?.bold).toBe(true);
    expect(processors!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(processors!.getCell('I3').value).toBe(`'=HYPERLINK("http://evil.example","klick")`);
    processors!.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
    const validations = (processors as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }).dataValidations.model;
    // Role (C) and transfer basis (F), from row 2 to 1000.
    expect(validations.C2?.type).toBe('list');
    expect(validations.C1000?.formulae[0]).toBe(lang === 'de' ? '"Auftragsverarbeiter,Unterauftragsverarbeiter"' : '"processor,sub-processor"');
    expect(validations.F1000?.type).toBe('list');
    expect(validations.C1001).toBeUndefined();
    expect(validations.A2).toBeUndefined();
    const activityValidations = (activities as unknown as { dataValidations: { model: Record<string, { formulae: string[] }> } }).dataValidations.model;
    expect(activityValidations.C500?.formulae[0]).toContain(lang === 'de' ? 'Art. 6 Abs. 1 lit. f' : 'Art. 6(1)(f)');
    expect(activityValidations.D500?.formulae[0]).toContain(lang === 'de' ? 'Art. 9 Abs. 2 lit. j' : 'Art. 9(2)(j)');
    for (const v of Object.values(activityValidations)) expect(v.formulae[0]!.length).toBeLessThanOrEqual(257);
  });
});

describe('writeRegisterWorkbook on text XML cannot carry', () => {
  it('replaces control characters so the workbook stays readable', async () => {
    const processors = [{ ...PROCESSORS[0]!, notes: 'bell\u0007 and\u0000nul' }];
    const parsed = await readRegisterFile(await writeRegisterWorkbook({ processors, activities: [] }, 'en'), 'x.xlsx');
    expect(parsed.processors[0]!.input.notes).toBe('bell\uFFFD and\uFFFDnul');
  });
});

describe.each(['de', 'en'] as const)('writeRegisterCsv (%s)', (lang) => {
  it('writes ; separated UTF-8 with BOM, guards formula-like cells, and reads back to the same text', async () => {
    const csv = writeRegisterCsv('processors', PROCESSORS, lang);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(lang === 'de' ? '\uFEFFName;Leistung;Rolle;Land;AVV unterzeichnet am;Übermittlungsgrundlage;Unterauftragsverarbeiter;Nächste Prüfung;Notizen' : '\uFEFFName;Service;Role;Country;DPA signed on;Transfer basis;Sub-processors;Next review;Notes');
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"",""klick"")`);
    expect(csv).toContain(";'-1+1;");
    expect(csv).toContain(";'+cmd;");
    expect(csv).toContain(`;"'@SUM(A1:A2) und ""Anführungszeichen"""`);
    expect(csv).toContain(lang === 'de' ? ';15.03.2024;' : ';2024-03-15;');
    const file = path.join(dir, `processors-${lang}.csv`);
    await writeFile(file, csv, 'utf8');
    const parsed = await readRegisterFile(await readFile(file), 'processors.csv', lang);
    expect(parsed.errors).toEqual([]);
    expect(parsed.processors.map((p) => p.input)).toEqual(PROCESSORS);
  });

  it('round-trips the records of processing', async () => {
    const parsed = await readRegisterFile(Buffer.from(writeRegisterCsv('activities', ACTIVITIES, lang), 'utf8'), 'ropa.csv');
    expect(parsed.errors).toEqual([]);
    expect(parsed.activities.map((a) => a.input)).toEqual(ACTIVITIES);
    expect(parsed.processors).toEqual([]);
  });
});
