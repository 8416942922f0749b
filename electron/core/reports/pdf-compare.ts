// The comparison with another run of the installation in the PDF: a section (in the table of contents) with
// the counts per change kind, then one table per kind with each entry's evidence hashes before and after.
import { CHANGE_KINDS, type ChangeKind } from '../../shared/compare';
import type { ComparisonEntryView } from '../../shared/contract-compare';
import type { Status } from '../../shared/domain';
import { COLORS, heading, paragraph, STATUS_COLORS, type Ctx } from './pdf-layout';
import { table, type Row } from './pdf-table';
import { fill, formatDate } from './texts';

export const CHANGE_COLORS: Record<ChangeKind, string> = {
  regressed: STATUS_COLORS.fail,
  new: STATUS_COLORS.warn,
  fixed: STATUS_COLORS.pass,
  unchanged: COLORS.muted,
  undecided: STATUS_COLORS.error,
};

export function drawComparison(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  if (!model.comparison) return;
  const ct = t.compare;
  const { view, otherRunId } = model.comparison;
  heading(ctx, fill(ct.section, { run: otherRunId }), 1, { newPage: true, toc: true });
  paragraph(
    doc,
    fill(ct.intro, { before: view.before.id, beforeAt: formatDate(view.before.startedAt, model.lang), after: view.after.id, afterAt: formatDate(view.after.startedAt, model.lang) }),
    { color: COLORS.muted },
  );
  table(
    doc,
    [
      { header: ct.change, width: 0.7 },
      { header: ct.count, width: 0.3, align: 'right' },
    ],
    CHANGE_KINDS.map((kind) => [{ text: ct.kinds[kind], color: CHANGE_COLORS[kind], font: 'bold' as const }, String(view.counts[kind] ?? 0)]),
    { size: 9 },
  );
  if (view.entries.length === 0) {
    paragraph(doc, ct.noChanges);
    return;
  }
  for (const kind of CHANGE_KINDS) {
    const entries = view.entries.filter((e) => e.change === kind);
    if (entries.length === 0) continue;
    heading(ctx, `${ct.kinds[kind]} (${entries.length})`, 2, { toc: true });
    paragraph(doc, ct.explain[kind], { size: 8.5, color: COLORS.muted });
    table(
      doc,
      [
        { header: ct.item, width: 0.26 },
        { header: ct.check, width: 0.28 },
        { header: ct.subject, width: 0.26 },
        { header: ct.beforeAfter, width: 0.2 },
      ],
      entries.flatMap((e) => entryRows(ctx, e)),
      { size: 8, truncated: (n) => ' ' + fill(t.truncated, { n }) },
    );
  }
}

const statusText = (ctx: Ctx, status: Status | null) => (status ? ctx.t.statuses[status] : ctx.t.compare.absent);

function entryRows(ctx: Ctx, e: ComparisonEntryView): Row[] {
  const ct = ctx.t.compare;
  const reason = e.reason ? `\n(${ct.reasons[e.reason]})` : '';
  const hashes = (list: string[]) => (list.length ? list.join('\n') : ct.noEvidence);
  return [
    [
      `${e.itemNumber}. ${e.itemTitle}`,
      `${e.checkTitle}\n${e.checkId}`,
      e.subject || ct.wholeCheck,
      { text: `${statusText(ctx, e.before)} → ${statusText(ctx, e.after)}${reason}`, color: CHANGE_COLORS[e.change], font: 'bold' },
    ],
    {
      span: { text: `${ct.evidence}\n← ${hashes(e.evidenceBefore).replace(/\n/g, '\n   ')}\n→ ${hashes(e.evidenceAfter).replace(/\n/g, '\n   ')}`, font: 'mono', size: 6.5, color: COLORS.muted },
      keepWithPrevious: true,
    },
  ];
}
