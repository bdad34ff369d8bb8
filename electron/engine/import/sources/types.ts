import type { ImportFormat } from '../../../../shared/types.js';

/** One row of an extract as cells of text, with the number a person would use to find it. */
export interface SourceRow {
  /** Excel's row number, the CSV line the record starts on, the Word table row (header = 1). */
  row: number;
  cells: string[];
}

export interface Source {
  format: ImportFormat;
  /** Rows in file order; throws JigsawError when the file turns out unreadable part-way. */
  rows(): AsyncIterable<SourceRow>;
}
