// The WHERE clause every timeline query shares: active entries overlapping a date window, narrowed
// by agency, person, signal and full-text search. Written so SQLite can answer a window from the
// date index alone: entries starting inside it come from `entries_active_date`, and the few whose
// dates are ranges starting before it from the partial index `entries_spanning`.
import type { EntryQuery } from '../../../shared/types.js';
import type { Db } from '../db/open-case-db.js';
import { ftsQuery } from './search-text.js';

export interface SqlFilter {
  /** Conditions on `e` (entries), joined with AND. */
  where: string;
  params: (string | number)[];
  /** True when the query can match nothing (e.g. a search with no words): skip the database. */
  empty: boolean;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/** Optional filters whose data other modules own: wired when their tables exist in this case. */
function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?").get(name) !== undefined;
}

/** `byStart`: match entries by their start date only (counts keyed by start date need no more,
 *  and the covering date index then answers alone). */
export function entryFilter(db: Db, q: EntryQuery, opts: { byStart?: boolean } = {}): SqlFilter {
  const where: string[] = [];
  const params: (string | number)[] = [];
  let empty = false;

  if (q.from !== undefined || q.to !== undefined) {
    const from = q.from ?? '0000-01-01';
    const to = q.to ?? '9999-12-31';
    if (opts.byStart) {
      where.push('e.active = 1 AND e.date >= ? AND e.date <= ?');
      params.push(from, to);
    } else {
      where.push(`(
      (e.active = 1 AND e.date >= ? AND e.date <= ?)
      OR e.id IN (SELECT s.id FROM entries s WHERE s.active = 1 AND s.date_to <> s.date AND s.date_to >= ? AND s.date < ?)
    )`);
      params.push(from, to, from, from);
    }
  } else {
    where.push('e.active = 1');
  }
  if (q.agencies?.length) {
    // Unary + keeps SQLite on the date index: a window is far more selective than an agency.
    where.push(`+e.agency_id IN (SELECT id FROM agencies WHERE name IN (${placeholders(q.agencies.length)}))`);
    params.push(...q.agencies);
  }
  if (q.persons?.length) {
    where.push(`e.id IN (SELECT entry_id FROM entry_persons WHERE person_id IN (${placeholders(q.persons.length)}))`);
    params.push(...q.persons);
  }
  if (q.search !== undefined && q.search.trim() !== '') {
    const match = ftsQuery(q.search);
    if (match === null) empty = true;
    else {
      where.push('e.id IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)');
      params.push(match);
    }
  }
  const signal = signalFilter(db, q);
  if (signal) {
    where.push(signal.sql);
    params.push(...signal.params);
  } else if (q.signals?.length || q.themes?.length) {
    empty = true; // no signal data in this case: nothing carries a signal
  }
  return { where: where.join(' AND '), params, empty };
}

/** Signal kind and theme filters, read from the signals module's `entry_signals` table. */
function signalFilter(db: Db, q: EntryQuery): { sql: string; params: (string | number)[] } | null {
  if (!q.signals?.length && !q.themes?.length) return { sql: '1 = 1', params: [] };
  if (!hasTable(db, 'entry_signals')) return null;
  const parts: string[] = [];
  const params: (string | number)[] = [];
  if (q.signals?.length) {
    parts.push(`s.kind IN (${placeholders(q.signals.length)})`);
    params.push(...q.signals);
  }
  if (q.themes?.length) {
    // themes: comma-separated, as the signals module writes them.
    parts.push(`(${q.themes.map(() => "(',' || s.themes || ',') LIKE ('%,' || ? || ',%')").join(' OR ')})`);
    params.push(...q.themes);
  }
  return { sql: `e.id IN (SELECT s.entry_id FROM entry_signals s WHERE ${parts.join(' AND ')})`, params };
}
