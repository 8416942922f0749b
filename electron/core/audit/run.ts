import { setMaxListeners } from 'node:events';
import type { AuditEvent, CheckResult, EvidenceRef, ItemResult } from '../../shared/domain';
import { worstStatus } from '../../shared/domain';
import { renderFinding } from '../checklist/messages';
import type { Checklist, ChecklistCheck } from '../checklist/load';
import { CHECKS_BY_ID } from '../checks';
import { computeHeaderScore } from '../checks/header-score';
import { NOT_AUTOMATED, NOT_RECHECKED, PROBE_ERROR, type AnyCheck, type CheckOutcome } from '../checks/types';
import { createNetClient } from '../net/client';
import { sha256Hex } from '../net/hash';
import { engineVersion, TOOL_NAME } from '../package-root';
import { PROBES } from '../probes';
import type { EvidenceSink, Observations, ProbeId, ProbeResult } from '../probes/types';
import { createLimiter } from './limit';
import { complianceScore, countStatuses } from './score';
import type { AuditRequest, AuditResult, ProbeTiming } from './types';

export interface Plan {
  automated: { check: AnyCheck; item: string }[];
  manual: { check: ChecklistCheck; item: string }[];
  /** Automated checks a targeted re-audit leaves out. */
  skipped: { check: AnyCheck; item: string }[];
  probes: ProbeId[];
}

/** Which checks of the checklist have automation (all, or only `onlyChecks`), and which probes those need. */
export function planAudit(checklist: Checklist, onlyChecks?: readonly string[] | null): Plan {
  const plan: Plan = { automated: [], manual: [], skipped: [], probes: [] };
  const probes = new Set<ProbeId>();
  for (const item of checklist.items) {
    for (const check of item.checks) {
      const impl = CHECKS_BY_ID.get(check.id);
      if (!impl) {
        plan.manual.push({ check, item: item.id });
        continue;
      }
      if (onlyChecks && !onlyChecks.includes(check.id)) {
        plan.skipped.push({ check: impl, item: item.id });
        continue;
      }
      plan.automated.push({ check: impl, item: item.id });
      for (const p of impl.probes as ProbeId[]) probes.add(p);
    }
  }
  plan.probes = [...probes];
  return plan;
}

const NO_FAILURE = Symbol('stored');
const noFailure = () => NO_FAILURE;

function safeEvaluate(check: AnyCheck, observations: Observations): CheckOutcome {
  try {
    return check.evaluate(observations);
  } catch (err) {
    // A bug in a check must cost one verdict, not the audit; and it is never a pass.
    return { status: 'error', findings: [{ code: PROBE_ERROR, status: 'error', cause: 'internal', params: { error: `check failed: ${(err as Error).message}` } }], evidence: [] };
  }
}

export async function runAudit(req: AuditRequest): Promise<AuditResult> {
  const { checklist, recorder, lang } = req;
  const emit = (e: AuditEvent) => req.onEvent?.(e);
  const plan = planAudit(checklist, req.onlyChecks);
  const startedAt = new Date().toISOString();
  const runId = recorder.startRun({
    installationId: req.installationId,
    checklistId: checklist.id,
    checklistVersion: checklist.version,
    engineVersion: engineVersion(),
    targetUrl: req.target.url.href,
    options: {
      tool: TOOL_NAME,
      httpUrl: req.target.httpUrl.href,
      concurrency: req.concurrency,
      ...req.net,
      extraCaPem: req.net.extraCaPem ? '(given)' : undefined,
      ...(req.onlyChecks ? { onlyChecks: [...req.onlyChecks] } : {}),
    },
  });
  const total = plan.automated.length + plan.manual.length + plan.skipped.length;
  emit({ type: 'run-started', runId, totalChecks: total, totalProbes: plan.probes.length });

  const evidence: EvidenceRef[] = [];
  // Evidence is written while the probes go on; the run is finished only after every write has landed.
  const writes: Promise<unknown>[] = [];
  const sink: EvidenceSink = {
    add(e) {
      const sha256 = sha256Hex(e.content);
      evidence.push({ sha256, kind: e.kind, capturedAt: e.capturedAt, summary: e.summary });
      writes.push(recorder.recordEvidence(runId, e).then(noFailure, (err: unknown) => ({ err })));
      return sha256;
    },
  };
  const controller = new AbortController();
  // Every request in flight listens on this one signal (and removes its listener when done); dozens at once is normal.
  setMaxListeners(200, controller.signal);
  const onAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  const net = createNetClient({ ...req.net, userAgent: `Pruefstand/${engineVersion()} (GDPR audit)`, signal: controller.signal }, (e) => sink.add(e));

  const results = new Map<string, CheckResult>();
  let done = 0;
  const finishCheck = (result: CheckResult) => {
    results.set(result.checkId, result);
    done++;
    emit({ type: 'check-finished', checkId: result.checkId, status: result.status, done, total });
  };
  for (const { check } of plan.manual) {
    finishCheck({ checkId: check.id, status: 'manual', automated: false, findings: [{ code: NOT_AUTOMATED, status: 'manual' }], message: check.manual[lang], evidence: [] });
  }
  for (const { check } of plan.skipped) {
    const finding = { code: NOT_RECHECKED, status: 'not_applicable' as const };
    finishCheck({ checkId: check.id, status: 'not_applicable', automated: true, findings: [finding], message: renderFinding(checklist, check.id, finding, lang), evidence: [] });
  }

  const observations: Observations = {};
  const pending = new Set(plan.automated.map((a) => a.check));
  const started = new Set<string>();
  const evaluateReady = () => {
    for (const check of pending) {
      if (!(check.probes as ProbeId[]).every((p) => observations[p])) continue;
      pending.delete(check);
      const out = safeEvaluate(check, observations);
      finishCheck({
        checkId: check.id,
        status: out.status,
        automated: true,
        findings: out.findings,
        message: out.findings.map((f) => renderFinding(checklist, check.id, f, lang)).join(' '),
        evidence: out.evidence,
      });
    }
  };

  const limit = createLimiter(Math.max(1, req.concurrency));
  const timings: ProbeTiming[] = [];
  await Promise.all(
    plan.probes.map((probeId) =>
      limit(async () => {
        emit({ type: 'probe-started', probeId });
        for (const check of pending) {
          if ((check.probes as ProbeId[]).includes(probeId) && !started.has(check.id)) {
            started.add(check.id);
            emit({ type: 'check-started', checkId: check.id });
          }
        }
        const t0 = performance.now();
        const result = await runProbe(probeId, { target: req.target, net, evidence: sink, signal: controller.signal, consent: req.consent ?? null });
        const ms = Math.round(performance.now() - t0);
        timings.push({ probeId, ms, ok: result.ok });
        (observations as Record<string, ProbeResult<unknown>>)[probeId] = result;
        emit({ type: 'probe-finished', probeId, ok: result.ok, ms });
        evaluateReady();
      }),
    ),
  );
  req.signal?.removeEventListener('abort', onAbort);
  const failed = (await Promise.all(writes)).find((w) => w !== NO_FAILURE);
  // A run whose evidence could not all be stored is not finished as if it were whole.
  if (failed) throw (failed as { err: unknown }).err;

  const items: ItemResult[] = checklist.items.map((item) => {
    const checks = item.checks.map((c) => results.get(c.id)!);
    return { itemId: item.id, status: worstStatus(checks.map((c) => c.status)), severity: item.severity, title: item.title[lang], checks };
  });
  const summary = { counts: countStatuses(items), score: complianceScore(items, checklist), headerScore: computeHeaderScore(observations) };
  const state = req.signal?.aborted ? 'cancelled' : 'complete';
  const finishedAt = new Date().toISOString();
  recorder.finishRun(runId, { state, items, summary, finishedAt });
  emit({ type: 'run-finished', runId, state });
  const config = observations['mautic-config'];
  const sshHostKey = config?.ok ? config.data.sshHostKey : null;
  return { runId, state, startedAt, finishedAt, items, summary, evidence, probeTimings: timings, unreachable: unreachableReason(observations), sshHostKey };
}

async function runProbe(probeId: ProbeId, ctx: Parameters<(typeof PROBES)[ProbeId]['run']>[0]): Promise<ProbeResult<unknown>> {
  try {
    return await PROBES[probeId].run(ctx);
  } catch (err) {
    // Probes never throw by contract; this guards the contract, it does not replace it.
    return { ok: false, error: { code: 'internal', message: `probe ${probeId} failed: ${(err as Error).message}` }, evidence: [] };
  }
}

/**
 * The target could not be audited at all: no HTTPS answer, no certificate and no TLS handshake of any
 * version. A cancelled audit is not "unreachable"; it was stopped.
 */
function unreachableReason(obs: Observations): string | null {
  const main = obs['https-main'];
  const cert = obs['tls-certificate'];
  const protocols = obs['tls-protocols'];
  if (!main || main.ok || main.error.code === 'aborted') return null;
  if (cert && cert.ok) return null;
  if (protocols?.ok && protocols.data.handshakes.some((h) => h.accepted)) return null;
  return main.error.message;
}
