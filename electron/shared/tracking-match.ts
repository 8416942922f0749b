// Which requests, cookies and storage keys a tracking list names (shared/consent.ts TrackingList). Pure, so the
// checks, the reports and the app's consent matrix all classify alike.
import type { TrackingList } from './consent';

const globCache = new WeakMap<TrackingList, RegExp[]>();

function cookieRegexes(list: TrackingList): RegExp[] {
  let cached = globCache.get(list);
  if (!cached) {
    cached = list.cookies.map((c) => new RegExp(`^${c.pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 'i'));
    globCache.set(list, cached);
  }
  return cached;
}

const hostIn = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

function webUrl(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/**
 * Mautic's tracking: any of the list's Mautic paths on the installation's host; on another host the same paths
 * except a bare `/mtc`, which is too common a name to stand for Mautic there.
 */
function mauticTracking(list: TrackingList, u: URL, installationHost: string): boolean {
  const ownHost = u.hostname.toLowerCase() === installationHost.toLowerCase();
  return list.mauticPaths.some((p) => (u.pathname === p || u.pathname.endsWith(p)) && (ownHost || p !== '/mtc'));
}

/** The tracker a request goes to, by host (and path prefix), or Mautic's own tracking; null: not tracking. */
export function trackerOfRequest(list: TrackingList, url: string, installationHost: string): string | null {
  const u = webUrl(url);
  if (!u) return null;
  if (mauticTracking(list, u, installationHost)) return 'Mautic';
  const host = u.hostname.toLowerCase();
  let best: { name: string; length: number } | null = null;
  for (const h of list.hosts) {
    if (!hostIn(host, h.host)) continue;
    if (h.path !== null && !u.pathname.startsWith(h.path)) continue;
    const length = h.host.length + (h.path?.length ?? 0);
    if (!best || length > best.length) best = { name: h.name, length };
  }
  return best?.name ?? null;
}

/** Mautic's tracking script, event endpoint or pixel: on the installation's host, or a Mautic path on any host. */
export function isMauticTracking(list: TrackingList, url: string, installationHost: string): boolean {
  const u = webUrl(url);
  return u !== null && mauticTracking(list, u, installationHost);
}

/** The tracker a cookie or storage key belongs to by its name; null: not on the list. */
export function trackerOfName(list: TrackingList, name: string): string | null {
  const regexes = cookieRegexes(list);
  for (let i = 0; i < regexes.length; i++) if (regexes[i]!.test(name)) return list.cookies[i]!.name;
  return null;
}
