import Database from 'better-sqlite3';
import { closeSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { isCorruptionError, StoreError } from './errors';
import { LATEST_VERSION, MIGRATIONS } from './migrations';

export type Db = Database.Database;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const BUSY_TIMEOUT_MS = 5000;

function corrupt(file: string, cause?: unknown): StoreError {
  return new StoreError('corrupt', `${file} is not a readable Prüfstand database (not SQLite or damaged); it was left untouched`, { cause });
}

/** Refuse files that are not SQLite before SQLite gets a chance to touch them. An empty file is a new database. */
function assertSqliteHeader(file: string): void {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new StoreError('io', `${file} is not a file`);
    size = st.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    if (err instanceof StoreError) throw err;
    throw new StoreError('io', `cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  if (size === 0) return;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!head.equals(SQLITE_HEADER)) throw corrupt(file);
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies the migrations after the database's user_version, up to `upTo` (default: all), each in its own
 * IMMEDIATE transaction together with the user_version bump, so two processes never apply one twice.
 */
export function migrate(db: Db, upTo: number = LATEST_VERSION, file = db.name): void {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new StoreError('too-new', `${file} has schema version ${current}, but this Prüfstand knows only up to ${LATEST_VERSION}; update Prüfstand to open it`);
  }
  for (const m of MIGRATIONS) {
    if (m.version > upTo) break;
    db.transaction(() => {
      if (schemaVersion(db) >= m.version) return;
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
}

/** Opens (creating if needed) the database file with WAL, foreign keys and a busy timeout, and migrates it. */
export function openDatabase(file: string): Db {
  const abs = path.resolve(file);
  try {
    mkdirSync(path.dirname(abs), { recursive: true });
  } catch (err) {
    throw new StoreError('io', `cannot create the folder for ${abs}: ${(err as Error).message}`, { cause: err });
  }
  assertSqliteHeader(abs);
  let db: Db;
  try {
    db = new Database(abs);
  } catch (err) {
    if (isCorruptionError(err)) throw corrupt(abs, err);
    throw new StoreError('io', `cannot open ${abs}: ${(err as Error).message}`, { cause: err });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    // With WAL, NORMAL syncs at checkpoints rather than at every commit: a crash of the process loses nothing,
    // a power cut at most the last commits, and the database stays consistent either way (SQLite's own advice).
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, LATEST_VERSION, abs);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof StoreError) throw err;
    if (isCorruptionError(err)) throw corrupt(abs, err);
    throw err;
  }
}
