// Page furniture of the PDF report: fonts, colours, headings, paragraphs, the table of contents and the
// running header and footer. Only embedded TTF fonts are used, never the built-in Helvetica.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Lang, Status } from '../../shared/domain';
import { packageRoot } from '../package-root';
import type { ReportModel } from './model';
import { fill, type ReportTexts } from './texts';

export type Doc = PDFKit.PDFDocument;
export type FontKey = 'regular' | 'bold' | 'mono';

export const FONT_FILES: Record<FontKey, string> = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', mono: 'DejaVuSansMono.ttf' };

export const COLORS = { text: '#1a1a1a', muted: '#666666', rule: '#c8c8c8', head: '#e9edf2', accent: '#1f4e79', zebra: '#f7f8fa' };
export const STATUS_COLORS: Record<Status, string> = {
  pass: '#2e7d32',
  fail: '#c62828',
  warn: '#ef6c00',
  manual: '#1565c0',
  error: '#6a1b9a',
  not_applicable: '#757575',
};

export const MARGIN = { top: 64, bottom: 60, left: 50, right: 50 };

export interface TocEntry {
  title: string;
  level: 1 | 2;
  /** 0-based index of the page the section starts on. */
  page: number;
  dest: string;
}

export interface Ctx {
  doc: Doc;
  t: ReportTexts;
  model: ReportModel;
  toc: TocEntry[];
}

let fontDir: string | null = null;
const FONT_DIR = () => (fontDir ??= path.join(packageRoot(), 'resources', 'fonts'));

export function fontPath(key: FontKey): string {
  return path.join(FONT_DIR(), FONT_FILES[key]);
}

/** What a document says about itself (its info dictionary) and in its running header and footer. */
export interface DocMeta {
  lang: Lang;
  /** Left in the running header, and the document title before the client's name. */
  title: string;
  /** Right in the running header. */
  clientName: string;
  author?: string;
  subject?: string;
  tool: { name: string; version: string };
}

export const reportDocMeta = (model: ReportModel, t: ReportTexts): DocMeta => ({
  lang: model.lang,
  title: t.reportTitle,
  clientName: model.client.name,
  author: model.auditor,
  subject: model.installation.baseUrl,
  tool: model.tool,
});

export function createDoc(meta: DocMeta): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    // The initial font: without it pdfkit would start on Helvetica.
    font: fontPath('regular'),
    lang: meta.lang,
    displayTitle: true,
    // pdfkit hashes every info value: one left undefined throws, so absent ones are left out.
    info: {
      Title: `${meta.title} — ${meta.clientName}`,
      ...(meta.author !== undefined && { Author: meta.author }),
      ...(meta.subject !== undefined && { Subject: meta.subject }),
      Creator: `${meta.tool.name} ${meta.tool.version}`,
    },
  });
  setFont(doc, 'regular', 10);
  doc.fillColor(COLORS.text);
  return doc;
}

/**
 * Fonts are selected by file path, never by a registered name: pdfkit caches an opened font under the key it
 * was asked for, and a registered name that resolves to the already-open initial font is re-read from disk on
 * every call (30 s instead of 1 s for a large report).
 */
export function setFont(doc: Doc, key: FontKey, size: number): Doc {
  return doc.font(fontPath(key)).fontSize(size);
}

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
export const bottomY = (doc: Doc) => doc.page.height - doc.page.margins.bottom;
export const currentPage = (doc: Doc) => {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
};

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomY(doc)) doc.addPage();
}

export function heading(ctx: Pick<Ctx, 'doc' | 'toc'>, text: string, level: 1 | 2 | 3, opts: { newPage?: boolean; toc?: boolean } = {}): void {
  const { doc } = ctx;
  if (opts.newPage) doc.addPage();
  const size = level === 1 ? 18 : level === 2 ? 13 : 10.5;
  setFont(doc, 'bold', size);
  const h = doc.heightOfString(text, { width: contentWidth(doc) });
  // Keep a heading with at least a few lines of what follows it.
  ensureSpace(doc, h + (level === 3 ? 40 : 90));
  if (level !== 1 && doc.y > doc.page.margins.top + 1) doc.moveDown(level === 2 ? 0.8 : 0.4);
  if (opts.toc && level !== 3) {
    const dest = `sec-${ctx.toc.length + 1}`;
    doc.addNamedDestination(dest, 'XYZ', doc.page.margins.left, doc.page.height - doc.y, null);
    ctx.toc.push({ title: text, level, page: currentPage(doc), dest });
    doc.outline.addItem(text);
  }
  doc.fillColor(level === 3 ? COLORS.text : COLORS.accent).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc) });
  doc.fillColor(COLORS.text);
  doc.moveDown(level === 1 ? 0.6 : 0.3);
}

export function paragraph(doc: Doc, text: string, opts: { font?: FontKey; size?: number; color?: string } = {}): void {
  setFont(doc, opts.font ?? 'regular', opts.size ?? 9.5);
  doc.fillColor(opts.color ?? COLORS.text).text(text, doc.page.margins.left, doc.y, { width: contentWidth(doc), lineGap: 1 });
  doc.fillColor(COLORS.text);
  doc.moveDown(0.4);
}

/** Fills the table of contents reserved on page `tocPage`. */
export function drawToc(ctx: Ctx, tocPage: number): void {
  const { doc, t } = ctx;
  doc.switchToPage(tocPage);
  doc.x = doc.page.margins.left;
  doc.y = doc.page.margins.top;
  heading(ctx, t.toc, 1);
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  for (const entry of ctx.toc) {
    const indent = entry.level === 1 ? 0 : 16;
    setFont(doc, entry.level === 1 ? 'bold' : 'regular', entry.level === 1 ? 10.5 : 9.5);
    if (entry.level === 1) doc.moveDown(0.35);
    const y = doc.y;
    const number = String(entry.page + 1);
    const titleWidth = width - indent - 40;
    const h = doc.heightOfString(entry.title, { width: titleWidth });
    if (y + h > bottomY(doc)) break; // one page holds far more entries than a report has sections
    doc.fillColor(COLORS.text).text(entry.title, left + indent, y, { width: titleWidth, goTo: entry.dest });
    doc.text(number, left + width - 40, y, { width: 40, align: 'right', goTo: entry.dest });
    doc.y = y + h + 3;
  }
}

/** Running header and "page X of Y" footer on every page from `firstPage` (0-based; the run report skips its cover). */
export function drawPageFurniture(doc: Doc, meta: DocMeta, pageOf: string, firstPage = 1): void {
  const range = doc.bufferedPageRange();
  const pages = range.count;
  for (let i = range.start + firstPage; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const saved = doc.page.margins;
    doc.page.margins = { ...saved, top: 0, bottom: 0 };
    const left = saved.left;
    const width = doc.page.width - saved.left - saved.right;
    setFont(doc, 'regular', 8).fillColor(COLORS.muted);
    doc.text(meta.title, left, 30, { width: width / 2, lineBreak: false, ellipsis: true });
    doc.text(meta.clientName, left + width / 2, 30, { width: width / 2, align: 'right', lineBreak: false, ellipsis: true });
    doc.moveTo(left, 44).lineTo(left + width, 44).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    const footerY = doc.page.height - 38;
    doc.moveTo(left, footerY - 6).lineTo(left + width, footerY - 6).stroke();
    doc.text(`${meta.tool.name} ${meta.tool.version}`, left, footerY, { width: width / 2, lineBreak: false });
    doc.text(fill(pageOf, { page: i + 1, pages }), left + width / 2, footerY, { width: width / 2, align: 'right', lineBreak: false });
    doc.page.margins = saved;
    doc.fillColor(COLORS.text);
  }
}
