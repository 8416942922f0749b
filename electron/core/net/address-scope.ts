import { isIP } from 'node:net';

/**
 * How far inside the network an address lies: the open internet, a private or link-local network, or this
 * machine. A redirect that moves inward (public → private → loopback) is how a hostile site makes the auditor's
 * machine talk to its own LAN or localhost; the client refuses it ('unsafe-redirect').
 */
export type AddressScope = 'public' | 'private' | 'loopback';

const RANK: Record<AddressScope, number> = { public: 0, private: 1, loopback: 2 };

/** Whether going from `from` to `to` moves inward. */
export function movesInward(from: AddressScope, to: AddressScope): boolean {
  return RANK[to] > RANK[from];
}

function ipv4Scope(ip: string): AddressScope {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  if (a === 127 || a === 0) return 'loopback'; // 0.0.0.0/8 reaches this host on most systems
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 169 && b === 254) return 'private'; // link-local, where cloud metadata services live
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT
  return 'public';
}

/** Expands an IPv6 address to its eight 16-bit groups. */
function ipv6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split('%')[0]!;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, -v4[1]!.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

function ipv6Scope(ip: string): AddressScope {
  const g = ipv6Groups(ip);
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return ipv4Scope(`${g[6]! >> 8}.${g[6]! & 255}.${g[7]! >> 8}.${g[7]! & 255}`); // ::ffff:a.b.c.d
  }
  if (g.slice(0, 7).every((x) => x === 0) && (g[7] === 1 || g[7] === 0)) return 'loopback'; // ::1 and ::
  const first = g[0]!;
  if ((first & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((first & 0xffc0) === 0xfe80) return 'private'; // fe80::/10 link-local
  return 'public';
}

/** The scope of an IP address; anything that is no IP address counts as public. */
export function scopeOfAddress(address: string): AddressScope {
  const ip = address.replace(/^\[|\]$/g, '');
  const family = isIP(ip);
  if (family === 4) return ipv4Scope(ip);
  if (family === 6) return ipv6Scope(ip);
  return 'public';
}
