// The PDF's "History and open findings": the installation's score over time as a line chart, one bar per
// severity of its open findings, and the overdue findings as a table. Drawn with pdfkit vector paths, no images.
import type { ScorePoint } from '../../shared/contract-dashboard';
import { SEVERITIES, type Lang, type Severity } from '../../shared/domain';
import { bottomY, COLORS, contentWidth, ensureSpace, heading, paragraph, setFont, type Ctx, type Doc } from './pdf-layout';
import { table } from './pdf-table';
import { fill } from './texts';

export const SEVERITY_COLORS: Record<Severity, string> = { critical: '#7b1fa2', high: '#c62828', medium: '#ef6c00', low: '#9e9d24' };

const CHART_HEIGHT = 150;
const AXIS_W = 34;
const GRID = [0, 25, 50, 75, 100];
const POINT_R = 3.2;
/** Closest two x-axis date labels may stand, in points. */
const LABEL_GAP = 62;

export function formatDay(iso: string, lang: Lang): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
}

export function drawDashboard(ctx: Ctx): void {
  const { doc, t } = ctx;
  const dt = t.dashboard;
  const history = ctx.model.history;
  heading(ctx, dt.section, 1, { newPage: true, toc: true });
  paragraph(doc, dt.intro, { color: COLORS.muted });

  heading(ctx, dt.chartTitle, 3);
  if (history.points.length === 0) paragraph(doc, dt.noRuns);
  else drawScoreChart(ctx, history.points);
  if (history.targetedLeftOut > 0) paragraph(doc, fill(dt.targetedLeftOut, { n: history.targetedLeftOut }), { size: 8.5, color: COLORS.muted });

  heading(ctx, dt.openTitle, 3);
  drawSeverityBars(ctx);

  heading(ctx, dt.overdueTitle, 3);
  paragraph(doc, fill(dt.overdueIntro, { day: formatDay(history.today, ctx.model.lang) }), { size: 8.5, color: COLORS.muted });
  if (history.overdue.length === 0) paragraph(doc, dt.noOverdue);
  else
    table(
      doc,
      [
        { header: dt.finding, width: 0.4 },
        { header: t.severity, width: 0.14 },
        { header: dt.owner, width: 0.2 },
        { header: dt.dueOn, width: 0.12 },
        { header: dt.daysOverdue, width: 0.14, align: 'right' },
      ],
      history.overdue.map((f) => [
        f.subject ? `${f.title}\n${f.subject}` : f.title,
        { text: t.severities[f.severity], color: SEVERITY_COLORS[f.severity], font: 'bold' as const },
        f.owner || { text: dt.unassigned, color: COLORS.muted },
        formatDay(f.dueOn!, ctx.model.lang),
        String(-f.daysLeft!),
      ]),
      { size: 8, truncated: (n) => ' ' + fill(t.truncated, { n }) },
    );
  if (history.upcoming.length > 0) paragraph(doc, fill(dt.upcoming, { n: history.upcoming.length }), { size: 8.5, color: COLORS.muted });
}

/** x of each point: by time, or evenly spread when all runs share one instant. */
function xPositions(points: ScorePoint[], left: number, width: number): number[] {
  const times = points.map((p) => Date.parse(p.at));
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  if (points.length === 1) return [left + width / 2];
  return times.map((time, i) => left + (span > 0 ? (time - first) / span : i / (points.length - 1)) * width);
}

function drawScoreChart(ctx: Ctx, points: ScorePoint[]): void {
  const { doc, t, model } = ctx;
  ensureSpace(doc, CHART_HEIGHT + 50);
  const left = doc.page.margins.left + AXIS_W;
  const width = contentWidth(doc) - AXIS_W - 12;
  const top = doc.y + 6;
  const bottom = top + CHART_HEIGHT;
  const yOf = (score: number) => bottom - (Math.max(0, Math.min(100, score)) / 100) * CHART_HEIGHT;

  setFont(doc, 'regular', 7.5);
  for (const g of GRID) {
    const y = yOf(g);
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(g === 0 ? 0.8 : 0.4).strokeColor(g === 0 ? COLORS.muted : COLORS.rule).stroke();
    doc.fillColor(COLORS.muted).text(String(g), left - AXIS_W, y - 4, { width: AXIS_W - 6, align: 'right', lineBreak: false });
  }
  doc.moveTo(left, top).lineTo(left, bottom).lineWidth(0.8).strokeColor(COLORS.muted).stroke();
  doc.save().rotate(-90, { origin: [left - AXIS_W + 2, top + CHART_HEIGHT / 2] });
  doc.fillColor(COLORS.muted).text(t.dashboard.scoreAxis, left - AXIS_W + 2 - 30, top + CHART_HEIGHT / 2 - 4, { width: 60, align: 'center', lineBreak: false });
  doc.restore();

  const inset = 10;
  const xs = xPositions(points, left + inset, width - 2 * inset);
  if (points.length > 1) {
    doc.moveTo(xs[0]!, yOf(points[0]!.score));
    points.forEach((p, i) => i > 0 && doc.lineTo(xs[i]!, yOf(p.score)));
    doc.lineWidth(1.5).strokeColor(COLORS.accent).stroke();
  }
  points.forEach((p, i) => drawPoint(doc, xs[i]!, yOf(p.score), p.complete));

  // Date labels under the axis: the first and the last always, those between where they fit.
  let lastLabel = -Infinity;
  const lastX = xs[xs.length - 1]!;
  setFont(doc, 'regular', 7.5).fillColor(COLORS.muted);
  xs.forEach((x, i) => {
    const isLast = i === xs.length - 1;
    if (x - lastLabel < LABEL_GAP || (!isLast && lastX - x < LABEL_GAP)) return;
    doc.moveTo(x, bottom).lineTo(x, bottom + 3).lineWidth(0.6).strokeColor(COLORS.muted).stroke();
    doc.text(formatDay(points[i]!.at, model.lang), x - 30, bottom + 5, { width: 60, align: 'center', lineBreak: false });
    lastLabel = x;
  });

  const legendY = bottom + 20;
  drawPoint(doc, left + 4, legendY + 4, true);
  setFont(doc, 'regular', 8).fillColor(COLORS.text).text(t.dashboard.legendComplete, left + 12, legendY, { lineBreak: false });
  // The hollow point is explained only where one is drawn: a report of complete runs says nothing provisional.
  if (points.some((p) => !p.complete)) {
    const second = left + 12 + doc.widthOfString(t.dashboard.legendComplete) + 24;
    drawPoint(doc, second, legendY + 4, false);
    setFont(doc, 'regular', 8).fillColor(COLORS.text).text(t.dashboard.legendProvisional, second + 8, legendY, { lineBreak: false });
  }
  doc.fillColor(COLORS.text);
  doc.x = doc.page.margins.left;
  doc.y = legendY + 18;
}

/** A complete run's score is a filled point; a provisional one (undecided checks) a hollow point. */
function drawPoint(doc: Doc, x: number, y: number, complete: boolean): void {
  if (complete) doc.circle(x, y, POINT_R).fill(COLORS.accent);
  else doc.circle(x, y, POINT_R).lineWidth(1.2).fillAndStroke('#ffffff', COLORS.accent);
}

function drawSeverityBars(ctx: Ctx): void {
  const { doc, t } = ctx;
  const counts = ctx.model.history.openBySeverity;
  const barH = 13;
  const gap = 6;
  const height = SEVERITIES.length * (barH + gap) + 8;
  ensureSpace(doc, height + 20);
  if (doc.y + height > bottomY(doc)) return;
  const left = doc.page.margins.left;
  const labelW = 110;
  const numberW = 30;
  const maxBar = contentWidth(doc) - labelW - numberW - 10;
  const max = Math.max(1, ...SEVERITIES.map((s) => counts[s]));
  const top = doc.y + 4;
  doc.moveTo(left + labelW, top - 3).lineTo(left + labelW, top + SEVERITIES.length * (barH + gap)).lineWidth(0.6).strokeColor(COLORS.muted).stroke();
  SEVERITIES.forEach((s, i) => {
    const y = top + i * (barH + gap);
    const w = (counts[s] / max) * maxBar;
    setFont(doc, 'regular', 8.5).fillColor(COLORS.text).text(t.severities[s], left, y + 2, { width: labelW - 8, align: 'right', lineBreak: false });
    if (w > 0) doc.rect(left + labelW + 1, y, w, barH).fill(SEVERITY_COLORS[s]);
    setFont(doc, 'bold', 8.5).fillColor(COLORS.text).text(String(counts[s]), left + labelW + 6 + w, y + 2, { width: numberW, lineBreak: false });
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.y = top + height;
  const total = SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
  paragraph(doc, fill(t.dashboard.openTotal, { n: total }), { size: 8.5, color: COLORS.muted });
}
