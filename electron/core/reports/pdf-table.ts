// A small table for pdfkit: measures every cell, wraps long values inside their cell (pdfkit cuts words wider
// than the cell at the character level), repeats the header row and breaks pages between rows.
import { bottomY, COLORS, contentWidth, setFont, type Doc, type FontKey } from './pdf-layout';

export interface Column {
  header: string;
  /** Share of the content width; the shares of a table add up to 1. */
  width: number;
  font?: FontKey;
  size?: number;
  align?: 'left' | 'right' | 'center';
}

export interface StyledCell {
  text: string;
  color?: string;
  font?: FontKey;
  size?: number;
}
export type Cell = string | StyledCell;
/** A row of one cell per column, or one cell across all columns (kept on the page of the row before it). */
export type Row = Cell[] | { span: Cell; keepWithPrevious?: boolean };

export interface TableOptions {
  size?: number;
  zebra?: boolean;
  /** Draw no header row (a key/value table). */
  noHeader?: boolean;
  /** Font size of the header row; the body size if unset. */
  headerSize?: number;
  /** A caption above the table, kept on the page of the header and the first row. */
  caption?: string;
  /** Longest text of a cell; longer values are cut with `truncated(n)` appended. */
  maxChars?: number;
  truncated?: (n: number) => string;
}

const PAD = 3.5;
const LINE_GAP = 1;

const styled = (c: Cell): StyledCell => (typeof c === 'string' ? { text: c } : c);

export function table(doc: Doc, columns: Column[], rows: Row[], opts: TableOptions = {}): void {
  const left = doc.page.margins.left;
  const total = contentWidth(doc);
  const widths = columns.map((c) => c.width * total);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const baseSize = opts.size ?? 8.5;
  const maxChars = opts.maxChars ?? 3000;

  const clip = (text: string) => (text.length > maxChars ? text.slice(0, maxChars) + (opts.truncated ? opts.truncated(text.length - maxChars) : '…') : text);
  const font = (cell: StyledCell, col: Column | null, header: boolean): [FontKey, number] => [
    header ? 'bold' : (cell.font ?? col?.font ?? 'regular'),
    header ? (opts.headerSize ?? col?.size ?? baseSize) : (cell.size ?? col?.size ?? baseSize),
  ];
  const measure = (cell: StyledCell, width: number, f: [FontKey, number]) => {
    setFont(doc, f[0], f[1]);
    return doc.heightOfString(cell.text || ' ', { width: width - 2 * PAD, lineGap: LINE_GAP }) + 2 * PAD;
  };

  interface Laid {
    cells: { cell: StyledCell; x: number; width: number; f: [FontKey, number]; align: Column['align'] }[];
    height: number;
    header: boolean;
    keepWithPrevious: boolean;
  }
  const lay = (row: Row, header: boolean): Laid => {
    const cells =
      'span' in row
        ? [{ cell: { ...styled(row.span), text: clip(styled(row.span).text) }, x: left, width: total, f: font(styled(row.span), null, false), align: 'left' as const }]
        : columns.map((col, i) => {
            const cell = styled(row[i] ?? '');
            return { cell: { ...cell, text: header ? cell.text : clip(cell.text) }, x: xs[i]!, width: widths[i]!, f: font(cell, col, header), align: col.align };
          });
    const keepWithPrevious = 'span' in row && !!row.keepWithPrevious;
    return { cells, height: Math.max(...cells.map((c) => measure(c.cell, c.width, c.f))), header, keepWithPrevious };
  };

  const headerRow = opts.noHeader ? null : lay(columns.map((c) => c.header), true);
  const draw = (row: Laid, shade: boolean) => {
    const y = doc.y;
    if (row.header || shade) {
      doc.rect(left, y, total, row.height).fill(row.header ? COLORS.head : COLORS.zebra);
    }
    for (const c of row.cells) {
      setFont(doc, c.f[0], c.f[1]);
      doc.fillColor(c.cell.color ?? COLORS.text).text(c.cell.text, c.x + PAD, y + PAD, {
        width: c.width - 2 * PAD,
        lineGap: LINE_GAP,
        align: c.align ?? 'left',
        // A safety net only: the row was measured to fit, so nothing is cut here.
        height: row.height,
        ellipsis: true,
      });
    }
    doc.fillColor(COLORS.text).lineWidth(0.4).strokeColor(COLORS.rule);
    for (const c of row.cells) doc.rect(c.x, y, c.width, row.height).stroke();
    doc.x = left;
    doc.y = y + row.height;
  };

  const top = () => doc.page.margins.top;
  const startPage = (sameAsBefore: boolean) => {
    if (!sameAsBefore) doc.addPage();
    doc.y = Math.max(doc.y, top());
    if (headerRow) draw(headerRow, false);
  };

  // Keep the caption and the header with at least the first row.
  const laid = rows.map((r) => lay(r, false));
  let captionHeight = 0;
  if (opts.caption) {
    setFont(doc, 'bold', 8.5);
    captionHeight = doc.heightOfString(opts.caption, { width: total }) + 3;
  }
  const firstHeight = captionHeight + (headerRow?.height ?? 0) + (laid[0]?.height ?? 0);
  if (doc.y + firstHeight > bottomY(doc)) doc.addPage();
  if (opts.caption) {
    setFont(doc, 'bold', 8.5).fillColor(COLORS.muted).text(opts.caption, left, doc.y, { width: total });
    doc.fillColor(COLORS.text);
    doc.y += 3;
  }
  startPage(true);
  laid.forEach((row, i) => {
    const next = laid[i + 1];
    const needed = row.height + (next?.keepWithPrevious ? next.height : 0);
    if (!row.keepWithPrevious && doc.y + needed > bottomY(doc)) startPage(false);
    else if (doc.y + row.height > bottomY(doc)) startPage(false);
    draw(row, !!opts.zebra && i % 2 === 1);
  });
  doc.x = left;
  doc.moveDown(0.6);
}
