// A returned workbook that is not ours, edited where it must not be, damaged or encrypted is refused as a whole.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FindingsFileError, findingsFileProblemText, readFindingsWorkbook, writeFindingsWorkbook, type FindingsFileErrorCode } from '../../../electron/core/findings-xlsx';
import { EXPORTED_AT, FINDINGS, SCOPE } from './findings';

const exported = () => writeFindingsWorkbook({ scope: SCOPE, exportedAt: EXPORTED_AT, findings: FINDINGS }, 'en');

async function edited(edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await exported()) as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function expectCode(bytes: Buffer, code: FindingsFileErrorCode): Promise<void> {
  const error = await readFindingsWorkbook(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FindingsFileError);
  expect((error as FindingsFileError).code).toBe(code);
}

describe('readFindingsWorkbook refuses', () => {
  it('a meta sheet whose updatedAt was edited, whose hash row was removed, or that gained a row (tampered)', async () => {
    await expectCode(await edited((wb) => {
      const cell = wb.getWorksheet('_pruefstand')!.getCell('B4');
      cell.value = String(cell.value).replace('2026-11-30T09', '2026-12-30T09');
    }), 'tampered');
    await expectCode(await edited((wb) => {
      const ms = wb.getWorksheet('_pruefstand')!;
      ms.spliceRows(ms.rowCount, 1);
    }), 'tampered');
    await expectCode(await edited((wb) => {
      wb.getWorksheet('_pruefstand')!.insertRow(4, ['finding', '{"id":77}']);
    }), 'tampered');
  });

  it('a foreign workbook without the meta sheet (not-ours)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Findings').addRow(['ID', 'Status']).worksheet.addRow([1, 'open']);
    await expectCode(Buffer.from(await wb.xlsx.writeBuffer()), 'not-ours');
  });

  it('a damaged file, a non-workbook, an OLE file (password-protected), more than 10 MB', async () => {
    const good = await exported();
    await expectCode(good.subarray(0, Math.floor(good.length / 2)), 'corrupt');
    await expectCode(Buffer.concat([good.subarray(0, 4), Buffer.alloc(2000, 7)]), 'corrupt');
    await expectCode(Buffer.from('ID;Status\n1;open\n'), 'corrupt');
    await expectCode(Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]), 'encrypted');
    await expectCode(Buffer.concat([good, Buffer.alloc(10 * 1024 * 1024)]), 'too-large');
  });

  it('has a German and an English text for every code', () => {
    for (const code of ['not-ours', 'tampered', 'other-scope', 'encrypted', 'corrupt', 'too-large'] as const) {
      expect(findingsFileProblemText(code, 'de')).not.toBe(findingsFileProblemText(code, 'en'));
    }
  });
});
