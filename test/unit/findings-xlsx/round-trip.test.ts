// The workbook as the client's team gets it, edited with exceljs as they would, read back and planned.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planFindingsImport, readFindingsWorkbook, resolveFindingsImport, writeFindingsWorkbook } from '../../../electron/core/findings-xlsx';
import type { TrackedFinding } from '../../../electron/shared/findings';
import { EXPORTED_AT, FINDINGS, SCOPE } from './findings';

async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());
const exported = (lang: 'de' | 'en' = 'en') => writeFindingsWorkbook({ scope: SCOPE, exportedAt: EXPORTED_AT, findings: FINDINGS }, lang);
const current = (): TrackedFinding[] => FINDINGS.map(({ checkTitle: _c, itemTitle: _i, ...f }) => f);

describe('writeFindingsWorkbook', () => {
  it.each(['de', 'en'] as const)('writes only the open findings on a protected sheet with the editable columns unlocked (%s)', async (lang) => {
    const wb = await open(await exported(lang));
    const ws = wb.getWorksheet(lang === 'de' ? 'Befunde' : 'Findings')!;
    expect(ws.getRow(1).values).toEqual(
      lang === 'de'
        ? [undefined, 'Nr.', 'Prüfpunkt', 'Prüfung', 'Gegenstand', 'Schwere', 'Gemessen', 'Status', 'Verantwortlich', 'Fällig am', 'Begründung', 'Gültig bis', 'Neuer Kommentar', 'Zuletzt geändert']
        : [undefined, 'ID', 'Item', 'Check', 'Subject', 'Severity', 'Measured', 'Status', 'Owner', 'Due on', 'Reason', 'Expires on', 'New comment', 'Last changed'],
    );
    expect([2, 3, 4].map((r) => ws.getCell(r, 1).value)).toEqual([1, 2, 3]);
    expect(ws.getCell(5, 1).value).toBeNull();
    expect(ws.getCell(3, 7).value).toBe(lang === 'de' ? 'in Arbeit' : 'in progress');
    expect(ws.getCell(2, 9).value).toEqual(new Date(Date.UTC(2027, 0, 15)));
    expect(ws.getCell(4, 8).value).toBe(`'=HYPERLINK("http://evil.example")`);
    expect((ws as unknown as { sheetProtection: { sheet: boolean; hashValue?: string } }).sheetProtection).toMatchObject({ sheet: true });
    expect((ws as unknown as { sheetProtection: { hashValue?: string } }).sheetProtection.hashValue).toBeUndefined();
    expect(ws.getCell(2, 1).protection?.locked).not.toBe(false);
    expect(ws.getCell(2, 7).protection?.locked).toBe(false);
    expect(ws.getCell(1000, 12).protection?.locked).toBe(false);
    const validations = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: unknown[] }> } }).dataValidations.model;
    const status = Object.entries(validations).find(([range]) => range.startsWith('G2'))?.[1];
    expect(status?.type).toBe('list');
    expect(String(status?.formulae[0])).not.toMatch(/fixed|behoben/);
    expect(Object.entries(validations).find(([range]) => range.startsWith('I2'))?.[1].type).toBe('date');
    expect(wb.getWorksheet('_pruefstand')!.state).toBe('hidden');
  });
});

describe('readFindingsWorkbook + planFindingsImport', () => {
  it('an untouched export plans no changes', async () => {
    const parsed = await readFindingsWorkbook(await exported('de'), 'de');
    expect(parsed.errors).toEqual([]);
    const plan = planFindingsImport(parsed, SCOPE, current(), 'de');
    expect(plan).toMatchObject({ changes: [], conflicts: [], unchanged: 3, errors: [] });
  });

  it('reads a client edit: a dropdown status, an owner, a German date as text, a comment', async () => {
    const wb = await open(await exported('de'));
    const ws = wb.getWorksheet('Befunde')!;
    ws.getCell('G2').value = 'in Arbeit';
    ws.getCell('H2').value = 'Agentur Nord';
    ws.getCell('I2').value = '28.02.2027';
    ws.getCell('L3').value = 'Ticket OPS-77 angelegt';
    const plan = planFindingsImport(await readFindingsWorkbook(await save(wb), 'de'), SCOPE, current(), 'de');
    expect(plan.errors).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(plan.changes).toEqual([
      { findingId: 1, row: 2, comment: null, fields: [{ field: 'status', from: 'open', to: 'in-progress' }, { field: 'owner', from: '', to: 'Agentur Nord' }, { field: 'dueOn', from: '2027-01-15', to: '2027-02-28' }] },
      { findingId: 2, row: 3, comment: 'Ticket OPS-77 angelegt', fields: [] },
    ]);
    expect(plan.unchanged).toBe(1);
    const resolved = resolveFindingsImport(plan, current(), 'ours', 'de', 'Befunde');
    expect(resolved.updates[0]).toEqual({ findingId: 1, patch: { status: 'in-progress', owner: 'Agentur Nord', dueOn: '2027-02-28' }, comment: null });
  });

  it('a change in the app after the export, and in the file, is a conflict that ours or theirs decides', async () => {
    const wb = await open(await exported('en'));
    wb.getWorksheet('Findings')!.getCell('H3').value = 'Client IT';
    wb.getWorksheet('Findings')!.getCell('G2').value = 'in progress';
    const now = current().map((f) => (f.id === 2 ? { ...f, owner: 'DPO office', updatedAt: '2026-12-02T08:00:00.000Z' } : f));
    const plan = planFindingsImport(await readFindingsWorkbook(await save(wb)), SCOPE, now, 'en');
    expect(plan.conflicts).toEqual([{ findingId: 2, row: 3, field: 'owner', atExport: 'IT (M. Kurz)', inApp: 'DPO office', inFile: 'Client IT' }]);
    expect(plan.changes.map((c) => c.findingId)).toEqual([1]);
    expect(resolveFindingsImport(plan, now, 'theirs', 'en', 'Findings').updates.find((u) => u.findingId === 2)?.patch).toEqual({ owner: 'Client IT' });
    expect(resolveFindingsImport(plan, now, 'ours', 'en', 'Findings').updates.find((u) => u.findingId === 2)).toBeUndefined();
  });

  it('reports row errors: a bad date, an unknown status, fixed, an accepted risk without expiry, a row not exported', async () => {
    const wb = await open(await exported('en'));
    const ws = wb.getWorksheet('Findings')!;
    ws.getCell('I2').value = '31.02.2027';
    ws.getCell('G3').value = 'done';
    ws.getCell('G4').value = 'Fixed';
    ws.getCell('A5').value = 99;
    ws.getCell('G5').value = 'open';
    const parsed = await readFindingsWorkbook(await save(wb));
    const plan = planFindingsImport(parsed, SCOPE, current(), 'en');
    expect(plan.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Due on', expect.stringMatching(/"31\.02\.2027" is not a date/)],
      [3, 'Status', expect.stringMatching(/"done" is not a status/)],
      [4, 'Status', expect.stringMatching(/re-audit/)],
      [5, 'ID', expect.stringMatching(/Finding 99 was not exported/)],
    ]);
    const wb2 = await open(await exported('en'));
    wb2.getWorksheet('Findings')!.getCell('K4').value = null;
    const plan2 = planFindingsImport(await readFindingsWorkbook(await save(wb2)), SCOPE, current(), 'en');
    expect(plan2.errors).toEqual([{ sheet: 'Findings', row: 4, column: 'Status', message: 'An accepted risk needs a reason and an expiry date ("Expires on").' }]);
  });

  it('refuses a workbook of another scope', async () => {
    const parsed = await readFindingsWorkbook(await exported());
    expect(() => planFindingsImport(parsed, { ...SCOPE, label: 'https://other.example/' }, current(), 'en')).toThrow(expect.objectContaining({ code: 'other-scope' }));
    expect(() => planFindingsImport(parsed, null, current(), 'en')).toThrow(expect.objectContaining({ code: 'other-scope' }));
  });
});
