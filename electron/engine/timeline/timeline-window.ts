// What the timeline draws for one visible window: the entries themselves when there are few enough,
// otherwise counts per agency and period computed in SQL, so the renderer never holds the case.
import type { ActivityMonth, TimelineBucket, TimelineWindow, WindowQuery } from '../../../shared/timeline.js';
import type { EntryQuery } from '../../../shared/types.js';
import type { CaseFile } from '../case-file.js';
import { bucketsFromDayCounts, wholePeriods } from './day-counts.js';
import { entryFilter } from './entry-filter.js';
import { periodKeySql, periodSpan } from './periods.js';

export function timelineWindow(caseFile: CaseFile, q: WindowQuery): TimelineWindow {
  const db = caseFile.db;
  const f = entryFilter(db, q);
  if (f.empty) return { mode: 'entries', total: 0, entries: [] };
  // Count no further than the cap: a window over a million entries costs no more than one over cap+1.
  const upTo = (db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM entries e WHERE ${f.where} LIMIT ?)`).get(...f.params, q.cap + 1) as { n: number }).n;
  if (upTo <= q.cap) {
    const page = caseFile.listEntries({ ...q, limit: q.cap });
    return { mode: 'entries', total: page.total, entries: page.entries };
  }
  // Whole periods: a count at the edge of the window holds its whole period, as its box says, and
  // stays the same (so the renderer keeps its DOM) while the window pans or zooms within it.
  const { buckets, inView } = countWindow(caseFile, q.wholePeriods ? { ...q, ...wholePeriods(q.period, q.from, q.to) } : q, q.period, { from: q.from, to: q.to });
  return { mode: 'buckets', total: inView, period: q.period, buckets };
}

export function countByPeriod(caseFile: CaseFile, q: EntryQuery, period: WindowQuery['period']): TimelineBucket[] {
  return countWindow(caseFile, q, period).buckets;
}

/** Counts per agency and period of the entries `q` matches, and how many of them start in `view`. */
function countWindow(caseFile: CaseFile, q: EntryQuery, period: WindowQuery['period'], view?: { from: string; to: string }): { buckets: TimelineBucket[]; inView: number } {
  if (!q.search?.trim() && !q.persons?.length && !q.signals?.length && !q.themes?.length) {
    // Only dates and agencies: summed from the cached counts per agency per day.
    const agencyIds = q.agencies?.length ? new Set(q.agencies.map((n) => caseFile.agencyId(n)).filter((id): id is number => id !== null)) : undefined;
    return bucketsFromDayCounts(caseFile.db, period, { from: q.from, to: q.to, agencyIds, view });
  }
  const f = entryFilter(caseFile.db, q, { byStart: true });
  if (f.empty) return { buckets: [], inView: 0 };
  const rows = caseFile.db
    .prepare(`SELECT e.agency_id AS agencyId, ${periodKeySql(period, 'e.date')} AS k, count(*) AS n, sum(e.date >= ? AND e.date <= ?) AS v FROM entries e WHERE ${f.where} GROUP BY e.agency_id, k ORDER BY k, e.agency_id`)
    .all(view?.from ?? '0000-01-01', view?.to ?? '9999-12-31', ...f.params) as { agencyId: number; k: string | number; n: number; v: number }[];
  return { buckets: rows.map((r) => ({ agencyId: r.agencyId, ...periodSpan(period, r.k), count: r.n })), inView: rows.reduce((n, r) => n + r.v, 0) };
}

/** Entries per agency per month over the whole case (filters apply, the date window does not). */
export function activityByMonth(caseFile: CaseFile, q: EntryQuery): ActivityMonth[] {
  const { from: _from, to: _to, ...rest } = q;
  return countByPeriod(caseFile, rest, 'month').map((b) => ({ agencyId: b.agencyId, month: b.start.slice(0, 7), count: b.count }));
}
