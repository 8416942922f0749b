/** Installations audited at once in a batch unless --concurrency says otherwise. */
export const DEFAULT_BATCH_CONCURRENCY = 4;
/** Connections at once to one host:port across all audits of a batch: polite to shared hosting. */
export const DEFAULT_PER_HOST = 2;
