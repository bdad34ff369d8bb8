import type { ImportFormat } from '../../../../shared/types.js';

/** One row of an extract as cells of text, with the number a person would use to find it. */
export interface SourceRow {
  /**
   * Excel's row number (for a CSV, the record's number: the row Excel shows it on), the Word table
   * row (header = 1), or for JSON the line the record starts on (one-line JSON: its record number).
   */
  row: number;
  /**
   * CSV: the line the record starts on, set only where it is not `row` (an earlier record spans
   * several lines), so a person can find it in a text editor as well as in Excel.
   */
  line?: number;
  cells: string[];
  /** The reader could not make cells of this row (e.g. a broken JSON line): kept raw, rejected. */
  problem?: string;
}

export interface Source {
  format: ImportFormat;
  /** Rows in file order; throws JigsawError when the file turns out unreadable part-way. */
  rows(): AsyncIterable<SourceRow>;
  /** Bytes of the file consumed so far by the current pass of rows(): progress against the file size. */
  bytesRead(): number;
  /** Text written above the table (a Word chronology's title block: "Woman: Kayleigh MARSH, DOB ..."). */
  title?: string;
  /** The first row is known to be the header (JSON keys), whatever its headings say. */
  headerFirst?: boolean;
  /** What the row numbers count, when not the file's own lines/rows (e.g. records of one-line JSON). */
  rowNote?: string;
  /** XLSX of several sheets: each with its non-blank rows, in workbook order (when they were counted). */
  sheets?: SheetSummary[];
  /** XLSX: the sheet rows() reads (the one asked for, or the busiest). */
  sheet?: string;
}

export interface SheetSummary {
  name: string;
  /** Rows holding anything, title and header rows included. */
  rows: number;
  /** Hidden in Excel (a drop-down list or lookup sheet, as a rule). */
  hidden?: boolean;
}

export interface SourceOptions {
  /** XLSX: the worksheet to read (by name); otherwise the one that holds the most rows. */
  sheet?: string;
  /** XLSX: count every sheet's rows (Source.sheets) even when `sheet` names one. */
  listSheets?: boolean;
}
