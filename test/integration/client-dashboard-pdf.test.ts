// The client's dashboard as a PDF through the CLI: a client with three installations, two of them audited for
// real (the CLI against a loopback HTTPS site whose headers improve), findings given owners and due dates with
// `findings set`, one audit provisional (its HTTP port never answers), then `pruefstand dashboard --client …
// --pdf` in English and German. Read back with poppler: the texts, the counts, the overdue finding with its owner;
// a page rendered to look at (test-artifacts/client-dashboard/) and checked for a line per installation in the
// chart; the app's channel 'dashboard:pdf' for one installation.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DASHBOARD_TEXTS } from '../../electron/core/reports/client-dashboard-texts';
import { LINE_COLORS } from '../../electron/core/reports/pdf-score-chart';
import { REPORT_TEXTS } from '../../electron/core/reports/texts';
import { createAppService, dispatch } from '../../electron/core/service';
import { openStore, type Store } from '../../electron/core/store';
import type { DashboardView } from '../../electron/shared/contract-dashboard';
import { SEVERITIES } from '../../electron/shared/domain';
import { tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { runCli } from '../fixtures/cli';
import { pdfPages, renderPage, wordBoxes } from '../fixtures/pdf-pages';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, startSilent, type RunningServer } from '../fixtures/servers';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/client-dashboard');
const CLIENT = 'Müller & Söhne GmbH';
const OWNER = 'M. Kurz (IT)';
const dir = tempDir('pruefstand-client-dashboard-');
const db = path.join(dir, 'store.db');
const file = (name: string) => path.join(dir, name);
const servers: RunningServer[] = [];
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const TODAY = day(0);
const bare = (s: string) => s.replace(/\s+/g, '');
/** Which headers the site leaves out: three, then one for the shop's second audit. */
const WEAK = ['Strict-Transport-Security', 'X-Frame-Options', 'X-Content-Type-Options'];
let missing = WEAK;
const urls = { shop: '', news: '' };
let view: DashboardView;
let overdueId = 0;

function withStore<T>(use: (store: Store) => T): T {
  const store = openStore(db);
  try {
    return use(store);
  } finally {
    store.close();
  }
}

const cli = (args: string[]) => runCli([...args, '--db', db]);

beforeAll(async () => {
  const ca = makeCa();
  writeFileSync(file('ca.pem'), ca.certPem);
  const handler = (_req: http.IncomingMessage, res: http.ServerResponse) => {
    const headers: Record<string, string | string[]> = { ...HARDENED_HEADERS };
    for (const name of missing) delete headers[name];
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), handler);
  const redirect = await startHttp(redirectHandler(https.port));
  // Accepts connections and never answers: tls.redirect cannot be decided, so that audit is provisional.
  const silent = await startSilent('http');
  servers.push(https, redirect, silent);
  urls.shop = https.url;
  urls.news = https.url.replace('localhost', '127.0.0.1');
  withStore((store) => {
    const client = store.clients.create({ name: CLIENT });
    store.installations.create({ clientId: client.id, name: 'Shop', baseUrl: urls.shop });
    store.installations.create({ clientId: client.id, name: 'Newsletter', baseUrl: urls.news });
    store.installations.create({ clientId: client.id, name: 'Staging', baseUrl: 'https://staging.invalid/' });
  });
  const audit = async (url: string, httpUrl = redirect.url) => {
    const r = await cli(['audit', url, '--ca', file('ca.pem'), '--http-url', httpUrl, '--timeout-ms', '1500', '--client', CLIENT, '--quiet']);
    expect(r.code, r.stderr).toBe(1); // failed checks (the missing headers, and more the site lacks)
  };
  await audit(urls.shop);
  await audit(urls.news, silent.url);
  missing = ['X-Content-Type-Options'];
  await audit(urls.shop);
  missing = WEAK;
  await audit(urls.news);

  const open = withStore((store) => store.findings.listForClient(store.clients.findByName(CLIENT)!.id, ['open']));
  const newsId = withStore((store) => store.installations.findByBaseUrl(urls.news)!.id);
  const overdue = open.find((f) => f.installationId === newsId)!;
  const upcoming = open.find((f) => f.installationId !== newsId)!;
  overdueId = overdue.id;
  for (const [id, args] of [
    [overdue.id, ['--owner', OWNER, '--due', day(-3), '--status', 'in-progress']],
    [upcoming.id, ['--owner', 'Web-Agentur', '--due', day(5)]],
  ] as const) {
    const r = await cli(['findings', 'set', String(id), ...args, '--by', 'DSB Berger']);
    expect(r.code, r.stderr).toBe(0);
  }
  const json = await cli(['dashboard', '--client', CLIENT, '--json', '--today', TODAY]);
  expect(json.code, json.stderr).toBe(0);
  view = JSON.parse(json.stdout) as DashboardView;
}, 180_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe('pruefstand dashboard --json', () => {
  it('prints the client’s DashboardView: every installation, its points and open findings', () => {
    expect(view.scope).toBe('client');
    expect(view.today).toBe(TODAY);
    expect(view.series.map((s) => [s.name, s.points.map((p) => p.complete)])).toEqual([
      ['Newsletter', [false, true]],
      ['Shop', [true, true]],
      ['Staging', []],
    ]);
    const total = SEVERITIES.reduce((n, s) => n + view.openBySeverity[s], 0);
    expect(total).toBeGreaterThan(1);
    expect(view.series.reduce((n, s) => n + s.openFindings, 0)).toBe(total);
    expect(view.overdue.map((f) => [f.id, f.installationName, f.owner, f.daysLeft])).toEqual([[overdueId, 'Newsletter', OWNER, -3]]);
    expect(view.upcoming.map((f) => [f.installationName, f.owner, f.daysLeft])).toContainEqual(['Shop', 'Web-Agentur', 5]);
  });
});

describe('pruefstand dashboard --pdf', () => {
  const en = { ...REPORT_TEXTS.en, c: CLIENT_DASHBOARD_TEXTS.en };
  const de = { ...REPORT_TEXTS.de, c: CLIENT_DASHBOARD_TEXTS.de };

  it('writes the English PDF: title, client, installations, counts by severity, the overdue finding with its owner', async () => {
    const pdf = file('status-en.pdf');
    const r = await cli(['dashboard', '--client', CLIENT, '--pdf', pdf, '--lang', 'en', '--today', TODAY]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/written: .*status-en\.pdf \(3 installation\(s\), \d+ open findings, 1 overdue\)/);
    const text = pdfPages(pdf).join('\n');
    expect(text).toContain(en.c.title);
    expect(text).toContain(CLIENT);
    for (const name of ['Shop', 'Newsletter', 'Staging']) expect(text).toContain(name);
    expect(text).toContain(urls.shop);
    expect(bare(text)).toContain(bare(en.c.noAuditsOf.replace('{name}', 'Staging')));
    expect(bare(text)).toContain(bare(en.dashboard.legendProvisional));
    for (const s of SEVERITIES) expect(text).toMatch(new RegExp(`^\\s*${en.severities[s]}\\s+${view.openBySeverity[s]}\\s*$`, 'm'));
    // One row per installation: open findings and overdue ones.
    for (const s of view.series) {
      const row = text.split('\n').find((l) => l.trimStart().startsWith(s.name) && l.includes(s.baseUrl))!;
      expect(row, s.name).toBeDefined();
      const overdue = view.overdue.filter((f) => f.installationId === s.installationId).length;
      expect(row).toMatch(new RegExp(`\\s${s.openFindings}\\s+${overdue}\\s*$`));
      if (s.points.length === 0) expect(row).toContain(en.c.neverAudited);
    }
    const overdueRow = text.split('\n').find((l) => l.includes(OWNER))!;
    expect(overdueRow).toMatch(/^\s*Newsletter\s/);
    expect(overdueRow).toMatch(/\s3\s*$/);
    expect(text.split('\n').find((l) => l.includes('Web-Agentur'))).toMatch(/^\s*Shop\s.*\s5\s*$/);
    // Subjects come from the audited site: drawn as text, without their kind prefix (url:, host: …).
    const subjects = [...view.overdue, ...view.upcoming].map((f) => f.subject).filter(Boolean);
    expect(subjects.length).toBeGreaterThan(0);
    for (const subject of subjects) expect(bare(text)).toContain(bare(subject.replace(/^[a-z]+:/, '')));
    expect(text).not.toMatch(/\burl:https/);
    expect(text).toContain(en.c.oldestTitle);
    expect(text).toContain(en.c.upcomingTitle);
  });

  it('draws one line per installation in the chart, in its own colour (page 1 rendered to look at)', async () => {
    const pdf = file('status-en.pdf');
    const page = renderPage(pdf, 1, 60, path.join(ARTIFACTS, 'status-en-page-1.png'));
    const words = wordBoxes(pdf, 1);
    const title = words.find((w) => w.word === 'Compliance')!;
    const legend = words.find((w) => w.word === 'Newsletter' && w.yMin > title.yMin)!;
    const top = Math.ceil((title.yMax + 6) * page.scale);
    const bottom = Math.floor(legend.yMin * page.scale) - 4;
    expect(bottom - top).toBeGreaterThan(80);
    const near = (rgb: number[], hex: string) => {
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      return rgb.every((v, i) => Math.abs(v - want[i]!) < 40);
    };
    const counts = [0, 0];
    for (let y = top; y < bottom; y++)
      for (let x = 0; x < page.width; x++) {
        const rgb = page.rgb(x, y);
        if (near(rgb, LINE_COLORS[0]!)) counts[0]!++;
        if (near(rgb, LINE_COLORS[1]!)) counts[1]!++;
      }
    expect(counts[0]).toBeGreaterThan(40);
    expect(counts[1]).toBeGreaterThan(40);
  });

  it('writes the German PDF with --lang de', async () => {
    const pdf = file('stand-de.pdf');
    const r = await cli(['dashboard', '--client', CLIENT, '--pdf', pdf, '--lang', 'de', '--today', TODAY]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/geschrieben: .*stand-de\.pdf \(3 Installation\(en\)/);
    renderPage(pdf, 1, 60, path.join(ARTIFACTS, 'stand-de-page-1.png'));
    const text = pdfPages(pdf).join('\n');
    for (const words of [de.c.title, de.dashboard.chartTitle, de.dashboard.openTitle, de.dashboard.overdueTitle, de.c.installationsTitle, de.c.upcomingTitle, de.c.oldestTitle, de.dashboard.legendComplete])
      expect(text).toContain(words);
    for (const s of SEVERITIES) expect(text).toMatch(new RegExp(`^\\s*${de.severities[s]}\\s+${view.openBySeverity[s]}\\s*$`, 'm'));
    const [y, m, d] = day(-3).split('-');
    expect(text.split('\n').find((l) => l.includes(OWNER))).toContain(`${d}.${m}.${y}`);
    expect(text).toContain(`Stand: ${TODAY.split('-').reverse().join('.')}`);
  });

  it('refuses an unknown client, a missing output and a bad --today with exit code 2, writing nothing', async () => {
    const pdf = file('nobody.pdf');
    const unknown = await cli(['dashboard', '--client', 'Niemand AG', '--pdf', pdf]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('there is no client "Niemand AG"');
    const german = await cli(['dashboard', '--client', 'Niemand AG', '--pdf', pdf, '--lang', 'de']);
    expect(german.code).toBe(2);
    expect(german.stderr).toContain('den Mandanten „Niemand AG“ gibt es');
    const noOutput = await cli(['dashboard', '--client', CLIENT]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('--pdf FILE');
    const badDay = await cli(['dashboard', '--client', CLIENT, '--pdf', pdf, '--today', '2030-02-30']);
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--today expects a date');
    const noFolder = await cli(['dashboard', '--client', CLIENT, '--pdf', path.join(dir, 'missing-folder', 'x.pdf')]);
    expect(noFolder.code).toBe(2);
    expect(noFolder.stderr).toContain('ENOENT');
    expect(existsSync(pdf)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("the app's 'dashboard:pdf' writes into the store's exports folder, for one installation too; an unknown scope is not-found", async () => {
    const service = createAppService({ storeFile: db, locale: 'de-DE' });
    try {
      const news = view.series.find((s) => s.name === 'Newsletter')!;
      const result = await dispatch(service.handlers, 'dashboard:pdf', { installationId: news.installationId, lang: 'de', today: TODAY });
      expect(result.ok).toBe(true);
      const written = (result as { value: { file: string } }).value.file;
      expect(path.dirname(written)).toBe(path.join(dir, 'exports'));
      expect(path.basename(written)).toMatch(/^dashboard-Müller-Söhne-GmbH-Newsletter-.*\.pdf$/);
      const text = pdfPages(written).join('\n');
      expect(text).toContain(`Installation Newsletter (${urls.news})`);
      expect(text).toContain(OWNER);
      expect(text).not.toContain('Staging');
      const missing = await dispatch(service.handlers, 'dashboard:pdf', { clientId: 999, lang: 'en' });
      expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: 'client 999 does not exist' } });
    } finally {
      await service.close();
    }
  });

  it('is listed in --help', async () => {
    const r = await runCli(['--help']);
    expect(r.stdout).toContain('pruefstand dashboard --client NAME --pdf FILE');
  });
});
