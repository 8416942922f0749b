// The PDF report of a real audit against real test servers, checked with poppler: text, fonts, geometry.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../electron/shared/domain';
import { buildReportModel, type ReportModel } from '../../electron/core/reports/model';
import { writePdf } from '../../electron/core/reports/pdf';
import { REPORT_TEXTS } from '../../electron/core/reports/texts';
import { auditTarget, tempDir } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { startHttp, startHttps, type RunningServer } from '../fixtures/servers';

const CLIENT = 'Zażółć gęślą jaźń Müller GmbH';
const AUDITOR = 'Jürgen Weiß';
const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/pdf');
const LONG_CSP = `default-src 'self'; script-src 'self' ${Array.from({ length: 120 }, (_, i) => `https://cdn${i}.example.com`).join(' ')}`.slice(0, 2000);
const LONG_URL = `https://tracking.example.com/${'a1b2c3d4e5'.repeat(26)}x`.slice(0, 300);

const servers: RunningServer[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const squash = (s: string) => s.replace(/\s+/g, ' ');
/** Without any whitespace: a wrapped title ("Tracking-⏎Technologien") still matches. */
const bare = (s: string) => s.replace(/\s+/g, '');

interface Rendered {
  model: ReportModel;
  file: string;
  text: string;
  pages: string[];
  pageCount: number;
  ms: number;
  progress: [number, number][];
}
const rendered = {} as Record<Lang, Rendered>;

beforeAll(async () => {
  const ca = makeCa();
  // A badly configured site: no redirect to HTTPS, no HSTS, a 2,000-character CSP, a 300-character URL in a header.
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Security-Policy': LONG_CSP, Link: `<${LONG_URL}>; rel=preconnect`, 'Set-Cookie': 'mautic_session=abc; Path=/' });
    res.end('<html><body>Mautic</body></html>');
  });
  const http = await startHttp((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html><body>plain</body></html>');
  });
  servers.push(https, http);
  const audited = await auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
  const store = audited.store;
  const installation = store.installations.get(store.getRun(audited.result.runId)!.installationId)!;
  store.clients.update(installation.clientId, { name: CLIENT });

  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const lang of ['de', 'en'] as const) {
    const model = buildReportModel(store, audited.result.runId, { lang, auditor: AUDITOR });
    const file = path.join(ARTIFACTS, `report-${lang}.pdf`);
    const progress: [number, number][] = [];
    const started = performance.now();
    await writePdf(model, file, (done, total) => progress.push([done, total]));
    const ms = performance.now() - started;
    const text = run('pdftotext', ['-layout', file, '-']);
    const pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))![1]);
    rendered[lang] = { model, file, text, pages: text.split('\f'), pageCount, ms, progress };
    console.log(`writePdf(${lang}): ${ms.toFixed(0)} ms, ${pageCount} pages, ${model.evidence.length} evidence items`);
    run('pdftoppm', ['-r', '60', '-png', file, path.join(ARTIFACTS, lang)]);
  }
});

describe.each(['de', 'en'] as const)('the %s PDF report', (lang) => {
  const t = REPORT_TEXTS[lang];
  const r = () => rendered[lang];

  it('keeps the client name with ą ę ł ż ü and the auditor with ß intact', () => {
    expect(r().text).toContain(CLIENT);
    expect(r().text).toContain(AUDITOR);
    expect(r().pages[0]).toContain(CLIENT);
  });

  it('has a cover with the checklist id and version and the engine version', () => {
    const cover = squash(r().pages[0]!);
    const m = r().model;
    expect(cover).toContain(t.reportTitle);
    expect(cover).toContain(m.run.checklistId);
    expect(cover).toContain(m.run.checklistVersion);
    expect(cover).toContain(m.run.engineVersion);
    expect(cover).toContain(m.installation.baseUrl);
  });

  it('has a table of contents with the page each section starts on', () => {
    const toc = r().pages[1]!;
    expect(toc).toContain(t.toc);
    for (const title of [t.summary, t.remediation, t.judgements.section, t.appendix]) {
      const line = toc.split('\n').find((l) => l.includes(title));
      expect(line, title).toBeDefined();
      const page = Number(/(\d+)\s*$/.exec(line!)![1]);
      expect(r().pages[page - 1], `${title} on page ${page}`).toContain(title);
    }
    for (const item of r().model.items) {
      // A long title wraps; its page number stands at the end of its last line.
      const lines = toc.split('\n');
      const first = lines.findIndex((l) => l.trim().startsWith(`${item.number}. `));
      const last = lines.slice(first).findIndex((l) => /\d\s*$/.test(l)) + first;
      expect(bare(lines.slice(first, last + 1).join(' '))).toContain(bare(`${item.number}. ${item.title}`));
      const page = Number(/(\d+)\s*$/.exec(lines[last]!)![1]);
      expect(bare(r().pages[page - 1]!), `${item.title} on page ${page}`).toContain(bare(`${item.number}. ${item.title}`));
    }
  });

  it('has every item title, the summary counts and the verdict labels', () => {
    const text = squash(r().text);
    expect(r().model.items).toHaveLength(15);
    for (const item of r().model.items) expect(bare(r().text)).toContain(bare(`${item.number}. ${item.title}`));
    for (const label of Object.values(t.statuses)) expect(text).toContain(label);
    expect(text).toContain(t.bySeverity);
  });

  it('lists every evidence item with its SHA-256, and the chain head', () => {
    const m = r().model;
    expect(m.evidence.length).toBeGreaterThan(3);
    for (const e of m.evidence) expect(r().text).toContain(e.sha256);
    expect(m.chainHead).not.toBeNull();
    expect(r().text).toContain(m.chainHead!.hash);
  });

  it('shows the long CSP and URL in full, wrapped', () => {
    const text = r().text.replace(/\s+/g, '');
    expect(text).toContain(LONG_CSP.replace(/\s+/g, '').slice(0, 400));
    expect(text).toContain(LONG_URL.slice(0, 120));
  });

  it('has the remediation table', () => {
    const m = r().model;
    expect(m.remediation.length).toBeGreaterThanOrEqual(2);
    const page = r().pages.findIndex((p, i) => i > 1 && p.includes(t.remediation));
    const text = squash(r().pages.slice(page).join(' '));
    for (const header of [t.owner, t.dueDate, t.severity, t.advice, t.remediationStatus]) expect(text).toContain(header);
    expect(text.split(t.unassigned).length - 1).toBeGreaterThanOrEqual(m.remediation.length);
    expect(text).toContain(`${m.remediation[0]!.number}.`);
  });

  it('puts "page X of Y" on every page but the cover', () => {
    const n = r().pageCount;
    expect(r().pages[0]).not.toContain(t.pageOf.replace(' {page}', '').split(' ')[0]! + ' 1');
    for (let p = 2; p <= n; p++) expect(squash(r().pages[p - 1]!)).toContain(t.pageOf.replace('{page}', String(p)).replace('{pages}', String(n)));
  });

  it('embeds every font and never uses Helvetica', () => {
    const rows = run('pdffonts', [r().file]).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols.at(-5), row).toBe('yes');
      expect(row).not.toMatch(/helvetica/i);
    }
    expect(rows.join('\n')).toMatch(/DejaVuSansMono/);
  });

  it('keeps every word inside the page and its margins', () => {
    const html = run('pdftotext', ['-bbox-layout', r().file, '-']);
    let words = 0;
    for (const page of html.split('<page ').slice(1)) {
      const [, w, h] = /width="([\d.]+)" height="([\d.]+)"/.exec(page)!.map(Number) as [number, number, number];
      for (const m of page.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)</g)) {
        const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
        words++;
        expect(xMin, m[5]).toBeGreaterThanOrEqual(0);
        expect(yMin, m[5]).toBeGreaterThanOrEqual(0);
        expect(xMax, m[5]).toBeLessThanOrEqual(Math.min(w, w - 50 + 1));
        expect(yMax, m[5]).toBeLessThanOrEqual(h);
      }
    }
    expect(words).toBeGreaterThan(500);
  });

  it('reports progress up to done = total and renders in reasonable time', () => {
    const p = r().progress;
    expect(p.at(-1)![0]).toBe(p.at(-1)![1]);
    expect(p.map(([d]) => d)).toEqual(p.map((_, i) => i + 1));
    expect(r().ms).toBeLessThan(15_000);
    expect(readdirSync(ARTIFACTS).filter((f) => f.startsWith(lang) && f.endsWith('.png')).length).toBe(r().pageCount);
  });
});

describe('writing the PDF atomically', () => {
  it('leaves an existing file untouched and no temp file when rendering fails', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, 'previous');
    const broken = { ...rendered.en.model, items: rendered.en.model.items.map((i, n) => (n === 5 ? { ...i, checks: null as never } : i)) };
    await expect(writePdf(broken, file)).rejects.toThrow();
    expect(readFileSync(file, 'utf8')).toBe('previous');
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  it('rejects when the folder does not exist, leaving nothing behind', async () => {
    const file = path.join(tempDir(), 'missing', 'report.pdf');
    await expect(writePdf(rendered.en.model, file)).rejects.toThrow();
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });
});
