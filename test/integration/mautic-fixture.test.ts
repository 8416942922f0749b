// The Mautic test installation serves what MAUTIC_FACTS.md says each line and variant serves.
import vm from 'node:vm';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCa } from '../fixtures/certs';
import { MAUTIC_VERSIONS, startMautic, type MauticFixture } from '../fixtures/mautic';
import { fetchRaw, phpParameters } from '../fixtures/mautic/inspect';
import { GOOGLE_FONTS_IMPORT, GOOGLE_FONTS_LINK, JQUERY_URL, KLARO_URL } from '../fixtures/mautic/website';

const ca = makeCa();
const VARIANTS = MAUTIC_VERSIONS.flatMap((version) => [true, false].map((secure) => ({ version, secure })));
const FOREIGN = 'https://evil.example';

const elements = (html: string): Element[] => DomUtils.findAll(() => true, parseDocument(html).children);
const byTag = (html: string, tag: string) => elements(html).filter((e) => e.name === tag);

describe.each(VARIANTS)('Mautic $version, secure: $secure', ({ version, secure }) => {
  let m: MauticFixture;
  const get = (url: string, headers?: Record<string, string>, method?: string) => fetchRaw(url, ca.certPem, { headers, method });
  const at = (path: string) => new URL(path, m.url).href;
  const generated = () => (secure ? new URL(m.url) : new URL(m.httpUrl));
  beforeAll(async () => {
    m = await startMautic({ version, secure, ca });
  });
  afterAll(async () => {
    await m?.close();
  });

  it('runs the installation on https://localhost, the website on https://127.0.0.1', async () => {
    expect(new URL(m.url)).toMatchObject({ protocol: 'https:', hostname: 'localhost' });
    expect(new URL(m.httpUrl)).toMatchObject({ protocol: 'http:', hostname: 'localhost' });
    for (const u of [m.websiteUrl, m.privacyPolicyUrl, ...m.landingPages]) expect(new URL(u)).toMatchObject({ protocol: 'https:', hostname: '127.0.0.1' });
    expect(await get(m.url)).toMatchObject({ status: 302, headers: { location: '/s/dashboard' } });
    expect(await get(at('s/dashboard'))).toMatchObject({ status: 302, headers: { location: '/s/login' } });
    const login = await get(at('s/login'));
    expect(login.status).toBe(200);
    expect(byTag(login.body, 'form').map((f) => f.attribs.action)).toEqual(['/s/login_check']);
  });

  it(secure ? 'redirects plain HTTP permanently to https' : 'serves the installation over plain HTTP', async () => {
    const r = await get(new URL('s/login?x=1', m.httpUrl).href);
    if (secure) expect(r).toMatchObject({ status: 301, headers: { location: at('s/login?x=1') } });
    else expect(r.status).toBe(200);
  });

  it('serves a minified /mtc.js with the markers of its line', async () => {
    const r = await get(at('mtc.js'));
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('application/javascript');
    expect(() => new vm.Script(r.body)).not.toThrow();
    expect(r.body).not.toMatch(/\/\/ ?Mautic|^\s{2,}\S/m);
    for (const s of ['MauticJS', 'MauticTrackingObject', 'mtracking.gif', 'mauticPageEventDelivered', 'mtc_id', 'mautic_device_id']) expect(r.body).toContain(s);
    const has = (s: string) => r.body.includes(s);
    if (version === '2.16') {
      for (const s of ['Fingerprint2', 'new Fingerprint2().get(', 'params.fingerprint', 'fingerprintComponents', 'handleFingerprintInit', 'mtc_sid', '"; path=/"']) expect(r.body).toContain(s);
      expect([has('preferred_locale'), has('"; path=/; secure"')]).toEqual([false, false]);
    } else {
      for (const s of ['preferred_locale', 'resolvedOptions().timeZone', '"; path=/; secure"', 'timezone_offset', 'm.getOs']) expect(r.body).toContain(s);
      expect(has('Fingerprint2')).toBe(false);
      expect(has('mtc_sid')).toBe(version === '4.4');
    }
    expect(r.body).toContain(`"//${generated().host}/mtc/event"`);
  });

  it(`puts Google Analytics into /mtc.js ${secure ? 'with' : 'without'} IP anonymisation`, async () => {
    const { body } = await get(at('mtc.js'), { referer: `${m.websiteUrl}angebot` });
    if (version === '2.16') {
      expect(body).toContain("ga('create','UA-11223344-1','auto')");
      expect(body.includes("ga('set','anonymizeIp',true)")).toBe(secure);
    } else {
      expect(body).toContain("googletagmanager.com/gtag/js?id=G-7KD3M0XQ2B");
      expect(body).toContain(secure ? `gtag('config','G-7KD3M0XQ2B',{"anonymize_ip":true})` : "gtag('config','G-7KD3M0XQ2B');");
      expect(body).not.toContain('ga(');
    }
  });

  it('renders the form with a consent checkbox group as the line does', async () => {
    for (const path of ['form/1', 'form/embed/1']) {
      const html = (await get(at(path))).body;
      const forms = byTag(html, 'form');
      expect(forms.map((f) => f.attribs.action)).toEqual([`${generated().origin}/form/submit?formId=1`]);
      expect(forms[0]!.attribs.action!.startsWith(secure ? 'https://' : 'http://')).toBe(true);
      const group = elements(html).find((e) => (e.attribs.class ?? '').split(' ').includes('mauticform-checkboxgrp'))!;
      const boxes = byTag(html, 'input').filter((i) => i.attribs.type === 'checkbox');
      const hidden = byTag(html, 'input').filter((i) => i.attribs.type === 'hidden' && i.attribs.name === 'mauticform[einwilligung]');
      expect(boxes.map((b) => b.attribs.name)).toEqual(['mauticform[einwilligung][]']);
      const links = byTag(DomUtils.getOuterHTML(forms[0]!), 'a').map((a) => a.attribs.href);
      if (secure) {
        expect(group.attribs.class).toContain('mauticform-required');
        expect(group.attribs['data-validate']).toBe('einwilligung');
        expect(boxes[0]!.attribs.checked).toBeUndefined();
        expect(hidden).toEqual([]);
        expect(links).toEqual([m.privacyPolicyUrl]);
      } else {
        expect(links).toEqual([]);
        // 2.16: checked via the input attributes; 4.4: default value → hidden input and checked; 5.1: only the hidden input.
        expect(boxes[0]!.attribs.checked).toBe(version === '5.1' ? undefined : 'checked');
        expect(hidden.map((h) => h.attribs.value)).toEqual({ '2.16': [], '4.4': ['ja'], '5.1': ['1'] }[version]);
      }
    }
    expect((await get(at('form/2'))).status).toBe(404);
    expect((await get(at('form/generate.js?id=1'))).body).toMatch(/^document\.write\(".*mauticform_newsletter/);
  });

  it('protects or exposes the sensitive paths', async () => {
    const p = m.profile;
    const status = async (path: string) => (await get(at(path))).status;
    const other = (a: string, b: string, mine: string) => (mine === a ? b : a);
    if (secure) {
      for (const path of ['app/config/local.php', 'config/local.php', 'app/logs/', 'var/logs/', '.env', '.git/HEAD', 'media/files/', 'composer.json', p.versionFile.path]) expect([path, await status(path)]).toEqual([path, 403]);
      expect(await get(at('installer'))).toMatchObject({ status: 302, headers: { location: '/' } });
      const dev = await get(at('index_dev.php'));
      if (p.devFrontController) expect(dev).toMatchObject({ status: 403, body: 'You are not allowed to access this file.' });
      else expect(dev.status).toBe(404);
    } else {
      const config = await get(at(p.configPath));
      expect(config).toMatchObject({ status: 200, body: m.localPhp });
      expect(await status(other('app/config/local.php', 'config/local.php', p.configPath))).toBe(404);
      expect(await get(at('.env'))).toMatchObject({ status: 200, body: expect.stringMatching(/^APP_ENV=prod$/m) });
      expect(await get(at('.git/HEAD'))).toMatchObject({ status: 200, body: 'ref: refs/heads/master\n' });
      expect((await get(at('installer'))).body).toContain('<title>Mautic Installation</title>');
      const dev = await get(at('index_dev.php'));
      if (p.devFrontController) expect([dev.status, dev.body.includes('sf-toolbar'), typeof dev.headers['x-debug-token']]).toEqual([200, true, 'string']);
      else expect(dev.status).toBe(404);
      expect((await get(at(p.logsPath))).body).toContain(`<title>Index of /${p.logsPath}</title>`);
      expect(await status(other('app/logs/', 'var/logs/', p.logsPath))).toBe(404);
      expect((await get(at('media/files/'))).body).toContain('<title>Index of /media/files/</title>');
      expect(await get(at(p.versionFile.path))).toMatchObject({ status: 200, body: expect.stringContaining(p.release) });
    }
    for (const path of ['pruefstand-not-found-7d1e4c.txt', 's/nothing', 'media/nothing.js']) expect([path, await status(path)]).toEqual([path, 404]);
    expect((await get(`${m.websiteUrl}nothing`)).status).toBe(404);
  });

  it('answers CORS like CORSMiddleware', async () => {
    const preflight = (origin: string, acrh = true) => get(at('mtc/event'), { origin, 'access-control-request-method': 'POST', ...(acrh ? { 'access-control-request-headers': 'content-type' } : {}) }, 'OPTIONS');
    const foreign = await preflight(FOREIGN);
    expect(foreign.status).toBe(204);
    expect([foreign.headers['access-control-allow-origin'], foreign.headers['access-control-allow-credentials']]).toEqual(secure ? [undefined, undefined] : [FOREIGN, 'true']);
    expect((await preflight(FOREIGN, false)).headers['access-control-allow-origin']).toBeUndefined();
    const xhr = await get(at('mtc'), { origin: FOREIGN, 'x-requested-with': 'XMLHttpRequest' });
    expect([xhr.status, xhr.headers['access-control-allow-origin'], xhr.headers['access-control-allow-credentials']]).toEqual([200, secure ? undefined : FOREIGN, 'true']);
    expect((await get(at('mtc'), { origin: FOREIGN })).headers['access-control-allow-origin']).toBeUndefined();
    const own = phpParameters(m.localPhp).cors_valid_domains as Record<string, string>;
    expect((await preflight(own['0']!)).headers['access-control-allow-origin']).toBe(own['0']);
  });

  it(secure ? 'sends the security headers and secure cookies' : 'sends no security headers, but versions', async () => {
    const r = await get(at('s/login'));
    const cookie = (r.headers['set-cookie'] ?? [])[0] ?? '';
    expect(cookie).toMatch(/^[0-9a-f]{32}=\w+; path=\/.*HttpOnly/);
    if (secure) {
      expect(r.headers['strict-transport-security']).toBe(version === '5.1' ? 'max-age=31536000; includeSubDomains; preload' : 'max-age=31536000; includeSubDomains');
      expect(r.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self';.*frame-ancestors 'self'.*object-src 'none'/);
      expect(r.headers).toMatchObject({ 'x-frame-options': 'SAMEORIGIN', 'x-content-type-options': 'nosniff', 'referrer-policy': 'strict-origin-when-cross-origin', server: 'nginx' });
      expect(r.headers['permissions-policy']).toContain('camera=()');
      expect(r.headers['x-powered-by']).toBeUndefined();
      expect(cookie).toMatch(/; secure; HttpOnly; SameSite=lax$/);
    } else {
      for (const h of ['strict-transport-security', 'content-security-policy', 'x-frame-options', 'x-content-type-options', 'referrer-policy', 'permissions-policy']) expect(r.headers[h], h).toBeUndefined();
      expect(r.headers['x-powered-by']).toBe(`PHP/${m.profile.insecurePhp}`);
      expect(r.headers.server).toMatch(/^nginx\/\d/);
      expect(cookie).not.toContain('secure');
    }
  });

  it('serves landing pages that load mtc.js and link the privacy policy', async () => {
    for (const url of m.landingPages) {
      const html = (await get(url)).body;
      const scripts = byTag(html, 'script');
      const links = byTag(html, 'a').filter((a) => a.attribs.href === '/datenschutz');
      expect(links.map((a) => DomUtils.textContent(a))).toEqual(['Datenschutz']);
      const loader = scripts.find((s) => DomUtils.textContent(s).includes(`'${generated().origin}/mtc.js','mt'`))!;
      expect(loader).toBeDefined();
      expect(scripts.some((s) => (s.attribs.src ?? '').includes('mtc.js'))).toBe(false);
      const external = scripts.filter((s) => /^https?:/.test(s.attribs.src ?? '') && !s.attribs.src!.includes('localhost'));
      if (secure) {
        expect(loader.attribs).toMatchObject({ type: 'text/plain', 'data-type': 'application/javascript', 'data-name': 'mautic' });
        expect(external.map((s) => [s.attribs.src, /^sha384-/.test(s.attribs.integrity ?? '')])).toEqual([[KLARO_URL, true]]);
        expect(html).not.toContain('fonts.googleapis.com');
      } else {
        expect(loader.attribs.type).toBeUndefined();
        expect(external.map((s) => [s.attribs.src, s.attribs.integrity])).toEqual([[JQUERY_URL, undefined]]);
        expect(byTag(html, 'link').map((l) => l.attribs.href)).toContain(GOOGLE_FONTS_LINK);
        expect(byTag(html, 'style').map((s) => DomUtils.textContent(s)).join()).toContain(`@import url('${GOOGLE_FONTS_IMPORT}')`);
      }
    }
    const newsletter = (await get(m.formUrls[1]!)).body;
    expect(byTag(newsletter, 'form').map((f) => f.attribs.action)).toEqual([`${generated().origin}/form/submit?formId=1`]);
  });

  it(secure ? 'has a complete privacy policy' : 'has a thin privacy policy', async () => {
    const text = DomUtils.textContent(parseDocument((await get(m.privacyPolicyUrl)).body));
    const terms = ['Mautic', 'mtc_id', 'mautic_device_id', 'Google Analytics', 'jsDelivr', 'Verantwortlich', 'Datenschutzbeauftragte', 'Zweck', 'Art. 6 Abs. 1 lit. a DSGVO', 'Speicherdauer', 'Auskunft', 'Widerruf', 'Aufsichtsbehörde'];
    expect(terms.filter((t) => !text.includes(t))).toEqual(secure ? [] : terms);
  });

  it('writes a parseable local.php full of secrets, configured per variant', () => {
    expect(m.localPhp).toMatch(/^<\?php\n\$parameters = array\(\n\t'db_driver' => 'pdo_mysql',/);
    const params = phpParameters(m.localPhp);
    expect(new Set(m.secrets).size).toBe(m.secrets.length);
    for (const s of m.secrets) expect(m.localPhp.split(s).length - 1, s).toBeGreaterThanOrEqual(1);
    const keys = Object.keys(m.secretsByKey).sort();
    const common = ['db_password', 'ip_lookup_auth', 'monitored_email.general.password', 'rememberme_key', 'saml_idp_own_password', 'saml_idp_own_private_key', 'secret_key', 'website_snapshot_key'];
    const extra = {
      '2.16': ['mailer_api_key', 'mailer_password', 'notification_rest_api_key', 'rabbitmq_password', 'sms_password', 'transifex_password'],
      '4.4': ['cache_adapter_redis.dsn', 'mailer_api_key', 'mailer_password', 'notification_rest_api_key', 'rabbitmq_password', 'transifex_api_token'],
      '5.1': ['cache_adapter_redis.dsn', 'mailer_dsn.password', 'mailer_dsn.user', 'messenger_dsn_hit.password', 'messenger_dsn_hit.user', 'transifex_api_token'],
    }[version];
    expect(keys).toEqual([...common, ...extra].sort());
    if (version === '5.1') expect(params.mailer_dsn).toBe(`smtp://${m.secretsByKey['mailer_dsn.user']}:${m.secretsByKey['mailer_dsn.password']}@smtp.mailversand-muster.de:587`);
    const cors = Object.values(params.cors_valid_domains as Record<string, string>);
    expect({
      anonymize_ip: params.anonymize_ip,
      track_contact_by_ip: params.track_contact_by_ip,
      track_by_fingerprint: params.track_by_fingerprint,
      site_url: (params.site_url as string).split(':')[0],
      api_enabled: params.api_enabled,
      api_enable_basic_auth: params.api_enable_basic_auth,
      cors_restrict_domains: params.cors_restrict_domains,
      cors_domains: new Set(cors.map((d) => new URL(d).hostname.split('.').slice(-2).join('.'))).size,
    }).toEqual({
      anonymize_ip: secure,
      track_contact_by_ip: !secure,
      track_by_fingerprint: version === '2.16' ? !secure : undefined,
      site_url: secure ? 'https' : 'http',
      api_enabled: !secure,
      api_enable_basic_auth: !secure,
      cors_restrict_domains: secure,
      cors_domains: secure ? 1 : 2,
    });
    if (version === '5.1') expect(params.headers_sts).toBe(secure);
  });

  it(secure ? 'runs the clean-up daily by cron' : 'runs no real clean-up by cron', () => {
    const lines = m.crontab.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    const cleanup = lines.filter((l) => l.includes('mautic:maintenance:cleanup'));
    if (secure) {
      expect(cleanup).toContainEqual(expect.stringMatching(new RegExp(`^\\d+ \\d+ \\* \\* \\* php /var/www/html/${m.profile.console} mautic:maintenance:cleanup --days-old=30 `)));
      expect(cleanup.some((l) => l.includes('--gdpr'))).toBe(true);
    } else {
      expect(cleanup.every((l) => l.includes('--dry-run'))).toBe(true);
    }
  });
});
