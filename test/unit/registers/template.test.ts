import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../../electron/core/package-root';
import { readRegisterFile, RegisterFileError, registersTemplate, TEMPLATE_FILE } from '../../../electron/core/registers';
import { openWorkbook } from '../../fixtures/registers/workbooks';

const root = packageRoot();

/** What the template is about, without zip timestamps: sheets, header rows, frozen panes, validations. */
function shape(wb: ExcelJS.Workbook): unknown {
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    header: (ws.getRow(1).values as unknown[]).slice(1),
    bold: ws.getRow(1).font?.bold,
    rows: ws.actualRowCount,
    views: ws.views,
    validations: (ws as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
  }));
}

describe('resources/registers-template.xlsx', () => {
  it('is what the template code writes today (regenerate: node tools/make-registers-template.mjs)', async () => {
    const committed = await openWorkbook(await readFile(path.join(root, TEMPLATE_FILE)));
    const fresh = await openWorkbook(await registersTemplate());
    expect(shape(committed)).toEqual(shape(fresh));
    expect(committed.worksheets.map((ws) => ws.name)).toEqual(['Auftragsverarbeiter', 'Verarbeitungstätigkeiten']);
    expect((committed.worksheets[0]!.getRow(1).values as unknown[]).slice(1)).toContain('AVV unterzeichnet am');
    const validations = (committed.worksheets[1] as unknown as { dataValidations: { model: Record<string, { type: string }> } }).dataValidations.model;
    expect(Object.keys(validations).length).toBeGreaterThanOrEqual(2 * 999);
  });

  it('is recognised as a register with no rows yet', async () => {
    const error = await readRegisterFile(await readFile(path.join(root, TEMPLATE_FILE)), 'registers-template.xlsx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegisterFileError);
    expect((error as RegisterFileError).code).toBe('empty');
  });
});
