// The consent matrix in the PDF, the workbook and the pack, from a real audit's store with browser-visit records,
// real Chromium screenshots (PNG) and a real HAR recorded by Chromium. PDFs are read back with poppler, the
// workbook with exceljs, the pack with yauzl. Pages to look at are kept in test-artifacts/consent-report/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentVisit } from '../../electron/shared/consent';
import type { Lang } from '../../electron/shared/domain';
import { CONSENT_TEXTS, CONSENT_XLSX_TEXTS } from '../../electron/core/reports/consent-texts';
import { buildReportModel, type ReportModel } from '../../electron/core/reports/model';
import { REPORT_TEXTS } from '../../electron/core/reports/texts';
import { writePack } from '../../electron/core/reports/pack';
import { writePdf } from '../../electron/core/reports/pdf';
import { loadOrCreateSigningKey } from '../../electron/core/reports/signing-key';
import { verifyPack } from '../../electron/core/reports/verify-pack';
import { buildWorkbook, writeXlsx } from '../../electron/core/reports/xlsx';
import type { Store } from '../../electron/core/store';
import { auditTarget, tempDir } from '../fixtures/audit-harness';
import { launchChromium } from '../fixtures/browser';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { INSTALLATION_HOST, misbehavingVisits, PAGE_URL, visit } from '../fixtures/consent-visits';
import { hardenedHandler, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { readZip, type ZipEntries } from '../fixtures/zip';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/consent-report');
const SECOND_PAGE = 'https://www.example-shop.de/kontakt?utm=ä';
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const bare = (s: string) => s.replace(/\s+/g, '');

/** A landing page as the three visits saw it: the banner before a click, a tracking badge after consent, neither after refusal. */
function landingPage(state: string): string {
  const banner =
    state === 'none'
      ? '<div style="position:fixed;bottom:0;left:0;right:0;background:#1f4e79;color:#fff;padding:24px;font:22px sans-serif">Wir verwenden Cookies. <button>Alle akzeptieren</button> <button>Nur notwendige</button></div>'
      : '';
  const badge = state === 'accept' ? '<p style="background:#c62828;color:#fff;padding:12px;font:22px sans-serif">Tracking aktiv (Meta Pixel)</p>' : '';
  return `<!doctype html><html><body style="margin:0;font:18px sans-serif"><h1 style="padding:20px">Angebot (${state})</h1>${badge}${'<p style="padding:0 20px">Inhalt der Landingpage.</p>'.repeat(30)}${banner}</body></html>`;
}

const servers: RunningServer[] = [];
let store: Store;
let runId: number;
let harSha: string;
let harBody: Buffer;
let shotShas: string[];
let withoutConsent: ReportModel;
const models = {} as Record<Lang, ReportModel>;
/** `raw`: pdftotext in content-stream order, each table cell whole. */
const pdfs = {} as Record<Lang, { file: string; text: string; pages: string[]; raw: string[] }>;

/** Real screenshots and a real HAR of the landing page, by Chromium; recorded as the probe would. */
async function recordVisits(site: RunningServer): Promise<void> {
  const browser = await launchChromium();
  const shots: Buffer[] = [];
  const harFile = path.join(tempDir(), 'visit.har');
  try {
    for (const state of ['none', 'accept', 'reject']) {
      const context = await browser.newContext(state === 'none' ? { recordHar: { path: harFile }, viewport: { width: 1280, height: 800 } } : { viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${site.url}/angebot?state=${state}`);
      shots.push(await page.screenshot({ fullPage: true }));
      await context.close();
    }
  } finally {
    await browser.close();
  }
  harBody = readFileSync(harFile);
  const at = '2026-03-02T10:00:05.000Z';
  shotShas = shots.map((png, i) => store.addEvidence(runId, { kind: 'screenshot', summary: `Screenshot ${i}`, mediaType: 'image/png', content: png, capturedAt: at }));
  harSha = store.addEvidence(runId, { kind: 'har', summary: 'HAR of the visit without a click', mediaType: 'application/json', content: harBody, capturedAt: at });

  const visits = misbehavingVisits().map((v, i): ConsentVisit => ({ ...v, evidence: { record: null, screenshot: shotShas[i]!, har: i === 0 ? harSha : null } }));
  // A second page: the refusal visit ran into its timeout, and its screenshot is not evidence of this run.
  const second = [visit('none', { finalUrl: SECOND_PAGE }), visit('reject', { finalUrl: SECOND_PAGE, clicked: null, error: { code: 'timeout', message: 'kein load-Ereignis nach 30 s' }, evidence: { record: null, screenshot: 'f'.repeat(64), har: null } })];
  for (const [page, v] of [...visits.map((v) => [PAGE_URL, v] as const), ...second.map((v) => [SECOND_PAGE, v] as const)]) {
    const content = Buffer.from(JSON.stringify({ page, installationHost: INSTALLATION_HOST, browser: 'Chromium 131', visit: v }, null, 2));
    store.addEvidence(runId, { kind: 'browser-visit', summary: `${v.action} ${page}`, mediaType: 'application/json', content, capturedAt: at });
  }
}

beforeAll(async () => {
  const ca = makeCa();
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hardenedHandler());
  const http = await startHttp(redirectHandler(https.port));
  const site = await startHttp((req, res) => {
    const state = new URL(req.url ?? '/', 'http://x').searchParams.get('state') ?? 'none';
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': 'mtc_id=42; Path=/' });
    res.end(landingPage(state));
  });
  servers.push(https, http, site);
  const audited = await auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
  store = audited.store;
  runId = audited.result.runId;
  withoutConsent = buildReportModel(store, runId, { lang: 'en' });
  await recordVisits(site);

  mkdirSync(ARTIFACTS, { recursive: true });
  for (const lang of ['de', 'en'] as const) {
    const model = (models[lang] = buildReportModel(store, runId, { lang, auditor: 'Jürgen Weiß', now: new Date('2026-03-03T08:00:00Z') }));
    const file = path.join(ARTIFACTS, `report-${lang}.pdf`);
    await writePdf(model, file);
    const text = run('pdftotext', ['-layout', file, '-']);
    const pages = text.split('\f');
    pdfs[lang] = { file, text, pages, raw: run('pdftotext', ['-raw', file, '-']).split('\f') };
    const first = pages.findIndex((p) => p.includes(CONSENT_TEXTS[lang].section) && p.includes(CONSENT_TEXTS[lang].columns.state)) + 1;
    run('pdftoppm', ['-r', '80', '-png', '-f', String(first), '-l', String(first + 1), file, path.join(ARTIFACTS, `consent-${lang}`)]);
  }
}, 120_000);
afterAll(async () => {
  store?.close();
  await Promise.all(servers.map((s) => s.close()));
});

describe('the consent part of the report model', () => {
  it('is absent without browser-visit evidence, and so are the PDF section and the sheets', () => {
    expect(withoutConsent.consent).toBeNull();
    expect(buildWorkbook(withoutConsent).worksheets.map((w) => w.name)).not.toContain(CONSENT_XLSX_TEXTS.en.sheet);
  });

  it('groups the visits by page, reads the screenshots of this run and names the shipped tracking list', () => {
    const consent = models.en.consent!;
    expect(consent.trackingSource).toBe('tracking-hosts.yaml');
    expect(consent.pages.map((p) => p.url)).toEqual([PAGE_URL, SECOND_PAGE]);
    expect(consent.pages[0]!.screenshots.map((s) => s?.subarray(1, 4).toString())).toEqual(['PNG', 'PNG', 'PNG']);
    expect(consent.pages[1]!.rows.map((r) => r.visited)).toEqual([true, false, true]);
    expect(consent.pages[1]!.screenshots).toEqual([null, null, null]);
  });
});

describe.each(['de', 'en'] as const)('the %s PDF', (lang) => {
  const ct = CONSENT_TEXTS[lang];
  const p = () => pdfs[lang];
  const consentPages = () => p().raw.filter((page) => page.includes(ct.screenshots));
  /** The first page after the contents that starts with the heading (the running header is drawn last). */
  const pageOf = (title: string) => p().raw.findIndex((page, i) => i > 1 && bare(page).startsWith(bare(title)));

  it('has the section after the item results, before the remediation plan, in the contents', () => {
    const t = REPORT_TEXTS[lang];
    const section = pageOf(ct.section);
    const lastItem = models[lang].items.at(-1)!;
    const lastItemPage = p().raw.findLastIndex((page) => bare(page).includes(bare(`${lastItem.number}. ${lastItem.title}`)) && !page.includes(ct.section));
    expect(section).toBeGreaterThan(lastItemPage);
    expect(lastItemPage).toBeGreaterThan(pageOf(t.items));
    expect(section).toBeLessThan(pageOf(t.remediation));
    expect(consentPages()).toHaveLength(2);
    expect(bare(p().pages[1]!)).toContain(bare(ct.section));
  });

  it('draws the matrix per page: states, cookie counts, tracking cookies, hosts, trackers, buttons', () => {
    const text = bare(consentPages().join('\n'));
    for (const s of Object.values(ct.states)) expect(text).toContain(bare(s));
    expect(text).toContain(bare(`${ct.page.replace('{url}', PAGE_URL)}`));
    expect(text).toContain(bare(ct.trackingOf.replace('{list}', 'mtc_id (Mautic contact id), _ga (Google Analytics)')));
    expect(text).toContain('www.google-analytics.com');
    expect(text).toContain('connect.facebook.net');
    expect(text).toContain(bare('Mautic, Google Analytics, Meta Pixel'));
    expect(text).toContain(bare(ct.button.replace('{text}', 'Alle akzeptieren')));
    expect(text).toContain(bare(ct.button.replace('{text}', 'Nur notwendige')));
    expect(text).toContain(bare(`${ct.states.before} 3 ${ct.trackingOf.replace('{list}', 'mtc_id')}`));
    expect(text).toContain(bare(ct.noClick));
    expect(text).toContain(bare('_hjSession_1 (Hotjar)'));
  });

  it('shows the failed visit, the missing one and the missing screenshots of the second page', () => {
    const text = bare(consentPages().join('\n'));
    expect(text).toContain(bare(SECOND_PAGE));
    expect(text).toContain(bare(ct.visitError.replace('{code}', ct.errorCodes.timeout).replace('{message}', 'kein load-Ereignis nach 30 s')));
    expect(text).toContain(bare(ct.notVisited));
    expect(text).toContain(bare(ct.noScreenshot));
  });

  it('embeds the three screenshots at their full resolution', () => {
    const images = run('pdfimages', ['-list', p().file]).split('\n').slice(2).filter((l) => l.trim() !== '');
    const full = images.filter((l) => /^\s*\d+\s+\d+\s+image\s+1280\s+/.test(l));
    expect(full).toHaveLength(3);
  });
});

describe.each(['de', 'en'] as const)('the %s workbook', (lang) => {
  const xt = CONSENT_XLSX_TEXTS[lang];
  const ct = CONSENT_TEXTS[lang];
  let matrix: Worksheet;
  let details: Worksheet;
  beforeAll(async () => {
    const file = path.join(ARTIFACTS, `evidence-${lang}.xlsx`);
    await writeXlsx(models[lang], file);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    matrix = wb.getWorksheet(xt.sheet)!;
    details = wb.getWorksheet(xt.detailsSheet)!;
  });
  const rowsOf = (ws: Worksheet) => {
    const out: unknown[][] = [];
    ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };

  it('has one row per page and state with the matrix columns', () => {
    const rows = rowsOf(matrix);
    expect(rows[0]).toEqual(xt.headers);
    expect(rows).toHaveLength(1 + 2 * 3);
    const before = rows[1]!;
    expect(before.slice(0, 3)).toEqual([PAGE_URL, ct.states.before, ct.noClick]);
    expect(before[4]).toBe(3);
    expect(before[5]).toBe('mtc_id (Mautic contact id)\n_ga (Google Analytics)');
    expect(before[6]).toBe(2);
    expect(before[8]).toBe(3);
    expect(before[9]).toBe('Mautic\nGoogle Analytics');
    expect(before[13]).toBe(shotShas[0]);
    expect(before[14]).toBe(harSha);
    expect(rows[2]![2]).toBe('Alle akzeptieren');
    expect(rows[5]!.slice(0, 2)).toEqual([SECOND_PAGE, ct.states.accepted]);
    expect(rows[6]![3]).toContain('kein load-Ereignis nach 30 s');
  });

  it('lists every cookie and every tracking request with domain, phase, party and expiry', () => {
    const rows = rowsOf(details);
    expect(rows[0]).toEqual(xt.detailHeaders);
    const fr = rows.find((r) => r[3] === 'fr')!;
    expect(fr.slice(1, 8)).toEqual([ct.states.accepted, xt.types.cookie, 'fr', 'Meta', '.facebook.com', xt.phases.after, lang === 'de' ? 'nein' : 'no']);
    expect(fr[8]).toEqual(new Date('2027-06-01T00:00:00.000Z'));
    expect(rows.find((r) => r[3] === 'PHPSESSID')![8]).toBe(xt.session);
    const pixel = rows.find((r) => r[3] === 'https://www.facebook.com/tr?id=1&ev=PageView')!;
    expect(pixel.slice(1, 7)).toEqual([ct.states.accepted, xt.types.request, pixel[3], 'Meta Pixel', 'www.facebook.com', xt.phases.after]);
    expect(rows.filter((r) => r[2] === xt.types.cookie)).toHaveLength(10); // 3 + 4 + 3 on the first page, none on the second
  });
});

describe('the evidence pack', () => {
  let entries: ZipEntries;
  let packFile: string;
  beforeAll(async () => {
    const dir = tempDir();
    const xlsxFile = path.join(dir, 'report.xlsx');
    await writeXlsx(models.en, xlsxFile);
    packFile = path.join(dir, 'pack.zip');
    const key = loadOrCreateSigningKey(dir);
    await writePack({ model: models.en, pdfFile: pdfs.en.file, xlsxFile, readBlob: (sha) => store.readBlob(sha), key, file: packFile });
    entries = await readZip(packFile);
  });

  it('holds the HAR byte for byte, listed in the signed manifest as a HAR of media type JSON', async () => {
    const har = entries.find(([name]) => name === `evidence/${harSha}`);
    expect(har?.[1].equals(harBody)).toBe(true);
    expect(JSON.parse(har![1].toString('utf8')).log.entries.length).toBeGreaterThan(0);
    const manifest = JSON.parse(entries.find(([name]) => name === 'manifest.json')![1].toString('utf8'));
    expect(manifest.evidence.find((e: { sha256: string }) => e.sha256 === harSha)).toMatchObject({ kind: 'har', mediaType: 'application/json' });
    expect((await verifyPack(packFile)).ok).toBe(true);
  });

  it('holds every screenshot and every browser-visit record', () => {
    const names = new Set(entries.map(([name]) => name));
    for (const sha of shotShas) expect(names.has(`evidence/${sha}`)).toBe(true);
    const visits = models.en.evidence.filter((e) => e.kind === 'browser-visit');
    expect(visits).toHaveLength(5);
    for (const v of visits) expect(names.has(`evidence/${v.sha256}`)).toBe(true);
  });
});
