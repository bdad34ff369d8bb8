// One page of the integrated chronology for the table view, in the export's order (date, the chair's
// same-day order, time, sequence, id) or grouped by agency or signal first.
//
// Paging at depth without sorting the case: the entries the filters match are counted once per
// (group, start date) (a GROUP BY the date index answers) and kept until the case changes. A page at
// any offset is then found by a binary search over those counts, and only the few days it covers are
// read and sorted. At a million entries a page 900,000 rows deep costs about what the first one does,
// where OFFSET over the full ORDER BY would sort the whole case on every scroll.
import type { ChronologyPage, ChronologyQuery, ChronologyRow, ChronologySort } from '../../../shared/timeline.js';
import { CHRONOLOGY_TEXT_MAX } from '../../../shared/timeline.js';
import type { SignalKind } from '../../../shared/signals.js';
import type { CaseFile } from '../case-file.js';
import type { Db } from '../db/open-case-db.js';
import { entryFilter, type SqlFilter } from './entry-filter.js';

/** Entries of one group (agency or signal rank; 0 when sorted by date) starting on one day. */
interface DayGroup {
  group: number;
  date: string;
  n: number;
  /** The entries themselves, when the filters need a subquery (see `needsIds`). */
  ids?: number[];
}

/** The counts of one query, in table order, with where each starts. */
interface Plan {
  days: DayGroup[];
  /** starts[i]: row number of the first entry of days[i]; starts[days.length] = total. */
  starts: number[];
}

/** Signal kinds in the order "signal" sorts them: concerns first, entries with none last. */
const SIGNAL_RANK_SQL = "CASE sig.kind WHEN 'concern' THEN 0 WHEN 'response' THEN 1 WHEN 'routine' THEN 2 ELSE 3 END";

/** Counts per query (and the plans in each direction), kept while the case is unchanged: a few, as
 *  filters flip back and forth. */
const cache = new WeakMap<Db, { version: string; byKey: Map<string, { base: DayGroup[]; ordered: Map<boolean, Plan> }> }>();
const KEPT = 8;

/** Changes when this connection writes (total_changes) or another one commits (data_version). */
function version(db: Db): string {
  const local = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${db.pragma('data_version', { simple: true }) as number}:${local}`;
}

type Filters = Omit<ChronologyQuery, 'sort' | 'descending' | 'offset' | 'limit' | 'find'>;

function filtersOf(q: ChronologyQuery): Filters {
  const { sort: _s, descending: _d, offset: _o, limit: _l, find: _f, ...filters } = q;
  return filters;
}

/**
 * Search, person and signal filters are `e.id IN (subquery)`, which SQLite materialises whole on
 * every statement (a common search word: 140,000 ids, 300-400 ms per page at a million entries).
 * With them the counts keep each day's matching ids, and a page reads those ids alone.
 */
function needsIds(f: Filters): boolean {
  return Boolean(f.search?.trim() || f.persons?.length || f.signals?.length || f.themes?.length);
}

/** Agency id -> position in name order (what "agency" sorts by). */
function agencyRanks(db: Db): Map<number, number> {
  const rows = db.prepare('SELECT id FROM agencies ORDER BY name COLLATE NOCASE, id').all() as { id: number }[];
  return new Map(rows.map((r, i) => [r.id, i]));
}

function groupSql(sort: ChronologySort): string {
  return sort === 'agency' ? 'e.agency_id' : sort === 'signal' ? SIGNAL_RANK_SQL : '0';
}

function countDays(db: Db, f: SqlFilter, filters: Filters, sort: ChronologySort): DayGroup[] {
  const join = sort === 'signal' ? 'LEFT JOIN entry_signals sig ON sig.entry_id = e.id' : '';
  let days: DayGroup[];
  if (needsIds(filters)) {
    const byDay = new Map<string, DayGroup>();
    const rows = db.prepare(`SELECT e.id, ${groupSql(sort)}, e.date FROM entries e ${join} WHERE ${f.where}`).raw().all(...f.params) as [number, number, string][];
    for (const [id, group, date] of rows) {
      const k = `${group}|${date}`;
      let d = byDay.get(k);
      if (!d) byDay.set(k, (d = { group, date, n: 0, ids: [] }));
      d.n++;
      d.ids!.push(id);
    }
    days = [...byDay.values()];
  } else {
    // Straight off the date index (active, date, agency_id) when sorted by date or agency.
    days = db.prepare(`SELECT ${groupSql(sort)} AS "group", e.date AS date, count(*) AS n FROM entries e ${join} WHERE ${f.where} GROUP BY 1, e.date`).all(...f.params) as DayGroup[];
  }
  if (sort === 'agency') {
    const rank = agencyRanks(db);
    for (const d of days) d.group = rank.get(d.group) ?? rank.size;
  }
  return days;
}

function order(base: DayGroup[], sort: ChronologySort, descending: boolean): Plan {
  // Groups in the asked direction; dates run backwards only when the date itself is sorted descending.
  const dateDir = sort === 'date' && descending ? -1 : 1;
  const groupDir = sort !== 'date' && descending ? -1 : 1;
  const days = [...base].sort((a, b) => (a.group - b.group) * groupDir || (a.date < b.date ? -dateDir : a.date > b.date ? dateDir : 0));
  const starts = new Array<number>(days.length + 1);
  starts[0] = 0;
  for (let i = 0; i < days.length; i++) starts[i + 1] = starts[i]! + days[i]!.n;
  return { days, starts };
}

function planFor(db: Db, f: SqlFilter, q: ChronologyQuery): Plan {
  const v = version(db);
  let c = cache.get(db);
  if (!c || c.version !== v) {
    c = { version: v, byKey: new Map() };
    cache.set(db, c);
  }
  const filters = filtersOf(q);
  const key = JSON.stringify([filters, q.sort]);
  let hit = c.byKey.get(key);
  if (hit) c.byKey.delete(key); // re-inserted below: most recently used last, the oldest dropped
  else hit = { base: countDays(db, f, filters, q.sort), ordered: new Map() };
  c.byKey.set(key, hit);
  if (c.byKey.size > KEPT) c.byKey.delete(c.byKey.keys().next().value!);
  const desc = q.descending === true;
  let plan = hit.ordered.get(desc);
  if (!plan) hit.ordered.set(desc, (plan = order(hit.base, q.sort, desc)));
  return plan;
}

/** Index of the day-group holding row `row` (starts[i] <= row < starts[i + 1]). */
function dayAt(plan: Plan, row: number): number {
  let lo = 0;
  let hi = plan.days.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (plan.starts[mid]! <= row) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The order within one day (and group): the export's. */
function withinDay(dir: 'ASC' | 'DESC'): string {
  return `coalesce(n.same_day_order, 1000000) ${dir}, coalesce(e.time, '') ${dir}, coalesce(e.sequence, 0) ${dir}, e.id ${dir}`;
}

function groupCondition(sort: ChronologySort): string {
  if (sort === 'agency') return 'AND e.agency_id = ?';
  if (sort === 'signal') return `AND ${SIGNAL_RANK_SQL} = ?`;
  return '';
}

interface PageRow {
  id: number;
  agency_id: number;
  agency: string;
  date: string;
  date_to: string;
  precision: ChronologyRow['precision'];
  flags: string;
  original_date: string;
  time: string | null;
  contact_type: string | null;
  text: string;
  outcome: string | null;
  person_text: string | null;
  persons: string | null;
  signal: SignalKind | null;
  clusters: string | null;
  links: number;
  notes: number;
}

const ROW_SELECT = `SELECT e.id, e.agency_id, a.name AS agency, e.date, e.date_to, e.precision, e.flags, e.original_date, e.time,
  e.contact_type, substr(e.text, 1, ${CHRONOLOGY_TEXT_MAX}) AS text, e.outcome, e.person_text, sig.kind AS signal,
  (SELECT group_concat(DISTINCT ep.person_id) FROM entry_persons ep WHERE ep.entry_id = e.id) AS persons,
  (SELECT group_concat(c.id || ':' || c.status) FROM cluster_entries ce JOIN clusters c ON c.id = ce.cluster_id WHERE ce.entry_id = e.id AND c.detected = 1) AS clusters,
  (SELECT count(DISTINCT l2.entry_id) FROM link_entries l1 JOIN link_entries l2 ON l2.link_id = l1.link_id WHERE l1.entry_id = e.id AND l2.entry_id <> e.id) AS links,
  (SELECT count(*) FROM corrections k WHERE k.entry_id = e.id) + (CASE WHEN trim(coalesce(n.analysis, '')) <> '' THEN 1 ELSE 0 END) AS notes
  FROM entries e JOIN agencies a ON a.id = e.agency_id
  LEFT JOIN annotations n ON n.entry_id = e.id
  LEFT JOIN entry_signals sig ON sig.entry_id = e.id`;

/** Real group values (agency ids) from ranks, for the per-segment queries. */
function groupValue(db: Db, sort: ChronologySort, rank: number): number {
  if (sort !== 'agency') return rank;
  for (const [id, r] of agencyRanks(db)) if (r === rank) return id;
  return -1;
}

/** The SQL condition for the entries of days[i..j] (consecutive days of one group). */
function runScope(db: Db, f: SqlFilter, sort: ChronologySort, days: DayGroup[], i: number, j: number): { sql: string; params: (string | number)[] } {
  if (days[i]!.ids) return { sql: 'e.id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(days.slice(i, j + 1).flatMap((d) => d.ids!))] };
  const a = days[i]!.date;
  const b = days[j]!.date;
  const groupParams = sort === 'date' ? [] : [groupValue(db, sort, days[i]!.group)];
  return {
    sql: `${f.where} AND e.active = 1 AND e.date >= ? AND e.date <= ? ${groupCondition(sort)}`,
    params: [...f.params, a <= b ? a : b, a <= b ? b : a, ...groupParams],
  };
}

/** Rows [offset, offset + limit) of the plan: one query per run of consecutive days of one group. */
function readRows(db: Db, f: SqlFilter, q: ChronologyQuery, plan: Plan, offset: number): PageRow[] {
  const total = plan.starts[plan.days.length]!;
  if (offset >= total) return [];
  const dir = q.sort === 'date' && q.descending ? 'DESC' : 'ASC';
  const out: PageRow[] = [];
  let i = dayAt(plan, offset);
  let skip = offset - plan.starts[i]!;
  let want = Math.min(q.limit, total - offset);
  while (want > 0 && i < plan.days.length) {
    // The run: days of the same group from i until they hold enough rows.
    const group = plan.days[i]!.group;
    let j = i;
    let held = plan.days[i]!.n - skip;
    while (held < want && j + 1 < plan.days.length && plan.days[j + 1]!.group === group) held += plan.days[++j]!.n;
    const take = Math.min(want, held);
    const scope = runScope(db, f, q.sort, plan.days, i, j);
    const rows = db.prepare(`${ROW_SELECT} WHERE ${scope.sql} ORDER BY e.date ${dir}, ${withinDay(dir)} LIMIT ? OFFSET ?`).all(...scope.params, take, skip) as PageRow[];
    out.push(...rows);
    want -= rows.length;
    if (rows.length < take) break; // the case changed under the plan: return what there is
    i = j + 1;
    skip = 0;
  }
  return out;
}

/** Row number of entry `id` in the plan's order, or null when the filters leave it out. */
function rowNumberOf(db: Db, f: SqlFilter, q: ChronologyQuery, plan: Plan, id: number): number | null {
  const e = db
    .prepare(
      `SELECT e.date, e.agency_id AS agencyId, ${SIGNAL_RANK_SQL} AS signalRank, coalesce(n.same_day_order, 1000000) AS o, coalesce(e.time, '') AS t, coalesce(e.sequence, 0) AS s
       FROM entries e LEFT JOIN annotations n ON n.entry_id = e.id LEFT JOIN entry_signals sig ON sig.entry_id = e.id WHERE e.id = ? AND ${f.where}`,
    )
    .get(id, ...f.params) as { date: string; agencyId: number; signalRank: number; o: number; t: string; s: number } | undefined;
  if (!e) return null;
  const group = q.sort === 'agency' ? (agencyRanks(db).get(e.agencyId) ?? -1) : q.sort === 'signal' ? e.signalRank : 0;
  const i = plan.days.findIndex((d) => d.group === group && d.date === e.date);
  if (i < 0) return null;
  const before = q.sort === 'date' && q.descending ? '>' : '<';
  const scope = runScope(db, f, q.sort, plan.days, i, i);
  const { n } = db
    .prepare(
      `SELECT count(*) AS n FROM entries e LEFT JOIN annotations n ON n.entry_id = e.id LEFT JOIN entry_signals sig ON sig.entry_id = e.id
       WHERE ${scope.sql} AND (coalesce(n.same_day_order, 1000000), coalesce(e.time, ''), coalesce(e.sequence, 0), e.id) ${before} (?, ?, ?, ?)`,
    )
    .get(...scope.params, e.o, e.t, e.s, id) as { n: number };
  return plan.starts[i]! + n;
}

export function chronologyPage(caseFile: CaseFile, q: ChronologyQuery): ChronologyPage {
  const db = caseFile.db;
  const f = entryFilter(db, filtersOf(q));
  if (f.empty) return { total: 0, offset: 0, rows: [], ...(q.find !== undefined && { found: null }) };
  const plan = planFor(db, f, q);
  const total = plan.starts[plan.days.length]!;
  let offset = q.offset;
  let found: number | null | undefined;
  if (q.find !== undefined) {
    found = rowNumberOf(db, f, q, plan, q.find);
    if (found !== null) offset = Math.floor(found / q.limit) * q.limit;
  }
  const rows = readRows(db, f, q, plan, offset);
  return { total, offset, rows: withPeople(db, rows).map(toRow), ...(found !== undefined && { found }) };
}

type WithPeople = PageRow & { people: ChronologyRow['people'] };

function withPeople(db: Db, rows: PageRow[]): WithPeople[] {
  const ids = [...new Set(rows.flatMap((r) => (r.persons ? r.persons.split(',').map(Number) : [])))];
  const byId = new Map<number, ChronologyRow['people'][number]>();
  if (ids.length) {
    const found = db.prepare(`SELECT id, display_name AS name, pseudonym FROM persons WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as ChronologyRow['people'];
    for (const p of found) byId.set(p.id, p);
  }
  return rows.map((r) => ({ ...r, people: r.persons ? r.persons.split(',').flatMap((id) => byId.get(Number(id)) ?? []) : [] }));
}

function toRow(r: WithPeople): ChronologyRow {
  return {
    id: r.id,
    agency: r.agency,
    agencyId: r.agency_id,
    date: r.date,
    dateTo: r.date_to,
    precision: r.precision,
    flags: r.flags ? r.flags.split(',') : [],
    originalDate: r.original_date,
    time: r.time,
    contactType: r.contact_type,
    text: r.text,
    outcome: r.outcome,
    personText: r.person_text,
    people: r.people,
    signal: r.signal,
    clusters: r.clusters
      ? r.clusters.split(',').map((c) => {
          const [id, status] = c.split(':');
          return { id: Number(id), status: status === 'responded' ? 'responded' : 'missed' };
        })
      : [],
    links: r.links,
    notes: r.notes,
  };
}
