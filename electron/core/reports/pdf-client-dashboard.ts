// The client's dashboard as one PDF ("Stand der Umsetzung" / "Status of remediation"), for an agency or DPO to
// hand a client the status of all its installations: the score over time with one line per installation, open
// findings by severity, a row per installation, the overdue and upcoming findings, the oldest open finding. It
// renders a DashboardView (service/dashboard.ts) as it is; every text from an audited site is drawn as text.
import { UPCOMING_DAYS, type DashboardView, type InstallationSeries } from '../../shared/contract-dashboard';
import type { Lang } from '../../shared/domain';
import { subjectText } from '../../shared/findings';
import { CLIENT_DASHBOARD_TEXTS, type ClientDashboardTexts } from './client-dashboard-texts';
import { drawDueTable, drawSeverityBars, SEVERITY_COLORS } from './pdf-dashboard';
import { writeDocFile } from './pdf-file';
import { COLORS, contentWidth, drawPageFurniture, ensureSpace, heading, paragraph, setFont, type Doc, type DocMeta, type TocEntry } from './pdf-layout';
import { drawScoreChart, formatDay, lineStyle } from './pdf-score-chart';
import { table } from './pdf-table';
import { fill, reportTexts, type ReportTexts } from './texts';

export interface ClientDashboardMeta {
  clientName: string;
  tool: { name: string; version: string };
  /** Set when the view is of one installation of the client rather than all of them. */
  installation?: { name: string; baseUrl: string };
  author?: string;
}

interface Sheet {
  doc: Doc;
  toc: TocEntry[];
  t: ReportTexts;
  c: ClientDashboardTexts;
  lang: Lang;
}

export async function writeClientDashboardPdf(view: DashboardView, meta: ClientDashboardMeta, file: string, lang: Lang): Promise<void> {
  const t = reportTexts(lang);
  const c = CLIENT_DASHBOARD_TEXTS[lang];
  const docMeta: DocMeta = { lang, title: c.title, clientName: meta.clientName, author: meta.author, subject: meta.installation?.baseUrl, tool: meta.tool };
  await writeDocFile(file, docMeta, (doc) => {
    const s: Sheet = { doc, toc: [], t, c, lang };
    drawTitle(s, view, meta);
    drawChart(s, view.series);
    heading(s, t.dashboard.openTitle, 2, { toc: true });
    drawSeverityBars(doc, view.openBySeverity, t.severities, t.dashboard.openTotal);
    drawInstallations(s, view);
    drawDue(s, view);
    drawOldest(s, view);
    drawPageFurniture(doc, docMeta, t.pageOf, 0);
  });
}

function drawTitle({ doc, c, lang }: Sheet, view: DashboardView, meta: ClientDashboardMeta): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  setFont(doc, 'bold', 22).fillColor(COLORS.accent).text(c.title, left, doc.y, { width });
  setFont(doc, 'bold', 15).fillColor(COLORS.text).text(meta.clientName, left, doc.y + 2, { width });
  if (meta.installation) setFont(doc, 'regular', 10).text(fill(c.installationLine, { name: meta.installation.name, url: meta.installation.baseUrl }), left, doc.y + 2, { width });
  setFont(doc, 'regular', 10).fillColor(COLORS.muted).text(fill(c.asOf, { day: formatDay(view.today, lang), n: view.series.length }), left, doc.y + 4, { width });
  const ruleY = doc.y + 8;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(1).strokeColor(COLORS.accent).stroke();
  doc.y = ruleY + 12;
  paragraph(doc, c.intro, { color: COLORS.muted });
}

function drawChart(s: Sheet, series: InstallationSeries[]): void {
  const { doc, t, c, lang } = s;
  heading(s, t.dashboard.chartTitle, 2, { toc: true });
  const lines = series.map((one, i) => ({ label: one.name, ...lineStyle(i), points: one.points })).filter((l) => l.points.length > 0);
  if (lines.length === 0) paragraph(doc, t.dashboard.noRuns);
  else drawScoreChart(doc, lines, t.dashboard, lang);
  const notDrawn = series.filter((one) => one.points.length === 0).map((one) => one.name);
  if (lines.length > 0 && notDrawn.length > 0) paragraph(doc, fill(c.noAuditsOf, { name: notDrawn.join(', ') }), { size: 8.5, color: COLORS.muted });
  const targeted = series.reduce((n, one) => n + one.targetedLeftOut, 0);
  if (targeted > 0) paragraph(doc, fill(t.dashboard.targetedLeftOut, { n: targeted }), { size: 8.5, color: COLORS.muted });
}

function drawInstallations(s: Sheet, view: DashboardView): void {
  const { doc, t, c, lang } = s;
  heading(s, c.installationsTitle, 2, { toc: true });
  if (view.series.length === 0) return paragraph(doc, c.noInstallations);
  const muted = (text: string) => ({ text, color: COLORS.muted });
  table(
    doc,
    [
      { header: t.installation, width: 0.2 },
      { header: c.url, width: 0.3 },
      { header: c.lastAudit, width: 0.15 },
      { header: c.lastScore, width: 0.12, align: 'right' },
      { header: c.openCount, width: 0.1, align: 'right' },
      { header: c.overdueCount, width: 0.13, align: 'right' },
    ],
    view.series.map((one) => {
      const last = one.points.at(-1);
      const overdue = view.overdue.filter((f) => f.installationId === one.installationId).length;
      return [
        { text: one.name, font: 'bold' as const },
        one.baseUrl,
        last ? formatDay(last.at, lang) : muted(c.neverAudited),
        last ? (last.complete ? String(last.score) : `${last.score} (${c.provisional})`) : muted(t.noValue),
        String(one.openFindings),
        overdue > 0 ? { text: String(overdue), color: '#c62828', font: 'bold' as const } : '0',
      ];
    }),
    { size: 8.5, zebra: true, truncated: (n) => ' ' + fill(t.truncated, { n }) },
  );
}

function drawDue(s: Sheet, view: DashboardView): void {
  const { doc, t, c, lang } = s;
  const withInstallation = view.scope === 'client';
  // The heading, its intro and the table's first rows stay together.
  ensureSpace(doc, 130);
  heading(s, t.dashboard.overdueTitle, 2, { toc: true });
  paragraph(doc, fill(t.dashboard.overdueIntro, { day: formatDay(view.today, lang) }), { size: 8.5, color: COLORS.muted });
  if (view.overdue.length === 0) paragraph(doc, t.dashboard.noOverdue);
  else drawDueTable(doc, view.overdue, { t, lang, withInstallation, daysHeader: t.dashboard.daysOverdue, days: (f) => String(-f.daysLeft!) });

  ensureSpace(doc, 130);
  heading(s, c.upcomingTitle, 2, { toc: true });
  paragraph(doc, fill(c.upcomingIntro, { day: formatDay(view.today, lang), n: UPCOMING_DAYS }), { size: 8.5, color: COLORS.muted });
  if (view.upcoming.length === 0) paragraph(doc, c.noUpcoming);
  else drawDueTable(doc, view.upcoming, { t, lang, withInstallation, daysHeader: c.daysLeft, days: (f) => (f.daysLeft === 0 ? c.dueToday : String(f.daysLeft)) });
}

function drawOldest(s: Sheet, view: DashboardView): void {
  const { doc, t, c, lang } = s;
  heading(s, c.oldestTitle, 2, { toc: true });
  const f = view.oldest;
  if (!f) return paragraph(doc, c.noOpen);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  setFont(doc, 'bold', 9.5).fillColor(SEVERITY_COLORS[f.severity]).text(`${t.severities[f.severity]} · `, left, doc.y, { width, continued: true });
  doc.fillColor(COLORS.text).text(view.scope === 'client' ? `${f.title} — ${f.installationName}` : f.title);
  if (subjectText(f.subject)) paragraph(doc, subjectText(f.subject), { font: 'mono', size: 8.5 });
  paragraph(doc, fill(c.oldestAge, { days: f.ageDays, day: formatDay(f.createdAt, lang), owner: f.owner || t.dashboard.unassigned }), { size: 9, color: COLORS.muted });
}
