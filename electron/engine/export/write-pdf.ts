// PDF through pdfkit: a cover page, then the chronology as a landscape A4 table whose header
// repeats on every page. A cell too tall for one page carries on in a continuation row.
import PDFDocument from 'pdfkit';
import { documentView } from './document-view.js';
import { collect } from './export-progress.js';
import type { WriterInput } from './export-writer.js';

const MARGIN = 36;
const PAD = 3;
const FONT_SIZE = 7.5;

// The built-in Helvetica covers Windows-1252 only; anything else would print as garbage.
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
function printable(s: string): string {
  return s.replace(/[^\n\x20-\x7E\xA0-\xFF]/gu, (c) => (WIN_ANSI_EXTRA.includes(c) ? c : c === '\t' ? ' ' : '?'));
}

export async function toPdf({ head: t, rows, abbreviations }: WriterInput): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: printable(t.title), Creator: 'Jigsaw' }, bufferPages: false });
  const bytes = collect(doc);
  bytes.catch(() => {});

  // Cover page.
  doc.font('Helvetica-Bold').fontSize(18).text(printable(t.title));
  doc.font('Helvetica').fontSize(12).text(printable(`${t.reviewType}: integrated chronology`)).moveDown();
  doc.fontSize(10);
  for (const n of t.notes) doc.text(printable(n));
  doc.text(printable(`Prepared by ${t.preparedBy.name} (${t.preparedBy.role}) on ${t.generatedAt.slice(0, 10)} with Jigsaw.`));
  doc.text('Entries marked KEY (shaded) are key episodes.').moveDown();
  if (t.pseudonymKey.length) {
    doc.font('Helvetica-Bold').text('Key of pseudonyms').font('Helvetica');
    for (const k of t.pseudonymKey) doc.text(printable(`${k.pseudonym}: ${k.description}`));
    doc.moveDown();
  }
  const abbrevs = abbreviations();
  if (abbrevs.length) {
    doc.font('Helvetica-Bold').text('Key of abbreviations').font('Helvetica');
    for (const a of abbrevs) doc.text(printable(`${a.abbreviation}: ${a.meaning}`));
  }

  const v = documentView(t);
  const pageWidth = doc.page.width - 2 * MARGIN;
  const total = v.widths.reduce((a, b) => a + b, 0);
  const widths = v.widths.map((w) => (w / total) * pageWidth);
  const bottom = (): number => doc.page.height - MARGIN;
  const maxBody = doc.page.height - 2 * MARGIN - 40;
  doc.fontSize(FONT_SIZE);
  const heightOf = (s: string, i: number): number => (s ? doc.heightOfString(s, { width: widths[i]! - 2 * PAD }) : 0) + 2 * PAD;

  const rowHeight = (cells: string[]): number => Math.max(...cells.map((c, i) => heightOf(c, i)));
  const drawRow = (cells: string[], opts: { bold?: boolean; shade?: string }, h = rowHeight(cells)): void => {
    let x = MARGIN;
    const y = doc.y;
    doc.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica');
    for (const [i, c] of cells.entries()) {
      if (opts.shade) doc.save().rect(x, y, widths[i]!, h).fill(opts.shade).restore();
      doc.rect(x, y, widths[i]!, h).lineWidth(0.4).stroke('#777777');
      doc.fillColor('black').text(c, x + PAD, y + PAD, { width: widths[i]! - 2 * PAD, lineBreak: true });
      x += widths[i]!;
    }
    doc.x = MARGIN;
    doc.y = y + h;
  };
  const headerCells = v.headers.map(printable);
  const newPage = (): void => {
    doc.addPage();
    drawRow(headerCells, { bold: true, shade: '#D9D9D9' });
  };

  // The longest prefix of `s` that fits in `room` points of height in column i.
  const fitPrefix = (s: string, i: number, room: number): number => {
    let lo = 1;
    let hi = s.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (heightOf(s.slice(0, mid), i) <= room) lo = mid;
      else hi = mid - 1;
    }
    // Break between words where the line allows it.
    const space = s.slice(0, lo).search(/\s\S*$/);
    return lo < s.length && space > 0 ? space + 1 : lo;
  };

  newPage();
  for await (const row of rows) {
    const r = v.row(row);
    let cells = r.cells.map(printable);
    const seq = cells[0]!.split('\n')[0]!;
    for (;;) {
      const h = rowHeight(cells);
      if (doc.y + h <= bottom()) {
        drawRow(cells, { shade: r.key ? '#FFF2CC' : undefined }, h);
        break;
      }
      if (h <= maxBody) {
        newPage();
        continue;
      }
      // Taller than a whole page: print what fits, carry the rest into a continuation row.
      if (doc.y > MARGIN + 60) newPage();
      const room = bottom() - doc.y;
      const head: string[] = [];
      const rest: string[] = [];
      for (const [i, c] of cells.entries()) {
        const n = heightOf(c, i) <= room ? c.length : fitPrefix(c, i, room);
        head.push(c.slice(0, n));
        rest.push(c.slice(n));
      }
      drawRow(head, { shade: r.key ? '#FFF2CC' : undefined });
      if (rest.every((c) => !c)) break;
      rest[0] = `${seq} (cont.)`;
      cells = rest;
      newPage();
    }
  }
  doc.end();
  return bytes;
}
