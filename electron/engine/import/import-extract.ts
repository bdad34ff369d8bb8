// Imports one agency extract into a case in a single transaction: every row kept raw with its row
// number, good rows normalised into entries, every bad row reported with its reason. A failure or
// a crash part-way leaves the case as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ColumnMapping, DuplicateRow, ImportReport, RowProblem } from '../../../shared/types.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { findHeaderRow, isRepeatedHeader, mapHeadings } from './columns.js';
import { addDays, londonToday, newEvidence, parseDate, swapDayMonth } from './dates.js';
import { LIMITS } from './limits.js';
import { openSource, type SourceRow } from './sources/index.js';

export interface ImportOptions {
  agency: string;
  /** The name the user knows the file by (uploads arrive under a temporary name). */
  fileName?: string;
  /** Column mapping chosen by the user; otherwise the agency's saved one or a fresh guess. */
  mapping?: ColumnMapping;
  signal?: AbortSignal;
  onProgress?: (p: { rows: number; percent: number }) => void;
  /** Run every check, then roll back: the report without the import. */
  dryRun?: boolean;
  now?: Date;
}

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

/** Reads the first rows and works out the header row and a mapping, without importing. */
export async function previewFile(file: string): Promise<{ format: ImportReport['format']; headerIndex: number; head: SourceRow[]; headers: string[]; mapping: ColumnMapping }> {
  const source = await openSource(file);
  const head: SourceRow[] = [];
  for await (const r of source.rows()) {
    head.push(r);
    if (head.length >= LIMITS.headerScanRows) break;
  }
  const headerIndex = findHeaderRow(head.map((r) => r.cells), (v) => !('error' in parseDate(v)));
  const headers = headerIndex >= 0 ? head[headerIndex]!.cells.map((c) => c.trim()) : [];
  const mapping = mapHeadings(headers);
  if (mapping.date === undefined && headerIndex >= 0) inferDateColumn(mapping, head.slice(headerIndex + 1).map((r) => r.cells));
  return { format: source.format, headerIndex, head, headers, mapping };
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
  const sha256 = await sha256File(file);
  const db = caseFile.db;

  const existingAgency = caseFile.agencyId(agencyName);
  if (existingAgency !== null) {
    const same = db.prepare('SELECT id, version, header_row, mapping_json FROM extracts WHERE agency_id = ? AND sha256 = ? ORDER BY version DESC').get(existingAgency, sha256) as
      | { id: number; version: number; header_row: number; mapping_json: string }
      | undefined;
    if (same) {
      return {
        file: name, agency: agencyName, format: 'csv', extractId: same.id, version: same.version, alreadyImported: true,
        imported: 0, rejected: [], duplicates: [], warnings: [], headerRow: same.header_row, mapping: JSON.parse(same.mapping_json) as ColumnMapping,
      };
    }
  }

  const preview = await previewFile(file);
  if (preview.headerIndex < 0 && !opts.mapping) {
    throw new JigsawError('no_header', `${name}: no header row found in the first ${LIMITS.headerScanRows} rows; map the columns by hand`);
  }
  const headerRowNumber = preview.headerIndex >= 0 ? preview.head[preview.headerIndex]!.row : preview.head[0]?.row ?? 1;
  const headers = preview.headerIndex >= 0 ? preview.headers : (preview.head[0]?.cells ?? []).map((_, i) => `Column ${i + 1}`);
  const savedMapping = existingAgency !== null ? savedAgencyMapping(caseFile, existingAgency, headers) : null;
  const mapping: ColumnMapping = opts.mapping ?? savedMapping ?? preview.mapping;
  if (mapping.date === undefined) {
    throw new JigsawError('no_date_column', `${name}: no column was recognised as the date; map the columns by hand`);
  }

  const today = londonToday((opts.now ?? new Date()).getTime());
  const periodFrom = caseFile.meta('period_from');
  const periodTo = caseFile.meta('period_to');
  const rejected: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  const duplicates: DuplicateRow[] = [];
  const seen = new Map<string, number>();
  const evidence = newEvidence();
  const ambiguousEntryIds: number[] = [];
  const ambiguousRows: number[] = [];
  let imported = 0;
  let rowCount = 0;
  const cell = (cells: string[], f: keyof ColumnMapping): string | null => {
    const i = mapping[f];
    if (i === undefined) return null;
    // Entries get normalised line endings; the raw row keeps the file's own.
    const v = (cells[i] ?? '').trim().replace(/\r\n?/g, '\n');
    return v === '' ? null : v;
  };
  const textOf = (cells: string[]): string => {
    const t = cell(cells, 'text');
    if (t) return t;
    // No notes column: keep every unmapped cell, labelled, so nothing is lost from the timeline.
    const used = new Set(Object.values(mapping));
    return cells
      .map((c, i) => (used.has(i) || !c.trim() ? null : `${headers[i] || `Column ${i + 1}`}: ${c.trim()}`))
      .filter(Boolean)
      .join('; ');
  };

  db.exec('BEGIN IMMEDIATE');
  try {
    const agencyId = caseFile.ensureAgency(agencyName);
    const prev = db.prepare('SELECT id, version FROM extracts WHERE agency_id = ? AND superseded_by IS NULL ORDER BY version DESC').get(agencyId) as
      | { id: number; version: number }
      | undefined;
    const maxVersion = (db.prepare('SELECT coalesce(max(version), 0) AS v FROM extracts WHERE agency_id = ?').get(agencyId) as { v: number }).v;
    const version = maxVersion + 1;
    const extractId = Number(
      db
        .prepare(
          `INSERT INTO extracts(agency_id, file_name, sha256, format, imported_at, version, header_row, headers_json, mapping_json,
             row_count, imported_count, rejected_count, duplicate_count) VALUES (?,?,?,?,?,?,?,?,?,0,0,0,0)`,
        )
        .run(agencyId, name, sha256, preview.format, new Date().toISOString(), version, headerRowNumber, JSON.stringify(headers), JSON.stringify(mapping))
        .lastInsertRowid,
    );
    const insertRaw = db.prepare('INSERT INTO raw_rows(extract_id, row_number, cells_json) VALUES (?, ?, ?)');
    const insertProblem = db.prepare('INSERT INTO import_problems(extract_id, row_number, kind, reason, message, duplicate_of) VALUES (?,?,?,?,?,?)');
    const insertEntry = db.prepare(
      `INSERT INTO entries(extract_id, raw_row_id, agency_id, date, date_to, precision, original_date, time, sequence, contact_type,
         text, outcome, analysis, practitioner, person_text, dob, nhs_number, address, reference, flags)
       VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
    );
    const problem = (list: RowProblem[], kind: 'rejected' | 'warning', p: RowProblem): void => {
      list.push(p);
      insertProblem.run(extractId, p.row, kind, p.reason, p.message, null);
    };

    const source = await openSource(file);
    let index = -1;
    for await (const { row, cells } of source.rows()) {
      index++;
      rowCount++;
      if (opts.signal?.aborted) throw new JigsawError('cancelled', `Import of ${name} cancelled; nothing was imported`);
      if (cells.length > LIMITS.maxColumns) throw new JigsawError('too_many_columns', `${name}: row ${row} has ${cells.length} columns (limit ${LIMITS.maxColumns}); the file was refused`);
      const rawId = Number(insertRaw.run(extractId, row, JSON.stringify(cells)).lastInsertRowid);
      if (index <= preview.headerIndex) continue; // title rows and the header itself: kept raw only
      if (opts.onProgress && rowCount % 5000 === 0) opts.onProgress({ rows: rowCount, percent: -1 });

      if (cells.every((c) => c.trim() === '')) {
        problem(rejected, 'rejected', { row, reason: 'empty_row', message: `Row ${row} is empty` });
        continue;
      }
      const big = cells.findIndex((c) => c.length > LIMITS.maxCellChars);
      if (big >= 0) {
        problem(rejected, 'rejected', { row, reason: 'cell_too_large', message: `Row ${row}: column "${headers[big] ?? big + 1}" holds ${cells[big]!.length} characters (limit ${LIMITS.maxCellChars})` });
        continue;
      }
      if (isRepeatedHeader(cells, headers)) {
        problem(warnings, 'warning', { row, reason: 'repeated_header', message: `Row ${row} repeats the header row and was skipped` });
        continue;
      }
      const key = crypto.createHash('sha1').update(cells.map((c) => c.trim()).join('\u001f')).digest('base64');
      const firstSeen = seen.get(key);
      if (firstSeen !== undefined) {
        duplicates.push({ row, duplicateOf: firstSeen });
        insertProblem.run(extractId, row, 'duplicate', 'duplicate', `Row ${row} is an exact duplicate of row ${firstSeen}`, firstSeen);
        continue;
      }
      seen.set(key, row);

      const dateText = cell(cells, 'date') ?? '';
      const parsed = parseDate(dateText, cell(cells, 'time'), evidence);
      if ('error' in parsed) {
        problem(rejected, 'rejected', { row, reason: parsed.error, message: `Row ${row}: ${parsed.message}` });
        continue;
      }
      if (parsed.date > today) {
        problem(rejected, 'rejected', { row, reason: 'future_date', message: `Row ${row}: ${parsed.date} is in the future` });
        continue;
      }
      if ((periodFrom && parsed.dateTo < periodFrom) || (periodTo && parsed.date > periodTo)) {
        problem(rejected, 'rejected', { row, reason: 'outside_review_period', message: `Row ${row}: ${parsed.date} is outside the review period ${periodFrom ?? '…'} to ${periodTo ?? '…'}` });
        continue;
      }
      const text = textOf(cells);
      const flags = [parsed.uncertain && 'uncertain', parsed.qualifier, parsed.ambiguous && 'ambiguous_date'].filter(Boolean).join(',');
      const seq = cell(cells, 'sequence');
      const entryId = Number(
        insertEntry.run(
          extractId, rawId, agencyId, parsed.date, parsed.dateTo, parsed.precision, dateText, parsed.time,
          seq && /^\d+$/.test(seq) ? Number(seq) : null, cell(cells, 'contactType'), text, cell(cells, 'outcome'), cell(cells, 'analysis'),
          cell(cells, 'practitioner'), cell(cells, 'person'), cell(cells, 'dob'), cell(cells, 'nhsNumber'), cell(cells, 'address'),
          cell(cells, 'reference'), flags,
        ).lastInsertRowid,
      );
      if (parsed.ambiguous) {
        ambiguousEntryIds.push(entryId);
        ambiguousRows.push(row);
      }
      imported++;
    }

    settleAmbiguousDates(caseFile, evidence, ambiguousEntryIds, ambiguousRows, (p) => problem(warnings, 'warning', p));

    db.prepare('UPDATE extracts SET row_count = ?, imported_count = ?, rejected_count = ?, duplicate_count = ? WHERE id = ?').run(
      rowCount, imported, rejected.length, duplicates.length, extractId,
    );
    if (prev) {
      db.prepare('UPDATE extracts SET superseded_by = ? WHERE id = ?').run(extractId, prev.id);
      db.prepare('UPDATE entries SET active = 0 WHERE extract_id = ?').run(prev.id);
    }
    db.prepare('UPDATE agencies SET mapping_json = ? WHERE id = ?').run(JSON.stringify({ headers, mapping }), agencyId);
    if (opts.dryRun) db.exec('ROLLBACK');
    else db.exec('COMMIT');
    opts.onProgress?.({ rows: rowCount, percent: 100 });
    return {
      file: name, agency: agencyName, format: preview.format, extractId: opts.dryRun ? null : extractId, version: opts.dryRun ? null : version,
      alreadyImported: false, imported, rejected, duplicates, warnings, headerRow: headerRowNumber, mapping,
    };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
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
 * Once the whole file is read: if it proved day-first, its ambiguous dates were read correctly; if
 * it proved month-first, swap them; if it proved neither (or both), keep the day-first reading and
 * flag each row so a person decides.
 */
function settleAmbiguousDates(
  caseFile: CaseFile,
  evidence: { dayFirst: number; monthFirst: number },
  entryIds: number[],
  rows: number[],
  warn: (p: RowProblem) => void,
): void {
  if (entryIds.length === 0) return;
  const db = caseFile.db;
  const clearFlag = db.prepare(`UPDATE entries SET flags = trim(replace(replace(flags, 'ambiguous_date', ''), ',,', ','), ',') WHERE id = ?`);
  if (evidence.dayFirst > 0 && evidence.monthFirst === 0) {
    for (const id of entryIds) clearFlag.run(id);
    return;
  }
  if (evidence.monthFirst > 0 && evidence.dayFirst === 0) {
    const get = db.prepare('SELECT date, precision FROM entries WHERE id = ?');
    const set = db.prepare('UPDATE entries SET date = ?, date_to = ? WHERE id = ?');
    for (const id of entryIds) {
      const e = get.get(id) as { date: string; precision: string };
      const date = swapDayMonth(e.date);
      set.run(date, e.precision === 'week' ? addDays(date, 6) : date, id);
      clearFlag.run(id);
    }
    return;
  }
  rows.forEach((row) =>
    warn({
      row,
      reason: 'ambiguous_date',
      message: `Row ${row}: the date could be day-first or month-first and the file does not show which; read as day-first (UK), please check`,
    }),
  );
}
