import type { MauticVersionLine } from '../probes/mautic-version';
import type { ObservationMap, ProbeResult } from '../probes/types';

/** What every config check reads: the installation's files, and /mtc.js for the version line. */
export type ConfigObservations = {
  'mautic-config': ProbeResult<ObservationMap['mautic-config']>;
  'tracking-script': ProbeResult<ObservationMap['tracking-script']>;
};

export const CONFIG_PROBES = ['mautic-config', 'tracking-script'] as const;

/** The version whose defaults and semantics apply: read over SSH, else inferred from /mtc.js; null if neither. */
export function knownVersion(obs: ConfigObservations): { line: MauticVersionLine | null; evidence: string[] } {
  const config = obs['mautic-config'];
  if (config.ok && config.data.version) return { line: config.data.version, evidence: [] };
  const tracking = obs['tracking-script'];
  const line = tracking.ok ? (tracking.data.version ?? null) : null;
  return { line, evidence: line ? tracking.evidence : [] };
}
