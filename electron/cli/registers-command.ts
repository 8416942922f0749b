import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ColumnSpec } from '../core/registers/columns';
import { defaultStorePath } from '../core/store/paths';
import type { Store } from '../core/store';
import type { Lang } from '../shared/domain';
import { registerFileProblemText } from '../shared/register-file-texts';
import type { RegisterImportPlan } from '../shared/registers';
import { langOption, parseCommandArgs, UsageError } from './args';
import { EXIT, type Io } from './exit-codes';
import { rtext } from './register-texts';
import { text } from './texts';
import { storeKeyOptions } from './open-store';

const OPTIONS = {
  client: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'skip-invalid': { type: 'boolean' },
  kind: { type: 'string' },
  db: { type: 'string' },
  lang: { type: 'string' },
} as const;

type Columns = readonly ColumnSpec<string>[];
type Entry = Record<string, unknown>;

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined || v === '' ? '–' : String(v));

/** "+ name" per addition and "~ name: field before → after; …" per change, for one kind of entry. */
function planLines(adds: Entry[], changes: { input: Entry }[], before: Entry[], columns: Columns, nameField: string, lang: Lang): string[] {
  const lines = adds.map((a) => `  + ${String(a[nameField])}`);
  changes.forEach((c, i) => {
    const was = before[i] ?? {};
    const diffs = columns.filter((col) => JSON.stringify(was[col.field]) !== JSON.stringify(c.input[col.field])).map((col) => `${col.header[lang]} ${show(was[col.field])} → ${show(c.input[col.field])}`);
    lines.push(`  ~ ${String(c.input[nameField])}: ${diffs.join('; ')}`);
  });
  return lines;
}

function printPlan(plan: RegisterImportPlan, columns: { processors: Columns; activities: Columns }, io: Io, lang: Lang): void {
  const { changes, before, unchanged } = plan;
  const kinds = [
    { kind: rtext(lang, 'kindProcessors'), c: changes.processors, before: before.processors, unchanged: unchanged.processors, columns: columns.processors, name: 'name' },
    { kind: rtext(lang, 'kindActivities'), c: changes.activities, before: before.activities, unchanged: unchanged.activities, columns: columns.activities, name: 'activity' },
  ];
  for (const k of kinds) {
    io.stdout.write(rtext(lang, 'registersSummary', { kind: k.kind, added: k.c.add.length, changed: k.c.change.length, unchanged: k.unchanged }) + '\n');
    const lines = planLines(k.c.add as unknown as Entry[], k.c.change as unknown as { input: Entry }[], k.before as unknown as Entry[], k.columns, k.name, lang);
    if (lines.length) io.stdout.write(lines.join('\n') + '\n');
  }
  if (plan.errors.length) {
    io.stdout.write(rtext(lang, 'registersRowErrors', { count: plan.errors.length }) + '\n');
    for (const e of plan.errors) io.stdout.write(rtext(lang, 'registersRowError', { sheet: e.sheet, row: e.row, column: e.column, message: e.message }) + '\n');
  }
}

function readInput(file: string, maxBytes: number, lang: Lang): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new UsageError(rtext(lang, 'registersUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  // The size first: a huge file is refused before it is read.
  if (size > maxBytes) throw new UsageError(rtext(lang, 'registersFileError', { file, reason: registerFileProblemText('too-large', lang) }));
  try {
    return readFileSync(file);
  } catch (err) {
    throw new UsageError(rtext(lang, 'registersUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
}

async function importRegisters(store: Store, file: string, clientName: string, values: { 'dry-run'?: boolean; 'skip-invalid'?: boolean }, io: Io, lang: Lang): Promise<number> {
  const registers = await import('../core/registers/index.js');
  const { PROCESSOR_COLUMNS, ACTIVITY_COLUMNS } = await import('../core/registers/columns.js');
  let client = store.clients.findByName(clientName);
  const current = client ? { processors: store.registers.listProcessors(client.id), activities: store.registers.listActivities(client.id) } : { processors: [], activities: [] };
  let plan: RegisterImportPlan;
  try {
    const parsed = await registers.readRegisterFile(readInput(file, registers.MAX_FILE_BYTES, lang), path.basename(file), lang);
    plan = registers.planImport(parsed, current, lang);
  } catch (err) {
    if (err instanceof registers.RegisterFileError) throw new UsageError(rtext(lang, 'registersFileError', { file, reason: registerFileProblemText(err.code, lang) }));
    throw err;
  }
  printPlan(plan, { processors: PROCESSOR_COLUMNS, activities: ACTIVITY_COLUMNS }, io, lang);
  if (plan.errors.length && !values['skip-invalid']) {
    io.stderr.write(rtext(lang, 'registersRefused') + '\n');
    return EXIT.failed;
  }
  if (values['dry-run']) {
    io.stdout.write(rtext(lang, 'registersDryRun') + '\n');
    return EXIT.ok;
  }
  const { processors, activities } = plan.changes;
  if (processors.add.length + processors.change.length + activities.add.length + activities.change.length === 0) {
    io.stdout.write(rtext(lang, 'registersNothing') + '\n');
    return EXIT.ok;
  }
  if (!client) {
    client = store.clients.create({ name: clientName });
    io.stdout.write(rtext(lang, 'registersClientCreated', { client: client.name }) + '\n');
  }
  const applied = store.registers.apply(client.id, plan.changes);
  io.stdout.write(rtext(lang, 'registersApplied', { client: client.name, ...applied }) + '\n');
  return EXIT.ok;
}

async function exportRegisters(store: Store, file: string, clientName: string, rawKind: string | undefined, db: string, io: Io, lang: Lang): Promise<number> {
  const format = path.extname(file).toLowerCase();
  if (format !== '.xlsx' && format !== '.csv') throw new UsageError(rtext(lang, 'registersBadFormat', { file }));
  if (rawKind !== undefined && rawKind !== 'processors' && rawKind !== 'activities') throw new UsageError(rtext(lang, 'registersBadKind', { value: rawKind }));
  if (format === '.csv' && rawKind === undefined) throw new UsageError(rtext(lang, 'registersCsvKind'));
  const client = store.clients.findByName(clientName);
  if (!client) throw new UsageError(rtext(lang, 'registersNoClient', { client: clientName, db }));
  const snapshot = store.registers.snapshot(client.id);
  const registers = await import('../core/registers/index.js');
  const bytes =
    format === '.xlsx'
      ? await registers.writeRegisterWorkbook(snapshot, lang)
      : Buffer.from(rawKind === 'activities' ? registers.writeRegisterCsv('activities', snapshot.activities, lang) : registers.writeRegisterCsv('processors', snapshot.processors, lang), 'utf8');
  const tmp = `${file}.tmp`;
  try {
    writeFileSync(tmp, bytes);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new UsageError(rtext(lang, 'registersUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  io.stdout.write(rtext(lang, 'registersExported', { file, processors: snapshot.processors.length, activities: snapshot.activities.length }) + '\n');
  return EXIT.ok;
}

/** `pruefstand registers import|export <file> --client NAME [--dry-run] [--skip-invalid] [--kind K] [--db FILE]` */
export async function registersCommand(argv: string[], io: Io, envLang: Lang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const lang = langOption(values.lang, envLang);
  const [sub, file, extra] = positionals;
  if (!sub) throw new UsageError(rtext(lang, 'registersMissing'));
  if (sub !== 'import' && sub !== 'export') throw new UsageError(rtext(lang, 'registersUnknown', { sub }));
  if (!file) throw new UsageError(rtext(lang, 'registersNeedFile'));
  if (extra !== undefined) throw new UsageError(`unexpected argument: ${extra}`);
  const clientName = values.client?.trim();
  if (!clientName) throw new UsageError(rtext(lang, 'registersNeedClient'));
  const db = values.db ?? defaultStorePath();
  if (sub === 'export' && !existsSync(db)) throw new UsageError(text(lang, 'storeMissing', { db }));
  const { openStore } = await import('../core/store/index.js');
  const store = openStore(db, storeKeyOptions());
  try {
    return sub === 'import' ? await importRegisters(store, file, clientName, values, io, lang) : await exportRegisters(store, file, clientName, values.kind, db, io, lang);
  } finally {
    store.close();
  }
}
