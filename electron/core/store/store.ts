import path from 'node:path';
import type { EvidenceRef } from '../../shared/domain';
import type { NewEvidence } from '../evidence-sink';
import { createClientsRepo, type ClientsRepo } from './clients';
import { createBlobReader } from './blob-read';
import { openDatabase } from './db';
import { createEvidenceRepo, type ChainHead, type StoredEvidence } from './evidence';
import { createImportRunRepo, type ImportRunRepo } from './import-run';
import { createImportStaging } from './import-staging';
import { createInstallationSecretsRepo, type InstallationSecretsRepo } from './installation-secrets';
import { createFindingsRepo, type FindingsRepo } from './findings';
import { createJudgementsRepo, type JudgementsRepo } from './judgements';
import { createRegistersRepo, type RegistersRepo } from './registers';
import { createInstallationsRepo, ensureInstallationForUrl, type Installation, type InstallationsRepo } from './installations';
import { createRunsRepo, type FinishRunInput, type RunInfo, type StartRunInput, type StoredRun } from './runs';
import { createRunKeys } from './run-keys';
import { createStoreKeyring, unlockExistingKeyring, type StoreKeyOptions } from './store-keyring';
import { createTextFields } from './text-fields';
import { verifyChain, type VerifyReport } from './verify';

export type OpenStoreOptions = StoreKeyOptions;

/**
 * The evidence store: one SQLite file, `<file>.evidence/` with the blobs (sealed per run, see blob-files.ts) and
 * `<file>.keyring` (plus `<file>.key`) with the workstation key.
 */
export interface Store {
  /** Absolute path of the database file. */
  readonly file: string;
  readonly clients: ClientsRepo;
  readonly installations: InstallationsRepo;
  /** SSH passwords and passphrases, as ciphertext from the OS keychain only. */
  readonly installationSecrets: InstallationSecretsRepo;
  /** Per client: processors with their DPAs, records of processing; DPA and attachment documents. */
  readonly registers: RegistersRepo;
  /** Per installation: attestations and overrides, sealed in the evidence log. */
  readonly judgements: JudgementsRepo;
  /** Per installation: findings across audits, what the DPO tracks, and their history. */
  readonly findings: FindingsRepo;
  /** Runs audited elsewhere, from a verified run file (core/runfile). */
  readonly imports: ImportRunRepo;
  ensureInstallationForUrl(baseUrl: string, clientName?: string): Installation;
  /** Runs `fn` in one immediate transaction: all its writes land, or none (it throws). */
  transaction<T>(fn: () => T): T;
  startRun(meta: StartRunInput): number;
  /** Stores the run's verdicts, then applies them to the installation's findings (opened, fixed, reopened). */
  finishRun(runId: number, result: FinishRunInput): void;
  getRun(runId: number): StoredRun | null;
  /** A run's start options alone (e.g. a targeted re-audit's onlyChecks), without its results. */
  runOptions(runId: number): Record<string, unknown> | null;
  /** Newest first. */
  listRuns(installationId: number): RunInfo[];
  addEvidence(runId: number, evidence: NewEvidence): string;
  recordEvidence(runId: number, evidence: NewEvidence): Promise<string>;
  listEvidence(runId: number): EvidenceRef[];
  getEvidence(sha256: string): StoredEvidence | null;
  chainHead(): ChainHead | null;
  /** The plaintext, opened with its run's key and checked against its hash; StoreError 'locked' without the key. */
  readBlob(sha256: string): Buffer;
  /** The file the blob is read from (for verify and tests that inspect the disk); null when none is readable. */
  blobFile(sha256: string): string | null;
  /** Marks runs left 'running' by dead processes of this host as 'incomplete'; returns how many. */
  markAbandonedRuns(): number;
  verify(): VerifyReport;
  close(): void;
}

/**
 * Opens (creating and migrating as needed) the store and its keyring (created with a key file when the store has
 * no encrypted data yet); throws StoreError 'corrupt' / 'too-new' / 'io', or 'locked' when the keyring does not
 * unlock or is missing (then nothing was written).
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  const abs = path.resolve(file);
  let keyring = unlockExistingKeyring(abs, options);
  let db;
  try {
    db = openDatabase(abs);
  } catch (err) {
    keyring?.close();
    throw err;
  }
  const staging = createImportStaging(abs);
  let runKeys;
  try {
    keyring ??= createStoreKeyring(db, abs);
    runKeys = createRunKeys(db, keyring);
  } catch (err) {
    keyring?.close();
    db.close();
    throw err;
  }
  try {
    const clients = createClientsRepo(db);
    const installations = createInstallationsRepo(db, clients);
    const evidence = createEvidenceRepo(db, abs, runKeys);
    const blobs = createBlobReader(db, abs, runKeys);
    const texts = createTextFields(runKeys);
    const runs = createRunsRepo(db, evidence.listEvidence, texts);
    const registers = createRegistersRepo(db, abs, clients);
    const findings = createFindingsRepo(db, evidence.addEvidence, texts);
    const store: Store = {
      file: abs,
      clients,
      installations,
      installationSecrets: createInstallationSecretsRepo(db),
      registers,
      judgements: createJudgementsRepo(db, evidence.addEvidence, registers.readDocument),
      findings,
      imports: createImportRunRepo({ db, staging, readBlob: blobs.readBlob, clients, installations, addEvidence: evidence.addEvidence, finishRun: (id, result) => (runs.finishRun(id, result), findings.syncRun(id)) }),
      ensureInstallationForUrl: (baseUrl, clientName) => ensureInstallationForUrl(db, clients, installations, baseUrl, clientName),
      transaction: (fn) => db.transaction(fn).immediate(),
      startRun: runs.startRun,
      finishRun: (runId, result) => {
        runs.finishRun(runId, result);
        findings.syncRun(runId);
      },
      getRun: runs.getRun,
      runOptions: runs.runOptions,
      listRuns: runs.listRuns,
      addEvidence: evidence.addEvidence,
      recordEvidence: evidence.recordEvidence,
      listEvidence: evidence.listEvidence,
      getEvidence: evidence.getEvidence,
      chainHead: evidence.chainHead,
      readBlob: blobs.readBlob,
      blobFile: blobs.blobFile,
      markAbandonedRuns: runs.markAbandonedRuns,
      verify: () => verifyChain(db, abs, runKeys),
      close: () => {
        staging.close();
        runKeys.close();
        if (db.open) db.close();
      },
    };
    runs.markAbandonedRuns();
    return store;
  } catch (err) {
    staging.close();
    runKeys.close();
    db.close();
    throw err;
  }
}

export function verifyStore(store: Store): VerifyReport {
  return store.verify();
}
