// Entries per agency per day for the whole case, counted once and kept until the case changes:
// every count the timeline draws without a text, person or signal filter (the zoomed-out view, the
// activity strip) is then summed from these few thousand rows instead of re-reading a million
// entries on each zoom or pan.
import type { BucketPeriod, TimelineBucket } from '../../../shared/timeline.js';
import type { Db } from '../db/open-case-db.js';
import { periodSpan } from './periods.js';

export interface DayCount {
  agencyId: number;
  day: string;
  n: number;
}

const cache = new WeakMap<Db, { version: string; days: DayCount[] }>();

/** Changes when this connection writes (total_changes) or another one commits (data_version). */
function version(db: Db): string {
  const local = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${db.pragma('data_version', { simple: true }) as number}:${local}`;
}

function dayCounts(db: Db): DayCount[] {
  const v = version(db);
  const hit = cache.get(db);
  if (hit && hit.version === v) return hit.days;
  // In date order straight off the covering index (active, date, agency_id): no sort, no table reads.
  const days = db.prepare('SELECT agency_id AS agencyId, date AS day, count(*) AS n FROM entries WHERE active = 1 GROUP BY date, agency_id').all() as DayCount[];
  cache.set(db, { version: v, days });
  return days;
}

/** The period key of an ISO date, as `periodKeySql` computes it in SQL. */
export function periodKey(period: BucketPeriod, day: string): string {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return String(Math.floor((Date.parse(`${day}T00:00:00Z`) / 86_400_000 + 3) / 7));
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) + 2) / 3)}`;
    case 'year':
      return day.slice(0, 4);
  }
}

/** Counts per agency and period of the entries starting in [from, to] (all when absent), and how
 *  many of them start in `view` (all of them when no view is given). */
export function bucketsFromDayCounts(
  db: Db,
  period: BucketPeriod,
  opts: { from?: string; to?: string; agencyIds?: Set<number>; view?: { from: string; to: string } },
): WindowCounts {
  return sumDayCounts(dayCounts(db), period, opts);
}

export interface WindowCounts {
  buckets: TimelineBucket[];
  inView: number;
  /** Entries starting on each day from `from` to the last day counted (when `from` and `to` are given). */
  perDay?: { from: string; counts: number[] };
}

/** Sums counts per agency and day (in date order) into periods, as `bucketsFromDayCounts` says. */
export function sumDayCounts(
  days: DayCount[],
  period: BucketPeriod,
  opts: { from?: string; to?: string; agencyIds?: Set<number>; view?: { from: string; to: string } },
): WindowCounts {
  const sums = new Map<string, { agencyId: number; key: string; count: number }>();
  const first = opts.from && opts.to ? dayNumber(opts.from) : null;
  const perDay = first === null ? undefined : new Array<number>(Math.max(0, dayNumber(opts.to!) - first + 1)).fill(0);
  let inView = 0;
  for (const d of days) {
    if ((opts.from && d.day < opts.from) || (opts.to && d.day > opts.to)) continue;
    if (opts.agencyIds && !opts.agencyIds.has(d.agencyId)) continue;
    if (!opts.view || (d.day >= opts.view.from && d.day <= opts.view.to)) inView += d.n;
    if (perDay) perDay[dayNumber(d.day) - first!]! += d.n;
    const key = periodKey(period, d.day);
    const id = `${key}\u0000${d.agencyId}`;
    const s = sums.get(id);
    if (s) s.count += d.n;
    else sums.set(id, { agencyId: d.agencyId, key, count: d.n });
  }
  const buckets = [...sums.values()].map((s) => ({ agencyId: s.agencyId, ...periodSpan(period, s.key), count: s.count })).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.agencyId - b.agencyId));
  return { buckets, inView, ...(perDay ? { perDay: { from: opts.from!, counts: perDay } } : {}) };
}

const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);

/** The first day of the period holding `from` and the last day of the period holding `to`. */
export function wholePeriods(period: BucketPeriod, from: string, to: string): { from: string; to: string } {
  const last = periodSpan(period, periodKey(period, to)).end;
  return { from: periodSpan(period, periodKey(period, from)).start, to: new Date(Date.parse(`${last}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) };
}
