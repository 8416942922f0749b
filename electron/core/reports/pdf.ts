// The PDF audit report: renders a ReportModel with pdfkit and embedded DejaVu fonts. Sections are laid out
// on buffered pages first; the table of contents (page 2) and the running header and footer are filled in at
// the end, when every page number is known. Written to `file.tmp` and renamed, so a failure leaves no
// half-written PDF behind.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { ReportModel } from './model';
import { createDoc, drawPageFurniture, drawToc, type Ctx } from './pdf-layout';
import { drawAppendix, drawItem, drawItemsTitle, drawRemediation } from './pdf-items';
import { drawComparison } from './pdf-compare';
import { drawJudgements } from './pdf-judgements';
import { drawDashboard } from './pdf-dashboard';
import { drawCover, drawSummary } from './pdf-summary';
import { reportTexts } from './texts';

export type PdfProgress = (done: number, total: number) => void;

export async function writePdf(model: ReportModel, file: string, onProgress?: PdfProgress): Promise<void> {
  const tmp = `${file}.tmp`;
  const t = reportTexts(model.lang);
  const total = model.items.length + 8;
  let done = 0;
  const step = () => onProgress?.(++done, total);

  const out = createWriteStream(tmp);
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  finished.catch(() => undefined); // awaited below; a failure before that is handled in the catch
  const closed = new Promise<void>((resolve) => out.on('close', () => resolve()));
  try {
    const doc = createDoc(model, t);
    doc.on('error', (e: Error) => out.destroy(e));
    doc.pipe(out);
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
    drawPageFurniture(ctx);
    doc.end();
    await finished;
    await rename(tmp, file);
    step();
  } catch (error) {
    out.destroy();
    await closed;
    await rm(tmp, { force: true });
    throw error;
  }
}
