// The consent matrix in the workbook: one row per landing page and state, and a second sheet with every cookie
// and every tracking request of every visit. Only when the run has browser-visit evidence; every name and URL
// from the audited site is written as text (xlsx-table.ts).
import type { Workbook } from 'exceljs';
import type { ReportModel } from './model';
import { fill } from './texts';
import { CONSENT_TEXTS } from './consent-texts';
import { dateCell, DATE_TIME, table, type Cell } from './xlsx-table';
import type { XlsxTexts } from './xlsx-texts';

export function consentSheets(wb: Workbook, model: ReportModel, t: XlsxTexts): void {
  const consent = model.consent;
  if (!consent) return;
  const ct = CONSENT_TEXTS[model.lang];
  const xt = t.consent;
  const named = (list: { name: string; tracker: string }[]) => list.map((c) => `${c.name} (${c.tracker})`).join('\n');

  const matrix = wb.addWorksheet(xt.sheet);
  const rows = consent.pages.flatMap((page) =>
    page.rows.map((row): Cell[] => [
      page.url,
      ct.states[row.state],
      row.state === 'before' ? ct.noClick : row.clicked ? row.clicked.text : row.visited ? ct.noButton : '',
      row.error ? fill(ct.visitError, { code: ct.errorCodes[row.error.code] ?? row.error.code, message: row.error.message }) : '',
      row.cookies.count,
      named(row.cookies.tracking),
      row.thirdPartyHosts.length,
      row.thirdPartyHosts.join('\n'),
      row.trackingRequests.count,
      row.trackingRequests.trackers.join('\n'),
      row.storage.keys.join('\n'),
      named(row.storage.tracking),
      row.visited ? t.yes : t.no,
      row.screenshot ?? '',
      row.har ?? '',
    ]),
  );
  table(
    matrix,
    xt.headers,
    [{ max: 50, wrap: true }, { max: 18 }, { max: 30, wrap: true }, { max: 40, wrap: true }, { max: 9 }, { max: 40, wrap: true }, { max: 12 }, { max: 40, wrap: true }, { max: 12 }, { max: 30, wrap: true }, { max: 30, wrap: true }, { max: 30, wrap: true }, { max: 9 }, { max: 66 }, { max: 66 }],
    rows,
  );

  const details = wb.addWorksheet(xt.detailsSheet);
  table(
    details,
    xt.detailHeaders,
    [{ max: 50, wrap: true }, { max: 18 }, { max: 10 }, { max: 80, wrap: true }, { max: 30 }, { max: 40 }, { max: 18 }, { max: 12 }, { max: 20, min: 20, numFmt: DATE_TIME }],
    consent.details.map((d): Cell[] => [
      d.page,
      ct.states[d.state],
      xt.types[d.type],
      d.name,
      d.tracker ?? '',
      d.domain,
      xt.phases[d.phase],
      d.firstParty ? t.yes : t.no,
      d.type === 'request' ? '' : d.expires ? dateCell(d.expires) : xt.session,
    ]),
  );
}
