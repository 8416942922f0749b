import type { Finding } from '../../shared/domain';
import type { CleanupCall } from '../mautic-config/cleanup-command';
import { MAX_CRONTAB_LINES, type CronLine } from '../mautic-config/crontab';
import { below } from '../mautic-config/versions';
import type { MauticVersionLine } from '../probes/mautic-version';
import { CONFIG_PROBES, knownVersion, type ConfigObservations } from './config-version';
import { errorFinding, finding, outcome, probeError } from './outcome';
import { defineCheck, PROBE_ERROR, type CheckOutcome } from './types';

/** Mautic's default for --days-old (CleanupMaintenanceCommand). */
export const DEFAULT_DAYS_OLD = 365;

interface Job {
  line: CronLine;
  call: CleanupCall;
}

/** Why a cleanup job deletes nothing; empty when it does its work. */
function problems(job: Job, version: MauticVersionLine | null): Finding[] {
  const { line, call } = job;
  const at = { line: line.line, schedule: line.schedule ?? '' };
  if (call.dryRun) return [finding('cleanup-cron-dry-run', 'fail', at)];
  const found: Finding[] = [];
  if (line.schedule === '@reboot') found.push(finding('cleanup-cron-not-regular', 'fail', at));
  // Without a positive number (and without --gdpr) the command bails out ("safety catch").
  if (call.daysOld !== null && !call.gdpr && !/^[1-9][0-9]*$/.test(call.daysOld)) found.push(finding('cleanup-cron-days-invalid', 'fail', { line: line.line, value: call.daysOld }));
  // Symfony rejects an option it does not know: before 2.15 --gdpr stops the command.
  if (call.gdpr && version && below(version, '2.15.0')) found.push(finding('cleanup-cron-gdpr-unsupported', 'fail', { line: line.line, version: version.label }));
  // Without --no-interaction the command asks for confirmation; under cron the answer is the default "no".
  if (!call.noInteraction) found.push(finding('cleanup-cron-interactive', 'fail', at));
  return found;
}

function passed(job: Job): Finding {
  const at = { line: job.line.line, schedule: job.line.schedule ?? '' };
  if (job.call.gdpr) return finding('cleanup-cron-ok-gdpr', 'pass', at);
  return finding('cleanup-cron-ok', 'pass', { ...at, daysOld: job.call.daysOld === null ? DEFAULT_DAYS_OLD : Number(job.call.daysOld) });
}

function evaluate(obs: ConfigObservations): CheckOutcome {
  const probe = obs['mautic-config'];
  if (!probe.ok) return probeError(probe.error, probe.evidence);
  const crontab = probe.data.crontab;
  if (!crontab) return outcome([finding('crontab-not-given', 'manual')], []);
  if (!crontab.ok) return outcome([errorFinding('crontab-unreadable', crontab.error.code, { file: crontab.path, error: crontab.error.message })], crontab.evidence);
  const { line: version, evidence: versionEvidence } = knownVersion(obs);
  const jobs: Job[] = crontab.lines.filter((l) => l.kind === 'job').flatMap((line) => line.cleanup.map((call) => ({ line, call })));
  const judged = jobs.map((job) => ({ job, problems: problems(job, version) }));
  const working = judged.filter((j) => !j.problems.length);
  let findings: Finding[];
  if (working.length) findings = working.map((j) => passed(j.job));
  else if (judged.length) findings = judged.flatMap((j) => j.problems);
  else {
    const linesOf = (kind: CronLine['kind']) => crontab.lines.filter((l) => l.kind === kind && l.cleanup.length).map((l) => l.line);
    const commented = linesOf('comment');
    const invalid = linesOf('invalid');
    findings = [];
    if (commented.length) findings.push(finding('cleanup-cron-commented', 'fail', { lines: commented }));
    if (invalid.length) findings.push(finding('cleanup-cron-invalid', 'fail', { lines: invalid }));
    if (!findings.length) findings.push(finding('cleanup-cron-missing', 'fail'));
  }
  if (crontab.truncated) findings.push(finding('crontab-truncated', 'warn', { limit: MAX_CRONTAB_LINES }));
  const usedVersion = judged.some((j) => j.job.call.gdpr) ? versionEvidence : [];
  return outcome(findings, [...crontab.evidence, ...usedVersion]);
}

export const retentionCleanupCron = defineCheck({
  id: 'retention.cleanup-cron',
  probes: CONFIG_PROBES,
  codes: [
    'cleanup-cron-ok', 'cleanup-cron-ok-gdpr', 'cleanup-cron-dry-run', 'cleanup-cron-not-regular', 'cleanup-cron-days-invalid',
    'cleanup-cron-gdpr-unsupported', 'cleanup-cron-interactive', 'cleanup-cron-commented', 'cleanup-cron-invalid',
    'cleanup-cron-missing', 'crontab-truncated', 'crontab-not-given', 'crontab-unreadable', PROBE_ERROR,
  ],
  evaluate,
});
