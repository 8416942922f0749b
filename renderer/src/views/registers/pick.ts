/** The fields of `shape` taken from `entry`: a stored entry (with id, clientId, updatedAt) as the input a save sends. */
export function pick<I extends object>(entry: I, shape: Readonly<I>): I {
  return Object.fromEntries(Object.keys(shape).map((k) => [k, (entry as Record<string, unknown>)[k]])) as I;
}
