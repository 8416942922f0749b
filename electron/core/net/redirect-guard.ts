import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { movesInward, type AddressScope } from './address-scope';
import type { NetError } from './types';

/** Where a redirect may not take the client: inward of the scope it came from. */
export interface RedirectGuard {
  from: AddressScope;
  fromAddress: string;
  scopeOf(address: string): AddressScope;
}

export class UnsafeAddressError extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
    readonly to: AddressScope,
    readonly guard: RedirectGuard,
  ) {
    super(`redirect from a ${guard.from} address (${guard.fromAddress}) to a ${to} address (${host} → ${address}) is not followed`);
  }
}

/** A Location that is no http(s) URL (file:, javascript:, data:, ftp: …) is never followed. */
export function unsafeScheme(next: URL): NetError | null {
  if (next.protocol === 'http:' || next.protocol === 'https:') return null;
  return { code: 'unsafe-redirect', message: `redirect to the ${next.protocol} scheme is not followed (only http and https are)` };
}

/** The refusal for one address, or null when the guard lets it through. */
export function refusal(guard: RedirectGuard, host: string, address: string): UnsafeAddressError | null {
  const to = guard.scopeOf(address);
  return movesInward(guard.from, to) ? new UnsafeAddressError(host, address, to, guard) : null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves as usual, then drops every address the guard refuses, so the
 * check holds for the address actually connected to (no second resolution a DNS rebinding could change).
 */
export function guardedLookup(guard: RedirectGuard) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, options.all ? [] : '');
      if (addresses.length === 0) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), options.all ? [] : '');
      const allowed = addresses.filter((a) => !refusal(guard, hostname, a.address));
      if (allowed.length === 0) return callback(refusal(guard, hostname, addresses[0]!.address), options.all ? [] : '');
      if (options.all) return callback(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}
