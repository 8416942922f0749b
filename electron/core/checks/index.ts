import { CONFIG_CHECKS } from './config';
import { CONSENT_CHECKS } from './consent';
import { DPA_CHECKS } from './dpa';
import { EXPOSURE_CHECKS } from './exposure';
import { FORM_CHECKS } from './forms';
import { HEADER_CHECKS } from './headers';
import { HSTS_CHECK } from './hsts';
import { LANDING_CHECKS } from './landing';
import { PRIVACY_POLICY_CHECKS } from './privacy-policy';
import { ROPA_CHECKS } from './ropa';
import { TLS_CHECKS } from './tls';
import { TRACKING_CHECKS } from './tracking';
import type { AnyCheck } from './types';

/** Every automated check, registered explicitly. A checklist check without an entry here is manual. */
export const CHECKS: readonly AnyCheck[] = [
  ...TLS_CHECKS,
  HSTS_CHECK,
  ...HEADER_CHECKS,
  ...EXPOSURE_CHECKS,
  ...LANDING_CHECKS,
  ...TRACKING_CHECKS,
  ...CONSENT_CHECKS,
  ...FORM_CHECKS,
  ...PRIVACY_POLICY_CHECKS,
  ...CONFIG_CHECKS,
  ...ROPA_CHECKS,
  ...DPA_CHECKS,
];

export const CHECKS_BY_ID: ReadonlyMap<string, AnyCheck> = new Map(CHECKS.map((c) => [c.id, c]));
