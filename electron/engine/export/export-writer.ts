// What every format's writer is handed: the export's head, its rows as a paced stream (read
// from the case as they are written), and the key of abbreviations, which is complete for the
// cover page (DOCX, PDF read the rows once beforehand) or once the rows have been read (XLSX's
// About sheet comes after them).
import type { Abbreviation, ExportHead, ExportRow } from './chronology-table.js';

export interface WriterInput {
  head: ExportHead;
  rows: AsyncIterable<ExportRow>;
  abbreviations(): Abbreviation[];
}

export type Writer = (input: WriterInput) => Promise<Uint8Array>;
