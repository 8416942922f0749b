import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';

export interface Client {
  id: number;
  name: string;
  notes: string;
  createdAt: string;
}

export interface ClientInput {
  name: string;
  notes?: string;
}

interface ClientRow {
  id: number;
  name: string;
  notes: string;
  created_at: string;
}

export interface ClientsRepo {
  create(input: ClientInput): Client;
  list(): Client[];
  get(id: number): Client | null;
  findByName(name: string): Client | null;
  update(id: number, patch: Partial<ClientInput>): Client;
  /** Also deletes the client's installations; refused ('in-use') once any of them has runs. */
  delete(id: number): void;
}

const toClient = (r: ClientRow): Client => ({ id: r.id, name: r.name, notes: r.notes, createdAt: r.created_at });

export function cleanName(name: unknown, what: string): string {
  const trimmed = typeof name === 'string' ? name.trim() : '';
  if (!trimmed) throw new StoreError('invalid', `${what}: a name is required`);
  return trimmed;
}

export function createClientsRepo(db: Db): ClientsRepo {
  const insert = db.prepare<[string, string, string]>('INSERT INTO clients (name, notes, created_at) VALUES (?, ?, ?)');
  const selectAll = db.prepare<[], ClientRow>('SELECT id, name, notes, created_at FROM clients ORDER BY name COLLATE NOCASE, id');
  const selectOne = db.prepare<[number], ClientRow>('SELECT id, name, notes, created_at FROM clients WHERE id = ?');
  const selectByName = db.prepare<[string], ClientRow>('SELECT id, name, notes, created_at FROM clients WHERE name = ?');
  const updateOne = db.prepare<[string, string, number]>('UPDATE clients SET name = ?, notes = ? WHERE id = ?');
  const deleteOne = db.prepare<[number]>('DELETE FROM clients WHERE id = ?');

  const get = (id: number): Client | null => {
    const row = selectOne.get(id);
    return row ? toClient(row) : null;
  };
  const mustGet = (id: number): Client => {
    const c = get(id);
    if (!c) throw new StoreError('not-found', `client ${id} does not exist`);
    return c;
  };

  return {
    create(input) {
      const name = cleanName(input.name, 'create client');
      try {
        const info = insert.run(name, input.notes ?? '', new Date().toISOString());
        return mustGet(Number(info.lastInsertRowid));
      } catch (err) {
        rethrowSqlite(err, `create client "${name}"`);
      }
    },
    list: () => selectAll.all().map(toClient),
    get,
    findByName(name) {
      const row = selectByName.get(name.trim());
      return row ? toClient(row) : null;
    },
    update(id, patch) {
      const current = mustGet(id);
      const name = patch.name === undefined ? current.name : cleanName(patch.name, `update client ${id}`);
      try {
        updateOne.run(name, patch.notes ?? current.notes, id);
      } catch (err) {
        rethrowSqlite(err, `update client ${id}`);
      }
      return mustGet(id);
    },
    delete(id) {
      try {
        if (deleteOne.run(id).changes === 0) throw new StoreError('not-found', `client ${id} does not exist`);
      } catch (err) {
        rethrowSqlite(err, `delete client ${id}`);
      }
    },
  };
}
