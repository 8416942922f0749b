import { readFileSync } from 'node:fs';
import { trustConfig } from '../core/net/options';
import type { Lang } from '../shared/domain';
import { UsageError } from './usage-error';
import { text } from './texts';

/** The --ca file's PEM, checked to hold a certificate; a usage error (exit 2) otherwise. */
export function readCa(file: string, lang: Lang): string {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(text(lang, 'caUnreadable', { file, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }));
  }
  try {
    trustConfig(pem);
  } catch (err) {
    throw new UsageError(text(lang, 'caUnreadable', { file, reason: (err as Error).message }));
  }
  return pem;
}
