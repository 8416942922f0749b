// The keys of evidence at rest (core/crypto): per client a key wrapped by the workstation key (client_keys), per
// run a key wrapped by its client's key (run_keys), each created on first use in its own IMMEDIATE transaction, so
// the rows are committed before the first blob sealed with them is written. Unwrapped keys are kept, by their
// wrapped text, until close(): a row that was rolled back (its run id reused later) never matches a kept key.
import {
  createClientKey,
  createRunKey,
  CryptoError,
  cryptoErrorText,
  unwrapClientKey,
  unwrapRunKey,
  wrapClientKey,
  wrappedKeyId,
  wrapRunKey,
  type DataKey,
  type Keyring,
} from '../crypto';
import type { Lang } from '../../shared/domain';
import type { Db } from './db';
import { StoreError } from './errors';
import { storeKeyError } from './key-texts';

/** A run's key together with its client's key (whose lookup subkey names the run's blob files). */
export interface RunKeyPair {
  runId: number;
  runKey: DataKey;
  clientKey: DataKey;
}

interface KeyRow {
  key_id: string;
  wrapped: string;
}

const WORKSTATION_KEY_ID = 'workstation_key_id';
const clientRef = (clientId: number): string => `client:${clientId}`;
const runRef = (runId: number): string => `run:${runId}`;

const reasonOf =
  (err: unknown) =>
  (lang: Lang): string =>
    err instanceof CryptoError ? cryptoErrorText(err, lang) : String((err as Error)?.message ?? err);

/** Whether the store holds wrapped keys, i.e. data that needs its keyring. */
export function hasEncryptedData(db: Db): boolean {
  return db.prepare('SELECT 1 FROM run_keys UNION ALL SELECT 1 FROM client_keys LIMIT 1').get() !== undefined;
}

export function createRunKeys(db: Db, keyring: Keyring) {
  const clientKeyRow = db.prepare<[number], KeyRow>('SELECT key_id, wrapped FROM client_keys WHERE client_id = ?');
  const runKeyRow = db.prepare<[number], KeyRow>('SELECT key_id, wrapped FROM run_keys WHERE run_id = ?');
  const insertClientKey = db.prepare<[number, string, string, string]>('INSERT INTO client_keys (client_id, key_id, wrapped, created_at) VALUES (?, ?, ?, ?)');
  const insertRunKey = db.prepare<[number, string, string, string]>('INSERT INTO run_keys (run_id, key_id, wrapped, created_at) VALUES (?, ?, ?, ?)');
  const clientOfRun = db.prepare<[number], { client_id: number }>('SELECT i.client_id FROM runs r JOIN installations i ON i.id = r.installation_id WHERE r.id = ?');
  const metaValue = db.prepare<[string], { value: string }>('SELECT value FROM store_meta WHERE key = ?');
  const insertMeta = db.prepare<[string, string]>('INSERT INTO store_meta (key, value) VALUES (?, ?)');
  const unwrapped = new Map<string, DataKey>();

  const keep = (wrapped: string, unwrap: () => DataKey): DataKey => {
    const known = unwrapped.get(wrapped);
    if (known !== undefined && !known.destroyed) return known;
    const key = unwrap();
    unwrapped.set(wrapped, key);
    return key;
  };

  const openClientKey = (clientId: number, row: KeyRow): DataKey =>
    keep(row.wrapped, () => {
      const workstation = keyring.keyById(wrappedKeyId(row.wrapped));
      if (workstation === undefined) {
        throw storeKeyError('locked', 'client-key-other-workstation', { client: clientId, expected: wrappedKeyId(row.wrapped), actual: keyring.keyId });
      }
      try {
        return unwrapClientKey(workstation, row.wrapped, clientRef(clientId));
      } catch (err) {
        throw storeKeyError('locked', 'client-key-locked', { client: clientId, reason: reasonOf(err) }, err);
      }
    });

  const openRunKey = (runId: number, clientKey: DataKey, row: KeyRow): DataKey =>
    keep(row.wrapped, () => {
      try {
        return unwrapRunKey(clientKey, row.wrapped, runRef(runId));
      } catch (err) {
        throw storeKeyError('locked', 'run-key-locked', { run: runId, reason: reasonOf(err) }, err);
      }
    });

  /** New client keys are wrapped only under the workstation key the store names (set by the first one). */
  const assertWorkstationKey = (): void => {
    const named = metaValue.get(WORKSTATION_KEY_ID)?.value;
    if (named === undefined) insertMeta.run(WORKSTATION_KEY_ID, keyring.keyId);
    else if (named !== keyring.keyId) throw storeKeyError('conflict', 'workstation-key-changed', { expected: named, actual: keyring.keyId });
  };

  const clientIdOf = (runId: number): number => {
    const row = clientOfRun.get(runId);
    if (row === undefined) throw new StoreError('not-found', `run ${runId} does not exist`);
    return row.client_id;
  };

  const ensureClientKey = (clientId: number): DataKey => {
    const row = clientKeyRow.get(clientId);
    if (row !== undefined) return openClientKey(clientId, row);
    assertWorkstationKey();
    const key = createClientKey();
    const wrapped = wrapClientKey(keyring.workstationKey(), key, clientRef(clientId));
    insertClientKey.run(clientId, key.id, wrapped, new Date().toISOString());
    unwrapped.set(wrapped, key);
    return key;
  };

  const ensure = db.transaction((runId: number): RunKeyPair => {
    const clientKey = ensureClientKey(clientIdOf(runId));
    const row = runKeyRow.get(runId);
    if (row !== undefined) return { runId, runKey: openRunKey(runId, clientKey, row), clientKey };
    const runKey = createRunKey();
    const wrapped = wrapRunKey(clientKey, runKey, runRef(runId));
    insertRunKey.run(runId, runKey.id, wrapped, new Date().toISOString());
    unwrapped.set(wrapped, runKey);
    return { runId, runKey, clientKey };
  });

  /** The run's keys when its row exists: null when the run has none; StoreError('locked') when they do not open. */
  const existing = (runId: number): RunKeyPair | null => {
    const row = runKeyRow.get(runId);
    if (row === undefined) return null;
    const clientId = clientIdOf(runId);
    const clientRow = clientKeyRow.get(clientId);
    if (clientRow === undefined) throw storeKeyError('locked', 'client-key-missing', { client: clientId, run: runId });
    const clientKey = openClientKey(clientId, clientRow);
    return { runId, runKey: openRunKey(runId, clientKey, row), clientKey };
  };

  return {
    /** The run's keys, created (and committed) on first use; later uses only read (no write lock). */
    forWriting: (runId: number): RunKeyPair => existing(runId) ?? ensure.immediate(runId),
    /** The run's keys for reading: null when the run has none (its blobs, if any, are legacy plaintext files). */
    forReading: existing,
    close(): void {
      for (const key of unwrapped.values()) key.destroy();
      unwrapped.clear();
      keyring.close();
    },
  };
}

export type RunKeys = ReturnType<typeof createRunKeys>;
