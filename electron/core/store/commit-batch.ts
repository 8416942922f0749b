// Many small transactions cost more than one large one: records that become ready in the same turn of
// the event loop are committed together.

/** Collects what becomes ready within one turn of the event loop and commits it together. */
export function commitBatch<T>(all: (entries: readonly T[]) => void, one: (entry: T) => void) {
  let pending: { entry: T; resolve(): void; reject(err: unknown): void }[] = [];
  const flush = () => {
    const entries = pending;
    pending = [];
    try {
      all(entries.map((p) => p.entry));
      for (const p of entries) p.resolve();
    } catch {
      for (const p of entries) {
        try {
          one(p.entry);
          p.resolve();
        } catch (err) {
          p.reject(err);
        }
      }
    }
  };
  return {
    add(entry: T): Promise<void> {
      if (!pending.length) setImmediate(flush);
      return new Promise((resolve, reject) => pending.push({ entry, resolve, reject }));
    },
  };
}
