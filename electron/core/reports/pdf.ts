// The PDF audit report: renders a ReportModel with pdfkit and embedded DejaVu fonts. Sections are laid out
// on buffered pages first; the table of contents (page 2) and the running header and footer are filled in at
// the end, when every page number is known. Written atomically by pdf-file.ts (tmp file, then rename).
import type { ReportModel } from './model';
import { drawPageFurniture, drawToc, reportDocMeta, type Ctx } from './pdf-layout';
import { drawAppendix, drawItem, drawItemsTitle, drawRemediation } from './pdf-items';
import { drawComparison } from './pdf-compare';
import { drawConsent } from './pdf-consent';
import { drawJudgements } from './pdf-judgements';
import { drawDashboard } from './pdf-dashboard';
import { writeDocFile } from './pdf-file';
import { drawCover, drawSummary } from './pdf-summary';
import { reportTexts } from './texts';

export type PdfProgress = (done: number, total: number) => void;

export async function writePdf(model: ReportModel, file: string, onProgress?: PdfProgress): Promise<void> {
  const t = reportTexts(model.lang);
  const total = model.items.length + 9;
  let done = 0;
  const step = () => onProgress?.(++done, total);
  const meta = reportDocMeta(model, t);

  await writeDocFile(file, meta, (doc) => {
    const ctx: Ctx = { doc, t, model, toc: [] };
    drawCover(ctx);
    doc.addPage(); // page 2: the table of contents, filled in at the end
    const tocPage = 1;
    step();
    drawSummary(ctx);
    step();
    drawItemsTitle(ctx);
    model.items.forEach((item, i) => {
      drawItem(ctx, item, i === 0);
      step();
    });
    drawConsent(ctx);
    step();
    drawRemediation(ctx);
    step();
    drawDashboard(ctx);
    step();
    drawJudgements(ctx);
    step();
    drawComparison(ctx);
    step();
    drawAppendix(ctx);
    step();

    drawToc(ctx, tocPage);
    drawPageFurniture(doc, meta, t.pageOf);
  });
  step();
}
