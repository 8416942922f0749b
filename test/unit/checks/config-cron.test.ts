import { describe, expect, it } from 'vitest';
import { retentionCleanupCron } from '../../../electron/core/checks/config-cron';
import { observations, type ObsSpec } from './config-fixture';

const run = (spec: ObsSpec) => retentionCleanupCron.evaluate(observations(spec));
const codes = (spec: ObsSpec) => run(spec).findings.map((f) => f.code);
const CONSOLE = 'php /var/www/mautic/bin/console mautic:maintenance:cleanup';

describe('retention.cleanup-cron', () => {
  it('is manual without a crontab, error when it could not be read', () => {
    expect(run({ php: '<?php $parameters = [];' }).findings).toEqual([{ code: 'crontab-not-given', status: 'manual' }]);
    expect(run({ crontab: Buffer.alloc(10).toString('latin1') }).status).toBe('error');
  });

  it('passes with an active line, reporting schedule and --days-old (default 365)', () => {
    const o = run({ crontab: `MAILTO=""\n0 3 * * 0 ${CONSOLE} --days-old=21 --no-interaction\n` });
    expect(o.findings).toEqual([{ code: 'cleanup-cron-ok', status: 'pass', params: { line: 2, schedule: '0 3 * * 0', daysOld: 21 } }]);
    expect(o.evidence).toEqual(['sha-cron']);
    expect(run({ crontab: `@weekly cd /srv/m && sudo -u www-data php bin/console mautic:maintenance:cleanup -n` }).findings[0]!.params).toEqual({ line: 1, schedule: '@weekly', daysOld: 365 });
  });

  it('passes with --gdpr (2.15+), and fails with it before 2.15 (unknown option)', () => {
    expect(run({ crontab: `0 4 * * * ${CONSOLE} --gdpr -n`, ssh: '4.4.13' }).findings).toEqual([{ code: 'cleanup-cron-ok-gdpr', status: 'pass', params: { line: 1, schedule: '0 4 * * *' } }]);
    const old = run({ crontab: `0 4 * * * ${CONSOLE} --gdpr -n`, ssh: '2.14.0' });
    expect(old.findings).toEqual([{ code: 'cleanup-cron-gdpr-unsupported', status: 'fail', params: { line: 1, version: '2.14.0' } }]);
    expect(old.evidence).toEqual(['sha-cron']);
  });

  it('fails when the only call is a dry run, or asks for confirmation (no --no-interaction)', () => {
    expect(run({ crontab: `0 3 * * * ${CONSOLE} --dry-run` }).findings).toEqual([{ code: 'cleanup-cron-dry-run', status: 'fail', params: { line: 1, schedule: '0 3 * * *' } }]);
    expect(codes({ crontab: `0 3 * * * ${CONSOLE} --days-old=30` })).toEqual(['cleanup-cron-interactive']);
  });

  it('fails for an invalid --days-old, @reboot, and passes when a working line sits beside a dry run', () => {
    expect(run({ crontab: `0 3 * * * ${CONSOLE} --days-old=abc -n` }).findings).toEqual([{ code: 'cleanup-cron-days-invalid', status: 'fail', params: { line: 1, value: 'abc' } }]);
    expect(codes({ crontab: `0 3 * * * ${CONSOLE} --days-old=0 -n` })).toEqual(['cleanup-cron-days-invalid']);
    expect(codes({ crontab: `@reboot ${CONSOLE} -n` })).toEqual(['cleanup-cron-not-regular']);
    expect(codes({ crontab: `0 3 * * * ${CONSOLE} --dry-run\n0 4 * * * ${CONSOLE} -n --days-old 90` })).toEqual(['cleanup-cron-ok']);
  });

  it('fails when the call is missing, commented out, or on a line cron rejects', () => {
    expect(run({ crontab: '*/5 * * * * php /var/www/mautic/bin/console mautic:segments:update\n' }).findings).toEqual([{ code: 'cleanup-cron-missing', status: 'fail' }]);
    expect(run({ crontab: `# 0 3 * * * ${CONSOLE} -n\n` }).findings).toEqual([{ code: 'cleanup-cron-commented', status: 'fail', params: { lines: [1] } }]);
    expect(run({ crontab: `\n0 3 * * ${CONSOLE} -n\n` }).findings).toEqual([{ code: 'cleanup-cron-invalid', status: 'fail', params: { lines: [2] } }]);
    expect(run({ crontab: 'no crontab for www-data\n' }).status).toBe('fail');
    expect(run({ crontab: '' }).status).toBe('fail');
  });

  it('warns that a very long crontab was read only in part', () => {
    expect(codes({ crontab: '# x\n'.repeat(6000) })).toEqual(['cleanup-cron-missing', 'crontab-truncated']);
  });
});
