import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditEventMessage, Result } from '../../../electron/shared/contract';
import type { Lang } from '../../../electron/shared/domain';
import { api } from '../api';
import { applyEvent, newAudit, type AuditProgress } from './auditProgress';

const MAX_BUFFERED_AUDITS = 20;
const MAX_BUFFERED_EVENTS = 2000;

export interface Audits {
  audits: Record<string, AuditProgress>;
  start(clientId: number, installationId: number, lang: Lang, sshSecret?: string, scope?: 'all' | 'open-findings'): Promise<Result<{ auditId: string }>>;
  cancel(auditId: string): Promise<Result<{ cancelled: boolean }>>;
}

/**
 * Follows every audit started from this window. Subscribes once, for the app's lifetime, so the event stream
 * is open before an audit starts; events that arrive before audits:start has returned its id are buffered.
 */
export function useAudits(): Audits {
  const [audits, setAudits] = useState<Record<string, AuditProgress>>({});
  const known = useRef(new Set<string>());
  const pending = useRef(new Map<string, AuditEventMessage[]>());

  useEffect(
    () =>
      api.onAuditEvent(({ auditId, event }) => {
        if (event.type === 'export-progress') return; // report exports follow their own progress
        if (known.current.has(auditId)) {
          const now = Date.now();
          setAudits((all) => {
            const p = all[auditId];
            return p ? { ...all, [auditId]: applyEvent(p, event, now) } : all;
          });
          return;
        }
        const buffered = pending.current.get(auditId) ?? [];
        if (buffered.length === 0) {
          if (pending.current.size >= MAX_BUFFERED_AUDITS) {
            const oldest = pending.current.keys().next().value;
            if (oldest !== undefined) pending.current.delete(oldest);
          }
          pending.current.set(auditId, buffered);
        }
        if (buffered.length < MAX_BUFFERED_EVENTS) buffered.push(event);
      }),
    [],
  );

  const start = useCallback(async (clientId: number, installationId: number, lang: Lang, sshSecret?: string, scope?: 'all' | 'open-findings') => {
    const result = await api['audits:start']({ installationId, lang, ...(sshSecret ? { sshSecret } : {}), ...(scope && scope !== 'all' ? { scope } : {}) });
    if (!result.ok) return result;
    const { auditId } = result.value;
    known.current.add(auditId);
    const buffered = pending.current.get(auditId) ?? [];
    pending.current.delete(auditId);
    const now = Date.now();
    setAudits((all) => ({ ...all, [auditId]: buffered.reduce((p, e) => applyEvent(p, e, now), newAudit(auditId, clientId, installationId, now)) }));
    return result;
  }, []);

  const setCancelling = useCallback((auditId: string, cancelling: boolean) => {
    setAudits((all) => {
      const p = all[auditId];
      return p ? { ...all, [auditId]: { ...p, cancelling } } : all;
    });
  }, []);

  const cancel = useCallback(
    async (auditId: string) => {
      setCancelling(auditId, true);
      const result = await api['audits:cancel']({ auditId });
      if (!result.ok || !result.value.cancelled) setCancelling(auditId, false);
      return result;
    },
    [setCancelling],
  );

  return { audits, start, cancel };
}
