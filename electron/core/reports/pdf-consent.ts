// The section "Consent in the browser": per landing page the consent matrix (without a click, accepted,
// rejected) and the three screenshots side by side. Drawn only when the run has browser-visit evidence.
import type { ConsentMatrixRow } from '../../shared/consent-matrix';
import type { ReportConsentPage } from './consent';
import { COLORS, contentWidth, ensureSpace, heading, paragraph, setFont, STATUS_COLORS, type Ctx } from './pdf-layout';
import { table, type Cell } from './pdf-table';
import { fill } from './texts';

const GAP = 10;
const MAX_SHOT_HEIGHT = 330;
const CAPTION = 14;

export function drawConsent(ctx: Ctx): void {
  const consent = ctx.model.consent;
  if (!consent || consent.pages.length === 0) return;
  const ct = ctx.t.consent;
  heading(ctx, ct.section, 1, { newPage: true, toc: true });
  paragraph(ctx.doc, ct.intro, { color: COLORS.muted });
  paragraph(ctx.doc, fill(ct.trackingList, { source: consent.trackingSource }), { color: COLORS.muted, size: 8.5 });
  consent.pages.forEach((page, i) => {
    if (i > 0) ctx.doc.addPage();
    drawPage(ctx, page);
  });
}

function drawPage(ctx: Ctx, page: ReportConsentPage): void {
  const { doc, t } = ctx;
  const ct = t.consent;
  heading(ctx, fill(ct.page, { url: page.url }), 2, { toc: true });
  table(
    doc,
    [
      { header: ct.columns.state, width: 0.13, font: 'bold' },
      { header: ct.columns.cookies, width: 0.2 },
      { header: ct.columns.thirdParty, width: 0.2 },
      { header: ct.columns.tracking, width: 0.17 },
      { header: ct.columns.storage, width: 0.15 },
      { header: ct.columns.clicked, width: 0.15 },
    ],
    page.rows.map((row) => matrixCells(ctx, row)),
    { size: 7.5, headerSize: 7.5, maxChars: 700, truncated: (n) => ' ' + fill(t.truncated, { n }) },
  );
  drawScreenshots(ctx, page);
}

/** Tracking seen without consent (before a click or after refusal) is set in the colour of a failed verdict. */
function matrixCells(ctx: Ctx, row: ConsentMatrixRow): Cell[] {
  const ct = ctx.t.consent;
  const state = ct.states[row.state];
  if (!row.visited) return [state, ct.none, ct.none, ct.none, ct.none, ct.notVisited];
  const alarm = (bad: boolean, text: string): Cell => (bad && row.state !== 'accepted' ? { text, color: STATUS_COLORS.fail } : text);
  const counted = (items: string[], count = items.length) => (count === 0 ? ct.none : items.length === 0 ? String(count) : `${count}\n${items.join(', ')}`);
  const trackingLine = (list: { name: string; tracker: string }[]) => (list.length === 0 ? '' : '\n' + fill(ct.trackingOf, { list: list.map((c) => `${c.name} (${c.tracker})`).join(', ') }));

  const cookies = alarm(row.cookies.tracking.length > 0, (row.cookies.count === 0 ? ct.none : String(row.cookies.count)) + trackingLine(row.cookies.tracking));
  const storage = alarm(row.storage.tracking.length > 0, counted(row.storage.keys) + trackingLine(row.storage.tracking));
  const tracking = alarm(row.trackingRequests.count > 0, counted(row.trackingRequests.trackers, row.trackingRequests.count));
  const clicked = row.state === 'before' ? ct.noClick : row.clicked ? fill(ct.button, { text: row.clicked.text }) : ct.noButton;
  const error = row.error ? '\n' + fill(ct.visitError, { code: ct.errorCodes[row.error.code] ?? row.error.code, message: row.error.message }) : '';
  return [state, cookies, counted(row.thirdPartyHosts), tracking, storage, row.error ? { text: clicked + error, color: STATUS_COLORS.error } : clicked];
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(png: Buffer): { width: number; height: number } | null {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (png.length < 24 || !png.subarray(0, 8).equals(signature) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  return width > 0 && height > 0 ? { width, height } : null;
}

/** Three columns, each a whole screenshot scaled to fit (a long page becomes narrow rather than cut), caption below. */
function drawScreenshots(ctx: Ctx, page: ReportConsentPage): void {
  const { doc, t } = ctx;
  const ct = t.consent;
  const left = doc.page.margins.left;
  const colWidth = (contentWidth(doc) - 2 * GAP) / 3;
  const shots = page.screenshots.map((png) => {
    const size = png ? pngSize(png) : null;
    if (!png || !size) return { png: null, width: colWidth, height: 40, missing: png ? ct.badScreenshot : ct.noScreenshot };
    const scale = Math.min(colWidth / size.width, MAX_SHOT_HEIGHT / size.height);
    return { png, width: size.width * scale, height: size.height * scale, missing: '' };
  });
  const boxHeight = Math.max(...shots.map((s) => s.height));

  ensureSpace(doc, 30 + boxHeight + CAPTION);
  heading(ctx, ct.screenshots, 3);
  const top = doc.y;
  shots.forEach((shot, i) => {
    const x = left + i * (colWidth + GAP);
    const imageX = x + (colWidth - shot.width) / 2;
    if (shot.png) {
      doc.image(shot.png, imageX, top, { width: shot.width, height: shot.height });
      doc.lineWidth(0.5).strokeColor(COLORS.rule).rect(imageX, top, shot.width, shot.height).stroke();
    } else {
      doc.lineWidth(0.5).strokeColor(COLORS.rule).rect(x, top, colWidth, shot.height).stroke();
      setFont(doc, 'regular', 8).fillColor(COLORS.muted).text(shot.missing, x, top + shot.height / 2 - 5, { width: colWidth, align: 'center' });
    }
    setFont(doc, 'bold', 8).fillColor(COLORS.text).text(ct.states[page.rows[i]!.state], x, top + boxHeight + 4, { width: colWidth, align: 'center' });
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.y = top + boxHeight + CAPTION + 6;
  paragraph(doc, ct.screenshotNote, { size: 7.5, color: COLORS.muted });
}
