// The cover page and the executive summary (scores, count tables and the verdict bar chart).
import { completenessLabels, undecidedSentence } from '../../shared/completeness-texts';
import { SEVERITIES, STATUSES } from '../../shared/domain';
import { bottomY, COLORS, contentWidth, ensureSpace, heading, setFont, STATUS_COLORS, type Ctx } from './pdf-layout';
import { drawJudgementSummary } from './pdf-judgements';
import { table } from './pdf-table';
import { formatDate } from './texts';

export function drawCover(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  doc.rect(0, 0, doc.page.width, 8).fill(COLORS.accent);
  doc.y = 150;
  setFont(doc, 'bold', 26).fillColor(COLORS.accent).text(t.reportTitle, left, doc.y, { width });
  setFont(doc, 'regular', 13).fillColor(COLORS.muted).text(t.coverSubtitle, { width });
  doc.moveDown(2);
  setFont(doc, 'bold', 18).fillColor(COLORS.text).text(model.client.name, { width });
  doc.moveDown(2.5);
  const r = model.run;
  const rows: [string, string][] = [
    [t.client, model.client.name],
    [t.installation, model.installation.name],
    [t.url, model.installation.baseUrl],
    [t.targetUrl, r.targetUrl],
    [t.mauticVersion, r.mauticVersion ?? t.noValue],
    [t.date, formatDate(r.startedAt, model.lang)],
    [t.runState, completenessLabels(model.lang)[model.summary.completeness]],
    [t.auditor, model.auditor || t.noValue],
    [t.checklist, `${r.checklistTitle} (${r.checklistId})`],
    [t.checklistVersion, r.checklistVersion],
    [t.engineVersion, `${model.tool.name} ${r.engineVersion}`],
    [t.runId, `#${r.id}`],
    [t.generated, formatDate(model.generatedAt, model.lang)],
  ];
  table(
    doc,
    [
      { header: '', width: 0.3, font: 'bold' },
      { header: '', width: 0.7 },
    ],
    rows,
    { noHeader: true, size: 10 },
  );
}

const scoreText = (value: number | null, ctx: Ctx) => (value === null ? ctx.t.noValue : `${value} ${ctx.t.outOf100}`);

export function drawSummary(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  const s = model.summary;
  heading(ctx, t.summary, 1, { newPage: true, toc: true });
  const complete = s.completeness === 'complete';
  if (!complete) drawIncompleteNotice(ctx);

  // Two score boxes side by side.
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const boxW = (width - 16) / 2;
  const y = doc.y;
  const boxes: [string, string, string][] = [
    [t.score, scoreText(s.score, ctx), complete || s.score === null ? '' : t.provisional],
    [t.headerScore, scoreText(s.headerScore, ctx), s.headerGrade ? `${t.grade}: ${s.headerGrade}` : ''],
  ];
  boxes.forEach(([label, value, sub], i) => {
    const x = left + i * (boxW + 16);
    doc.roundedRect(x, y, boxW, 74, 4).lineWidth(0.8).strokeColor(COLORS.rule).stroke();
    setFont(doc, 'regular', 9).fillColor(COLORS.muted).text(label, x + 10, y + 9, { width: boxW - 20 });
    setFont(doc, 'bold', 22).fillColor(COLORS.accent).text(value, x + 10, y + 24, { width: boxW - 20, lineBreak: false });
    if (sub) setFont(doc, 'bold', 10).fillColor(COLORS.text).text(sub, x + 10, y + 54, { width: boxW - 20, lineBreak: false });
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.y = y + 90;
  drawJudgementSummary(ctx);

  heading(ctx, t.chartTitle, 3);
  drawVerdictChart(ctx);

  heading(ctx, t.verdictCounts, 3);
  table(
    doc,
    [
      { header: t.verdict, width: 0.7 },
      { header: t.count, width: 0.3, align: 'right' },
    ],
    [
      ...STATUSES.map((st) => [{ text: t.statuses[st], color: STATUS_COLORS[st] }, String(s.counts[st])]),
      [{ text: t.total, font: 'bold' as const }, { text: String(model.items.length), font: 'bold' as const }],
    ],
    { zebra: true },
  );

  heading(ctx, t.bySeverity, 3);
  const share = 0.76 / STATUSES.length;
  table(
    doc,
    [
      { header: t.severity, width: 0.14 },
      ...STATUSES.map((st) => ({ header: t.statuses[st], width: share, align: 'right' as const, size: 8 })),
      { header: t.total, width: 0.1, align: 'right' as const },
    ],
    SEVERITIES.map((sev) => {
      const row = s.bySeverity[sev];
      const sum = STATUSES.reduce((a, st) => a + row[st], 0);
      return [t.severities[sev], ...STATUSES.map((st) => String(row[st])), { text: String(sum), font: 'bold' as const }];
    }),
    { zebra: true, size: 8 },
  );
}

/** A framed notice above the scores: what the run lacks and why, so no reader takes its score as final. */
function drawIncompleteNotice(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  const s = model.summary;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const lines = [undecidedSentence(s.undecided, model.lang), s.completeness === 'incomplete' ? '' : t.endedEarly].filter(Boolean);
  const body = lines.join('\n');
  setFont(doc, 'regular', 9.5);
  const height = doc.heightOfString(body, { width: width - 24 }) + 34;
  ensureSpace(doc, height);
  const y = doc.y;
  doc.rect(left, y, 4, height).fill(STATUS_COLORS.error);
  doc.rect(left + 4, y, width - 4, height).lineWidth(0.8).strokeColor(STATUS_COLORS.error).stroke();
  setFont(doc, 'bold', 11).fillColor(STATUS_COLORS.error).text(completenessLabels(model.lang)[s.completeness], left + 14, y + 8, { width: width - 24 });
  setFont(doc, 'regular', 9.5).fillColor(COLORS.text).text(body, left + 14, y + 24, { width: width - 24 });
  doc.x = left;
  doc.y = y + height + 12;
}

/** Horizontal bars, one per verdict, drawn as vector shapes. */
function drawVerdictChart(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  const barH = 13;
  const gap = 6;
  const height = STATUSES.length * (barH + gap) + 8;
  ensureSpace(doc, height);
  if (doc.y + height > bottomY(doc)) return;
  const left = doc.page.margins.left;
  const labelW = 110;
  const numberW = 30;
  const maxBar = contentWidth(doc) - labelW - numberW - 10;
  const max = Math.max(1, ...STATUSES.map((st) => model.summary.counts[st]));
  const top = doc.y + 4;
  // Axis
  doc.moveTo(left + labelW, top - 3).lineTo(left + labelW, top + STATUSES.length * (barH + gap)).lineWidth(0.6).strokeColor(COLORS.muted).stroke();
  STATUSES.forEach((st, i) => {
    const y = top + i * (barH + gap);
    const count = model.summary.counts[st];
    const w = (count / max) * maxBar;
    setFont(doc, 'regular', 8.5).fillColor(COLORS.text).text(t.statuses[st], left, y + 2, { width: labelW - 8, align: 'right', lineBreak: false });
    if (w > 0) doc.rect(left + labelW + 1, y, w, barH).fill(STATUS_COLORS[st]);
    setFont(doc, 'bold', 8.5).fillColor(COLORS.text).text(String(count), left + labelW + 6 + w, y + 2, { width: numberW, lineBreak: false });
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.y = top + height;
}
