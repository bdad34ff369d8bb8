// The Word versions: a chronology table template (the same columns, one header row repeated on
// every page, the identity in a custom document property) and the cover note on its own.
import { AlignmentType, Document, HeadingLevel, PageOrientation, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReviewSettings } from '../../../shared/review.js';
import { coverNote, type NoteBlock } from './cover-note.js';
import { IDENTITY_PROPERTY, type TemplatePayload } from './template-identity.js';

/** One empty row to start: Word adds more with Tab, and no blank rows come back to be reported. */
export const WORD_TEMPLATE_ROWS = 1;

function noteParagraphs(blocks: NoteBlock[]): Paragraph[] {
  return blocks.flatMap((b) => [
    ...(b.heading ? [new Paragraph({ text: b.heading, heading: HeadingLevel.HEADING_2 })] : []),
    ...b.lines.map((l) => new Paragraph(b.bullets ? { text: l, bullet: { level: 0 } } : { text: l })),
  ]);
}

export async function buildDocxTemplate(settings: ReviewSettings, payload: TemplatePayload): Promise<Buffer> {
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: payload.columns.map((c) => cell(c.heading, true)) }),
      ...Array.from({ length: WORD_TEMPLATE_ROWS }, () => new TableRow({ children: payload.columns.map(() => cell('')) })),
    ],
  });
  const doc = new Document({
    creator: 'Jigsaw',
    title: `Chronology template: ${settings.title}`,
    customProperties: [{ name: IDENTITY_PROPERTY, value: JSON.stringify(payload) }],
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          ...noteParagraphs(coverNote(settings, payload.agency, payload.templateVersion)),
          new Paragraph({ text: 'Chronology', heading: HeadingLevel.HEADING_2, alignment: AlignmentType.LEFT }),
          new Paragraph({ text: 'Add rows to the table as you need (Tab in the last cell adds one). Keep this the only table in the document.' }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

export async function buildCoverNote(settings: ReviewSettings, agency: string, templateVersion: number): Promise<Buffer> {
  const doc = new Document({ creator: 'Jigsaw', title: `Chronology request: ${settings.title}`, sections: [{ children: noteParagraphs(coverNote(settings, agency, templateVersion)) }] });
  return Packer.toBuffer(doc);
}
