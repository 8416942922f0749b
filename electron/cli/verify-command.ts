import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultStorePath, openStore, verifyStore } from '../core/store';
import type { Lang } from '../shared/domain';
import { UsageError } from './args';
import type { Io } from './exit-codes';
import { text } from './texts';
import { storeKeyOptions } from './open-store';

export function verifyStoreCommand(argv: string[], io: Io, lang: Lang): number {
  let db: string | undefined;
  try {
    db = parseArgs({ args: argv, options: { db: { type: 'string' } }, strict: true }).values.db;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const file = db ?? defaultStorePath();
  if (!existsSync(file)) throw new UsageError(text(lang, 'storeMissing', { db: file }));
  const store = openStore(file, storeKeyOptions());
  try {
    const report = verifyStore(store);
    if (report.ok) {
      io.stdout.write(text(lang, 'verifyOk', { entries: report.entries, blobs: report.blobs, db: file }) + '\n');
      return 0;
    }
    const broken = report.firstBroken!;
    io.stdout.write(text(lang, 'verifyBroken', { seq: broken.seq, evidenceId: broken.evidenceId, reason: broken.reason }) + '\n');
    return 1;
  } finally {
    store.close();
  }
}
