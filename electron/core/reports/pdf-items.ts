// One section per checklist item, the remediation plan and the evidence appendix.
import { COLORS, heading, paragraph, STATUS_COLORS, type Ctx } from './pdf-layout';
import { table, type TableOptions } from './pdf-table';
import type { ReportItem } from './model';
import type { CertificateFields } from './key-evidence';
import { drawItemJudgements } from './pdf-judgements';
import { fill, formatDate } from './texts';

const tableOpts = (ctx: Ctx, extra: TableOptions = {}): TableOptions => ({ truncated: (n) => ' ' + fill(ctx.t.truncated, { n }), ...extra });

export function drawItemsTitle(ctx: Ctx): void {
  heading(ctx, ctx.t.items, 1, { newPage: true, toc: true });
}

export function drawItem(ctx: Ctx, item: ReportItem, first: boolean): void {
  const { doc, t } = ctx;
  // Every item after the first starts where the previous one ended; the heading keeps itself with its text.
  if (!first) doc.moveDown(0.6);
  heading(ctx, `${item.number}. ${item.title}`, 2, { toc: true });
  table(
    doc,
    [
      { header: t.verdict, width: 0.3 },
      { header: t.severity, width: 0.25 },
      { header: t.gdpr, width: 0.45 },
    ],
    [[{ text: t.statuses[item.status], color: STATUS_COLORS[item.status], font: 'bold' }, t.severities[item.severity], item.gdpr.join(', ') || t.noValue]],
    tableOpts(ctx),
  );

  heading(ctx, t.whatChecked, 3);
  paragraph(doc, item.description);

  heading(ctx, t.checks, 3);
  table(
    doc,
    [
      { header: t.check, width: 0.3 },
      { header: t.status, width: 0.16 },
      { header: t.result, width: 0.54 },
    ],
    item.checks.map((c) => [
      c.title,
      { text: t.statuses[c.status], color: STATUS_COLORS[c.status], font: 'bold' },
      [c.message, c.manual && c.manual.trim() !== c.message.trim() ? `${t.manualHint} ${c.manual}` : ''].filter(Boolean).join('\n'),
    ]),
    tableOpts(ctx, { size: 8 }),
  );
  drawItemJudgements(ctx, item);

  heading(ctx, t.advice, 3);
  paragraph(doc, item.advice);

  const key = item.key;
  if (key.certificates.length === 0 && key.headers.length === 0) return;
  heading(ctx, t.keyEvidence, 3);
  key.certificates.forEach((cert, i) => {
    table(
      doc,
      [
        { header: t.certField, width: 0.26 },
        { header: t.value, width: 0.74 },
      ],
      certificateRows(ctx, cert),
      tableOpts(ctx, { size: 8, zebra: true, caption: fill(t.certificateOf, { n: i + 1 }) }),
    );
  });
  if (key.headers.length > 0) {
    table(
      doc,
      [
        { header: t.headerName, width: 0.28 },
        { header: t.value, width: 0.72, font: 'mono', size: 7.5 },
      ],
      key.headers.map(([name, value]) => [name, value]),
      tableOpts(ctx, { size: 8, zebra: true, caption: `${t.headersSeen}${key.headersUrl ? ` — ${key.headersUrl}` : ''}` }),
    );
  }
}

function certificateRows(ctx: Ctx, c: CertificateFields): [string, string | { text: string; font: 'mono' }][] {
  const { t, model } = ctx;
  return [
    [t.certSubject, c.subject],
    [t.certIssuer, c.issuer],
    [t.certSan, c.subjectAltNames.join(', ') || t.noValue],
    [t.certValidFrom, formatDate(c.validFrom, model.lang) || c.validFrom],
    [t.certValidTo, formatDate(c.validTo, model.lang) || c.validTo],
    [t.certSerial, { text: c.serialNumber, font: 'mono' }],
    [t.certFingerprint, { text: c.fingerprint256, font: 'mono' }],
    [t.certKey, c.key],
  ];
}

export function drawRemediation(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  heading(ctx, t.remediation, 1, { newPage: true, toc: true });
  if (model.remediation.length === 0) {
    paragraph(doc, t.noRemediation);
    return;
  }
  paragraph(doc, t.remediationIntro, { color: COLORS.muted });
  table(
    doc,
    [
      { header: t.item, width: 0.19 },
      { header: t.severity, width: 0.12 },
      { header: t.verdict, width: 0.12 },
      { header: t.advice, width: 0.29 },
      { header: t.owner, width: 0.11 },
      { header: t.dueDate, width: 0.09 },
      { header: t.remediationStatus, width: 0.08 },
    ],
    model.remediation.map((r) => [
      `${r.number}. ${r.title}`,
      t.severities[r.severity],
      { text: t.statuses[r.status], color: STATUS_COLORS[r.status], font: 'bold' },
      r.advice,
      r.owner || t.unassigned,
      r.dueDate ? formatDate(r.dueDate, model.lang) : t.noValue,
      t.remediationStatuses[r.remediationStatus],
    ]),
    tableOpts(ctx, { size: 7.5, headerSize: 7 }),
  );
}

export function drawAppendix(ctx: Ctx): void {
  const { doc, t, model } = ctx;
  heading(ctx, t.appendix, 1, { newPage: true, toc: true });
  paragraph(doc, t.appendixIntro, { color: COLORS.muted });
  table(
    doc,
    [
      { header: t.evidenceNo, width: 0.07 },
      { header: t.kind, width: 0.17 },
      { header: t.capturedAt, width: 0.24 },
      { header: t.evidenceSummary, width: 0.52 },
    ],
    model.evidence.flatMap((e, i) => [
      [`E${i + 1}`, t.evidenceKinds[e.kind] ?? e.kind, formatDate(e.capturedAt, model.lang), e.summary],
      { span: { text: `SHA-256  ${e.sha256}`, font: 'mono' as const, size: 7.5, color: COLORS.muted }, keepWithPrevious: true },
    ]),
    tableOpts(ctx, { size: 8 }),
  );

  heading(ctx, t.chainHead, 2);
  const head = model.chainHead;
  if (!head) {
    paragraph(doc, t.noChain);
    return;
  }
  table(
    doc,
    [
      { header: '', width: 0.2, font: 'bold' },
      { header: '', width: 0.8 },
    ],
    [
      [t.chainSeq, String(head.seq)],
      ['SHA-256', { text: head.hash, font: 'mono' }],
    ],
    tableOpts(ctx, { noHeader: true, size: 8.5 }),
  );
}
