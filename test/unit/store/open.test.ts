import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultStorePath, openStore, StoreError } from '../../../electron/core/store';
import { LATEST_VERSION } from '../../../electron/core/store/migrations';
import { tempDir, tempStore } from './helpers';

function openError(file: string): StoreError {
  try {
    openStore(file).close();
  } catch (err) {
    expect(err).toBeInstanceOf(StoreError);
    return err as StoreError;
  }
  throw new Error('openStore did not fail');
}

describe('openStore', () => {
  it('creates missing parent folders and a migrated WAL database with foreign keys and a busy timeout', () => {
    const file = path.join(tempDir(), 'a', 'b', 'store.db');
    const store = tempStore(file);
    expect(store.file).toBe(file);
    expect(existsSync(file)).toBe(true);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    raw.close();
    // Settings of the store's own connection, observed through behaviour:
    expect(() => store.startRun({ installationId: 999, checklistId: 'c', checklistVersion: '1', engineVersion: '0', targetUrl: 'https://x/', options: {} })).toThrow(
      expect.objectContaining({ code: 'not-found' }),
    );
  });

  it('reopens an existing store and keeps its data', () => {
    const file = path.join(tempDir(), 'store.db');
    const a = openStore(file);
    a.clients.create({ name: 'Acme' });
    a.close();
    const b = tempStore(file);
    expect(b.clients.list().map((c) => c.name)).toEqual(['Acme']);
  });

  it('waits for another process holding the write lock (busy_timeout) instead of failing with SQLITE_BUSY', async () => {
    const file = path.join(tempDir(), 'store.db');
    const store = tempStore(file);
    const holder = spawn(
      process.execPath,
      ['-e', `const db = new (require('better-sqlite3'))(process.argv[1]); db.exec('BEGIN IMMEDIATE'); process.stdout.write('locked\\n');
              Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 400); db.exec('COMMIT'); db.close();`, file],
      { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      holder.stdout.once('data', () => resolve());
      holder.once('exit', (code) => reject(new Error(`lock holder exited early (${code})`)));
    });
    const t0 = Date.now();
    store.clients.create({ name: 'waited' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(150);
    expect(store.clients.list().map((c) => c.name)).toEqual(['waited']);
    await new Promise((resolve) => holder.once('exit', resolve));
  });

  it('refuses a file that is not SQLite with StoreError corrupt naming the file, and leaves it untouched', () => {
    const file = path.join(tempDir(), 'workspace.db');
    const content = 'this is my thesis, not a database\n'.repeat(200);
    writeFileSync(file, content);
    const before = statSync(file).mtimeMs;
    const err = openError(file);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe(content);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('reports a damaged SQLite file (valid header, garbage pages) as corrupt', () => {
    const file = path.join(tempDir(), 'damaged.db');
    const header = Buffer.from('SQLite format 3\0', 'latin1');
    writeFileSync(file, Buffer.concat([header, Buffer.alloc(8192, 0xab)]));
    const err = openError(file);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain(file);
  });

  it('refuses a database written by a newer Prüfstand with StoreError too-new', () => {
    const file = path.join(tempDir(), 'new.db');
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    const err = openError(file);
    expect(err.code).toBe('too-new');
    expect(err.message).toContain(file);
  });
});

describe('defaultStorePath', () => {
  const home = '/home/anna';
  it('honours PRUEFSTAND_HOME on every platform', () => {
    expect(defaultStorePath({ PRUEFSTAND_HOME: '/data/p' }, 'linux', home)).toBe(path.join('/data/p', 'pruefstand.db'));
    expect(defaultStorePath({ PRUEFSTAND_HOME: '/data/p', APPDATA: 'C:\\x' }, 'win32', home)).toBe(path.join('/data/p', 'pruefstand.db'));
  });

  it('mirrors Electron userData on Linux (XDG_CONFIG_HOME or ~/.config), macOS and Windows', () => {
    expect(defaultStorePath({}, 'linux', home)).toBe('/home/anna/.config/Pruefstand/pruefstand.db');
    expect(defaultStorePath({ XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe('/xdg/Pruefstand/pruefstand.db');
    expect(defaultStorePath({}, 'darwin', '/Users/anna')).toBe('/Users/anna/Library/Application Support/Pruefstand/pruefstand.db');
    expect(defaultStorePath({ APPDATA: 'C:\\Users\\anna\\AppData\\Roaming' }, 'win32', 'C:\\Users\\anna')).toBe(
      'C:\\Users\\anna\\AppData\\Roaming\\Pruefstand\\pruefstand.db',
    );
  });

  it('uses the real environment by default', () => {
    const saved = process.env.PRUEFSTAND_HOME;
    process.env.PRUEFSTAND_HOME = '/tmp/ph';
    try {
      expect(defaultStorePath()).toBe(path.join('/tmp/ph', 'pruefstand.db'));
    } finally {
      if (saved === undefined) delete process.env.PRUEFSTAND_HOME;
      else process.env.PRUEFSTAND_HOME = saved;
    }
  });
});
