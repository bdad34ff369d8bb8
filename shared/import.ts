// Import progress and the difference a corrected upload makes: shared by the engine, the shell and
// the renderer. No Node, no DOM.
import { z } from 'zod';
import type { StagedFile } from './types.js';

/** A row of an extract by its number, and its first line where that differs (see RowProblem). */
export interface RowRef {
  row: number;
  line?: number;
}

/** How a corrected extract differs from the agency's previous version. */
export interface ImportDiff {
  previousVersion: number;
  previousFile: string;
  /** Rows of this version found nowhere in the previous one. */
  added: number;
  /** Rows of the previous version found nowhere in this one. */
  removed: number;
  /** Rows present in both whose content changed, paired by reference (or date, time and type). */
  changed: number;
  unchanged: number;
  /** What paired a changed row with its earlier form. */
  matchedBy: 'reference' | 'date, time and type';
  addedRows: RowRef[];
  /** Rows of the previous version's file. */
  removedRows: RowRef[];
  changedRows: { row: number; line?: number; previousRow: number; previousLine?: number; columns: string[] }[];
  /** Each list above holds at most this many rows (the counts are complete). */
  listLimit: number;
}

export type ImportState = 'running' | 'done' | 'failed' | 'cancelled' | 'unknown';

export interface ImportProgress {
  state: ImportState;
  /** Rows read so far. */
  rows: number;
  /** Share of the file read, 0-100. */
  percent: number;
}

const stagedId = z.string().regex(/^[a-f0-9]{32}$/);

export const importApiArgs = {
  getImportProgress: z.tuple([stagedId]),
  cancelImport: z.tuple([stagedId]),
  previewSheet: z.tuple([z.object({ stagedId, sheet: z.string().min(1).max(255) })]),
} as const;

export interface ImportApi {
  /** The preview of another sheet of a staged workbook (one of StagedFile.sheets); nothing is written. */
  previewSheet(req: { stagedId: string; sheet: string }): Promise<StagedFile>;
  /** Progress of the import of a staged file (poll while `importStaged` is running). */
  getImportProgress(stagedId: string): Promise<ImportProgress>;
  /** Stop the import of a staged file: it rolls back, leaving the case as it was. */
  cancelImport(stagedId: string): Promise<ImportProgress>;
}
