export { openStore, verifyStore, type Store } from './store';
export { StoreError, type StoreErrorCode } from './errors';
export { defaultStorePath } from './paths';
export type { Client, ClientInput, ClientsRepo } from './clients';
export type { Installation, InstallationInput, InstallationsRepo } from './installations';
export type { FinishRunInput, RunInfo, StartRunInput, StoredRun } from './runs';
export type { BrokenEntry, VerifyReport } from './verify';
export type { ChainHead, StoredEvidence } from './evidence';
