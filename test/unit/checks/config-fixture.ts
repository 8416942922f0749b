// Config observations as the probe delivers them, built with the real parser and redaction (no probe I/O).
import type { ConfigObservations } from '../../../electron/core/checks/config-version';
import { redactedCrontab, redactedLocalPhp } from '../../../electron/core/mautic-config/redacted-files';
import { exactVersionLine } from '../../../electron/core/mautic-config/versions';
import type { MauticConfigObservation } from '../../../electron/core/probes/mautic-config';
import type { MauticVersionLine } from '../../../electron/core/probes/mautic-version';

export const MTC_4: MauticVersionLine = { major: 4, min: '4.1.0', max: '4.4.x', label: '4.1–4.4', source: 'mtc.js' };
export const MTC_2: MauticVersionLine = { major: 2, min: '2.8.0', max: '2.16.x', label: '2.8–2.16', source: 'mtc.js' };
export const MTC_5: MauticVersionLine = { major: 5, min: '5.0.0', max: '5.x', label: '5.x', source: 'mtc.js' };

export interface ObsSpec {
  php?: string | null;
  crontab?: string | null;
  /** Exact version from SSH. */
  ssh?: string;
  /** Version line from /mtc.js. */
  mtc?: MauticVersionLine | null;
}

/** Observations as the probes deliver them, built with the real parser and redaction. */
export function observations(spec: ObsSpec): ConfigObservations {
  let localPhp: MauticConfigObservation['localPhp'] = null;
  if (spec.php != null) {
    const r = redactedLocalPhp(Buffer.from(spec.php, 'utf8'));
    localPhp = r.ok
      ? { ok: true, path: '/tmp/local.php', bytes: spec.php.length, parameters: r.file.parameters, redactedKeys: r.file.redactedKeys, ignoredStatements: 0, evidence: ['sha-php', 'sha-json'] }
      : { ok: false, path: '/tmp/local.php', error: r.error, evidence: [] };
  }
  let crontab: MauticConfigObservation['crontab'] = null;
  if (spec.crontab != null) {
    const r = redactedCrontab(spec.crontab);
    crontab = r.ok ? { ok: true, path: '/tmp/crontab', lines: r.parsed.lines, truncated: r.parsed.truncated, evidence: ['sha-cron'] } : { ok: false, path: '/tmp/crontab', error: r.error, evidence: [] };
  }
  const data: MauticConfigObservation = { source: localPhp || crontab ? 'files' : 'none', localPhp, crontab, version: spec.ssh ? exactVersionLine(spec.ssh) : null, sshHostKey: null };
  return {
    'mautic-config': { ok: true, data, evidence: [] },
    'tracking-script': {
      ok: true,
      data: { url: 'https://m.example.org/mtc.js', fetches: [], state: 'mautic', markers: [], version: spec.mtc ?? null, versionMarkers: [], fingerprint: false, incomplete: false },
      evidence: ['sha-mtc'],
    },
  };
}

