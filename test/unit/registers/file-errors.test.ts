import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_DATA_ROWS, readRegisterFile, RegisterFileError, type RegisterFileErrorCode } from '../../../electron/core/registers';
import { toBuffer } from '../../fixtures/registers/workbooks';

async function refusal(bytes: Buffer, name: string): Promise<RegisterFileError> {
  const error = await readRegisterFile(bytes, name).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegisterFileError);
  return error as RegisterFileError;
}

async function expectCode(bytes: Buffer, name: string, code: RegisterFileErrorCode): Promise<void> {
  const error = await refusal(bytes, name);
  expect(error.code).toBe(code);
  expect(error.message.length).toBeGreaterThan(10);
}

const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

describe('readRegisterFile refuses files it cannot take', () => {
  it('encrypted: an OLE compound file (password-protected xlsx, old xls), whatever its name', async () => {
    const ole = Buffer.concat([OLE, Buffer.alloc(4096, 0x00)]);
    await expectCode(ole, 'AVV.xlsx', 'encrypted');
    await expectCode(ole, 'register.csv', 'encrypted');
  });

  it('corrupt: ZIP magic followed by junk', async () => {
    await expectCode(Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.from('junk junk junk '.repeat(100))]), 'AVV.xlsx', 'corrupt');
  });

  it('corrupt: a workbook cut in half', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['Name', 'Leistung']);
    const bytes = await toBuffer(wb);
    await expectCode(bytes.subarray(0, Math.floor(bytes.length / 2)), 'AVV.xlsx', 'corrupt');
  });

  it('corrupt: binary bytes that are neither ZIP nor text, or a .xlsx name on text', async () => {
    await expectCode(Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]), 'data.bin', 'corrupt');
    await expectCode(Buffer.from('Name;Leistung\nA;B\n'), 'AVV.xlsx', 'corrupt');
  });

  it('not-ours: a workbook of something else', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Umsatz');
    ws.addRow(['Monat', 'Umsatz', 'Kosten']);
    ws.addRow(['Januar', 1000, 800]);
    await expectCode(await toBuffer(wb), 'umsatz.xlsx', 'not-ours');
    await expectCode(Buffer.from('Monat;Umsatz\nJanuar;1000\n'), 'umsatz.csv', 'not-ours');
  });

  it('too-large: a 50 MB buffer fails at once, without being parsed', async () => {
    // Valid CSV all the way, so only the size check can refuse it, and fast.
    const big = Buffer.alloc(50 * 1024 * 1024, 'Name;Leistung\n');
    const started = performance.now();
    await expectCode(big, 'huge.csv', 'too-large');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('too-large: more than 10 000 data rows, in a CSV and in a workbook', async () => {
    const rows = Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => `Firma ${i};Leistung`).join('\n');
    await expectCode(Buffer.from(`Name;Leistung\n${rows}\n`), 'many.csv', 'too-large');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('AV');
    ws.addRow(['Name', 'Leistung']);
    for (let i = 0; i <= MAX_DATA_ROWS; i++) ws.addRow([`Firma ${i}`, 'x']);
    await expectCode(await toBuffer(wb), 'many.xlsx', 'too-large');
  });

  it('accepts exactly 10 000 data rows', async () => {
    const rows = Array.from({ length: MAX_DATA_ROWS }, (_, i) => `Firma ${i};Leistung`).join('\n');
    const parsed = await readRegisterFile(Buffer.from(`Name;Leistung\n${rows}\n`), 'many.csv');
    expect(parsed.processors).toHaveLength(MAX_DATA_ROWS);
  });

  it('empty: no bytes, or a header without data rows', async () => {
    await expectCode(Buffer.alloc(0), 'leer.csv', 'empty');
    await expectCode(Buffer.from('Verarbeitungstätigkeit;Zweck;Rechtsgrundlage\n;;\n\n'), 'vvt.csv', 'empty');
  });

  it('too-large: a workbook that would unpack to gigabytes (zip bomb) is refused from its directory', async () => {
    // A real ZIP whose central directory claims an entry of 4 GB: only the directory is read.
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('AV').addRow(['Name', 'Leistung']);
    const bytes = await toBuffer(wb);
    const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const central = bytes.readUInt32LE(eocd + 16);
    bytes.writeUInt32LE(0xfffffff0, central + 24);
    await expectCode(bytes, 'bomb.xlsx', 'too-large');
  });
});
