// Imports one agency extract into a case in a single transaction: every row kept raw with its row
// number, good rows normalised into entries, every bad row reported with its reason. A failure or
// a crash part-way leaves the case as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ImportDiff } from '../../../shared/import.js';
import type { ColumnMapping, DuplicateRow, ImportFormat, ImportReport, RowProblem } from '../../../shared/types.js';
import { rowLabel } from '../../../shared/words.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { DROP_ENTRIES_FTS_TRIGGERS, ENTRIES_FTS_TRIGGERS } from '../db/migrations/0007-timeline.js';
import type { Db } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';
import { findHeaderRow, mapHeadings } from './columns.js';
import { londonToday, parseDate, type DateEvidence } from './dates.js';
import { diffExtracts } from './import-diff.js';
import { LIMITS } from './limits.js';
import { planInThisThread, planInWorker, planWorkerScript } from './plan-stream.js';
import { contentKey } from './row-hash.js';
import type { PlanContext } from './row-plan.js';
import { openSource, type Source, type SourceOptions, type SourceRow } from './sources/index.js';
import { recogniseTemplate } from '../review/recognise-template.js';
import { reviewRowProblems } from '../review/rule-checks.js';

export interface ImportOptions {
  agency: string;
  /** The name the user knows the file by (uploads arrive under a temporary name). */
  fileName?: string;
  /** Column mapping chosen by the user; otherwise the agency's saved one or a fresh guess. */
  mapping?: ColumnMapping;
  /** XLSX: the worksheet to import (by name); otherwise the one holding the most rows. */
  sheet?: string;
  signal?: AbortSignal;
  /** Rows read and the share of the file read (0-100), every thousand rows or so. */
  onProgress?: (p: { rows: number; percent: number }) => void;
  /** Who imports: the import is recorded in the audit log, in the same transaction. */
  actor?: Actor;
  /** Run every check, then roll back: the report without the import. */
  dryRun?: boolean;
  now?: Date;
  /** Read and plan the rows on a worker thread (default: for files of PLAN_ON_WORKER_FROM_BYTES or more). */
  planOnWorker?: boolean;
}

// What an import writes for each row, shared with the storage-floor benchmark (bench/import.bench.ts).
export const INSERT_RAW_ROW = 'INSERT INTO raw_rows(extract_id, row_number, cells_json, content_hash, line) VALUES (?, ?, ?, ?, ?)';
/** extract_id, raw_row_id, agency_id, then EntryValues (row-plan.ts) in order. */
export const INSERT_ENTRY = `INSERT INTO entries(extract_id, raw_row_id, agency_id, date, date_to, precision, original_date, time, sequence, contact_type,
  text, outcome, analysis, practitioner, person_text, dob, nhs_number, address, reference, flags)
  VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`;
export const INDEX_EXTRACT_FOR_SEARCH = 'INSERT INTO entries_fts(rowid, text, contact_type, outcome) SELECT id, text, contact_type, outcome FROM entries WHERE extract_id = ?';

/** The page cache while importing, in KiB. */
export const IMPORT_CACHE_KIB = 64 * 1024;

/**
 * Below this (~90,000 rows of a typical extract), starting a thread costs about what it saves: run
 * from source, the thread compiles its modules first (about a second; bundled, far less).
 */
export const PLAN_ON_WORKER_FROM_BYTES = 16 * 1024 * 1024;

export async function sha256File(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) h.update(chunk as Buffer);
  return h.digest('hex');
}

export function assertReadableFile(file: string, name = path.basename(file)): void {
  try {
    if (!fs.statSync(file).isFile()) throw new Error('not a file');
    fs.accessSync(file, fs.constants.R_OK);
  } catch {
    throw new JigsawError('unreadable_file', `${name}: file not found or not readable`);
  }
}

export interface Preview {
  format: ImportFormat;
  headerIndex: number;
  head: SourceRow[];
  headers: string[];
  mapping: ColumnMapping;
  /** Text above the table (Word), kept with the extract: it often says whose record it is. */
  title?: string;
}

/** Reads the first rows and works out the header row and a mapping, without importing. */
export async function previewFile(file: string, opts: SourceOptions = {}, label = path.basename(file)): Promise<Preview> {
  return previewSource(await openSource(file, opts, label));
}

export async function previewSource(source: Source): Promise<Preview> {
  const head: SourceRow[] = [];
  for await (const r of source.rows()) {
    head.push(r);
    if (head.length >= LIMITS.headerScanRows) break;
  }
  const headerIndex = source.headerFirst && head.length ? 0 : findHeaderRow(head.map((r) => r.cells), (v) => !('error' in parseDate(v)));
  const headers = headerIndex >= 0 ? head[headerIndex]!.cells.map((c) => c.trim()) : [];
  const mapping = mapHeadings(headers, headerIndex >= 0 ? head.slice(headerIndex + 1).map((r) => r.cells) : []);
  if (mapping.date === undefined && headerIndex >= 0) inferDateColumn(mapping, head.slice(headerIndex + 1).map((r) => r.cells));
  return { format: source.format, headerIndex, head, headers, mapping, title: source.title };
}

/** No heading said "date": take the column whose values read as dates (e.g. "arrival_time"). */
function inferDateColumn(mapping: ColumnMapping, rows: string[][]): void {
  const width = Math.max(0, ...rows.map((r) => r.length));
  let best = -1;
  let bestHits = 0;
  for (let i = 0; i < width; i++) {
    const values = rows.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    const hits = values.filter((v) => !('error' in parseDate(v)) && !/^\d{5}$/.test(v)).length;
    if (values.length > 0 && hits >= values.length * 0.6 && hits > bestHits) {
      best = i;
      bestHits = hits;
    }
  }
  if (best < 0) return;
  for (const k of Object.keys(mapping) as (keyof ColumnMapping)[]) if (mapping[k] === best) delete mapping[k];
  mapping.date = best;
}

export async function importExtract(caseFile: CaseFile, file: string, opts: ImportOptions): Promise<ImportReport> {
  const name = opts.fileName ?? path.basename(file);
  const agencyName = opts.agency.trim();
  if (!agencyName) throw new JigsawError('bad_request', 'Name the agency this extract comes from');
  assertReadableFile(file, name);
  const fileSize = fs.statSync(file).size;
  const sha256 = await sha256File(file);
  const db = caseFile.db;

  const existingAgency = caseFile.agencyId(agencyName);
  if (existingAgency !== null) {
    const same = db.prepare('SELECT id, version, format, header_row, mapping_json FROM extracts WHERE agency_id = ? AND sha256 = ? ORDER BY version DESC').get(existingAgency, sha256) as
      | { id: number; version: number; format: ImportFormat; header_row: number; mapping_json: string }
      | undefined;
    if (same) {
      return {
        file: name, agency: agencyName, format: same.format, extractId: same.id, version: same.version, alreadyImported: true,
        imported: 0, rejected: [], duplicates: [], warnings: [], headerRow: same.header_row, mapping: JSON.parse(same.mapping_json) as ColumnMapping,
      };
    }
  }

  const source = await openSource(file, { sheet: opts.sheet }, name);
  const preview = await previewSource(source);
  if (preview.headerIndex < 0 && !opts.mapping) {
    throw new JigsawError('no_header', `${name}: header row not found in the first ${LIMITS.headerScanRows} rows; map the columns by hand`);
  }
  const headerRowNumber = preview.headerIndex >= 0 ? preview.head[preview.headerIndex]!.row : preview.head[0]?.row ?? 1;
  const headers = preview.headerIndex >= 0 ? preview.headers : (preview.head[0]?.cells ?? []).map((_, i) => `Column ${i + 1}`);
  const savedMapping = existingAgency !== null ? savedAgencyMapping(caseFile, existingAgency, headers) : null;
  // Review templates (#9, engine/review): a filled-in Jigsaw template names its own columns and agency.
  const template = await recogniseTemplate(caseFile, file, headers, agencyName);
  const mapping: ColumnMapping = opts.mapping ?? template?.mapping ?? savedMapping ?? preview.mapping;
  if (mapping.date === undefined) {
    throw new JigsawError('no_date_column', `${name}: no column was recognised as the date; map the columns by hand`);
  }

  const today = londonToday((opts.now ?? new Date()).getTime());
  const periodFrom = caseFile.meta('period_from');
  const periodTo = caseFile.meta('period_to');
  const rejected: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const duplicates: DuplicateRow[] = [];
  let imported = 0;
  let ambiguousCount = 0;
  let rowCount = 0;
  const throwIfCancelled = (): void => {
    if (opts.signal?.aborted) throw new JigsawError('cancelled', `Import of ${name} cancelled; nothing was imported`);
  };
  const ctx: PlanContext = { name, headerIndex: preview.headerIndex, headers, mapping, today, periodFrom, periodTo };
  const planWorker = (opts.planOnWorker ?? fileSize >= PLAN_ON_WORKER_FROM_BYTES) ? planWorkerScript() : null;
  const plans = planWorker ? planInWorker(planWorker, { file, label: name, sourceOptions: { sheet: opts.sheet }, ctx }) : planInThisThread(source, ctx);

  // Foreign keys are kept by the import itself (it inserts the extract and the raw rows its entries
  // refer to); checking them again costs four lookups a row. The pragma is a no-op inside a
  // transaction, so it is switched off around it and restored after.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  // Rows arrive in file order but dates at random: a bigger page cache keeps the date index's pages
  // in memory instead of rereading them (13% of a 1M-row import). Bounded, so memory stays flat.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
  try {
    db.exec('BEGIN IMMEDIATE');
    // The search index is filled once at the end (a batch is ~10x cheaper than a trigger per row);
    // dropping its triggers is part of this transaction, so a failure puts them back.
    db.exec(DROP_ENTRIES_FTS_TRIGGERS);
    const agencyId = caseFile.ensureAgency(agencyName);
    const prev = db.prepare('SELECT id, version FROM extracts WHERE agency_id = ? AND superseded_by IS NULL ORDER BY version DESC').get(agencyId) as
      | { id: number; version: number }
      | undefined;
    const maxVersion = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM extracts WHERE agency_id = ?').get(agencyId) as { v: number }).v;
    const version = maxVersion + 1;
    const extractId = Number(
      db
        .prepare(
          `INSERT INTO extracts(agency_id, file_name, sha256, format, imported_at, version, header_row, headers_json, mapping_json, title,
             row_count, imported_count, rejected_count, duplicate_count) VALUES (?,?,?,?,?,?,?,?,?,?,0,0,0,0)`,
        )
        .run(agencyId, name, sha256, preview.format, new Date().toISOString(), version, headerRowNumber, JSON.stringify(headers), JSON.stringify(mapping), preview.title || null)
        .lastInsertRowid,
    );
    const insertRaw = db.prepare(INSERT_RAW_ROW);
    // Rows are inserted in file order, so the content index returns them in row order (no ORDER BY:
    // it would tempt the planner into walking the row-number index instead).
    const sameContent = db.prepare('SELECT row_number, line, cells_json FROM raw_rows INDEXED BY raw_rows_content WHERE extract_id = ? AND content_hash = ?');
    const insertProblem = db.prepare('INSERT INTO import_problems(extract_id, row_number, line, kind, reason, message, duplicate_of) VALUES (?,?,?,?,?,?,?)');
    const insertEntry = db.prepare(INSERT_ENTRY);
    const problem = (list: RowProblem[], kind: 'rejected' | 'warning', p: RowProblem): void => {
      list.push(p);
      insertProblem.run(extractId, p.row, p.line ?? null, kind, p.reason, p.message, null);
    };
    const keepRaw = (row: number, line: number | undefined, raw: string, hash: number | null = null): number =>
      Number(insertRaw.run(extractId, row, raw, hash, line ?? null).lastInsertRowid);
    /** The earlier row with exactly this content, if any: the planner said "maybe", the rows decide. */
    const earlierCopy = (key: string, hash: number): { row: number; line: number | null } | undefined => {
      for (const r of sameContent.iterate(extractId, hash) as Iterable<{ row_number: number; line: number | null; cells_json: string }>) {
        if (contentKey(JSON.parse(r.cells_json) as string[]) === key) return { row: r.row_number, line: r.line };
      }
      return undefined;
    };
    // Entries whose date reads both ways, settled once the whole file is read (settleAmbiguousDates).
    db.exec('CREATE TEMP TABLE IF NOT EXISTS import_ambiguous(entry_id INTEGER PRIMARY KEY); DELETE FROM temp.import_ambiguous;');
    const noteAmbiguous = db.prepare('INSERT INTO temp.import_ambiguous(entry_id) VALUES (?)');

    for await (const batch of plans.batches()) {
      throwIfCancelled();
      for (const p of batch.plans) {
        rowCount++;
        if (p.kind === 'keep') {
          keepRaw(p.row, p.line, p.raw); // title rows and the header itself: kept raw only
          continue;
        }
        if (p.kind === 'problem') {
          keepRaw(p.row, p.line, p.raw);
          problem(p.issue.list === 'rejected' ? rejected : warnings, p.issue.list, rowProblem(p, p.issue));
          continue;
        }
        const firstSeen = p.key === null ? undefined : earlierCopy(p.key, p.hash);
        const rawId = keepRaw(p.row, p.line, p.raw, p.hash);
        if (firstSeen !== undefined) {
          const d: DuplicateRow = { row: p.row, ...(p.line !== undefined && { line: p.line }), duplicateOf: firstSeen.row, ...(firstSeen.line !== null && { duplicateOfLine: firstSeen.line }) };
          duplicates.push(d);
          const message = `${rowLabel(d.row, d.line, true)} is an exact duplicate of ${rowLabel(d.duplicateOf, d.duplicateOfLine)}`;
          insertProblem.run(extractId, p.row, p.line ?? null, 'duplicate', 'duplicate', message, firstSeen.row);
          continue;
        }
        if (p.issue) {
          problem(rejected, 'rejected', rowProblem(p, p.issue));
          continue;
        }
        const entryId = insertEntry.run(extractId, rawId, agencyId, ...p.entry!).lastInsertRowid;
        imported++;
        if (p.warning) problem(warnings, 'warning', rowProblem(p, p.warning));
        if (p.ambiguous) {
          noteAmbiguous.run(entryId);
          ambiguousCount++;
        }
      }
      opts.onProgress?.({ rows: rowCount, percent: Math.min(99, Math.floor((batch.bytesRead / fileSize) * 100)) });
    }

    // A Stop pressed while the last rows were stored is still honoured: the rest is one synchronous
    // run (settling dates, the search index, commit), so the cancel message is let in before it and
    // again before the commit.
    await lettingMessagesIn();
    throwIfCancelled();
    if (ambiguousCount > 0) settleAmbiguousDates(db, extractId, plans.evidence(), (p) => problem(warnings, 'warning', p));
    db.prepare(INDEX_EXTRACT_FOR_SEARCH).run(extractId);
    db.exec(ENTRIES_FTS_TRIGGERS);
    // Review rules (#9, engine/review/rule-checks.ts): mandatory columns and cells, date order.
    for (const p of reviewRowProblems(caseFile, extractId, mapping, headerRowNumber, template)) problem(warnings, 'warning', p);

    db.prepare('UPDATE extracts SET row_count = ?, imported_count = ?, rejected_count = ?, duplicate_count = ? WHERE id = ?').run(
      rowCount, imported, rejected.length, duplicates.length, extractId,
    );
    let diff: ImportDiff | undefined;
    if (prev) {
      diff = diffExtracts(db, prev.id, extractId);
      db.prepare('UPDATE extracts SET diff_json = ? WHERE id = ?').run(JSON.stringify(diff), extractId);
      db.prepare('UPDATE extracts SET superseded_by = ? WHERE id = ?').run(extractId, prev.id);
      db.prepare('UPDATE entries SET active = 0 WHERE extract_id = ?').run(prev.id);
    }
    db.prepare('UPDATE agencies SET mapping_json = ? WHERE id = ?').run(JSON.stringify({ headers, mapping }), agencyId);
    if (opts.actor) {
      recordAudit(db, opts.actor, {
        action: prev ? 'import_new_version' : 'import',
        entity: 'extract',
        entityId: extractId,
        after: { file: name, agency: agencyName, sha256, version, imported, rejected: rejected.length, duplicates: duplicates.length, replaces: prev?.id ?? null },
      });
    }
    await lettingMessagesIn();
    throwIfCancelled();
    if (opts.dryRun) db.exec('ROLLBACK');
    else db.exec('COMMIT');
    warnings.sort((a, b) => a.row - b.row);
    opts.onProgress?.({ rows: rowCount, percent: 100 });
    return {
      file: name, agency: agencyName, format: preview.format, extractId: opts.dryRun ? null : extractId, version: opts.dryRun ? null : version,
      alreadyImported: false, imported, rejected, duplicates, warnings, headerRow: headerRowNumber, mapping, ...(diff ? { diff } : {}),
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
    db.pragma(`cache_size = ${cacheSize}`);
  }
}

/** The mapping saved from the agency's last upload, when this file has the same headings. */
function savedAgencyMapping(caseFile: CaseFile, agencyId: number, headers: string[]): ColumnMapping | null {
  const row = caseFile.db.prepare('SELECT mapping_json FROM agencies WHERE id = ?').get(agencyId) as { mapping_json: string | null } | undefined;
  if (!row?.mapping_json) return null;
  const saved = JSON.parse(row.mapping_json) as { headers: string[]; mapping: ColumnMapping };
  const same = saved.headers.length === headers.length && saved.headers.every((h, i) => h.toLowerCase() === headers[i]?.toLowerCase());
  return same ? saved.mapping : null;
}

/**
 * Once the whole file is read: if it proved day-first, its ambiguous dates were read correctly and
 * stay unflagged; if it proved month-first, swap them; if it proved neither (or both), keep the
 * day-first reading and flag each row so a person decides. Set-based SQL over the entries noted in
 * temp.import_ambiguous, so memory stays flat whatever the file's size.
 */
function settleAmbiguousDates(db: Db, extractId: number, evidence: DateEvidence, warn: (p: RowProblem) => void): void {
  const noted = `id IN (SELECT entry_id FROM temp.import_ambiguous)`;
  const addFlag = `flags = CASE flags WHEN '' THEN 'ambiguous_date' ELSE flags || ',ambiguous_date' END`;
  if (evidence.dayFirst > 0 && evidence.monthFirst === 0) return;
  if (evidence.monthFirst > 0 && evidence.dayFirst === 0) {
    // YYYY-DD-MM read day-first becomes YYYY-MM-DD (swapDayMonth, in SQL); a week keeps its 7 days.
    const swapped = `substr(date, 1, 5) || substr(date, 9, 2) || '-' || substr(date, 6, 2)`;
    // Only a plain date or a week commencing can be swapped in place; a week ending or a range
    // written with an ambiguous date stays flagged for a person to check ("wk beg" is a week commencing).
    const weekEnding = `(lower(original_date) GLOB 'w/e*' OR lower(original_date) GLOB 'w.e.*' OR lower(original_date) GLOB 'we *'
      OR lower(original_date) GLOB 'wk e*' OR lower(original_date) GLOB 'wk/e*' OR lower(original_date) GLOB 'week end*')`;
    const swappable = `(precision = 'day' OR (precision = 'week' AND NOT ${weekEnding}))`;
    db.prepare(`UPDATE entries SET ${addFlag} WHERE ${noted} AND NOT ${swappable}`).run();
    db.prepare(`UPDATE entries SET date = ${swapped}, date_to = CASE precision WHEN 'week' THEN date(${swapped}, '+6 days') ELSE ${swapped} END WHERE ${noted} AND ${swappable}`).run();
  } else {
    db.prepare(`UPDATE entries SET ${addFlag} WHERE ${noted}`).run();
  }
  // Each becomes a warning in the report (and a row of import_problems) anyway: read them at once.
  const rows = db
    .prepare(
      `SELECT r.row_number AS row, r.line FROM entries e JOIN raw_rows r ON r.id = e.raw_row_id
       WHERE e.id IN (SELECT entry_id FROM temp.import_ambiguous) AND e.extract_id = ? AND instr(e.flags, 'ambiguous_date') > 0 ORDER BY r.row_number`,
    )
    .all(extractId) as { row: number; line: number | null }[];
  for (const { row, line } of rows) {
    warn(rowProblem({ row, line: line ?? undefined }, {
      reason: 'ambiguous_date',
      message: `${rowLabel(row, line, true)}: the date could be day-first or month-first and the file does not show which; read as day-first (UK), please check`,
    }));
  }
}

/** A report's row problem: its line only where the row has one (SourceRow.line). */
function rowProblem(at: { row: number; line?: number }, issue: Pick<RowProblem, 'reason' | 'message'>): RowProblem {
  return { row: at.row, ...(at.line !== undefined && { line: at.line }), reason: issue.reason, message: issue.message };
}

/** One turn of the event loop, so messages waiting for this thread (a cancel) are delivered. */
const lettingMessagesIn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
