import { EXPOSURE_CHECKS } from './exposure';
import { HEADER_CHECKS } from './headers';
import { HSTS_CHECK } from './hsts';
import { LANDING_CHECKS } from './landing';
import { TLS_CHECKS } from './tls';
import type { AnyCheck } from './types';

/** Every automated check, registered explicitly. A checklist check without an entry here is manual. */
export const CHECKS: readonly AnyCheck[] = [...TLS_CHECKS, HSTS_CHECK, ...HEADER_CHECKS, ...EXPOSURE_CHECKS, ...LANDING_CHECKS];

export const CHECKS_BY_ID: ReadonlyMap<string, AnyCheck> = new Map(CHECKS.map((c) => [c.id, c]));
