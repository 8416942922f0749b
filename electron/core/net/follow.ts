import type { AddressScope } from './address-scope';
import type { RedirectGuard } from './redirect-guard';
import { unsafeScheme } from './redirect-guard';
import { redirectTargetOf, type Exchange, type NetError } from './types';

export interface Chain {
  exchanges: Exchange[];
  /** Why the chain stopped early (loop, cap, unsafe target, network); null when it ended in a non-redirect response. */
  error: NetError | null;
}

export type Send = (url: URL, guard: RedirectGuard | null) => Promise<Exchange>;

/**
 * GET with redirects followed up to `maxRedirects`. Stops with an error code instead of following a loop
 * ('redirect-loop'), a chain over the cap ('too-many-redirects'), a Location that is no http(s) URL, or a
 * hop from the address the last answer came from to a more inward one (public → private → loopback):
 * 'unsafe-redirect'. Hops within one scope (loopback to loopback in tests) are followed.
 */
export async function follow(send: Send, start: URL, maxRedirects: number, scopeOf: (address: string) => AddressScope): Promise<Chain> {
  const exchanges: Exchange[] = [];
  const visited = new Set<string>();
  let url = start;
  let guard: RedirectGuard | null = null;
  for (;;) {
    visited.add(url.href);
    const exchange = await send(url, guard);
    exchanges.push(exchange);
    if (exchange.error) return { exchanges, error: exchange.error };
    const next = redirectTargetOf(exchange);
    if (!next) return { exchanges, error: null };
    const scheme = unsafeScheme(next);
    if (scheme) return { exchanges, error: scheme };
    if (visited.has(next.href)) {
      return { exchanges, error: { code: 'redirect-loop', message: `redirect loop: ${next.href} was already visited` } };
    }
    if (exchanges.length > maxRedirects) {
      return { exchanges, error: { code: 'too-many-redirects', message: `more than ${maxRedirects} redirects` } };
    }
    const from = exchange.remoteAddress;
    guard = from ? { from: scopeOf(from), fromAddress: from, scopeOf } : guard;
    url = next;
  }
}
