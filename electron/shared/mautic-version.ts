import type { ItemResult } from './domain';

/** The check and finding that carry the Mautic version line inferred from /mtc.js (see checks/tracking). */
export const VERSION_CHECK_ID = 'tracking.fingerprint';
export const VERSION_FINDING_CODE = 'mautic-version';

/** The Mautic version line a run detected ("4.1–4.4", …), or null when it could not be told. */
export function detectedMauticVersion(items: readonly Pick<ItemResult, 'checks'>[]): string | null {
  for (const item of items) {
    const check = item.checks.find((c) => c.checkId === VERSION_CHECK_ID);
    const version = check?.findings.find((f) => f.code === VERSION_FINDING_CODE)?.params?.version;
    if (typeof version === 'string' && version) return version;
  }
  return null;
}
