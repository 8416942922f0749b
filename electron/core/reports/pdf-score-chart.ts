// The score over time as a vector line chart (pdfkit paths, no images): one line per installation on a shared
// time axis, complete runs as filled points, provisional ones hollow. Used by the run report's history (one
// line) and the client's dashboard (one line per installation, with a legend naming them).
import type { ScorePoint } from '../../shared/contract-dashboard';
import type { Lang } from '../../shared/domain';
import { COLORS, contentWidth, ensureSpace, setFont, type Doc } from './pdf-layout';

export interface ChartLine {
  label: string;
  color: string;
  /** Drawn dashed: a second round through the palette stays told apart. */
  dashed?: boolean;
  points: ScorePoint[];
}

export interface ChartTexts {
  scoreAxis: string;
  legendComplete: string;
  legendProvisional: string;
}

/** Distinct line colours for installations, none of them a severity's colour. */
export const LINE_COLORS = ['#1f4e79', '#2e7d32', '#00838f', '#ad1457', '#6d4c41', '#5e35b1', '#f9a825', '#546e7a'];
export const lineStyle = (i: number) => ({ color: LINE_COLORS[i % LINE_COLORS.length]!, dashed: i >= LINE_COLORS.length });

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

interface Placed {
  line: number;
  point: ScorePoint;
  x: number;
}

/** x of every point of every line: by time, or evenly spread when all runs share one instant. */
function place(lines: ChartLine[], left: number, width: number): Placed[] {
  const all = lines.flatMap((l, line) => l.points.map((point) => ({ line, point, time: Date.parse(point.at) })));
  all.sort((a, b) => a.time - b.time);
  const first = all[0]!.time;
  const span = all[all.length - 1]!.time - first;
  if (all.length === 1) return [{ ...all[0]!, x: left + width / 2 }];
  return all.map((e, i) => ({ line: e.line, point: e.point, x: left + (span > 0 ? (e.time - first) / span : i / (all.length - 1)) * width }));
}

/** Draws the chart at doc.y (on a new page when it does not fit); `lines` must hold at least one point. */
export function drawScoreChart(doc: Doc, lines: ChartLine[], texts: ChartTexts, lang: Lang): void {
  ensureSpace(doc, CHART_HEIGHT + 50 + (lines.length > 1 ? 14 * Math.ceil(lines.length / 3) : 0));
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
  doc.fillColor(COLORS.muted).text(texts.scoreAxis, left - AXIS_W + 2 - 30, top + CHART_HEIGHT / 2 - 4, { width: 60, align: 'center', lineBreak: false });
  doc.restore();

  const inset = 10;
  const placed = place(lines, left + inset, width - 2 * inset);
  lines.forEach((line, i) => {
    const own = placed.filter((p) => p.line === i);
    if (own.length > 1) {
      doc.moveTo(own[0]!.x, yOf(own[0]!.point.score));
      own.slice(1).forEach((p) => doc.lineTo(p.x, yOf(p.point.score)));
      if (line.dashed) doc.dash(5, { space: 3 });
      doc.lineWidth(1.5).strokeColor(line.color).stroke();
      doc.undash();
    }
  });
  for (const p of placed) drawPoint(doc, p.x, yOf(p.point.score), p.point.complete, lines[p.line]!.color);

  // Date labels under the axis: the first and the last always, those between where they fit.
  let lastLabel = -Infinity;
  const lastX = placed[placed.length - 1]!.x;
  setFont(doc, 'regular', 7.5).fillColor(COLORS.muted);
  placed.forEach(({ x, point }, i) => {
    const isLast = i === placed.length - 1;
    if (x - lastLabel < LABEL_GAP || (!isLast && lastX - x < LABEL_GAP)) return;
    doc.moveTo(x, bottom).lineTo(x, bottom + 3).lineWidth(0.6).strokeColor(COLORS.muted).stroke();
    doc.text(formatDay(point.at, lang), x - 30, bottom + 5, { width: 60, align: 'center', lineBreak: false });
    lastLabel = x;
  });

  let legendY = bottom + 20;
  if (lines.length > 1) legendY = drawLineLegend(doc, lines, left, left + width, legendY);
  // With one line the markers wear its colour; with several they stand for all of them.
  const markerColor = lines.length === 1 ? lines[0]!.color : COLORS.muted;
  drawPoint(doc, left + 4, legendY + 4, true, markerColor);
  setFont(doc, 'regular', 8).fillColor(COLORS.text).text(texts.legendComplete, left + 12, legendY, { lineBreak: false });
  // The hollow point is explained only where one is drawn: a chart of complete runs says nothing provisional.
  if (placed.some((p) => !p.point.complete)) {
    const second = left + 12 + doc.widthOfString(texts.legendComplete) + 24;
    drawPoint(doc, second, legendY + 4, false, markerColor);
    setFont(doc, 'regular', 8).fillColor(COLORS.text).text(texts.legendProvisional, second + 8, legendY, { lineBreak: false });
  }
  doc.fillColor(COLORS.text);
  doc.x = doc.page.margins.left;
  doc.y = legendY + 18;
}

/** One swatch (a short line with a point) and label per line, wrapped into rows; returns the y after them. */
function drawLineLegend(doc: Doc, lines: ChartLine[], left: number, right: number, y: number): number {
  const maxLabel = 150;
  let x = left;
  setFont(doc, 'regular', 8);
  for (const line of lines) {
    const w = 26 + Math.min(maxLabel, doc.widthOfString(line.label)) + 16;
    if (x > left && x + w > right) {
      x = left;
      y += 14;
    }
    doc.moveTo(x, y + 4).lineTo(x + 18, y + 4);
    if (line.dashed) doc.dash(5, { space: 3 });
    doc.lineWidth(1.5).strokeColor(line.color).stroke();
    doc.undash();
    drawPoint(doc, x + 9, y + 4, true, line.color);
    setFont(doc, 'regular', 8).fillColor(COLORS.text).text(line.label, x + 24, y, { width: maxLabel, lineBreak: false, ellipsis: true });
    x += w;
  }
  return y + 16;
}

/** A complete run's score is a filled point; a provisional one (undecided checks) a hollow point. */
function drawPoint(doc: Doc, x: number, y: number, complete: boolean, color: string): void {
  if (complete) doc.circle(x, y, POINT_R).fill(color);
  else doc.circle(x, y, POINT_R).lineWidth(1.2).fillAndStroke('#ffffff', color);
}
