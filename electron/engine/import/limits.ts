// Caps that keep a hostile or broken file from exhausting memory or time. Stated in the README.
export const LIMITS = {
  /** Largest file accepted for import, in bytes. */
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  /** Largest single cell, in characters: a longer cell rejects its row. */
  maxCellChars: 256 * 1024,
  /**
   * Largest record (all cells of one row) a parser will buffer before refusing the file. Well above
   * the cell cap, so a row with one pasted-in 20 MB blob is rejected on its own and the rest imported.
   */
  maxRecordChars: 32 * 1024 * 1024,
  /** Most columns in a row. */
  maxColumns: 500,
  /** Total bytes an XLSX/DOCX archive may inflate to, and the most a single part may. */
  maxInflatedBytes: 1024 * 1024 * 1024,
  /** Most inflated/compressed ratio tolerated for a compressed part (a zip bomb's is in the thousands). */
  maxCompressionRatio: 200,
  /** Parts smaller than this inflated are not ratio-checked (a small, very compressible part is harmless). */
  ratioCheckFromBytes: 1024 * 1024,
  /** Most parts in an XLSX/DOCX archive. */
  maxArchiveEntries: 10_000,
  /** Largest Word document body (word/document.xml, inflated) parsed whole. */
  maxDocumentXmlBytes: 64 * 1024 * 1024,
  /** Rows read to find the header and show a preview. */
  headerScanRows: 40,
  /** Text kept from above a Word chronology's table (its title block). */
  maxTitleChars: 2_000,
} as const;
