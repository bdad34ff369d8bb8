// Caps that keep a hostile or broken file from exhausting memory or time. Stated in the README.
export const LIMITS = {
  /** Largest file accepted for import, in bytes. */
  maxFileBytes: 2 * 1024 * 1024 * 1024,
  /** Largest single cell, in characters: a longer cell rejects its row. */
  maxCellChars: 256 * 1024,
  /** Largest record (all cells of one row) a parser will buffer before refusing the file. */
  maxRecordChars: 4 * 1024 * 1024,
  /** Most columns in a row. */
  maxColumns: 500,
  /** Total bytes an XLSX/DOCX archive may inflate to, and the most a single part may. */
  maxInflatedBytes: 1024 * 1024 * 1024,
  /** Most inflated/compressed ratio tolerated for a compressed part (a zip bomb's is in the thousands). */
  maxCompressionRatio: 200,
  /** Rows read to find the header and show a preview. */
  headerScanRows: 40,
} as const;
