// Politeness across audits: at most N connections at once to one host:port, shared by every net client that is
// handed the same limiter (a batch audit hands one to all its audits; a single audit has none).

export interface HostLimiter {
  readonly perHost: number;
  /**
   * Waits for a free connection slot to `key` (host:port) and hands back its release (idempotent). An abort
   * while waiting resolves at once with a release that frees nothing, so the caller sees its signal and stops.
   */
  acquire(key: string, signal?: AbortSignal): Promise<() => void>;
  /** Connections open to `key` right now (for tests and progress). */
  active(key: string): number;
}

export function createHostLimiter(perHost = 2): HostLimiter {
  if (!Number.isInteger(perHost) || perHost < 1) throw new RangeError(`perHost must be a whole number of at least 1, not ${perHost}`);
  const open = new Map<string, number>();
  const queues = new Map<string, (() => void)[]>();

  const grant = (key: string): (() => void) => {
    open.set(key, (open.get(key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (open.get(key) ?? 1) - 1;
      if (left === 0) open.delete(key);
      else open.set(key, left);
      const next = queues.get(key)?.shift();
      if (queues.get(key)?.length === 0) queues.delete(key);
      next?.();
    };
  };

  return {
    perHost,
    active: (key) => open.get(key) ?? 0,
    acquire(key, signal) {
      if (signal?.aborted) return Promise.resolve(() => undefined);
      if ((open.get(key) ?? 0) < perHost) return Promise.resolve(grant(key));
      return new Promise((resolve) => {
        const queue = queues.get(key) ?? [];
        queues.set(key, queue);
        const onAbort = () => {
          const at = queue.indexOf(wake);
          if (at >= 0) queue.splice(at, 1);
          resolve(() => undefined);
        };
        const wake = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve(grant(key));
        };
        queue.push(wake);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}

/** The key connections are counted under: host name (as written, lower case) and port. */
export function hostKey(url: URL): string {
  const port = url.port || (url.protocol === 'http:' ? '80' : '443');
  return `${url.hostname.toLowerCase()}:${port}`;
}
