import type { Lang, Localized } from '../../shared/domain';

export const STORE_ERROR_CODES = ['corrupt', 'too-new', 'not-found', 'in-use', 'conflict', 'invalid', 'io', 'locked'] as const;
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number];

/**
 * Every failure the store reports on purpose; `message` is meant for the user and names the file or row. Errors
 * with texts in both languages (the keys of evidence at rest) carry them in `texts`; `textIn` picks one.
 */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  readonly texts: Localized | undefined;
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown; texts?: Localized },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.texts = options?.texts;
  }

  /** The text in the user's language where the store has one, else the English `message`. */
  textIn(lang: Lang): string {
    return this.texts?.[lang] ?? this.message;
  }
}

function sqliteCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isCorruptionError(err: unknown): boolean {
  const code = sqliteCode(err);
  return code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT');
}

/**
 * Turns the constraint errors of better-sqlite3 into StoreErrors; anything else is rethrown as is.
 * `what` describes the operation, e.g. "delete client 3".
 */
export function rethrowSqlite(err: unknown, what: string): never {
  if (err instanceof StoreError) throw err;
  const code = sqliteCode(err);
  const detail = (err as Error)?.message ?? String(err);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    throw new StoreError(what.startsWith('delete') ? 'in-use' : 'not-found', what.startsWith('delete') ? `${what}: it has audit runs or evidence, which are kept for the record` : `${what}: a referenced record does not exist`, { cause: err });
  }
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    throw new StoreError('conflict', `${what}: already exists (${detail})`, { cause: err });
  }
  if (code === 'SQLITE_CONSTRAINT_CHECK' || code === 'SQLITE_CONSTRAINT_NOTNULL' || code === 'SQLITE_CONSTRAINT_DATATYPE') {
    throw new StoreError('invalid', `${what}: ${detail}`, { cause: err });
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER') {
    throw new StoreError('invalid', `${what}: ${detail}`, { cause: err });
  }
  throw err;
}
