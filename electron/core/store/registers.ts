// A client's registers: processors with their DPAs (Art. 28) and records of processing (Art. 30). Editable: the
// current state lives here; each audit seals what it read as 'registers' evidence of its run.
import { registerKey, type Activity, type ActivityInput, type Processor, type ProcessorInput, type RegisterChanges, type RegisterSnapshot } from '../../shared/registers';
import type { ClientsRepo } from './clients';
import type { Db } from './db';
import { rethrowSqlite, StoreError } from './errors';
import { sha256Hex, writeLegacyBlob } from './blob-files';
import { readLegacyBlob } from './blob-read';
import { cleanActivity, cleanProcessor, toActivity, toProcessor, type ActivityRow, type ProcessorRow } from './register-rows';

/** A DPA or an attachment: at most this many bytes. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export interface RegistersRepo {
  listProcessors(clientId: number): Processor[];
  getProcessor(id: number): Processor | null;
  createProcessor(clientId: number, input: ProcessorInput): Processor;
  updateProcessor(id: number, input: ProcessorInput): Processor;
  deleteProcessor(id: number): void;
  listActivities(clientId: number): Activity[];
  getActivity(id: number): Activity | null;
  createActivity(clientId: number, input: ActivityInput): Activity;
  updateActivity(id: number, input: ActivityInput): Activity;
  deleteActivity(id: number): void;
  /** Applies an import or a save all-or-nothing; the ids changed must belong to the client. */
  apply(clientId: number, changes: RegisterChanges): { added: number; changed: number };
  snapshot(clientId: number): RegisterSnapshot;
  /** Stores a document (a DPA, an attachment) content-addressed; returns its SHA-256. */
  storeDocument(content: Buffer, mediaType: string): string;
  readDocument(sha256: string): Buffer;
}

const PROCESSOR_COLUMNS = 'id, client_id, name, service, role, country, dpa_signed_on, dpa_document, transfer_basis, sub_processors_json, next_review_on, notes, updated_at';
const ACTIVITY_COLUMNS = 'id, client_id, activity, purposes, legal_basis, special_basis, data_categories, subject_categories, recipients, third_country_transfers, retention, tom_reference, updated_at';

export function createRegistersRepo(db: Db, dbFile: string, clients: ClientsRepo): RegistersRepo {
  const processorsOf = db.prepare<[number], ProcessorRow>(`SELECT ${PROCESSOR_COLUMNS} FROM processors WHERE client_id = ? ORDER BY name_key, id`);
  const processorById = db.prepare<[number], ProcessorRow>(`SELECT ${PROCESSOR_COLUMNS} FROM processors WHERE id = ?`);
  const insertProcessor = db.prepare(
    `INSERT INTO processors (client_id, name, name_key, service, role, country, dpa_signed_on, dpa_document, transfer_basis, sub_processors_json, next_review_on, notes, updated_at)
     VALUES (@clientId, @name, @key, @service, @role, @country, @dpaSignedOn, @dpaDocument, @transferBasis, @subProcessors, @nextReviewOn, @notes, @now)`,
  );
  const updateProcessorRow = db.prepare(
    `UPDATE processors SET name = @name, name_key = @key, service = @service, role = @role, country = @country, dpa_signed_on = @dpaSignedOn,
       dpa_document = @dpaDocument, transfer_basis = @transferBasis, sub_processors_json = @subProcessors, next_review_on = @nextReviewOn,
       notes = @notes, updated_at = @now WHERE id = @id`,
  );
  const deleteProcessorRow = db.prepare<[number]>('DELETE FROM processors WHERE id = ?');
  const activitiesOf = db.prepare<[number], ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE client_id = ? ORDER BY activity_key, id`);
  const activityById = db.prepare<[number], ActivityRow>(`SELECT ${ACTIVITY_COLUMNS} FROM activities WHERE id = ?`);
  const insertActivity = db.prepare(
    `INSERT INTO activities (client_id, activity, activity_key, purposes, legal_basis, special_basis, data_categories, subject_categories, recipients, third_country_transfers, retention, tom_reference, updated_at)
     VALUES (@clientId, @activity, @key, @purposes, @legalBasis, @specialBasis, @dataCategories, @subjectCategories, @recipients, @thirdCountryTransfers, @retention, @tomReference, @now)`,
  );
  const updateActivityRow = db.prepare(
    `UPDATE activities SET activity = @activity, activity_key = @key, purposes = @purposes, legal_basis = @legalBasis, special_basis = @specialBasis,
       data_categories = @dataCategories, subject_categories = @subjectCategories, recipients = @recipients,
       third_country_transfers = @thirdCountryTransfers, retention = @retention, tom_reference = @tomReference, updated_at = @now WHERE id = @id`,
  );
  const deleteActivityRow = db.prepare<[number]>('DELETE FROM activities WHERE id = ?');
  const insertBlob = db.prepare<[string, number, string, string]>('INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)');

  const mustClient = (clientId: number) => {
    const client = clients.get(clientId);
    if (!client) throw new StoreError('not-found', `client ${clientId} does not exist`);
    return client;
  };
  const processorParams = (input: ProcessorInput, what: string) => {
    const p = cleanProcessor(input, what);
    return { ...p, key: registerKey(p.name), subProcessors: JSON.stringify(p.subProcessors), now: new Date().toISOString() };
  };
  const activityParams = (input: ActivityInput, what: string) => {
    const a = cleanActivity(input, what);
    return { ...a, key: registerKey(a.activity), now: new Date().toISOString() };
  };
  const getProcessor = (id: number) => {
    const row = processorById.get(id);
    return row ? toProcessor(row) : null;
  };
  const getActivity = (id: number) => {
    const row = activityById.get(id);
    return row ? toActivity(row) : null;
  };
  const ownProcessor = (clientId: number, id: number) => {
    const p = getProcessor(id);
    if (!p || p.clientId !== clientId) throw new StoreError('not-found', `processor ${id} is not in the register of client ${clientId}`);
    return p;
  };
  const ownActivity = (clientId: number, id: number) => {
    const a = getActivity(id);
    if (!a || a.clientId !== clientId) throw new StoreError('not-found', `activity ${id} is not in the records of client ${clientId}`);
    return a;
  };

  const createProcessor = (clientId: number, input: ProcessorInput): Processor => {
    mustClient(clientId);
    const what = `add processor "${String(input.name).trim()}"`;
    try {
      return getProcessor(Number(insertProcessor.run({ clientId, ...processorParams(input, what) }).lastInsertRowid))!;
    } catch (err) {
      rethrowSqlite(err, what);
    }
  };
  const updateProcessor = (id: number, input: ProcessorInput): Processor => {
    const what = `update processor ${id}`;
    if (!getProcessor(id)) throw new StoreError('not-found', `processor ${id} does not exist`);
    try {
      updateProcessorRow.run({ id, ...processorParams(input, what) });
    } catch (err) {
      rethrowSqlite(err, what);
    }
    return getProcessor(id)!;
  };
  const createActivity = (clientId: number, input: ActivityInput): Activity => {
    mustClient(clientId);
    const what = `add activity "${String(input.activity).trim()}"`;
    try {
      return getActivity(Number(insertActivity.run({ clientId, ...activityParams(input, what) }).lastInsertRowid))!;
    } catch (err) {
      rethrowSqlite(err, what);
    }
  };
  const updateActivity = (id: number, input: ActivityInput): Activity => {
    const what = `update activity ${id}`;
    if (!getActivity(id)) throw new StoreError('not-found', `activity ${id} does not exist`);
    try {
      updateActivityRow.run({ id, ...activityParams(input, what) });
    } catch (err) {
      rethrowSqlite(err, what);
    }
    return getActivity(id)!;
  };
  const deleteOne = (statement: { run(id: number): { changes: number } }, what: string, id: number) => {
    if (statement.run(id).changes === 0) throw new StoreError('not-found', `${what} ${id} does not exist`);
  };

  const apply = db.transaction((clientId: number, changes: RegisterChanges) => {
    mustClient(clientId);
    for (const c of changes.processors.change) ownProcessor(clientId, c.id);
    for (const c of changes.activities.change) ownActivity(clientId, c.id);
    for (const c of changes.processors.change) updateProcessor(c.id, c.input);
    for (const c of changes.activities.change) updateActivity(c.id, c.input);
    for (const input of changes.processors.add) createProcessor(clientId, input);
    for (const input of changes.activities.add) createActivity(clientId, input);
    return {
      added: changes.processors.add.length + changes.activities.add.length,
      changed: changes.processors.change.length + changes.activities.change.length,
    };
  });

  return {
    listProcessors: (clientId) => processorsOf.all(clientId).map(toProcessor),
    getProcessor,
    createProcessor,
    updateProcessor,
    deleteProcessor: (id) => deleteOne(deleteProcessorRow, 'processor', id),
    listActivities: (clientId) => activitiesOf.all(clientId).map(toActivity),
    getActivity,
    createActivity,
    updateActivity,
    deleteActivity: (id) => deleteOne(deleteActivityRow, 'activity', id),
    apply: (clientId, changes) => apply.immediate(clientId, changes),
    snapshot(clientId) {
      const client = mustClient(clientId);
      return { clientName: client.name, processors: processorsOf.all(clientId).map(toProcessor), activities: activitiesOf.all(clientId).map(toActivity) };
    },
    storeDocument(content, mediaType) {
      if (!Buffer.isBuffer(content) || content.length === 0) throw new StoreError('invalid', 'store document: the file is empty');
      if (content.length > MAX_DOCUMENT_BYTES) throw new StoreError('invalid', `store document: larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`);
      const sha256 = sha256Hex(content);
      writeLegacyBlob(dbFile, sha256, content); // documents are not encrypted yet (README: evidence at rest)
      insertBlob.run(sha256, content.length, mediaType, new Date().toISOString());
      return sha256;
    },
    readDocument: (sha256) => readLegacyBlob(dbFile, sha256),
  };
}
