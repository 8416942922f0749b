import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditTarget, tempDir, type AuditedTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { SECRET_CRONTAB, SECRET_LOCAL_PHP, SECRETS } from '../fixtures/mautic-config-files';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { CLI, runCli } from '../fixtures/cli';

const CONFIG_CHECKS = ['config.anonymize-ip', 'config.track-by-fingerprint', 'config.track-contact-by-ip', 'config.site-url-https', 'config.api-basic-auth', 'tenancy.domains', 'retention.cleanup-cron'];

/** A minified 4.1–4.4-like /mtc.js with the markers of MAUTIC_FACTS §1 (no Fingerprint2; preferred_locale; secure cookie). */
const MTC_JS_4X =
  '(function(m,l,n,d){m.MauticJS=m.MauticJS||{};var MauticJS=m.MauticJS;MauticJS.getTrackedContact=function(){};' +
  'm.MauticTrackingObject="mt";MauticJS.pixel=new Image;MauticJS.pixel.src="https://localhost/mtracking.gif?"+MauticJS.serialize(p);' +
  'p.timezone_offset=(new Date).getTimezoneOffset();p.resolution=screen.width+"x"+screen.height;p.platform=m.getOs();p.do_not_track=navigator.doNotTrack;' +
  'p.preferred_locale=navigator.language;p.timezone=Intl.DateTimeFormat().resolvedOptions().timeZone;' +
  'document.cookie="mtc_id="+r.id+"; path=/; secure";document.cookie="mautic_device_id="+r.device_id+"; path=/; secure";' +
  'document.dispatchEvent(new CustomEvent("mauticPageEventDelivered"))})(window,document,"script");';

const GOOD_PHP = `<?php
$parameters = array(
\t'db_driver' => 'pdo_mysql',
\t'db_password' => 'S3cr3t-DbPass',
\t'secret_key' => 'S3cr3t-AppKey',
\t'site_url' => 'https://mautic.example.org',
\t'anonymize_ip' => true,
\t'track_contact_by_ip' => false,
\t'track_by_fingerprint' => false,
\t'api_enabled' => false,
\t'cors_restrict_domains' => true,
\t'cors_valid_domains' => array('https://www.example.org'),
\t'mailer_dsn' => 'smtp://S3cr3t-DsnUser:S3cr3t-DsnPass@smtp.example.org:587',
);
`;
const GOOD_CRONTAB = '0 3 * * 0 php /var/www/mautic/bin/console mautic:maintenance:cleanup --days-old=90 --no-interaction\n';

const ca = makeCa();
const dir = tempDir('pruefstand-config-it-');
const write = (name: string, content: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};
const servers: RunningServer[] = [];
let site: { url: string; httpUrl: string };

const mauticHandler = (req: http.IncomingMessage, res: http.ServerResponse) => {
  if (new URL(req.url ?? '/', 'https://x').pathname === '/mtc.js') return void res.writeHead(200, { 'Content-Type': 'application/javascript' }).end(MTC_JS_4X);
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...HARDENED_HEADERS }).end(HARDENED_PAGE);
};

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), mauticHandler);
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  site = { url: https.url, httpUrl: http.url };
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const audit = (localPhpPath: string | null, crontabPath: string | null) => auditTarget({ ...site, caPem: ca.certPem, config: { kind: 'files', localPhpPath, crontabPath } });

/** Every file of the store: the SQLite file (with WAL) and the evidence blobs folder. */
function storeFiles(dbFile: string): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const f of readdirSync(p)) walk(path.join(p, f));
    else out.push(p);
  };
  for (const f of readdirSync(path.dirname(dbFile))) walk(path.join(path.dirname(dbFile), f));
  return out;
}

function expectNoSecretStored(audited: AuditedTarget) {
  const files = storeFiles(audited.dbFile);
  expect(files.some((f) => f.includes('.evidence'))).toBe(true);
  for (const f of files) {
    const bytes = readFileSync(f);
    for (const s of SECRETS) expect(bytes.includes(Buffer.from(s)), `${s} in ${f}`).toBe(false);
  }
  // The blob files are sealed (they would hide a secret from the search above): their plaintext is searched too.
  expect(audited.result.evidence.length).toBeGreaterThan(0);
  for (const e of audited.result.evidence) {
    const bytes = audited.store.readBlob(e.sha256);
    for (const s of SECRETS) expect(bytes.includes(Buffer.from(s)), `${s} in evidence ${e.sha256} (${e.summary})`).toBe(false);
  }
}

// Until the tracking helper infers the version from mtc.js, `version` is null and the checks say which
// defaults they assumed (5.1+); every expectation below holds both ways, the version-dependent codes are
// given as alternatives.
describe('a well-configured installation (files given)', () => {
  let audited: AuditedTarget;
  beforeAll(async () => {
    audited = await audit(write('good.php', GOOD_PHP), write('good.cron', GOOD_CRONTAB));
  });

  it('passes every config check, citing stored evidence', () => {
    const stored = new Set(audited.result.evidence.map((e) => e.sha256));
    for (const id of CONFIG_CHECKS) {
      const check = audited.check(id);
      expect(check.status, `${id}: ${check.message}`).toBe('pass');
      expect(check.automated).toBe(true);
      expect(check.evidence.length, id).toBeGreaterThan(0);
      for (const sha of check.evidence) expect(stored.has(sha), `${id} ${sha}`).toBe(true);
    }
    expect(audited.codes('config.anonymize-ip')[0]).toMatch(/^anonymize-ip-on/);
    expect(audited.codes('config.track-by-fingerprint')[0]).toMatch(/^fingerprint-(off|removed)$/);
    expect(audited.check('tenancy.domains').findings[0]).toEqual({ code: 'tenancy-one-domain', status: 'pass', params: { domain: 'example.org' } });
    expect(audited.check('retention.cleanup-cron').findings).toEqual([{ code: 'cleanup-cron-ok', status: 'pass', params: { line: 1, schedule: '0 3 * * 0', daysOld: 90 } }]);
    expect(audited.check('retention.cleanup-cron').message).toContain('--days-old=90');
  });

  it('keeps the redacted local.php, its effective values and the crontab as evidence', () => {
    const kinds = audited.result.evidence.filter((e) => e.kind === 'config-file' || e.kind === 'command-output').map((e) => e.kind);
    expect(kinds).toEqual(['config-file', 'config-file', 'command-output']);
    expectNoSecretStored(audited);
  });
});

describe('an installation full of secrets and weak settings', () => {
  let audited: AuditedTarget;
  beforeAll(async () => {
    audited = await audit(write('secrets.php', SECRET_LOCAL_PHP), write('secrets.cron', SECRET_CRONTAB));
  });

  it('never stores a secret: neither in the SQLite file nor in the evidence blobs', () => {
    expectNoSecretStored(audited);
    expect(JSON.stringify(audited.result)).not.toMatch(/S3cr3t-/);
  });

  it('fails anonymize-ip and api-basic-auth is a warning (https site_url)', () => {
    expect(audited.check('config.anonymize-ip').status).toBe('fail');
    expect(audited.codes('config.api-basic-auth')).toContain('api-basic-auth-on');
    expect(audited.check('config.api-basic-auth').status).toBe('warn');
    expect(audited.check('config.site-url-https').status).toBe('pass');
  });

  it('passes the cleanup job of the crontab', () => {
    expect(audited.check('retention.cleanup-cron').findings).toEqual([{ code: 'cleanup-cron-ok', status: 'pass', params: { line: 4, schedule: '0 3 * * *', daysOld: 90 } }]);
  });
});

describe('bad or missing files', () => {
  it('says error for an HTML page given as local.php, and manual without files', async () => {
    const html = await audit(write('login.php', '<!doctype html><html><body><form>Login</form></body></html>'), null);
    for (const id of CONFIG_CHECKS.slice(0, 6)) expect(html.check(id).status, id).toBe('error');
    expect(html.check('config.anonymize-ip').message).toMatch(/no PHP code/);
    expect(html.check('retention.cleanup-cron').status).toBe('error');

    const none = await auditTarget({ ...site, caPem: ca.certPem });
    for (const id of CONFIG_CHECKS) expect(none.check(id).status, id).toBe('manual');
    expect(none.check('config.anonymize-ip').message).toContain('--config local.php');
  });

  it('judges the crontab even when local.php is broken, and fails a dry-run-only job', async () => {
    const audited = await audit(write('trunc.php', GOOD_PHP.slice(0, 80)), write('dry.cron', '@daily php /srv/m/bin/console mautic:maintenance:cleanup --dry-run\n'));
    expect(audited.check('config.site-url-https').status).toBe('error');
    expect(audited.check('config.site-url-https').message).toMatch(/truncated/);
    expect(audited.codes('retention.cleanup-cron')).toEqual(['cleanup-cron-dry-run']);
  });
});

describe('the CLI with --config and --crontab', () => {
  it('reports the config verdicts in its JSON and prints no secret', async () => {
    expect(existsSync(CLI), 'run `npm run build` first').toBe(true);
    const caFile = write('ca.pem', ca.certPem);
    const args = ['audit', site.url, '--ca', caFile, '--http-url', site.httpUrl, '--db', path.join(dir, 'cli.db'), '--config', write('cli.php', SECRET_LOCAL_PHP), '--crontab', write('cli.cron', SECRET_CRONTAB), '--json', '-', '--quiet'];
    const r = await runCli(args);
    expect(r.code, r.stderr).toBe(1); // anonymize_ip is off: a failed check
    const doc = JSON.parse(r.stdout);
    const checks = new Map<string, { status: string }>(doc.items.flatMap((i: { checks: { id: string; status: string }[] }) => i.checks.map((c) => [c.id, c])));
    expect(checks.get('config.anonymize-ip')!.status).toBe('fail');
    expect(checks.get('config.api-basic-auth')!.status).toBe('warn');
    expect(checks.get('retention.cleanup-cron')!.status).toBe('pass');
    expect(r.stdout + r.stderr).not.toMatch(/S3cr3t-/);
  });
});
