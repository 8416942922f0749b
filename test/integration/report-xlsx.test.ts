// The Excel evidence pack, written from a real audit of a real (badly configured, hostile) HTTPS site and read
// back cell by cell with exceljs. One workbook per language is kept in test-artifacts/xlsx/ to look at.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook, ValueType, type Cell, type Worksheet } from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEVERITIES, STATUSES, type Lang } from '../../electron/shared/domain';
import { buildReportModel, type ReportModel } from '../../electron/core/reports/model';
import { safeText, writeXlsx } from '../../electron/core/reports/xlsx';
import { REMEDIATION_STATUSES, XLSX_TEXTS } from '../../electron/core/reports/xlsx-texts';
import { auditTarget, tempDir, type AuditedTarget } from '../fixtures/audit-harness';
import { LOCAL_HOSTS, makeCa } from '../fixtures/certs';
import { HARDENED_HEADERS, HARDENED_PAGE, redirectHandler, startHttp, startHttps, type RunningServer } from '../fixtures/servers';
import { readZip } from '../fixtures/zip';

const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts/xlsx');
const HOSTILE_HEADER = '=HYPERLINK("http://evil")';
const HOSTILE_CLIENT = '=HYPERLINK("http://evil","Click me")';
const HOSTILE_AUDITOR = '@SUM(1,2)';
const PAST_DUE = '2020-01-31';

const ca = makeCa();
const servers: RunningServer[] = [];
let audited: AuditedTarget;
afterAll(async () => {
  audited?.store.close();
  await Promise.all(servers.map((s) => s.close()));
});

/** No HSTS, a cookie without Secure, and a formula as the X-Content-Type-Options value. */
function hostileHandler() {
  const headers: Record<string, string | string[]> = { ...HARDENED_HEADERS };
  delete headers['Strict-Transport-Security'];
  headers['X-Content-Type-Options'] = HOSTILE_HEADER;
  headers['Set-Cookie'] = ['mautic_session_id=abc123; Path=/; HttpOnly; SameSite=Lax', 'mtc_id=42; Path=/; SameSite=Lax'];
  return (_req: unknown, res: import('node:http').ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers });
    res.end(HARDENED_PAGE);
  };
}

interface Written {
  model: ReportModel;
  file: string;
  wb: Workbook;
  ms: number;
}
const written = {} as Record<Lang, Written>;

beforeAll(async () => {
  const https = await startHttps(ca.issue({ commonName: 'localhost', hosts: LOCAL_HOSTS }), hostileHandler());
  const http = await startHttp(redirectHandler(https.port));
  servers.push(https, http);
  audited = await auditTarget({ url: https.url, httpUrl: http.url, caPem: ca.certPem });
  const installation = audited.store.installations.list(audited.store.clients.list()[0]!.id)[0]!;
  audited.store.clients.update(installation.clientId, { name: HOSTILE_CLIENT });
  mkdirSync(ARTIFACTS, { recursive: true });
  for (const lang of ['de', 'en'] as const) {
    const model = buildReportModel(audited.store, audited.result.runId, { lang, auditor: HOSTILE_AUDITOR, now: new Date('2025-03-04T05:06:07Z') });
    // As the DPO tracks it: the first finding is overdue.
    model.remediation[0]!.dueDate = PAST_DUE;
    const file = path.join(ARTIFACTS, `evidence-${lang}.xlsx`);
    const started = performance.now();
    await writeXlsx(model, file);
    const ms = performance.now() - started;
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    written[lang] = { model, file, wb, ms };
  }
});

const sheet = (wb: Workbook, name: string): Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const rowValues = (ws: Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);
const allCells = (wb: Workbook): Cell[] => {
  const cells: Cell[] = [];
  wb.eachSheet((ws) => ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => void cells.push(c))));
  return cells;
};
const columnOf = (ws: Worksheet, header: string): number => {
  const i = rowValues(ws, 1).indexOf(header);
  if (i < 0) throw new Error(`no column ${header}`);
  return i + 1;
};

const zipEntries = async (file: string) => new Map((await readZip(file)).map(([name, bytes]) => [name, bytes.toString('utf8')]));

it('the audit found the failures the workbook is about', () => {
  expect(audited.check('tls.hsts').status).toBe('fail');
  expect(audited.check('headers.cookies').status).toBe('fail');
  expect(audited.check('headers.content-type-options').status).toBe('fail');
  expect(audited.check('headers.content-type-options').message).toContain(HOSTILE_HEADER);
});

describe.each(['de', 'en'] as const)('the workbook in %s', (lang) => {
  const t = XLSX_TEXTS[lang];
  const w = () => written[lang];
  const S = () => t.sheets;

  it('has the six localized sheets in order', () => {
    expect(w().wb.worksheets.map((ws) => ws.name)).toEqual([S().summary, S().items, S().checks, S().findings, S().evidence, t.judgements.sheet]);
  });

  it('every sheet: header row as in the texts, bold, frozen, autofilter over the data, capped widths', () => {
    const headers = [t.headers.summary, t.headers.items, t.headers.checks, t.headers.findings, t.headers.evidence, t.judgements.headers];
    const dataRows = [null, w().model.items.length, w().model.items.flatMap((i) => i.checks).length, w().model.remediation.length, w().model.evidence.length, w().model.judgements.length];
    w().wb.worksheets.forEach((ws, i) => {
      const header = headers[i]!;
      expect(rowValues(ws, 1), ws.name).toEqual(header);
      for (let c = 1; c <= header.length; c++) {
        expect(ws.getCell(1, c).font?.bold, `${ws.name} ${c}`).toBe(true);
        const width = ws.getColumn(c).width ?? 0;
        expect(width).toBeGreaterThan(4);
        expect(width).toBeLessThanOrEqual(80);
      }
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const last = dataRows[i] === null ? ws.getColumn(1).values.findIndex((v, r) => r > 1 && (v === undefined || v === null)) - 1 : dataRows[i]! + 1;
      const lastCol = String.fromCharCode(64 + header.length);
      expect(ws.autoFilter, ws.name).toBe(`A1:${lastCol}${last}`);
    });
  });

  it('Summary: client, installation, dates as Date cells, auditor, checklist, counts per verdict and severity, chain head', () => {
    const { model, wb } = w();
    const ws = sheet(wb, S().summary);
    const byLabel = new Map<string, Cell>();
    ws.eachRow((row, r) => {
      if (r > 1) byLabel.set(String(row.getCell(1).value), row.getCell(2));
    });
    const value = (label: string) => byLabel.get(label)?.value;
    expect(value(t.summary.installation)).toBe(model.installation.name);
    expect(value(t.summary.baseUrl)).toBe(model.installation.baseUrl);
    expect(value(t.summary.checklistVersion)).toBe('1.0.0');
    expect(String(value(t.summary.checklist))).toContain('mautic-dsgvo');
    expect(value(t.summary.engineVersion)).toBe(model.run.engineVersion);
    expect(value(t.summary.score)).toBe(model.summary.score);
    expect(value(t.summary.headerScore)).toBe(model.summary.headerScore);
    expect(value(t.summary.headerGrade)).toBe(model.summary.headerGrade);
    expect(value(t.summary.itemsTotal)).toBe(15);
    for (const status of STATUSES) expect(value(t.summary.countOf(t.status[status])), status).toBe(model.summary.counts[status]);
    expect(value(t.summary.chainHeadSeq)).toBe(model.chainHead!.seq);
    expect(value(t.summary.chainHeadHash)).toBe(model.chainHead!.hash);
    for (const label of [t.summary.startedAt, t.summary.finishedAt, t.summary.generatedAt]) {
      expect(value(label), label).toBeInstanceOf(Date);
      expect(byLabel.get(label)!.type).toBe(ValueType.Date);
    }
    expect((value(t.summary.generatedAt) as Date).toISOString()).toBe('2025-03-04T05:06:07.000Z');
    // Excel's date serials carry about a millisecond of precision.
    expect(Math.abs((value(t.summary.startedAt) as Date).getTime() - Date.parse(model.run.startedAt))).toBeLessThanOrEqual(1);

    // The severity matrix below the list.
    let top = 0;
    ws.eachRow((row, r) => {
      if (row.getCell(1).value === t.summary.bySeverity) top = r;
    });
    expect(top).toBeGreaterThan(1);
    expect(rowValues(ws, top)).toEqual([t.summary.bySeverity, ...STATUSES.map((s) => t.status[s]), t.summary.total]);
    SEVERITIES.forEach((severity, i) => {
      const counts = model.summary.bySeverity[severity];
      expect(rowValues(ws, top + 1 + i)).toEqual([t.severity[severity], ...STATUSES.map((s) => counts[s]), STATUSES.reduce((n, s) => n + counts[s], 0)]);
    });
  });

  it('Items: every item with its number, id, title, verdict, severity, GDPR articles and advice', () => {
    const { model, wb } = w();
    const ws = sheet(wb, S().items);
    expect(model.items).toHaveLength(15);
    model.items.forEach((item, i) => {
      expect(rowValues(ws, i + 2)).toEqual([item.number, item.itemId, item.title, t.status[item.status], t.severity[item.severity], item.gdpr.join(', '), item.advice]);
    });
    expect(ws.rowCount).toBe(16);
  });

  it('Checks: one row per check with verdict, automated yes/no, message and evidence hashes', () => {
    const { model, wb } = w();
    const ws = sheet(wb, S().checks);
    const checks = model.items.flatMap((item) => item.checks.map((c) => ({ item, c })));
    checks.forEach(({ item, c }, i) => {
      const row = rowValues(ws, i + 2);
      expect(row.slice(0, 6)).toEqual([item.number, item.itemId, c.checkId, c.title, t.status[c.status], c.automated ? t.yes : t.no]);
      expect(row[6]).toBe(safeText(c.message));
      if (c.evidence.length) expect(String(row[7]).split('\n')).toEqual(c.evidence);
      else expect(row[7]).toBeUndefined();
    });
    const xcto = checks.findIndex(({ c }) => c.checkId === 'headers.content-type-options');
    expect(String(ws.getCell(xcto + 2, 7).value)).toContain(HOSTILE_HEADER);
  });

  it('Findings: the items needing remediation, a due date as a Date, the status dropdown and the overdue rule', () => {
    const { model, wb } = w();
    const ws = sheet(wb, S().findings);
    const needing = model.items.filter((i) => ['fail', 'warn', 'error'].includes(i.status));
    expect(needing.length).toBeGreaterThan(0);
    expect(model.remediation.map((r) => r.itemId)).toEqual(needing.map((i) => i.itemId));
    model.remediation.forEach((r, i) => {
      const row = rowValues(ws, i + 2);
      expect(row.slice(0, 5)).toEqual([r.number, r.title, t.severity[r.severity], t.status[r.status], r.advice]);
      expect(row[5]).toBeUndefined(); // owner: empty until assigned
      expect(row[7]).toBe(t.remediation.open);
    });
    const due = ws.getCell('G2');
    expect(due.type).toBe(ValueType.Date);
    expect((due.value as Date).toISOString()).toBe(`${PAST_DUE}T00:00:00.000Z`);
    expect(due.numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('G3').value).toBeNull();
    expect(columnOf(ws, t.headers.findings[6])).toBe(7);
    expect(columnOf(ws, t.headers.findings[7])).toBe(8);

    const validations = (ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[]; allowBlank?: boolean }> } }).dataValidations.model;
    const choices = REMEDIATION_STATUSES.map((s) => t.remediation[s]);
    for (const addr of ['H2', 'H3', 'H250', 'H500']) {
      expect(validations[addr], addr).toMatchObject({ type: 'list', formulae: [`"${choices.join(',')}"`], allowBlank: true });
    }
    expect(validations.H501).toBeUndefined();
    expect(validations.G2).toMatchObject({ type: 'date' });

    const cf = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae: string[]; style: { font?: { color?: { argb?: string } } } }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    expect(cf[0]!.ref).toBe('G2:G500');
    expect(cf[0]!.rules[0]).toMatchObject({ type: 'expression', formulae: [`AND(ISNUMBER($G2),$G2<TODAY(),$H2<>"${t.remediation.done}")`] });
    expect(cf[0]!.rules[0]!.style.font?.color?.argb).toBe('FF9C0006');
  });

  it('Evidence: every document with the hashes of the model, capture time as a Date, media type and size', () => {
    const { model, wb } = w();
    const ws = sheet(wb, S().evidence);
    expect(model.evidence.length).toBeGreaterThan(3);
    expect(ws.getColumn(1).values.slice(2)).toEqual(model.evidence.map((e) => e.sha256));
    model.evidence.forEach((e, i) => {
      const row = ws.getRow(i + 2);
      expect(row.getCell(1).value).toMatch(/^[0-9a-f]{64}$/);
      expect(row.getCell(2).value).toBe(e.kind);
      expect(row.getCell(3).type).toBe(ValueType.Date);
      expect(Math.abs((row.getCell(3).value as Date).getTime() - Date.parse(e.capturedAt))).toBeLessThanOrEqual(1);
      expect(row.getCell(4).value).toBe(e.mediaType);
      expect(row.getCell(5).value).toBe(e.size);
      expect(row.getCell(6).value).toBe(safeText(e.summary));
    });
    // Every hash a check cites is listed.
    const listed = new Set(model.evidence.map((e) => e.sha256));
    for (const c of model.items.flatMap((i) => i.checks)) for (const sha of c.evidence) expect(listed.has(sha)).toBe(true);
  });

  it('no cell anywhere is a formula; the hostile values are there as (quote-prefixed) text', async () => {
    const { wb, file } = w();
    const cells = allCells(wb);
    expect(cells.length).toBeGreaterThan(200);
    for (const c of cells) {
      expect(c.formula, c.address).toBeUndefined();
      expect(c.type, c.address).not.toBe(ValueType.Formula);
      expect(c.type, c.address).not.toBe(ValueType.Hyperlink);
      if (typeof c.value === 'string') expect(c.value, c.address).not.toMatch(/^[=+\-@\t\r]/);
    }
    const summary = sheet(wb, S().summary);
    expect(summary.getCell('B2').value).toBe(`'${HOSTILE_CLIENT}`);
    expect(summary.getCell('B2').type).toBe(ValueType.String);
    const auditor = cells.find((c) => c.value === `'${HOSTILE_AUDITOR}`);
    expect(auditor?.type).toBe(ValueType.String);
    expect(cells.filter((c) => typeof c.value === 'string' && c.value.includes(HOSTILE_HEADER)).length).toBeGreaterThan(0);
    // And in the file itself: no <f> element in any sheet.
    const entries = await zipEntries(file);
    const sheets = [...entries.keys()].filter((n) => n.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(6);
    for (const n of sheets) expect(entries.get(n), n).not.toMatch(/<f[\s>]/);
  });
});

describe('hostile strings in any text field', () => {
  it('each dangerous first character is quote-prefixed; control characters are replaced; long texts are capped', async () => {
    const model = structuredClone(written.en.model);
    const evil = ['=1+1', '+1+1', "-2+3+cmd|' /C calc'!A0", '@SUM(1,2)', '\t=1', '\r=1', '\n=1'];
    model.items[0]!.advice = evil[0]!;
    model.items[0]!.title = evil[1]!;
    model.items[0]!.checks[0]!.message = evil[2]!;
    model.evidence[0]!.summary = evil[3]!;
    model.remediation[0]!.owner = evil[4]!;
    model.installation.name = evil[5]!;
    model.auditor = evil[6]!;
    model.client.name = 'bell\u0007 and nul\u0000 end';
    model.items[1]!.advice = 'x'.repeat(40_000);
    const file = path.join(tempDir(), 'evil.xlsx');
    await writeXlsx(model, file);
    const wb = new Workbook();
    await wb.xlsx.readFile(file);
    const strings = allCells(wb)
      .filter((c) => typeof c.value === 'string')
      .map((c) => c.value as string);
    // A CR is written as LF (XML would turn it into one on reading anyway).
    for (const e of evil) expect(strings, JSON.stringify(e)).toContain(`'${e.replace(/\r/g, '\n')}`);
    expect(strings).toContain('bell\uFFFD and nul\uFFFD end');
    expect(strings.find((s) => s.startsWith('xxxx'))).toHaveLength(32_767);
    for (const c of allCells(wb)) expect(c.formula).toBeUndefined();
  });

  it('safeText leaves ordinary text alone', () => {
    expect(safeText('Kein HSTS – bitte setzen.')).toBe('Kein HSTS – bitte setzen.');
    expect(safeText('a=b')).toBe('a=b');
    expect(safeText('')).toBe('');
  });
});

describe('the file on disk', () => {
  it('is written atomically (no .tmp left) and is a zip', () => {
    for (const lang of ['de', 'en'] as const) {
      const { file } = written[lang];
      expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
      expect(() => readFileSync(`${file}.tmp`)).toThrow();
    }
  });

  it('prints a few rows of each sheet to look at, and the write times', () => {
    for (const lang of ['de', 'en'] as const) {
      const { wb, ms, file } = written[lang];
      const lines = [`${file}: written in ${ms.toFixed(0)} ms`];
      wb.eachSheet((ws) => {
        lines.push(`--- ${ws.name} (${ws.rowCount} rows, filter ${String(ws.autoFilter)})`);
        for (let r = 1; r <= Math.min(4, ws.rowCount); r++) {
          lines.push(
            rowValues(ws, r)
              .map((v) => (v instanceof Date ? v.toISOString() : String(v ?? '')).replace(/\n/g, '⏎').slice(0, 40))
              .join(' | '),
          );
        }
      });
      console.log(lines.join('\n'));
      expect(ms).toBeLessThan(5000);
    }
  });
});
