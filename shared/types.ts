// Domain types shared by the engine, the shell and the renderer. No Node, no DOM.
import type { EntrySignal } from './signals.js';
import type { ImportDiff } from './import.js';

/** How exact a date is. An exact date has `date === dateTo`. */
export type DatePrecision = 'day' | 'week' | 'month' | 'season' | 'year' | 'approximate';

/** The canonical chronology fields an extract's columns can be mapped to. */
export const CANONICAL_FIELDS = [
  'date',
  'time',
  'endDate',
  'sequence',
  'contactType',
  'text',
  'outcome',
  'analysis',
  'practitioner',
  'person',
  'dob',
  'nhsNumber',
  'address',
  'reference',
  'source',
] as const;
export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Column index (0-based, in the header row) for each mapped field; unmapped fields are absent. */
export type ColumnMapping = Partial<Record<CanonicalField, number>>;

export type ImportFormat = 'csv' | 'xlsx' | 'docx' | 'json' | 'jsonl';

export interface AgencySummary {
  id: number;
  name: string;
  colour: string;
  entryCount: number;
}

export interface CaseSummary {
  title: string;
  fileName: string;
  reviewType: string;
  periodFrom: string | null;
  periodTo: string | null;
  schemaVersion: number;
  entryCount: number;
  dateMin: string | null;
  dateMax: string | null;
  agencies: AgencySummary[];
}

export interface TimelineEntry {
  id: number;
  agency: string;
  agencyId: number;
  /** Local (Europe/London) date, YYYY-MM-DD: start of the range. */
  date: string;
  /** End of the range; equal to `date` when exact. */
  dateTo: string;
  precision: DatePrecision;
  originalDate: string;
  /** Local HH:mm or null. */
  time: string | null;
  contactType: string | null;
  text: string;
  outcome: string | null;
  practitioner: string | null;
  personText: string | null;
  flags: string[];
  /** `line`: a CSV row's first line where it is not `row` (see rowLabel in words.ts). */
  source: { file: string; row: number; line?: number };
  /** Ids of the people (see `jigsaw people`) the entry mentions, in its person column or its text. */
  persons: number[];
  /** Ids of entries elsewhere that record the same event (see `jigsaw links`). */
  linkedEntries?: number[];
  /** What the missed-signals lexicon read in the entry (null: nothing it knows). */
  signal?: EntrySignal | null;
}

export interface EntryDetail extends TimelineEntry {
  /** The original row exactly as it arrived, keyed by its header text. */
  raw: { header: string; value: string }[];
  provenance: {
    file: string;
    row: number;
    /** A CSV row's first line, where it is not `row` (an earlier record spans several lines). */
    line?: number;
    sha256: string;
    extractId: number;
    extractVersion: number;
    importedAt: string;
    format: ImportFormat;
  };
}

export type RowProblemReason =
  | 'missing_date'
  | 'impossible_date'
  | 'unreadable_date'
  | 'future_date'
  | 'outside_review_period'
  | 'empty_row'
  | 'cell_too_large'
  | 'ambiguous_date'
  | 'weekday_mismatch'
  | 'repeated_header'
  /** A row that only divides sections ("2005" across merged cells, "--- page 2 ---"): not an event. */
  | 'section_divider'
  | 'missing_text'
  // review rules (electron/engine/review/rule-checks.ts)
  | 'missing_column'
  | 'missing_mandatory'
  | 'out_of_order'
  | 'unreadable_row';

/**
 * Row numbers in reports are the ones a person finds the row by: Excel's row (for a CSV, the
 * record's row as Excel shows it), a Word table's row, a JSON record's line. `line`: a CSV row's
 * first line, set only where it is not `row`. Show both with rowLabel (shared/words.ts).
 */
export interface RowProblem {
  row: number;
  line?: number;
  reason: RowProblemReason;
  message: string;
}

export interface DuplicateRow {
  row: number;
  line?: number;
  duplicateOf: number;
  duplicateOfLine?: number;
}

export interface ImportReport {
  file: string;
  agency: string;
  format: ImportFormat;
  extractId: number | null;
  version: number | null;
  /** True when this exact file had already been imported for the agency: nothing was added. */
  alreadyImported: boolean;
  imported: number;
  rejected: RowProblem[];
  duplicates: DuplicateRow[];
  warnings: RowProblem[];
  headerRow: number;
  mapping: ColumnMapping;
  /** A corrected upload: what changed against the agency's previous version. */
  diff?: ImportDiff;
}

export interface StagedFile {
  stagedId: string;
  fileName: string;
  format: ImportFormat;
  headerRow: number;
  headers: string[];
  sampleRows: string[][];
  mapping: ColumnMapping;
  /** Set when the file is a filled-in Jigsaw review template: its mapping is exact, its agency known. */
  template?: { agency: string; templateVersion: number };
  /** A workbook of several sheets: each sheet with its rows holding anything, in workbook order. */
  sheets?: { name: string; rows: number; hidden?: boolean }[];
  /** The sheet this preview shows (and the import reads unless another is chosen). */
  sheet?: string;
}

export interface EntryQuery {
  from?: string;
  to?: string;
  agencies?: string[];
  limit?: number;
  /** Full-text search over text, contact type and outcome (words, prefix-matched). */
  search?: string;
  /** Resolved person ids: entries mentioning any of them. */
  persons?: number[];
  /** Signal themes: entries carrying any of them. */
  themes?: string[];
  /** Signal kinds: entries marked with any of them. */
  signals?: ('concern' | 'response' | 'routine')[];
}

export interface EntryPage {
  entries: TimelineEntry[];
  total: number;
  truncated: boolean;
}
