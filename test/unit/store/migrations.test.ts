import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SEVERITIES, STATUSES, RUN_STATES } from '../../../electron/shared/domain';
import { migrate, schemaVersion } from '../../../electron/core/store/db';
import { LATEST_VERSION, MIGRATIONS } from '../../../electron/core/store/migrations';
import { sql as sql0002 } from '../../../electron/core/store/migrations/0002-runs-results';
import { StoreError } from '../../../electron/core/store';
import { tempDbFile } from './helpers';

function freshDb(): Database.Database {
  const db = new Database(tempDbFile());
  db.pragma('foreign_keys = ON');
  return db;
}

function tables(db: Database.Database): Map<string, boolean> {
  const rows = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; strict: number }[];
  return new Map(rows.map((r) => [r.name, r.strict === 1]));
}

function columns(db: Database.Database, table: string): Record<string, { type: string; notnull: number; pk: number }> {
  const rows = db.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(table) as { name: string; type: string; notnull: number; pk: number }[];
  return Object.fromEntries(rows.map((r) => [r.name, { type: r.type, notnull: r.notnull, pk: r.pk }]));
}

function foreignKeys(db: Database.Database, table: string) {
  return db.prepare('SELECT "table", "from", "to", on_delete FROM pragma_foreign_key_list(?)').all(table) as { table: string; from: string; to: string; on_delete: string }[];
}

function indexedColumns(db: Database.Database, table: string): string[][] {
  const idx = db.prepare("SELECT name FROM pragma_index_list(?) WHERE origin = 'c'").all(table) as { name: string }[];
  return idx.map((i) => (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').all(i.name) as { name: string }[]).map((c) => c.name));
}

const now = '2025-01-01T00:00:00.000Z';

function insertClientAndInstallation(db: Database.Database): void {
  db.prepare('INSERT INTO clients (id, name, created_at) VALUES (1, ?, ?)').run('Kunde GmbH', now);
  db.prepare('INSERT INTO installations (id, client_id, name, base_url, created_at) VALUES (1, 1, ?, ?, ?)').run('Mautic', 'https://m.example.org/', now);
}

function insertRun(db: Database.Database): void {
  db.prepare(
    `INSERT INTO runs (id, installation_id, checklist_id, checklist_version, engine_version, target_url, options_json, state, started_at, pid, host)
     VALUES (1, 1, 'c', '1', '0.1.0', 'https://m.example.org/', '{}', 'running', ?, 1, 'h')`,
  ).run(now);
  db.prepare("INSERT INTO item_results (run_id, item_id, position, title, status, severity) VALUES (1, 'i1', 0, 'T', 'fail', 'high')").run();
  db.prepare(
    "INSERT INTO check_results (run_id, item_id, check_id, position, status, automated, findings_json, message, evidence_json) VALUES (1, 'i1', 'c1', 0, 'fail', 1, '[]', 'm', '[]')",
  ).run();
}

describe('MIGRATIONS registry', () => {
  it('is numbered 1..n without gaps, with unique names', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('stops at the requested version and sets user_version; re-running is a no-op', () => {
    const db = freshDb();
    migrate(db, 2);
    expect(schemaVersion(db)).toBe(2);
    expect(tables(db).has('evidence')).toBe(false);
    migrate(db);
    migrate(db);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('rolls back a failing migration together with its user_version bump', () => {
    const db = freshDb();
    migrate(db, 1);
    db.exec('CREATE TABLE runs (x INTEGER) STRICT'); // makes 0002 fail half-way
    expect(() => migrate(db, 2)).toThrow(/already exists/);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db).has('item_results')).toBe(false);
    db.close();
  });

  it('refuses a database from a newer Prüfstand with StoreError too-new', () => {
    const db = freshDb();
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    const err = (() => {
      try {
        migrate(db);
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('too-new');
    db.close();
  });

  it('the status, severity and state lists written into 0002 match domain.ts (a change there needs a new migration)', () => {
    const lists = [...sql0002.matchAll(/(status|severity|state) IN \(([^)]*)\)/g)].map((m) => [m[1]!, m[2]!.split(',').map((s) => s.trim().replace(/'/g, ''))] as const);
    const expected: Record<string, readonly string[]> = { status: STATUSES, severity: SEVERITIES, state: RUN_STATES };
    expect(lists.length).toBe(4);
    for (const [col, values] of lists) expect(values).toEqual([...expected[col]!]);
  });
});

describe('0001 clients-installations', () => {
  it('creates STRICT clients and installations with the expected columns, FK cascade and index', () => {
    const db = freshDb();
    migrate(db, 1);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toEqual(new Map([['clients', true], ['installations', true]]));
    expect(Object.keys(columns(db, 'clients'))).toEqual(['id', 'name', 'notes', 'created_at']);
    const inst = columns(db, 'installations');
    expect(Object.keys(inst)).toEqual(['id', 'client_id', 'name', 'base_url', 'http_url', 'ca_pem', 'notes', 'created_at']);
    expect(inst.http_url!.notnull).toBe(0);
    expect(inst.ca_pem!.notnull).toBe(0);
    expect(inst.base_url!.notnull).toBe(1);
    expect(foreignKeys(db, 'installations')).toEqual([{ table: 'clients', from: 'client_id', to: 'id', on_delete: 'CASCADE' }]);
    expect(indexedColumns(db, 'installations').some((c) => c[0] === 'client_id')).toBe(true);
    db.close();
  });

  it('enforces STRICT types, non-empty names, unique base URLs and the cascade', () => {
    const db = freshDb();
    migrate(db, 1);
    expect(() => db.prepare("INSERT INTO clients (name, created_at) VALUES (?, 'x')").run(Buffer.from('x'))).toThrow(/cannot store BLOB/);
    expect(() => db.prepare("INSERT INTO clients (name, created_at) VALUES ('  ', 'x')").run()).toThrow(/CHECK/);
    insertClientAndInstallation(db);
    expect(() => db.prepare("INSERT INTO installations (client_id, name, base_url, created_at) VALUES (1, 'b', 'https://m.example.org/', 'x')").run()).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO installations (client_id, name, base_url, created_at) VALUES (1, 'b', 'ftp://x/', 'x')").run()).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO installations (client_id, name, base_url, created_at) VALUES (99, 'b', 'https://x/', 'x')").run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM clients WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) AS n FROM installations').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('0002 runs-results', () => {
  it('adds STRICT runs, item_results, check_results with their keys, FKs, checks and the run list index', () => {
    const db = freshDb();
    migrate(db, 2);
    const t = tables(db);
    for (const name of ['runs', 'item_results', 'check_results']) expect(t.get(name)).toBe(true);
    expect(Object.keys(columns(db, 'runs'))).toEqual([
      'id', 'installation_id', 'checklist_id', 'checklist_version', 'engine_version', 'target_url', 'options_json', 'state',
      'started_at', 'finished_at', 'pid', 'host', 'summary_json', 'score', 'header_score', 'header_grade',
    ]);
    expect(columns(db, 'runs').score!.type).toBe('REAL');
    expect(columns(db, 'runs').header_score!.type).toBe('INTEGER');
    const item = columns(db, 'item_results');
    expect([item.run_id!.pk, item.item_id!.pk]).toEqual([1, 2]);
    const check = columns(db, 'check_results');
    expect([check.run_id!.pk, check.check_id!.pk]).toEqual([1, 2]);
    expect(Object.keys(check)).toEqual(expect.arrayContaining(['status', 'automated', 'findings_json', 'message', 'evidence_json']));
    expect(foreignKeys(db, 'runs')).toEqual([{ table: 'installations', from: 'installation_id', to: 'id', on_delete: 'NO ACTION' }]);
    expect(foreignKeys(db, 'check_results').map((f) => [f.table, f.from, f.to])).toEqual([
      ['item_results', 'run_id', 'run_id'],
      ['item_results', 'item_id', 'item_id'],
    ]);
    expect(indexedColumns(db, 'runs')).toContainEqual(['installation_id', 'started_at']);
    db.close();
  });

  it('keeps the data written at 0001 and enforces states, statuses and the item FK', () => {
    const db = freshDb();
    migrate(db, 1);
    insertClientAndInstallation(db);
    migrate(db, 2);
    expect(db.prepare('SELECT name FROM clients').all()).toEqual([{ name: 'Kunde GmbH' }]);
    expect(db.prepare('SELECT base_url FROM installations').all()).toEqual([{ base_url: 'https://m.example.org/' }]);
    insertRun(db);
    expect(() => db.prepare("UPDATE runs SET state = 'done'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE item_results SET status = 'ok'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE item_results SET severity = 'info'").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE check_results SET automated = 2").run()).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE check_results SET findings_json = '{'").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO check_results (run_id, item_id, check_id, position, status, automated, findings_json, message, evidence_json) VALUES (1, 'nope', 'c2', 0, 'pass', 1, '[]', '', '[]')").run(),
    ).toThrow(/FOREIGN KEY/);
    // A client with audited installations cannot vanish: the cascade stops at runs.
    expect(() => db.prepare('DELETE FROM clients').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('0003 evidence', () => {
  it('adds STRICT blobs, evidence, evidence_log with keys, FKs and the evidence-by-run index', () => {
    const db = freshDb();
    migrate(db, 3);
    const t = tables(db);
    for (const name of ['blobs', 'evidence', 'evidence_log']) expect(t.get(name)).toBe(true);
    expect(Object.keys(columns(db, 'blobs'))).toEqual(['sha256', 'size', 'media_type', 'created_at']);
    expect(columns(db, 'blobs').sha256!.pk).toBe(1);
    expect(Object.keys(columns(db, 'evidence'))).toEqual(['id', 'run_id', 'sha256', 'kind', 'summary', 'captured_at', 'media_type']);
    expect(Object.keys(columns(db, 'evidence_log'))).toEqual(['seq', 'evidence_id', 'prev_hash', 'entry_hash', 'recorded_at']);
    expect(foreignKeys(db, 'evidence').map((f) => [f.table, f.from]).sort()).toEqual([['blobs', 'sha256'], ['runs', 'run_id']]);
    expect(foreignKeys(db, 'evidence_log').map((f) => [f.table, f.from])).toEqual([['evidence', 'evidence_id']]);
    expect(indexedColumns(db, 'evidence').some((c) => c[0] === 'run_id')).toBe(true);
    const unique = db.prepare("SELECT name FROM pragma_index_list('evidence_log') WHERE \"unique\" = 1").all() as { name: string }[];
    expect(unique.map((u) => (db.prepare('SELECT name FROM pragma_index_info(?)').all(u.name) as { name: string }[])[0]!.name)).toContain('evidence_id');
    db.close();
  });

  it('keeps the rows of 0001 and 0002, and makes blobs, evidence and the log immutable', () => {
    const db = freshDb();
    migrate(db, 1);
    insertClientAndInstallation(db);
    migrate(db, 2);
    insertRun(db);
    migrate(db, 3);
    expect(db.prepare('SELECT count(*) AS n FROM installations').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT item_id, status FROM item_results').all()).toEqual([{ item_id: 'i1', status: 'fail' }]);
    expect(db.prepare('SELECT check_id FROM check_results').all()).toEqual([{ check_id: 'c1' }]);
    const sha = 'a'.repeat(64);
    expect(() => db.prepare("INSERT INTO blobs VALUES (?, 1, 'text/plain', 'x')").run('G'.repeat(64))).toThrow(/CHECK/);
    db.prepare("INSERT INTO blobs VALUES (?, 1, 'text/plain', 'x')").run(sha);
    db.prepare("INSERT INTO evidence (id, run_id, sha256, kind, summary, captured_at, media_type) VALUES (1, 1, ?, 'http-exchange', 's', 'x', 'text/plain')").run(sha);
    db.prepare('INSERT INTO evidence_log VALUES (1, 1, ?, ?, ?)').run('0'.repeat(64), 'b'.repeat(64), now);
    for (const stmt of [
      "UPDATE evidence SET summary = 'changed'",
      'DELETE FROM evidence',
      "UPDATE evidence_log SET entry_hash = 'x'",
      'DELETE FROM evidence_log',
      'UPDATE blobs SET size = 2',
      'DELETE FROM blobs',
    ]) {
      expect(() => db.prepare(stmt).run(), stmt).toThrow('evidence is immutable');
    }
    expect(() => db.prepare("INSERT INTO evidence (run_id, sha256, kind, summary, captured_at, media_type) VALUES (1, ?, 'x', 's', 'x', 't')").run('c'.repeat(64))).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO evidence_log VALUES (2, 1, ?, ?, ?)').run('0'.repeat(64), 'b'.repeat(64), now)).toThrow(/UNIQUE/);
    expect(() => db.prepare('DELETE FROM runs').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});

describe('0004 installation-targets', () => {
  it('adds landing pages, the privacy-policy URL and the CA name to existing installations, with defaults', () => {
    const db = freshDb();
    migrate(db, 3);
    insertClientAndInstallation(db);
    migrate(db, 4);
    expect(Object.keys(columns(db, 'installations'))).toEqual(
      expect.arrayContaining(['landing_pages_json', 'privacy_policy_url', 'ca_name']),
    );
    expect(db.prepare('SELECT landing_pages_json, privacy_policy_url, ca_name FROM installations').get()).toEqual({
      landing_pages_json: '[]',
      privacy_policy_url: null,
      ca_name: null,
    });
    expect(tables(db).get('installations')).toBe(true);
    db.close();
  });

  it('accepts only a JSON array of landing pages and an http(s) privacy-policy URL', () => {
    const db = freshDb();
    migrate(db, 4);
    insertClientAndInstallation(db);
    const set = (column: string, value: string) => db.prepare(`UPDATE installations SET ${column} = ? WHERE id = 1`).run(value);
    expect(() => set('landing_pages_json', '{"a":1}')).toThrow(/CHECK/);
    expect(() => set('landing_pages_json', 'not json')).toThrow(/CHECK|malformed/);
    expect(() => set('privacy_policy_url', 'ftp://x/')).toThrow(/CHECK/);
    set('landing_pages_json', '["https://lp.example.org/"]');
    set('privacy_policy_url', 'https://example.org/datenschutz');
    db.close();
  });
});

describe('0005 installation-sources', () => {
  it('adds form pages, config and crontab paths and SSH settings to existing installations, with defaults', () => {
    const db = freshDb();
    migrate(db, 4);
    insertClientAndInstallation(db);
    migrate(db, 5);
    expect(db.prepare('SELECT form_urls_json, config_path, crontab_path, ssh_json FROM installations').get()).toEqual({
      form_urls_json: '[]',
      config_path: null,
      crontab_path: null,
      ssh_json: null,
    });
    expect(tables(db).get('installation_secrets')).toBe(true);
    expect(foreignKeys(db, 'installation_secrets')).toEqual([{ table: 'installations', from: 'installation_id', to: 'id', on_delete: 'CASCADE' }]);
    db.close();
  });

  it('accepts only JSON arrays of form pages and a JSON object of SSH settings; secrets go when the installation goes', () => {
    const db = freshDb();
    migrate(db, 5);
    insertClientAndInstallation(db);
    const set = (column: string, value: string) => db.prepare(`UPDATE installations SET ${column} = ? WHERE id = 1`).run(value);
    expect(() => set('form_urls_json', '"https://x/"')).toThrow(/CHECK/);
    expect(() => set('ssh_json', '[1]')).toThrow(/CHECK/);
    set('form_urls_json', '["https://m.example.org/form/1"]');
    set('ssh_json', '{"host":"m.example.org"}');
    db.prepare('INSERT INTO installation_secrets (installation_id, ciphertext, updated_at) VALUES (1, ?, ?)').run(Buffer.from([1, 2, 3]), now);
    expect(() => db.prepare('INSERT INTO installation_secrets (installation_id, ciphertext, updated_at) VALUES (2, ?, ?)').run(Buffer.from([1]), now)).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM installations WHERE id = 1').run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM installation_secrets').get()).toEqual({ n: 0 });
    db.close();
  });
});

describe('0006 registers', () => {
  const processor = (db: Database.Database, over: Record<string, unknown> = {}) =>
    db
      .prepare(
        `INSERT INTO processors (client_id, name, name_key, service, role, country, dpa_signed_on, dpa_document, transfer_basis, sub_processors_json, next_review_on, notes, updated_at)
         VALUES (@client_id, @name, @name_key, '', @role, @country, @dpa_signed_on, NULL, @transfer_basis, @subs, NULL, '', @now)`,
      )
      .run({ client_id: 1, name: 'Hetzner', name_key: 'hetzner', role: 'processor', country: 'DE', dpa_signed_on: '2026-01-31', transfer_basis: null, subs: '[]', now, ...over });

  it('adds STRICT processors, activities, judgements and withdrawals with their keys, FKs and indexes', () => {
    const db = freshDb();
    migrate(db, 6);
    for (const t of ['processors', 'activities', 'judgements', 'judgement_withdrawals']) expect(tables(db).get(t), t).toBe(true);
    expect(foreignKeys(db, 'processors')).toEqual(expect.arrayContaining([{ table: 'clients', from: 'client_id', to: 'id', on_delete: 'CASCADE' }, expect.objectContaining({ table: 'blobs', from: 'dpa_document' })]));
    expect(foreignKeys(db, 'judgements').map((f) => f.table).sort()).toEqual(['blobs', 'installations', 'runs']);
    expect(indexedColumns(db, 'judgements')).toEqual(expect.arrayContaining([['installation_id', 'check_id', 'id'], ['run_id']]));
    expect(columns(db, 'activities').legal_basis).toMatchObject({ type: 'TEXT', notnull: 0 });
    db.close();
  });

  it('keeps earlier rows, enforces roles, countries, dates, unique names per client, the cascade, and immutable judgements', () => {
    const db = freshDb();
    migrate(db, 5);
    insertClientAndInstallation(db);
    insertRun(db);
    migrate(db);
    expect(db.prepare('SELECT COUNT(*) AS n FROM check_results').get()).toEqual({ n: 1 });
    processor(db);
    expect(() => processor(db, { name: 'HETZNER ' })).toThrow(/UNIQUE/);
    expect(() => processor(db, { name: 'X', name_key: 'x', role: 'vendor' })).toThrow(/CHECK/);
    expect(() => processor(db, { name: 'Y', name_key: 'y', country: 'de' })).toThrow(/CHECK/);
    expect(() => processor(db, { name: 'Z', name_key: 'z', dpa_signed_on: '31.12.2026' })).toThrow(/CHECK/);
    expect(() => processor(db, { name: 'W', name_key: 'w', transfer_basis: 'maybe' })).toThrow(/CHECK/);
    expect(() => processor(db, { name: 'V', name_key: 'v', subs: '{}' })).toThrow(/CHECK/);
    const sha = 'a'.repeat(64);
    db.prepare("INSERT INTO blobs (sha256, size, media_type, created_at) VALUES (?, 1, 'application/json', ?)").run(sha, now);
    const judge = db.prepare(
      `INSERT INTO judgements (installation_id, run_id, kind, check_id, status, statement, by_whom, attachments_json, at, evidence)
       VALUES (1, 1, @kind, 'c1', 'pass', 'AVV liegt vor', 'DSB', '[]', @now, @sha)`,
    );
    judge.run({ kind: 'attestation', now, sha });
    expect(() => judge.run({ kind: 'opinion', now, sha })).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE judgements SET status = 'fail'").run()).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM judgements').run()).toThrow(/immutable/);
    db.prepare("INSERT INTO judgement_withdrawals (judgement_id, by_whom, reason, at, evidence) VALUES (1, 'DSB', 'falsch', ?, ?)").run(now, sha);
    expect(() => db.prepare('DELETE FROM judgement_withdrawals').run()).toThrow(/immutable/);
    db.prepare('DELETE FROM processors').run();
    processor(db);
    db.prepare("INSERT INTO clients (id, name, created_at) VALUES (2, 'Leer', ?)").run(now);
    processor(db, { client_id: 2 });
    db.prepare('DELETE FROM clients WHERE id = 2').run();
    expect(db.prepare('SELECT client_id FROM processors').all()).toEqual([{ client_id: 1 }]);
    db.close();
  });
});

describe('0007 findings', () => {
  it('adds STRICT findings with one row per identity, the rules of accepted risks and false positives, and an immutable history', () => {
    const db = freshDb();
    migrate(db, 6);
    insertClientAndInstallation(db);
    insertRun(db);
    migrate(db);
    for (const t of ['findings', 'finding_events', 'findings_synced']) expect(tables(db).get(t), t).toBe(true);
    expect(indexedColumns(db, 'findings')).toEqual([['installation_id', 'status', 'due_on']]);
    const finding = db.prepare(
      `INSERT INTO findings (installation_id, check_id, subject, item_id, severity, measured, status, owner, due_on, reason, expires_on, first_run_id, last_seen_run_id, fixed_run_id, created_at, updated_at)
       VALUES (1, 'c1', @subject, 'i1', 'high', 'fail', @status, '', NULL, @reason, @expires, 1, 1, NULL, @now, @now)`,
    );
    finding.run({ subject: 'host:a', status: 'open', reason: '', expires: null, now });
    expect(() => finding.run({ subject: 'host:a', status: 'open', reason: '', expires: null, now })).toThrow(/UNIQUE/);
    expect(() => finding.run({ subject: 'host:b', status: 'accepted-risk', reason: '', expires: '2027-01-01', now })).toThrow(/CHECK/);
    expect(() => finding.run({ subject: 'host:c', status: 'false-positive', reason: '', expires: null, now })).toThrow(/CHECK/);
    expect(() => finding.run({ subject: 'host:d', status: 'done', reason: '', expires: null, now })).toThrow(/CHECK/);
    const sha = 'c'.repeat(64);
    db.prepare("INSERT INTO blobs (sha256, size, media_type, created_at) VALUES (?, 1, 'application/json', ?)").run(sha, now);
    db.prepare("INSERT INTO finding_events (finding_id, run_id, kind, by_whom, at, data_json, evidence) VALUES (1, 1, 'opened', 'Prüfstand', ?, '{}', ?)").run(now, sha);
    expect(() => db.prepare("INSERT INTO finding_events (finding_id, run_id, kind, by_whom, at, data_json, evidence) VALUES (1, 1, 'deleted', 'x', ?, '{}', ?)").run(now, sha)).toThrow(/CHECK/);
    expect(() => db.prepare('DELETE FROM finding_events').run()).toThrow(/immutable/);
    db.close();
  });
});

describe('0008 keys', () => {
  it('adds STRICT client_keys, run_keys (one wrapped key per client and per run, only where those exist) and store_meta', () => {
    const db = freshDb();
    migrate(db, 7);
    insertClientAndInstallation(db);
    insertRun(db);
    migrate(db);
    for (const t of ['client_keys', 'run_keys', 'store_meta']) expect(tables(db).get(t), t).toBe(true);
    expect(columns(db, 'client_keys')).toMatchObject({ client_id: { type: 'INTEGER', pk: 1 }, key_id: { type: 'TEXT', notnull: 1 }, wrapped: { type: 'TEXT', notnull: 1 } });
    expect(columns(db, 'run_keys')).toMatchObject({ run_id: { type: 'INTEGER', pk: 1 }, key_id: { type: 'TEXT', notnull: 1 }, wrapped: { type: 'TEXT', notnull: 1 } });
    expect(foreignKeys(db, 'client_keys')).toEqual([expect.objectContaining({ table: 'clients', from: 'client_id', to: 'id' })]);
    expect(foreignKeys(db, 'run_keys')).toEqual([expect.objectContaining({ table: 'runs', from: 'run_id', to: 'id' })]);
    const keyId = '0123456789abcdef';
    const clientKey = db.prepare('INSERT INTO client_keys (client_id, key_id, wrapped, created_at) VALUES (?, ?, ?, ?)');
    const runKey = db.prepare('INSERT INTO run_keys (run_id, key_id, wrapped, created_at) VALUES (?, ?, ?, ?)');
    clientKey.run(1, keyId, 'ps1:AAAA', now);
    expect(() => clientKey.run(1, keyId, 'ps1:BBBB', now)).toThrow(/UNIQUE|PRIMARY/);
    expect(() => clientKey.run(2, keyId, 'ps1:AAAA', now)).toThrow(/FOREIGN KEY/);
    runKey.run(1, keyId, 'ps1:AAAA', now);
    expect(() => runKey.run(2, keyId, 'ps1:AAAA', now)).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare('INSERT INTO run_keys (run_id, key_id, wrapped, created_at) VALUES (1, ?, ?, ?)').run(keyId, 'ps1:x', now)).toThrow(/UNIQUE|PRIMARY/);
    db.prepare('DELETE FROM run_keys').run();
    expect(() => runKey.run(1, 'not-a-key-id', 'ps1:AAAA', now)).toThrow(/CHECK/);
    expect(() => runKey.run(1, keyId, 'a key in the clear', now)).toThrow(/CHECK/);
    expect(() => runKey.run(1, keyId, null, now)).toThrow(/NOT NULL/);
    db.prepare("INSERT INTO store_meta (key, value) VALUES ('workstation_key_id', ?)").run(keyId);
    expect(() => db.prepare("INSERT INTO store_meta (key, value) VALUES ('workstation_key_id', 'x')").run()).toThrow(/UNIQUE|PRIMARY/);
    db.close();
  });
});

describe('0009 sealed-texts', () => {
  it('adds `sealed` to evidence and check_results: NULL on earlier rows, and an envelope only beside emptied plaintext', () => {
    const db = freshDb();
    migrate(db, 8);
    insertClientAndInstallation(db);
    insertRun(db);
    migrate(db);
    expect(columns(db, 'evidence')).toMatchObject({ sealed: { type: 'TEXT', notnull: 0 } });
    expect(columns(db, 'check_results')).toMatchObject({ sealed: { type: 'TEXT', notnull: 0 } });
    expect(db.prepare("SELECT message, sealed FROM check_results WHERE check_id = 'c1'").get()).toEqual({ message: 'm', sealed: null });
    const check = db.prepare(
      "INSERT INTO check_results (run_id, item_id, check_id, position, status, automated, findings_json, message, sealed, evidence_json) VALUES (1, 'i1', ?, 1, 'fail', 1, ?, ?, ?, '[]')",
    );
    check.run('c2', '[]', '', 'ps1:AAAA');
    expect(() => check.run('c3', '[]', 'plain', 'ps1:AAAA')).toThrow(/CHECK/);
    expect(() => check.run('c4', '[{"code":"x"}]', '', 'ps1:AAAA')).toThrow(/CHECK/);
    expect(() => check.run('c5', '[]', '', 'not an envelope')).toThrow(/CHECK/);
    db.prepare("INSERT INTO blobs (sha256, size, media_type, created_at) VALUES (?, 1, 'text/plain', ?)").run('a'.repeat(64), now);
    const ev = db.prepare("INSERT INTO evidence (run_id, sha256, kind, summary, sealed, captured_at, media_type) VALUES (1, ?, 'page', ?, ?, ?, 'text/plain')");
    ev.run('a'.repeat(64), '', 'ps1:AAAA', now);
    ev.run('a'.repeat(64), 'legacy text', null, now);
    expect(() => ev.run('a'.repeat(64), 'both', 'ps1:AAAA', now)).toThrow(/CHECK/);
    db.close();
  });
});
