// The auditor's judgements in the PDF: a marked box under the checks table of each judged item, a section
// listing them all with their evidence, and a sentence on the summary page. Always shown beside the measured
// verdict, never in its place: the verdicts, counts and score stay as measured.
import type { ReportItem } from './model';
import type { ReportJudgement } from './judgements';
import { COLORS, contentWidth, ensureSpace, heading, paragraph, setFont, STATUS_COLORS, type Ctx } from './pdf-layout';
import { table } from './pdf-table';
import { fill, formatDate } from './texts';

/** The colour of everything the auditor (not the engine) concluded. */
export const JUDGEMENT_COLOR = '#00695c';
/** A statement longer than this is cut in the box; it is complete in the section and in the evidence. */
const BOX_STATEMENT_CHARS = 1500;
const PAD = 8;

/** "Urteil des Prüfers — Bestätigung: Bestanden (gemessen: Manuell) · Anna Berger, 6. Dez. 2026, 10:00:00 UTC". */
export function judgementLine(ctx: Ctx, j: ReportJudgement): string {
  const { t, model } = ctx;
  const jt = t.judgements;
  return `${jt.label} — ${jt.kinds[j.kind]}: ${t.statuses[j.status]} (${jt.measured}: ${t.statuses[j.measured]}) · ${j.by}, ${formatDate(j.at, model.lang)}`;
}

const statementText = (ctx: Ctx, j: ReportJudgement, max: number) => {
  const text = j.statement.length > max ? j.statement.slice(0, max) + fill(ctx.t.truncated, { n: j.statement.length - max }) : j.statement;
  return `${ctx.t.judgements.statement[j.kind]}: ${text}`;
};

const contextLine = (ctx: Ctx, j: ReportJudgement) =>
  [`${j.checkTitle} (${j.checkId})`, fill(ctx.t.judgements.madeInRun, { run: j.madeInRun }), j.stale ? ctx.t.judgements.stale : ''].filter(Boolean).join(' · ');

/** One framed box per judged check of the item, right under its checks table. */
export function drawItemJudgements(ctx: Ctx, item: ReportItem): void {
  const checkIds = new Set(item.checks.map((c) => c.checkId));
  for (const j of ctx.model.judgements) if (j.itemId === item.itemId && checkIds.has(j.checkId)) drawBox(ctx, j);
}

function drawBox(ctx: Ctx, j: ReportJudgement): void {
  const { doc } = ctx;
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const inner = width - 2 * PAD - 4;
  const parts: { text: string; font: 'bold' | 'regular'; size: number; color: string }[] = [
    { text: judgementLine(ctx, j), font: 'bold', size: 9, color: JUDGEMENT_COLOR },
    { text: contextLine(ctx, j), font: 'regular', size: 8, color: j.stale ? STATUS_COLORS.warn : COLORS.muted },
    { text: statementText(ctx, j, BOX_STATEMENT_CHARS), font: 'regular', size: 8.5, color: COLORS.text },
  ];
  const heights = parts.map((p) => {
    setFont(doc, p.font, p.size);
    return doc.heightOfString(p.text, { width: inner, lineGap: 1 }) + 2;
  });
  const height = heights.reduce((a, b) => a + b, 0) + 2 * PAD - 2;
  ensureSpace(doc, height + 6);
  const y = doc.y;
  doc.rect(left, y, 4, height).fill(JUDGEMENT_COLOR);
  doc.rect(left + 4, y, width - 4, height).lineWidth(0.8).strokeColor(JUDGEMENT_COLOR).stroke();
  let at = y + PAD;
  parts.forEach((p, i) => {
    setFont(doc, p.font, p.size).fillColor(p.color).text(p.text, left + 4 + PAD, at, { width: inner, lineGap: 1 });
    at += heights[i]!;
  });
  doc.fillColor(COLORS.text);
  doc.x = left;
  doc.y = y + height + 8;
}

/** The section after the remediation plan: every judgement in force, with its evidence hash and attachments. */
export function drawJudgements(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  const jt = t.judgements;
  heading(ctx, jt.section, 1, { newPage: true, toc: true });
  paragraph(doc, jt.intro, { color: COLORS.muted });
  if (model.judgements.length === 0) {
    paragraph(doc, jt.none);
    return;
  }
  const mono = (text: string) => ({ text, font: 'mono' as const, size: 7, color: COLORS.muted });
  table(
    doc,
    [
      { header: t.check, width: 0.34 },
      { header: t.kind, width: 0.15 },
      { header: jt.measuredHeader, width: 0.12 },
      { header: jt.judged, width: 0.12 },
      { header: `${jt.by} / ${jt.at}`, width: 0.27 },
    ],
    model.judgements.flatMap((j) => [
      [
        `${j.itemNumber}. ${j.checkTitle}\n${j.checkId}`,
        { text: jt.kinds[j.kind], color: JUDGEMENT_COLOR, font: 'bold' as const },
        { text: t.statuses[j.measured], color: STATUS_COLORS[j.measured] },
        { text: t.statuses[j.status], color: JUDGEMENT_COLOR, font: 'bold' as const },
        `${j.by}\n${formatDate(j.at, model.lang)}\n${fill(jt.madeInRun, { run: j.madeInRun })}`,
      ],
      ...(j.stale ? [{ span: { text: jt.stale, color: STATUS_COLORS.warn, font: 'bold' as const }, keepWithPrevious: true }] : []),
      { span: statementText(ctx, j, 3000), keepWithPrevious: true },
      { span: mono(`${jt.evidence}  SHA-256 ${j.evidence}`), keepWithPrevious: true },
      {
        span: mono(
          j.attachments.length === 0
            ? `${jt.attachments}: ${jt.noAttachments}`
            : `${jt.attachments}:\n${j.attachments.map((a) => `SHA-256 ${a.sha256}  ${a.mediaType}  ${a.size} B`).join('\n')}`,
        ),
        keepWithPrevious: true,
      },
    ]),
    { size: 8, truncated: (n) => ' ' + fill(t.truncated, { n }) },
  );
}

/** On the summary page: how many checks carry a judgement, and that the score counts only what was measured. */
export function drawJudgementSummary(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  const jt = t.judgements;
  const n = model.judgements.length;
  const text = n === 0 ? `${jt.summaryNone} ${jt.summaryScore}` : fill(jt.summaryCount, { n });
  setFont(doc, 'regular', 9);
  ensureSpace(doc, doc.heightOfString(text, { width: contentWidth(doc) }) + 8);
  paragraph(doc, text, { size: 9, color: n === 0 ? COLORS.muted : JUDGEMENT_COLOR });
}
