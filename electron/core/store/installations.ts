import { cleanName, type ClientsRepo } from './clients';
import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';

export interface Installation {
  id: number;
  clientId: number;
  name: string;
  baseUrl: string;
  httpUrl: string | null;
  landingPages: string[];
  privacyPolicyUrl: string | null;
  caPem: string | null;
  caName: string | null;
  notes: string;
  createdAt: string;
}

export interface InstallationInput {
  clientId: number;
  name: string;
  baseUrl: string;
  httpUrl?: string | null;
  landingPages?: string[];
  privacyPolicyUrl?: string | null;
  caPem?: string | null;
  caName?: string | null;
  notes?: string;
}

export interface InstallationsRepo {
  create(input: InstallationInput): Installation;
  list(clientId: number): Installation[];
  get(id: number): Installation | null;
  update(id: number, patch: Partial<InstallationInput>): Installation;
  /** Refused ('in-use') once the installation has runs: runs and evidence are kept for the record. */
  delete(id: number): void;
  findByBaseUrl(baseUrl: string): Installation | null;
}

interface InstallationRow {
  id: number;
  client_id: number;
  name: string;
  base_url: string;
  http_url: string | null;
  landing_pages_json: string;
  privacy_policy_url: string | null;
  ca_pem: string | null;
  ca_name: string | null;
  notes: string;
  created_at: string;
}

const COLUMNS = 'id, client_id, name, base_url, http_url, landing_pages_json, privacy_policy_url, ca_pem, ca_name, notes, created_at';

const toInstallation = (r: InstallationRow): Installation => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  baseUrl: r.base_url,
  httpUrl: r.http_url,
  landingPages: JSON.parse(r.landing_pages_json) as string[],
  privacyPolicyUrl: r.privacy_policy_url,
  caPem: r.ca_pem,
  caName: r.ca_name,
  notes: r.notes,
  createdAt: r.created_at,
});

/** The one spelling of a URL the store keeps (WHATWG-normalised); only http and https. */
export function normalizeUrl(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StoreError('invalid', `${what}: "${value}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new StoreError('invalid', `${what}: "${value}" is not an http(s) URL`);
  return url.href;
}

export function createInstallationsRepo(db: Db, clients: ClientsRepo): InstallationsRepo {
  const insert = db.prepare<[number, string, string, string | null, string, string | null, string | null, string | null, string, string]>(
    `INSERT INTO installations (client_id, name, base_url, http_url, landing_pages_json, privacy_policy_url, ca_pem, ca_name, notes, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectByClient = db.prepare<[number], InstallationRow>(`SELECT ${COLUMNS} FROM installations WHERE client_id = ? ORDER BY name COLLATE NOCASE, id`);
  const selectOne = db.prepare<[number], InstallationRow>(`SELECT ${COLUMNS} FROM installations WHERE id = ?`);
  const selectByUrl = db.prepare<[string], InstallationRow>(`SELECT ${COLUMNS} FROM installations WHERE base_url = ?`);
  const updateOne = db.prepare<[number, string, string, string | null, string, string | null, string | null, string | null, string, number]>(
    `UPDATE installations SET client_id = ?, name = ?, base_url = ?, http_url = ?, landing_pages_json = ?, privacy_policy_url = ?,
     ca_pem = ?, ca_name = ?, notes = ? WHERE id = ?`,
  );
  const deleteOne = db.prepare<[number]>('DELETE FROM installations WHERE id = ?');

  const get = (id: number): Installation | null => {
    const row = selectOne.get(id);
    return row ? toInstallation(row) : null;
  };
  const mustGet = (id: number): Installation => {
    const i = get(id);
    if (!i) throw new StoreError('not-found', `installation ${id} does not exist`);
    return i;
  };
  const mustHaveClient = (clientId: number, what: string) => {
    if (!clients.get(clientId)) throw new StoreError('not-found', `${what}: client ${clientId} does not exist`);
  };
  const optionalUrl = (value: string | null | undefined, what: string) => (value ? normalizeUrl(value, what) : null);
  /** Normalised, de-duplicated, in the order given. */
  const urlList = (values: readonly string[], what: string) => JSON.stringify([...new Set(values.map((v) => normalizeUrl(v, what)))]);

  return {
    create(input) {
      const what = 'create installation';
      mustHaveClient(input.clientId, what);
      const name = cleanName(input.name, what);
      const baseUrl = normalizeUrl(input.baseUrl, what);
      try {
        const info = insert.run(
          input.clientId,
          name,
          baseUrl,
          optionalUrl(input.httpUrl, what),
          urlList(input.landingPages ?? [], what),
          optionalUrl(input.privacyPolicyUrl, what),
          input.caPem || null,
          input.caPem ? input.caName || null : null,
          input.notes ?? '',
          new Date().toISOString(),
        );
        return mustGet(Number(info.lastInsertRowid));
      } catch (err) {
        rethrowSqlite(err, `${what} for ${baseUrl}`);
      }
    },
    list: (clientId) => selectByClient.all(clientId).map(toInstallation),
    get,
    update(id, patch) {
      const what = `update installation ${id}`;
      const cur = mustGet(id);
      if (patch.clientId !== undefined) mustHaveClient(patch.clientId, what);
      const next = {
        clientId: patch.clientId ?? cur.clientId,
        name: patch.name === undefined ? cur.name : cleanName(patch.name, what),
        baseUrl: patch.baseUrl === undefined ? cur.baseUrl : normalizeUrl(patch.baseUrl, what),
        httpUrl: patch.httpUrl === undefined ? cur.httpUrl : optionalUrl(patch.httpUrl, what),
        landingPages: patch.landingPages === undefined ? JSON.stringify(cur.landingPages) : urlList(patch.landingPages, what),
        privacyPolicyUrl: patch.privacyPolicyUrl === undefined ? cur.privacyPolicyUrl : optionalUrl(patch.privacyPolicyUrl, what),
        caPem: patch.caPem === undefined ? cur.caPem : patch.caPem || null,
        caName: patch.caName === undefined ? cur.caName : patch.caName || null,
        notes: patch.notes ?? cur.notes,
      };
      if (!next.caPem) next.caName = null;
      try {
        updateOne.run(next.clientId, next.name, next.baseUrl, next.httpUrl, next.landingPages, next.privacyPolicyUrl, next.caPem, next.caName, next.notes, id);
      } catch (err) {
        rethrowSqlite(err, what);
      }
      return mustGet(id);
    },
    delete(id) {
      try {
        if (deleteOne.run(id).changes === 0) throw new StoreError('not-found', `installation ${id} does not exist`);
      } catch (err) {
        rethrowSqlite(err, `delete installation ${id}`);
      }
    },
    findByBaseUrl(baseUrl) {
      let normalized: string;
      try {
        normalized = normalizeUrl(baseUrl, 'find installation');
      } catch {
        return null;
      }
      const row = selectByUrl.get(normalized);
      return row ? toInstallation(row) : null;
    },
  };
}

/** The CLI's way in: the installation for this URL, created (with its client, by name) when missing. */
export function ensureInstallationForUrl(db: Db, clients: ClientsRepo, installations: InstallationsRepo, baseUrl: string, clientName = 'Ad-hoc'): Installation {
  return db
    .transaction(() => {
      const existing = installations.findByBaseUrl(baseUrl);
      if (existing) return existing;
      const url = new URL(normalizeUrl(baseUrl, 'audit target'));
      const name = cleanName(clientName, 'client for ad-hoc audit');
      const client = clients.findByName(name) ?? clients.create({ name });
      return installations.create({ clientId: client.id, name: url.host, baseUrl: url.href });
    })
    .immediate();
}
