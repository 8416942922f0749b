import type { AuditEvent, EvidenceRef, ItemResult, Lang, RunState, RunSummary } from '../../shared/domain';
import type { Checklist } from '../checklist/load';
import type { NetOptions } from '../net/options';
import type { AuditTarget, ConsentSetup, NewEvidence } from '../probes/types';
import type { FinishRunInput, StartRunInput } from '../store/runs';

export type RunMeta = StartRunInput;

/** Where a run is persisted as it goes: the store implements it. */
export interface RunRecorder {
  startRun(meta: RunMeta): number;
  /** Resolves with the content's SHA-256 once the blob is durable and its log entry written. */
  recordEvidence(runId: number, evidence: NewEvidence): Promise<string>;
  finishRun(runId: number, result: FinishRunInput): void;
}

export interface AuditRequest {
  target: AuditTarget;
  checklist: Checklist;
  installationId: number;
  recorder: RunRecorder;
  net: Omit<NetOptions, 'signal' | 'userAgent'>;
  concurrency: number;
  lang: Lang;
  onEvent?: (event: AuditEvent) => void;
  signal?: AbortSignal;
  /** The browser for the consent visits; absent or null: none (the consent.* checks say error where pages are given). */
  consent?: ConsentSetup | null;
  /** A targeted re-audit: only these automated checks run; the others are recorded as not re-checked. */
  onlyChecks?: readonly string[] | null;
}

export interface ProbeTiming {
  probeId: string;
  ms: number;
  ok: boolean;
}

export interface AuditResult {
  runId: number;
  state: RunState;
  startedAt: string;
  finishedAt: string;
  items: ItemResult[];
  summary: RunSummary;
  evidence: EvidenceRef[];
  probeTimings: ProbeTiming[];
  /** Why nothing at all could be reached at the target URL; null when the target answered. */
  unreachable: string | null;
  /** The SSH host key seen when the installation's files were read over SSH (to pin on first use); else null. */
  sshHostKey: string | null;
}
