// One open case: its SQLite file and the queries the rest of the engine shares.
import path from 'node:path';
import type { AgencySummary, CaseSummary, EntryDetail, EntryPage, EntryQuery, ImportFormat, TimelineEntry } from '../../shared/types.js';
import { openCaseDb, schemaVersion, type Db, type OpenOptions } from './db/open-case-db.js';
import { JigsawError } from './errors.js';
import type { SignalKind } from '../../shared/signals.js';
import { entryFilter } from './timeline/entry-filter.js';

/** Colour-blind-safe palette (Okabe-Ito, then Tol) assigned to agencies in order of arrival. */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#882255', '#117733', '#44AA99', '#999933', '#AA4499', '#332288'];

export const DEFAULT_ENTRY_LIMIT = 500;

export class CaseFile {
  private constructor(
    readonly db: Db,
    readonly file: string,
    private readonly passphrase?: string,
  ) {}

  static open(file: string, opts: OpenOptions = {}): CaseFile {
    const db = openCaseDb(file, opts);
    const c = new CaseFile(db, file, opts.passphrase);
    if (c.meta('title') === null && !opts.readonly) {
      c.setMeta('title', path.basename(file).replace(/\.jigsaw$/i, ''));
      c.setMeta('review_type', 'Safeguarding Adults Review');
      c.setMeta('created_at', new Date().toISOString());
    }
    return c;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** How to open a second connection to this case (an import worker thread writes through one). */
  connectionOptions(): { file: string; passphrase?: string } {
    return { file: this.file, passphrase: this.passphrase };
  }

  meta(key: string): string | null {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  setMeta(key: string, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** The agency's id, creating it (with the next palette colour) when new. */
  ensureAgency(name: string): number {
    const clean = name.trim();
    const found = this.db.prepare('SELECT id FROM agencies WHERE name = ?').get(clean) as { id: number } | undefined;
    if (found) return found.id;
    const n = (this.db.prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n;
    return Number(
      this.db
        .prepare('INSERT INTO agencies(name, colour, created_at) VALUES (?, ?, ?)')
        .run(clean, PALETTE[n % PALETTE.length], new Date().toISOString()).lastInsertRowid,
    );
  }

  agencyId(name: string): number | null {
    const found = this.db.prepare('SELECT id FROM agencies WHERE name = ?').get(name.trim()) as { id: number } | undefined;
    return found?.id ?? null;
  }

  agencies(): AgencySummary[] {
    return this.db
      .prepare(
        `SELECT a.id, a.name, a.colour, (SELECT count(*) FROM entries e WHERE e.agency_id = a.id AND e.active = 1) AS entryCount
         FROM agencies a ORDER BY a.id`,
      )
      .all() as AgencySummary[];
  }

  summary(): CaseSummary {
    // Each part answered by an index (a million entries in well under a second, no table scan): the
    // latest end is the later of the latest start and the latest end of a date range.
    const one = (sql: string) => (this.db.prepare(sql).get() as { v: string | number | null } | undefined)?.v ?? null;
    const lastStart = one('SELECT date AS v FROM entries WHERE active = 1 ORDER BY date DESC LIMIT 1') as string | null;
    const lastRangeEnd = one('SELECT date_to AS v FROM entries WHERE active = 1 AND date_to <> date ORDER BY date_to DESC LIMIT 1') as string | null;
    const span = {
      n: one('SELECT count(*) AS v FROM entries WHERE active = 1') as number,
      lo: one('SELECT date AS v FROM entries WHERE active = 1 ORDER BY date LIMIT 1') as string | null,
      hi: lastRangeEnd !== null && (lastStart === null || lastRangeEnd > lastStart) ? lastRangeEnd : lastStart,
    };
    return {
      title: this.meta('title') ?? path.basename(this.file),
      fileName: path.basename(this.file),
      reviewType: this.meta('review_type') ?? 'Safeguarding Adults Review',
      periodFrom: this.meta('period_from'),
      periodTo: this.meta('period_to'),
      schemaVersion: schemaVersion(this.db),
      entryCount: span.n,
      dateMin: span.lo,
      dateMax: span.hi,
      agencies: this.agencies(),
    };
  }

  listEntries(q: EntryQuery): EntryPage {
    // Window, agency, person, signal and search filters are shared with the timeline's queries.
    const filter = entryFilter(this.db, q);
    if (filter.empty) return { entries: [], total: 0, truncated: false };
    const params = filter.params;
    const limit = q.limit ?? DEFAULT_ENTRY_LIMIT;
    const sqlWhere = filter.where;
    const rows = this.db
      .prepare(
        `${ENTRY_SELECT} WHERE ${sqlWhere}
         ORDER BY e.date, coalesce(e.time, ''), coalesce(e.sequence, 0), e.id LIMIT ?`,
      )
      .all(...params, limit + 1) as EntryRow[];
    const truncated = rows.length > limit;
    const total = truncated
      ? (this.db.prepare(`SELECT count(*) AS n FROM entries e JOIN agencies a ON a.id = e.agency_id WHERE ${sqlWhere}`).get(...params) as { n: number }).n
      : rows.length;
    return { entries: rows.slice(0, limit).map(toEntry), total, truncated };
  }

  getEntry(id: number): EntryDetail {
    const row = this.db
      .prepare(
        `${ENTRY_SELECT.replace('SELECT', 'SELECT r.cells_json, x.sha256, x.version, x.imported_at, x.format, x.headers_json,')}
         WHERE e.id = ?`,
      )
      .get(id) as (EntryRow & { cells_json: string; sha256: string; version: number; imported_at: string; format: ImportFormat; headers_json: string }) | undefined;
    if (!row) throw new JigsawError('not_found', `No entry ${id} in this case`);
    const cells = JSON.parse(row.cells_json) as string[];
    const headers = JSON.parse(row.headers_json) as string[];
    const width = Math.max(cells.length, headers.length);
    const raw = Array.from({ length: width }, (_, i) => ({ header: headers[i] || `Column ${i + 1}`, value: cells[i] ?? '' }));
    const entry = toEntry(row);
    return {
      ...entry,
      raw,
      provenance: {
        file: entry.source.file,
        row: entry.source.row,
        ...(entry.source.line !== undefined && { line: entry.source.line }),
        sha256: row.sha256,
        extractId: row.extract_id,
        extractVersion: row.version,
        importedAt: row.imported_at,
        format: row.format,
      },
    };
  }
}

const ENTRY_SELECT = `SELECT e.id, e.extract_id, e.agency_id, a.name AS agency, e.date, e.date_to, e.precision, e.original_date, e.time,
  e.contact_type, e.text, e.outcome, e.practitioner, e.person_text, e.flags, x.file_name, r.row_number, r.line, sig.kind AS signal_kind, sig.themes AS signal_themes,
  (SELECT group_concat(DISTINCT ep.person_id) FROM entry_persons ep WHERE ep.entry_id = e.id) AS persons,
  (SELECT group_concat(DISTINCT l2.entry_id) FROM link_entries l1 JOIN link_entries l2 ON l2.link_id = l1.link_id
     WHERE l1.entry_id = e.id AND l2.entry_id <> e.id) AS linked
  FROM entries e JOIN agencies a ON a.id = e.agency_id JOIN extracts x ON x.id = e.extract_id JOIN raw_rows r ON r.id = e.raw_row_id
  LEFT JOIN entry_signals sig ON sig.entry_id = e.id`;

interface EntryRow {
  id: number;
  extract_id: number;
  agency_id: number;
  agency: string;
  date: string;
  date_to: string;
  precision: TimelineEntry['precision'];
  original_date: string;
  time: string | null;
  contact_type: string | null;
  text: string;
  outcome: string | null;
  practitioner: string | null;
  person_text: string | null;
  flags: string;
  file_name: string;
  row_number: number;
  line: number | null;
  persons: string | null;
  linked: string | null;
  signal_kind: SignalKind | null;
  signal_themes: string | null;
}

function toEntry(r: EntryRow): TimelineEntry {
  return {
    id: r.id,
    agency: r.agency,
    agencyId: r.agency_id,
    date: r.date,
    dateTo: r.date_to,
    precision: r.precision,
    originalDate: r.original_date,
    time: r.time,
    contactType: r.contact_type,
    text: r.text,
    outcome: r.outcome,
    practitioner: r.practitioner,
    personText: r.person_text,
    flags: r.flags ? r.flags.split(',') : [],
    source: { file: r.file_name, row: r.row_number, ...(r.line !== null && { line: r.line }) },
    persons: r.persons ? r.persons.split(',').map(Number) : [],
    linkedEntries: r.linked ? r.linked.split(',').map(Number) : [],
    signal: r.signal_kind ? { kind: r.signal_kind, themes: r.signal_themes ? r.signal_themes.split(',') : [] } : null,
  };
}
