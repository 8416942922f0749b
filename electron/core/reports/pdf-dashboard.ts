// The PDF's "History and open findings": the installation's score over time as a line chart (pdf-score-chart.ts),
// one bar per severity of its open findings, and the overdue findings as a table. The bars and the due table take
// their data as arguments, so the client's dashboard (pdf-client-dashboard.ts) draws them too.
import type { DashboardFinding } from '../../shared/contract-dashboard';
import { SEVERITIES, type Lang, type Severity } from '../../shared/domain';
import { subjectText } from '../../shared/findings';
import type { DashboardTexts } from './dashboard-texts';
import { bottomY, COLORS, contentWidth, ensureSpace, heading, paragraph, setFont, type Ctx, type Doc } from './pdf-layout';
import { drawScoreChart, formatDay, LINE_COLORS } from './pdf-score-chart';
import { table, type Column } from './pdf-table';
import { fill, type ReportTexts } from './texts';

export const SEVERITY_COLORS: Record<Severity, string> = { critical: '#7b1fa2', high: '#c62828', medium: '#ef6c00', low: '#9e9d24' };

export function drawDashboard(ctx: Ctx): void {
  const { doc, t } = ctx;
  const dt = t.dashboard;
  const history = ctx.model.history;
  heading(ctx, dt.section, 1, { newPage: true, toc: true });
  paragraph(doc, dt.intro, { color: COLORS.muted });

  heading(ctx, dt.chartTitle, 3);
  if (history.points.length === 0) paragraph(doc, dt.noRuns);
  else drawScoreChart(doc, [{ label: ctx.model.installation.name, color: LINE_COLORS[0]!, points: history.points }], dt, ctx.model.lang);
  if (history.targetedLeftOut > 0) paragraph(doc, fill(dt.targetedLeftOut, { n: history.targetedLeftOut }), { size: 8.5, color: COLORS.muted });

  heading(ctx, dt.openTitle, 3);
  drawSeverityBars(doc, history.openBySeverity, t.severities, dt.openTotal);

  heading(ctx, dt.overdueTitle, 3);
  paragraph(doc, fill(dt.overdueIntro, { day: formatDay(history.today, ctx.model.lang) }), { size: 8.5, color: COLORS.muted });
  if (history.overdue.length === 0) paragraph(doc, dt.noOverdue);
  else drawDueTable(doc, history.overdue, { t, lang: ctx.model.lang, daysHeader: dt.daysOverdue, days: (f) => String(-f.daysLeft!) });
  if (history.upcoming.length > 0) paragraph(doc, fill(dt.upcoming, { n: history.upcoming.length }), { size: 8.5, color: COLORS.muted });
}

export interface DueTableOptions {
  t: ReportTexts;
  lang: Lang;
  /** A first column naming the installation (the client's dashboard lists all of its installations). */
  withInstallation?: boolean;
  daysHeader: string;
  days: (f: DashboardFinding) => string;
}

/** Findings with a due date: (installation,) finding and subject, severity, owner, due day, days. */
export function drawDueTable(doc: Doc, findings: readonly DashboardFinding[], o: DueTableOptions): void {
  const dt: DashboardTexts = o.t.dashboard;
  const widths = o.withInstallation ? [0.17, 0.31, 0.12, 0.17, 0.11, 0.12] : [0, 0.4, 0.14, 0.2, 0.12, 0.14];
  const columns: Column[] = [
    { header: o.t.installation, width: widths[0]! },
    { header: dt.finding, width: widths[1]! },
    { header: o.t.severity, width: widths[2]! },
    { header: dt.owner, width: widths[3]! },
    { header: dt.dueOn, width: widths[4]! },
    { header: o.daysHeader, width: widths[5]!, align: 'right' },
  ];
  const rows = findings.map((f) => [
    f.installationName,
    subjectText(f.subject) ? `${f.title}\n${subjectText(f.subject)}` : f.title,
    { text: o.t.severities[f.severity], color: SEVERITY_COLORS[f.severity], font: 'bold' as const },
    f.owner || { text: dt.unassigned, color: COLORS.muted },
    formatDay(f.dueOn!, o.lang),
    o.days(f),
  ]);
  const keep = (_: unknown, i: number): boolean => o.withInstallation === true || i > 0;
  table(doc, columns.filter(keep), rows.map((r) => r.filter(keep)), { size: 8, truncated: (n) => ' ' + fill(o.t.truncated, { n }) });
}

/** One bar per severity with its count, and the total under them. */
export function drawSeverityBars(doc: Doc, counts: Record<Severity, number>, labels: Record<Severity, string>, totalText: string): void {
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
    setFont(doc, 'regular', 8.5).fillColor(COLORS.text).text(labels[s], left, y + 2, { width: labelW - 8, align: 'right', lineBreak: false });
    if (w > 0) doc.rect(left + labelW + 1, y, w, barH).fill(SEVERITY_COLORS[s]);
    setFont(doc, 'bold', 8.5).fillColor(COLORS.text).text(String(counts[s]), left + labelW + 6 + w, y + 2, { width: numberW, lineBreak: false });
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.y = top + height;
  const total = SEVERITIES.reduce((sum, s) => sum + counts[s], 0);
  paragraph(doc, fill(totalText, { n: total }), { size: 8.5, color: COLORS.muted });
}
