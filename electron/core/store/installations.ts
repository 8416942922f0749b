import type { SshSettings } from '../../shared/domain';
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
  /** Mautic form pages (`/form/{id}`) checked by forms.*. */
  formUrls: string[];
  /** The installation's local.php and crontab listing on this workstation; read at audit time, never copied. */
  configPath: string | null;
  crontabPath: string | null;
  /** A read-only SSH login that reads local.php, the crontab and the PHP version instead. */
  ssh: SshSettings | null;
  /** An encrypted SSH password or key passphrase is kept for this installation. */
  hasSecret: boolean;
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
  formUrls?: string[];
  configPath?: string | null;
  crontabPath?: string | null;
  ssh?: SshSettings | null;
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
  form_urls_json: string;
  config_path: string | null;
  crontab_path: string | null;
  ssh_json: string | null;
  has_secret: number;
  ca_pem: string | null;
  ca_name: string | null;
  notes: string;
  created_at: string;
}

const COLUMNS = `id, client_id, name, base_url, http_url, landing_pages_json, privacy_policy_url, form_urls_json, config_path, crontab_path,
  ssh_json, EXISTS (SELECT 1 FROM installation_secrets s WHERE s.installation_id = installations.id) AS has_secret, ca_pem, ca_name, notes, created_at`;

const toInstallation = (r: InstallationRow): Installation => ({
  id: r.id,
  clientId: r.client_id,
  name: r.name,
  baseUrl: r.base_url,
  httpUrl: r.http_url,
  landingPages: JSON.parse(r.landing_pages_json) as string[],
  privacyPolicyUrl: r.privacy_policy_url,
  formUrls: JSON.parse(r.form_urls_json) as string[],
  configPath: r.config_path,
  crontabPath: r.crontab_path,
  ssh: r.ssh_json === null ? null : (JSON.parse(r.ssh_json) as SshSettings),
  hasSecret: r.has_secret === 1,
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

/** The values of one installations row, as the named parameters of the insert and update statements. */
interface Row {
  clientId: number;
  name: string;
  baseUrl: string;
  httpUrl: string | null;
  landingPages: string;
  privacyPolicyUrl: string | null;
  formUrls: string;
  configPath: string | null;
  crontabPath: string | null;
  ssh: string | null;
  caPem: string | null;
  caName: string | null;
  notes: string;
  createdAt: string;
}

function sshJson(ssh: SshSettings | null | undefined, what: string): string | null {
  if (!ssh) return null;
  if (!ssh.host.trim() || !ssh.username.trim()) throw new StoreError('invalid', `${what}: SSH needs a host and a user name`);
  if (!Number.isInteger(ssh.port) || ssh.port < 1 || ssh.port > 65535) throw new StoreError('invalid', `${what}: SSH port ${ssh.port} is not a port`);
  const { host, port, username, auth, keyPath, mauticRoot, webUser, hostKeySha256 } = ssh;
  return JSON.stringify({ host: host.trim(), port, username: username.trim(), auth, keyPath: keyPath || null, mauticRoot: mauticRoot || null, webUser: webUser || null, hostKeySha256: hostKeySha256 || null });
}

export function createInstallationsRepo(db: Db, clients: ClientsRepo): InstallationsRepo {
  const insert = db.prepare<[Row]>(
    `INSERT INTO installations (client_id, name, base_url, http_url, landing_pages_json, privacy_policy_url, form_urls_json, config_path,
       crontab_path, ssh_json, ca_pem, ca_name, notes, created_at)
     VALUES (@clientId, @name, @baseUrl, @httpUrl, @landingPages, @privacyPolicyUrl, @formUrls, @configPath, @crontabPath, @ssh, @caPem,
       @caName, @notes, @createdAt)`,
  );
  const selectByClient = db.prepare<[number], InstallationRow>(`SELECT ${COLUMNS} FROM installations WHERE client_id = ? ORDER BY name COLLATE NOCASE, id`);
  const selectOne = db.prepare<[number], InstallationRow>(`SELECT ${COLUMNS} FROM installations WHERE id = ?`);
  const selectByUrl = db.prepare<[string], InstallationRow>(`SELECT ${COLUMNS} FROM installations WHERE base_url = ?`);
  const updateOne = db.prepare<[Row & { id: number }]>(
    `UPDATE installations SET client_id = @clientId, name = @name, base_url = @baseUrl, http_url = @httpUrl,
       landing_pages_json = @landingPages, privacy_policy_url = @privacyPolicyUrl, form_urls_json = @formUrls, config_path = @configPath,
       crontab_path = @crontabPath, ssh_json = @ssh, ca_pem = @caPem, ca_name = @caName, notes = @notes WHERE id = @id`,
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
  const optionalPath = (value: string | null | undefined) => value?.trim() || null;
  /** Normalised, de-duplicated, in the order given. */
  const urlList = (values: readonly string[], what: string) => JSON.stringify([...new Set(values.map((v) => normalizeUrl(v, what)))]);

  return {
    create(input) {
      const what = 'create installation';
      mustHaveClient(input.clientId, what);
      const baseUrl = normalizeUrl(input.baseUrl, what);
      try {
        const info = insert.run({
          clientId: input.clientId,
          name: cleanName(input.name, what),
          baseUrl,
          httpUrl: optionalUrl(input.httpUrl, what),
          landingPages: urlList(input.landingPages ?? [], what),
          privacyPolicyUrl: optionalUrl(input.privacyPolicyUrl, what),
          formUrls: urlList(input.formUrls ?? [], what),
          configPath: optionalPath(input.configPath),
          crontabPath: optionalPath(input.crontabPath),
          ssh: sshJson(input.ssh, what),
          caPem: input.caPem || null,
          caName: input.caPem ? input.caName || null : null,
          notes: input.notes ?? '',
          createdAt: new Date().toISOString(),
        });
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
      const caPem = patch.caPem === undefined ? cur.caPem : patch.caPem || null;
      const next: Row & { id: number } = {
        id,
        clientId: patch.clientId ?? cur.clientId,
        name: patch.name === undefined ? cur.name : cleanName(patch.name, what),
        baseUrl: patch.baseUrl === undefined ? cur.baseUrl : normalizeUrl(patch.baseUrl, what),
        httpUrl: patch.httpUrl === undefined ? cur.httpUrl : optionalUrl(patch.httpUrl, what),
        landingPages: patch.landingPages === undefined ? JSON.stringify(cur.landingPages) : urlList(patch.landingPages, what),
        privacyPolicyUrl: patch.privacyPolicyUrl === undefined ? cur.privacyPolicyUrl : optionalUrl(patch.privacyPolicyUrl, what),
        formUrls: patch.formUrls === undefined ? JSON.stringify(cur.formUrls) : urlList(patch.formUrls, what),
        configPath: patch.configPath === undefined ? cur.configPath : optionalPath(patch.configPath),
        crontabPath: patch.crontabPath === undefined ? cur.crontabPath : optionalPath(patch.crontabPath),
        ssh: patch.ssh === undefined ? sshJson(cur.ssh, what) : sshJson(patch.ssh, what),
        caPem,
        caName: caPem ? (patch.caName === undefined ? cur.caName : patch.caName || null) : null,
        notes: patch.notes ?? cur.notes,
        createdAt: cur.createdAt,
      };
      try {
        updateOne.run(next);
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
