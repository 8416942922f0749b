import { randomBytes } from 'node:crypto';
import type { AuditEventEnvelope } from '../../shared/contract';
import type { Lang } from '../../shared/domain';
import { runAudit } from '../audit/run';
import { auditTarget } from '../audit/target';
import type { Checklist } from '../checklist/load';
import { DEFAULT_NET_OPTIONS } from '../net/options';
import type { Store } from '../store';
import { ServiceError } from './dispatch';

const CONCURRENCY = 8;

/** The audits running in this process, each cancellable by its id; progress goes to `emit`. */
export function createAuditRunner(store: Store, checklist: () => Checklist, emit: (envelope: AuditEventEnvelope) => void) {
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();

  function start(installationId: number, lang: Lang): { auditId: string } {
    const installation = store.installations.get(installationId);
    if (!installation) throw new ServiceError('not-found', `installation ${installationId} does not exist`);
    const list = checklist();
    const auditId = randomBytes(12).toString('hex');
    const controller = new AbortController();
    const send = (event: AuditEventEnvelope['event']) => emit({ auditId, event });
    // Started on the next turn, so the caller holds the audit id before the first event reaches it.
    const done = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        runAudit({
          target: auditTarget({ baseUrl: installation.baseUrl, httpUrl: installation.httpUrl, landingPages: installation.landingPages, privacyPolicyUrl: installation.privacyPolicyUrl }),
          checklist: list,
          installationId,
          recorder: store,
          net: { ...DEFAULT_NET_OPTIONS, extraCaPem: installation.caPem ?? undefined, extraCaName: installation.caName ?? undefined },
          concurrency: CONCURRENCY,
          lang,
          onEvent: send,
          signal: controller.signal,
        }),
      )
      .then(
        () => undefined,
        (error: unknown) => send({ type: 'run-failed', message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => running.delete(auditId));
    running.set(auditId, { controller, done });
    return { auditId };
  }

  function cancel(auditId: string): { cancelled: boolean } {
    const audit = running.get(auditId);
    if (!audit) return { cancelled: false };
    audit.controller.abort();
    return { cancelled: true };
  }

  async function stopAll(): Promise<void> {
    const all = [...running.values()];
    for (const a of all) a.controller.abort();
    await Promise.all(all.map((a) => a.done));
  }

  return { start, cancel, stopAll };
}
