import type { AuditEventMessage } from '../../../electron/shared/contract';
import type { RunState } from '../../../electron/shared/domain';

export type AuditPhase = 'starting' | 'running' | 'finished' | 'failed';

/** What the app knows about one audit it started, folded from the events of the engine. */
export interface AuditProgress {
  auditId: string;
  clientId: number;
  installationId: number;
  /** Date.now() when the start call returned; the clock of the elapsed time. */
  startedAt: number;
  endedAt: number | null;
  phase: AuditPhase;
  runId: number | null;
  state: RunState | null;
  failure: string | null;
  totalChecks: number | null;
  totalProbes: number | null;
  checksDone: number;
  /** Checks that finished as `error` (could not run); any makes the run incomplete. */
  errorChecks: number;
  probesDone: number;
  runningProbes: string[];
  runningChecks: string[];
  cancelling: boolean;
}

export function newAudit(auditId: string, clientId: number, installationId: number, now: number): AuditProgress {
  return {
    auditId,
    clientId,
    installationId,
    startedAt: now,
    endedAt: null,
    phase: 'starting',
    runId: null,
    state: null,
    failure: null,
    totalChecks: null,
    totalProbes: null,
    checksDone: 0,
    errorChecks: 0,
    probesDone: 0,
    runningProbes: [],
    runningChecks: [],
    cancelling: false,
  };
}

const without = (list: string[], id: string) => list.filter((x) => x !== id);
const adding = (list: string[], id: string) => (list.includes(id) ? list : [...list, id]);

export function applyEvent(p: AuditProgress, event: AuditEventMessage, now: number): AuditProgress {
  if (p.phase === 'finished' || p.phase === 'failed') return p;
  switch (event.type) {
    case 'run-started':
      return { ...p, phase: 'running', runId: event.runId, totalChecks: event.totalChecks, totalProbes: event.totalProbes };
    case 'probe-started':
      return { ...p, phase: 'running', runningProbes: adding(p.runningProbes, event.probeId) };
    case 'probe-finished':
      return { ...p, runningProbes: without(p.runningProbes, event.probeId), probesDone: p.probesDone + 1 };
    case 'check-started':
      return { ...p, phase: 'running', runningChecks: adding(p.runningChecks, event.checkId) };
    case 'check-finished':
      return {
        ...p,
        runningChecks: without(p.runningChecks, event.checkId),
        checksDone: Math.max(p.checksDone, event.done),
        errorChecks: p.errorChecks + (event.status === 'error' ? 1 : 0),
        totalChecks: event.total,
      };
    case 'run-finished':
      return { ...p, phase: 'finished', runId: event.runId, state: event.state, endedAt: now, runningProbes: [], runningChecks: [], cancelling: false };
    case 'run-failed':
      return { ...p, phase: 'failed', failure: event.message, endedAt: now, runningProbes: [], runningChecks: [], cancelling: false };
    case 'export-progress':
      return p;
  }
}

export function isActive(p: AuditProgress): boolean {
  return p.phase === 'starting' || p.phase === 'running';
}
