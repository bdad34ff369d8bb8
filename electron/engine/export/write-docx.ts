// DOCX through the `docx` package: a cover page (title, what the export holds, the key of
// pseudonyms and of abbreviations), then the chronology as a landscape table whose header
// repeats on every page.
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ExportTable } from './chronology-table.js';
import { documentView } from './document-view.js';

const LANDSCAPE = { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 720, bottom: 720, left: 720, right: 720 } } };
/** A4 landscape less the margins, in twentieths of a point. */
const TABLE_WIDTH = 16838 - 1440;

/** One paragraph per cell, its lines joined by line breaks (far fewer objects than a paragraph a line). */
function lines(text: string, bold = false): Paragraph[] {
  const runs = (text || ' ').split('\n').map((l, i) => new TextRun({ text: l, bold, size: 16, break: i > 0 ? 1 : undefined }));
  return [new Paragraph({ children: runs })];
}

function keyTable(headers: [string, string], rows: [string, string][]): Table {
  const row = (cells: [string, string], bold = false): TableRow =>
    new TableRow({ children: cells.map((c) => new TableCell({ children: lines(c, bold), width: { size: 50, type: WidthType.PERCENTAGE } })) });
  return new Table({ width: { size: 60, type: WidthType.PERCENTAGE }, rows: [row(headers, true), ...rows.map((r) => row(r))] });
}

export async function toDocx(t: ExportTable): Promise<Uint8Array> {
  const v = documentView(t);
  const total = v.widths.reduce((a, b) => a + b, 0);
  const widths = v.widths.map((w) => Math.floor((w / total) * TABLE_WIDTH));
  const cell = (text: string, i: number, opts: { bold?: boolean; shade?: string } = {}): TableCell =>
    new TableCell({
      children: lines(text, opts.bold),
      width: { size: widths[i]!, type: WidthType.DXA },
      shading: opts.shade ? { type: ShadingType.CLEAR, fill: opts.shade, color: 'auto' } : undefined,
    });
  const header = new TableRow({ tableHeader: true, children: v.headers.map((h, i) => cell(h, i, { bold: true, shade: 'D9D9D9' })) });
  const body = v.rows.map((r) => new TableRow({ cantSplit: false, children: r.cells.map((c, i) => cell(c, i, { shade: r.key ? 'FFF2CC' : undefined })) }));

  const cover: (Paragraph | Table)[] = [
    new Paragraph({ text: t.title, heading: HeadingLevel.TITLE }),
    new Paragraph({ text: `${t.reviewType}: integrated chronology`, heading: HeadingLevel.HEADING_2 }),
    ...t.notes.map((n) => new Paragraph({ text: n })),
    new Paragraph({ text: `Prepared by ${t.preparedBy.name} (${t.preparedBy.role}) on ${t.generatedAt.slice(0, 10)} with Jigsaw.` }),
    new Paragraph({ text: 'Entries marked KEY (shaded) are key episodes.' }),
  ];
  if (t.pseudonymKey.length) {
    cover.push(new Paragraph({ text: 'Key of pseudonyms', heading: HeadingLevel.HEADING_2 }));
    cover.push(keyTable(['Pseudonym', 'Who'], t.pseudonymKey.map((k) => [k.pseudonym, k.description])));
  }
  if (t.abbreviations.length) {
    cover.push(new Paragraph({ text: 'Key of abbreviations', heading: HeadingLevel.HEADING_2 }));
    cover.push(keyTable(['Abbreviation', 'Meaning'], t.abbreviations.map((a) => [a.abbreviation, a.meaning])));
  }

  const doc = new Document({
    creator: 'Jigsaw',
    title: t.title,
    sections: [
      { properties: LANDSCAPE, children: cover },
      {
        properties: LANDSCAPE,
        children: [
          new Paragraph({ text: 'Integrated chronology', heading: HeadingLevel.HEADING_1, alignment: AlignmentType.LEFT }),
          new Table({ width: { size: TABLE_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [header, ...body] }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
