// Runs and findings made through the store API, as the engine makes them: start, evidence, finish.
import type { CheckResult, ItemResult, RunState, Severity, Status } from '../../../electron/shared/domain';
import type { Store } from '../../../electron/core/store';

export interface AuditSpec {
  url: string;
  client?: string;
  /** Per check id: its status and the severity of its item. */
  checks: { checkId: string; status: Status; severity: Severity }[];
  score: number;
  finishedAt: string;
  state?: Exclude<RunState, 'running'>;
  options?: Record<string, unknown>;
}

export function audit(store: Store, spec: AuditSpec): number {
  const installation = store.ensureInstallationForUrl(spec.url, spec.client ?? 'Kunde GmbH');
  const runId = store.startRun({ installationId: installation.id, checklistId: 'mautic-dsgvo', checklistVersion: '1', engineVersion: '0.1.0', targetUrl: spec.url, options: spec.options ?? {} });
  const sha = store.addEvidence(runId, { kind: 'http-exchange', summary: `GET / (run ${runId})`, mediaType: 'application/json', content: Buffer.from(`run ${runId}`), capturedAt: spec.finishedAt });
  const items: ItemResult[] = spec.checks.map((c, i) => {
    const check: CheckResult = { checkId: c.checkId, status: c.status, automated: true, findings: [], message: c.checkId, evidence: [sha] };
    return { itemId: `item-${i}`, status: c.status, severity: c.severity, title: c.checkId, checks: [check] };
  });
  const counts = { pass: 0, fail: 0, warn: 0, manual: 0, error: 0, not_applicable: 0 };
  for (const c of spec.checks) counts[c.status]++;
  store.finishRun(runId, { state: spec.state ?? 'complete', items, summary: { counts, score: spec.score, headerScore: null }, finishedAt: spec.finishedAt });
  return runId;
}
