// The app's import of a targets file (the list `audit --targets` reads): a preview of the clients and installations
// it would add or change, and the row errors; then all of it in one transaction, or nothing.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Lang } from '../../shared/domain';
import { applyTargetList, planTargetList } from '../batch/target-list';
import { targetErrorText } from '../batch/target-error-texts';
import { parseTargets, type BatchTarget } from '../batch/targets';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

/** Bigger than any real list of installations (10,000 rows are ~2 MB). */
const MAX_FILE_BYTES = 10 * 1024 * 1024;

function readList(file: string, lang: Lang): { name: string; targets: BatchTarget[] } | { name: string; errors: { row: number; column: string; message: string }[] } {
  const abs = path.resolve(file);
  const name = path.basename(abs);
  let size: number;
  try {
    size = statSync(abs).size;
  } catch {
    throw new ServiceError('not-found', `${abs} does not exist`);
  }
  if (size > MAX_FILE_BYTES) throw new ServiceError('invalid', `${name}: the file is larger than 10 MB; a targets file is a CSV of a few columns per installation`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (err) {
    throw new ServiceError('invalid', `${name}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const parsed = parseTargets(bytes, path.dirname(abs));
  if (parsed.ok) return { name, targets: parsed.targets };
  return { name, errors: parsed.errors.map((e) => ({ row: e.row, column: e.column, message: targetErrorText(e, lang) })) };
}

export function createTargetListService(store: Store) {
  return {
    preview(file: string, lang: Lang) {
      const list = readList(file, lang);
      if ('errors' in list) return { file: list.name, rows: [], errors: list.errors };
      return { file: list.name, rows: planTargetList(store, list.targets), errors: [] };
    },
    apply(file: string, lang: Lang) {
      const list = readList(file, lang);
      if ('errors' in list) throw new ServiceError('invalid', `${list.name}: ${list.errors.length} row error(s); nothing was imported`);
      return applyTargetList(store, list.targets);
    },
  };
}
