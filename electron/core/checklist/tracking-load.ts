import path from 'node:path';
import { z } from 'zod';
import type { TrackingList } from '../../shared/consent';
import { defaultChecklistDir } from './paths';
import { parseYamlData, readDataFile } from './yaml-data';

const hostEntry = z.strictObject({
  host: z.string().regex(/^[a-z0-9.-]+(\/[^\s]*)?$/i, 'a host name, optionally with a path (facebook.com/tr)'),
  name: z.string().min(1),
});
const trackingListSchema = z.strictObject({
  format: z.literal(1),
  hosts: z.array(hostEntry),
  cookies: z.array(z.strictObject({ pattern: z.string().min(1).regex(/^[^\s;=,]+$/, 'a cookie name, with * for any characters'), name: z.string().min(1) })),
  mauticPaths: z.array(z.string().startsWith('/')),
});

export const SHIPPED_TRACKING_LIST = 'tracking-hosts.yaml';

/** The list of tracking hosts and cookies. No file: the shipped one (checklists/tracking-hosts.yaml). */
export function loadTrackingList(file?: string): TrackingList {
  const target = file === undefined ? path.join(defaultChecklistDir(), SHIPPED_TRACKING_LIST) : path.resolve(file);
  return parseTrackingList(readDataFile(target, 'tracking list'), target, file === undefined ? SHIPPED_TRACKING_LIST : target);
}

export function parseTrackingList(text: string, file: string, source: string = file): TrackingList {
  const data = parseYamlData(text, file, trackingListSchema);
  return {
    source,
    hosts: data.hosts.map((h) => {
      const slash = h.host.indexOf('/');
      return slash < 0 ? { host: h.host.toLowerCase(), path: null, name: h.name } : { host: h.host.slice(0, slash).toLowerCase(), path: h.host.slice(slash), name: h.name };
    }),
    cookies: data.cookies,
    mauticPaths: data.mauticPaths,
  };
}
