// The run file: audits done elsewhere (a CI job, a Kubernetes Job, a colleague's laptop), carried to one store.
// A ZIP with manifest.json (the runs, their results and what each evidence body is), evidence/<sha256> (each
// body once) and manifest.sig (Ed25519 over the manifest bytes, the same key as the evidence packs).
import type { ItemResult, RunState, RunSummary } from '../../shared/domain';
import type { EvidenceKind } from '../../shared/domain';

export const RUNFILE_FORMAT = 'pruefstand-run-file';
export const RUNFILE_VERSION = 1;
export { EVIDENCE_DIR, MANIFEST_PATH, SIGNATURE_PATH } from '../reports/pack';

export interface RunFileEvidence {
  sha256: string;
  kind: EvidenceKind;
  summary: string;
  capturedAt: string;
  mediaType: string;
  size: number;
}

export interface RunFileInstallation {
  name: string;
  baseUrl: string;
  httpUrl: string | null;
  landingPages: string[];
  formUrls: string[];
  privacyPolicyUrl: string | null;
}

export interface RunFileRun {
  /** The run's id in the store that wrote the file (for the record only). */
  id: number;
  checklistId: string;
  checklistVersion: string;
  engineVersion: string;
  targetUrl: string;
  options: Record<string, unknown>;
  state: Exclude<RunState, 'running'>;
  startedAt: string;
  finishedAt: string;
  items: ItemResult[];
  summary: RunSummary;
}

export interface RunFileEntry {
  client: string;
  installation: RunFileInstallation;
  run: RunFileRun;
  /** The run's evidence records in capture order (a body may be recorded more than once). */
  evidence: RunFileEvidence[];
}

export interface RunFileManifest {
  format: typeof RUNFILE_FORMAT;
  version: typeof RUNFILE_VERSION;
  tool: { name: string; version: string };
  createdAt: string;
  runs: RunFileEntry[];
  /** SPKI PEM of the signer's Ed25519 key and the SHA-256 (hex) of its DER: compare it with the one you expect. */
  publicKey: string;
  publicKeyFingerprint: string;
}

/** The exact bytes that are signed: pretty JSON, trailing newline. */
export function serializeRunFileManifest(manifest: RunFileManifest): Buffer {
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}
