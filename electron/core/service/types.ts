import type { z } from 'zod';
import type { AuditEventEnvelope, Channel, Contract, ResultOf } from '../../shared/contract';

/** The implementation of every contract channel, over validated arguments. Shared by main and the bridge. */
export type Handlers = { [C in Channel]: (args: z.output<Contract[C]['args']>) => Promise<ResultOf<C>> | ResultOf<C> };

export interface AppService {
  readonly handlers: Handlers;
  /** Progress of running audits; returns the unsubscribe function. */
  onEvent(listener: (envelope: AuditEventEnvelope) => void): () => void;
  /** Cancels running audits, waits for them to settle, closes the store. */
  close(): Promise<void>;
}
