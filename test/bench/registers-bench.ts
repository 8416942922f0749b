// npm run bench (last part): the register import at its limits — a 10,000-row processor workbook and the same as
// a ';' CSV in Windows-1252, read and planned against a register of 5,000 processors, then applied in one
// transaction to a real store. Prints wall time per step and the peak RSS of this process.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import { planImport, readRegisterFile } from '../../electron/core/registers';
import { openStore } from '../../electron/core/store';

const ROWS = 10_000;
const EXISTING = 5_000;
const HEADER = ['Auftragsverarbeiter', 'Leistung', 'Land', 'AVV unterzeichnet am', 'Übermittlungsgrundlage', 'Nächste Prüfung', 'Bemerkungen'];
const row = (i: number) => [`Dienstleister ${i} GmbH`, `Leistung ${i % 7}`, i % 3 ? 'Deutschland' : 'USA', '15.03.2025', i % 3 ? '' : 'SCC', `0${(i % 9) + 1}.06.2027`, `Prüfung Nr. ${i} - Übersicht`];

async function timed<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = process.hrtime.bigint();
  const value = await fn();
  console.log(`  ${label.padEnd(44)} ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0).padStart(6)} ms`);
  return value;
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pruefstand-registers-bench-'));
  try {
    const wb = new Workbook();
    const ws = wb.addWorksheet('AVV');
    ws.addRow(['Liste der Auftragsverarbeiter']);
    ws.addRow([]);
    ws.addRow(HEADER);
    for (let i = 0; i < ROWS; i++) ws.addRow(row(i));
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const csv = Buffer.from([HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i))].map((r) => r.join(';')).join('\r\n'), 'latin1');
    console.log(`registers: ${ROWS} rows (xlsx ${(xlsx.length / 1024).toFixed(0)} KiB, csv ${(csv.length / 1024).toFixed(0)} KiB), ${EXISTING} processors in the register`);

    const store = openStore(path.join(dir, 'bench.db'));
    const client = store.clients.create({ name: 'Bench GmbH' });
    const seedRows = await readRegisterFile(csv, 'seed.csv');
    store.registers.apply(client.id, { processors: { add: seedRows.processors.slice(0, EXISTING).map((p) => p.input), change: [] }, activities: { add: [], change: [] } });
    const current = { processors: store.registers.listProcessors(client.id), activities: [] };

    const fromXlsx = await timed('read .xlsx (exceljs, header on row 3)', () => readRegisterFile(xlsx, 'avv.xlsx'));
    await timed('read .csv (Windows-1252, ;)', () => readRegisterFile(csv, 'avv.csv'));
    const plan = await timed('plan against the register', () => planImport(fromXlsx, current));
    console.log(`  plan: ${plan.changes.processors.add.length} new, ${plan.changes.processors.change.length} changed, ${plan.unchanged.processors} unchanged, ${plan.errors.length} errors`);
    await timed('apply (one transaction)', () => store.registers.apply(client.id, plan.changes));
    store.close();
    console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
