import { describe, expect, it } from 'vitest';
import { findCleanupCalls, isCleanupCommandName, shellWords } from '../../../electron/core/mautic-config/cleanup-command';
import { MAX_CRONTAB_LINES, parseCrontab } from '../../../electron/core/mautic-config/crontab';

const call = (over: Partial<ReturnType<typeof findCleanupCalls>[number]> = {}) => ({ console: 'bin/console', daysOld: null, dryRun: false, gdpr: false, noInteraction: false, ...over });

describe('parseCrontab', () => {
  it('tells environment lines, comments, jobs and invalid lines apart', () => {
    const { lines, truncated } = parseCrontab(
      [
        '# Edit this file to introduce tasks',
        'SHELL=/bin/bash',
        'PATH = /usr/local/bin:/usr/bin',
        '',
        '0 3 * * 0 php /var/www/mautic/bin/console mautic:maintenance:cleanup --days-old=21 --no-interaction',
        '@daily cd /var/www/mautic && php bin/console mautic:segments:update',
        '*/15 8-18 * jan-mar mon-fri /usr/bin/php7.4 app/console mautic:campaigns:trigger',
        '61 * * * * php bin/console mautic:maintenance:cleanup -n',
        '@sometimes echo hi',
        '#0 2 * * * php bin/console mautic:maintenance:cleanup -n',
      ].join('\n'),
    );
    expect(truncated).toBe(false);
    expect(lines.map((l) => l.kind)).toEqual(['comment', 'env', 'env', 'blank', 'job', 'job', 'job', 'invalid', 'invalid', 'comment']);
    expect(lines[4]).toMatchObject({ line: 5, schedule: '0 3 * * 0', cleanup: [call({ console: '/var/www/mautic/bin/console', daysOld: '21', noInteraction: true })] });
    expect(lines[5]).toMatchObject({ schedule: '@daily', command: 'cd /var/www/mautic && php bin/console mautic:segments:update', cleanup: [] });
    expect(lines[6]!.schedule).toBe('*/15 8-18 * jan-mar mon-fri');
    expect(lines[7]!.cleanup).toHaveLength(1); // found, but the schedule is invalid (minute 61)
    expect(lines[9]!.cleanup).toEqual([call({ noInteraction: true })]);
  });

  it('checks each schedule field against its bounds', () => {
    const kinds = (schedule: string) => parseCrontab(`${schedule} true`).lines[0]!.kind;
    for (const ok of ['0 0 * * 7', '0-59/5 0,12 1-31 * sun', '30 2 ? * SAT', '0 0 1 DEC *']) expect(kinds(ok), ok).toBe('job');
    for (const bad of ['5-1 * * * *', '*/0 * * * *', '0 24 * * *', '0 0 0 * *', '0 0 * 13 *', '0 0 * * 8', '0 0 * * sunday', '0 0 * *']) expect(kinds(bad), bad).toBe('invalid');
  });

  it("cuts the command at cron's unescaped %, reads CRLF, and caps the lines", () => {
    const { lines } = parseCrontab('0 1 * * * php bin/console mautic:maintenance:cleanup -n --days-old=3 % --gdpr\r\n0 2 * * * echo 50\\% done\r\n');
    expect(lines[0]!.cleanup).toEqual([call({ noInteraction: true, daysOld: '3' })]);
    expect(lines[1]!.command).toBe('echo 50\\% done');
    const many = parseCrontab('# x\n'.repeat(MAX_CRONTAB_LINES + 5));
    expect(many.lines).toHaveLength(MAX_CRONTAB_LINES);
    expect(many.truncated).toBe(true);
  });
});

describe('findCleanupCalls', () => {
  it('finds the call behind php paths, sudo, cd &&, docker exec and sh -c', () => {
    expect(findCleanupCalls('sudo -u www-data /usr/bin/php8.1 /var/www/html/bin/console mautic:maintenance:cleanup --days-old 30 -n')).toEqual([call({ console: '/var/www/html/bin/console', daysOld: '30', noInteraction: true })]);
    expect(findCleanupCalls('cd /var/www/mautic && php app/console mautic:maintenance:cleanup --gdpr --no-interaction > /dev/null 2>&1')).toEqual([call({ console: 'app/console', gdpr: true, noInteraction: true })]);
    expect(findCleanupCalls('docker exec mautic php bin/console mautic:maintenance:cleanup -nd90')).toEqual([call({ daysOld: '90', noInteraction: true })]);
    expect(findCleanupCalls(`/bin/sh -c 'cd /srv/m && php bin/console -n mautic:maintenance:cleanup --dry-run'`)).toEqual([call({ noInteraction: true, dryRun: true })]);
    expect(findCleanupCalls('php "bin/console" "mautic:maintenance:cleanup" --days-old=7 -n')).toEqual([call({ daysOld: '7', noInteraction: true })]);
    expect(findCleanupCalls('php bin/console m:m:c -n -g')).toEqual([call({ noInteraction: true, gdpr: true })]);
  });

  it('reads options only up to the next command of the line', () => {
    expect(findCleanupCalls('php bin/console mautic:maintenance:cleanup -n; echo --dry-run')).toEqual([call({ noInteraction: true })]);
    expect(findCleanupCalls('php bin/console mautic:maintenance:cleanup -n --days-old | mail -s --gdpr ops')).toEqual([call({ noInteraction: true, daysOld: '' })]);
  });

  it('ignores other commands and mentions without a console', () => {
    expect(findCleanupCalls('php bin/console mautic:segments:update')).toEqual([]);
    expect(findCleanupCalls('echo mautic:maintenance:cleanup')).toEqual([]);
    expect(isCleanupCommandName('mautic:maint:clean')).toBe(true);
    expect(isCleanupCommandName('mautic:maintenance:cleanupx')).toBe(false);
    expect(isCleanupCommandName('mautic:cleanup')).toBe(false);
  });

  it('splits shell words with quotes, escapes and operators', () => {
    expect(shellWords(`a 'b c' "d \\"e\\"" f\\ g&&h||i;j|k 2>&1`).words).toEqual(['a', 'b c', 'd "e"', 'f g', '&&', 'h', '||', 'i', ';', 'j', '|', 'k', '2>&1']);
  });
});
