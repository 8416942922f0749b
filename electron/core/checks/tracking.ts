import type { AnyCheck } from './types';

// STUB (issue 5): replaced by the helper that owns this area.
export const TRACKING_CHECKS: readonly AnyCheck[] = [];
