// What the timeline draws for one visible window: the entries themselves when there are few enough,
// otherwise counts per agency and period computed in SQL, so the renderer never holds the case. The
// answer also covers the dates around the window (`view`), so the renderer draws pans and zooms
// within them from what it holds.
import type { ActivityMonth, TimelineBucket, TimelineWindow, WindowQuery } from '../../../shared/timeline.js';
import type { EntryQuery } from '../../../shared/types.js';
import type { CaseFile } from '../case-file.js';
import { bucketsFromDayCounts, sumDayCounts, wholePeriods, type DayCount, type WindowCounts } from './day-counts.js';
import { entryFilter } from './entry-filter.js';

/** Most entries sent for the window and its surroundings, as a multiple of the cap on those in view. */
const AROUND_FACTOR = 3;

export function timelineWindow(caseFile: CaseFile, q: WindowQuery): TimelineWindow {
  const view = q.view ?? { from: q.from, to: q.to };
  const inView = { ...q, from: view.from, to: view.to };
  // Count no further than the cap: a window over a million entries costs no more than one over cap+1.
  const upTo = countUpTo(caseFile, inView, q.cap + 1);
  if (upTo <= q.cap) {
    // The entries around the view too, unless they are many: the renderer keeps those off screen as
    // plain objects (never laid out), so a pan or zoom within them needs no new query.
    if (q.view && countUpTo(caseFile, q, q.cap * AROUND_FACTOR + 1) <= q.cap * AROUND_FACTOR) {
      return { mode: 'entries', total: upTo, entries: caseFile.listEntries({ ...q, limit: q.cap * AROUND_FACTOR }).entries, covered: { from: q.from, to: q.to } };
    }
    const page = caseFile.listEntries({ ...inView, limit: q.cap });
    return { mode: 'entries', total: page.total, entries: page.entries, covered: view };
  }
  // Whole periods: a count at the edge of the window holds its whole period, as its box says, and
  // stays the same (so the renderer keeps its DOM) while the window pans or zooms within it.
  const counted = q.wholePeriods ? { ...q, ...wholePeriods(q.period, q.from, q.to) } : q;
  const { buckets, inView: total, perDay } = countWindow(caseFile, counted, q.period, view);
  return { mode: 'buckets', total, period: q.period, buckets, covered: { from: counted.from, to: counted.to }, ...(perDay ? { perDay } : {}) };
}

function countUpTo(caseFile: CaseFile, q: EntryQuery, limit: number): number {
  const f = entryFilter(caseFile.db, q);
  if (f.empty) return 0;
  return (caseFile.db.prepare(`SELECT count(*) AS n FROM (SELECT 1 FROM entries e WHERE ${f.where} LIMIT ?)`).get(...f.params, limit) as { n: number }).n;
}

export function countByPeriod(caseFile: CaseFile, q: EntryQuery, period: WindowQuery['period']): TimelineBucket[] {
  return countWindow(caseFile, q, period).buckets;
}

/** Counts per agency and period of the entries `q` matches, how many of them start in `view`, and
 *  how many start on each day of [q.from, q.to]. */
function countWindow(caseFile: CaseFile, q: EntryQuery, period: WindowQuery['period'], view?: { from: string; to: string }): WindowCounts {
  if (!q.search?.trim() && !q.persons?.length && !q.signals?.length && !q.themes?.length) {
    // Only dates and agencies: summed from the cached counts per agency per day.
    const agencyIds = q.agencies?.length ? new Set(q.agencies.map((n) => caseFile.agencyId(n)).filter((id): id is number => id !== null)) : undefined;
    return bucketsFromDayCounts(caseFile.db, period, { from: q.from, to: q.to, agencyIds, view });
  }
  const f = entryFilter(caseFile.db, q, { byStart: true });
  if (f.empty) return { buckets: [], inView: 0 };
  // Per agency and day (in date order), then summed like the cached counts.
  const days = caseFile.db.prepare(`SELECT e.agency_id AS agencyId, e.date AS day, count(*) AS n FROM entries e WHERE ${f.where} GROUP BY e.date, e.agency_id`).all(...f.params) as DayCount[];
  return sumDayCounts(days, period, { from: q.from, to: q.to, view });
}

/** Entries per agency per month over the whole case (filters apply, the date window does not). */
export function activityByMonth(caseFile: CaseFile, q: EntryQuery): ActivityMonth[] {
  const { from: _from, to: _to, ...rest } = q;
  return countByPeriod(caseFile, rest, 'month').map((b) => ({ agencyId: b.agencyId, month: b.start.slice(0, 7), count: b.count }));
}
