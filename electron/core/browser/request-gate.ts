import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { VisitRequest } from '../../shared/consent';
import { registrableDomain } from '../mautic-config/domains';
import { scopeOfAddress, type AddressScope } from '../net/address-scope';

/** Requests per visit; a page that makes more is cut off there (and says so). */
export const MAX_REQUESTS_PER_VISIT = 600;

export interface GateOptions {
  /** Hosts the auditor named: the only loopback or private-network hosts the visit may reach. */
  allowedHosts: ReadonlySet<string>;
  addressScope?: (address: string) => AddressScope;
  maxRequests?: number;
  /** Checks an https host's certificate first (engine.verifyCertificate); absent: the browser's own check decides. */
  verifyCertificate?: (host: string, port: number) => Promise<string | null>;
}

export type GateDecision = NonNullable<VisitRequest['blocked']> | null;

/**
 * Decides for each request the page makes whether it may go out: web schemes only, never into the loopback or
 * private network unless the auditor named that host, no top-level navigation off the audited sites, and no more
 * than the cap. Looks each host name up once per visit; a host that does not resolve goes on (the browser fails it).
 */
export function createRequestGate(options: GateOptions) {
  const scopeOf = options.addressScope ?? scopeOfAddress;
  const cap = options.maxRequests ?? MAX_REQUESTS_PER_VISIT;
  const sites = new Set([...options.allowedHosts].map((h) => registrableDomain(h)));
  const scopes = new Map<string, Promise<AddressScope>>();
  let count = 0;
  const hostScope = (host: string): Promise<AddressScope> => {
    const bare = host.replace(/^\[|\]$/g, '');
    if (isIP(bare)) return Promise.resolve(scopeOf(bare));
    let known = scopes.get(bare);
    if (!known) {
      known = lookup(bare, { all: true })
        .then((addresses) => (addresses.some((a) => scopeOf(a.address) !== 'public') ? (addresses.map((a) => scopeOf(a.address)).includes('loopback') ? 'loopback' : 'private') : 'public'))
        .catch((): AddressScope => 'public');
      scopes.set(bare, known);
    }
    return known;
  };
  return {
    async decide(url: string, topLevelDocument: boolean): Promise<GateDecision> {
      let u: URL;
      try {
        u = new URL(url);
      } catch {
        return 'scheme';
      }
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return u.protocol === 'data:' || u.protocol === 'blob:' ? null : 'scheme';
      if (++count > cap) return 'cap';
      const host = u.hostname.toLowerCase();
      if (topLevelDocument && !options.allowedHosts.has(host) && !sites.has(registrableDomain(host))) return 'navigation';
      if (!options.allowedHosts.has(host) && (await hostScope(host)) !== 'public') return 'lan';
      if (u.protocol === 'https:' && options.verifyCertificate && (await options.verifyCertificate(host.replace(/^\[|\]$/g, ''), Number(u.port || 443))) !== null) return 'certificate';
      return null;
    },
    get count() {
      return count;
    },
  };
}
