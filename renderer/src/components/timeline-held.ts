// What the timeline holds from the engine's last answer, and whether a new window can be drawn from
// it without asking again. Answers cover the window and as much again either side, so a pan or a
// zoom within that needs no query and no new items: vis-timeline only moves what it has laid out.
import { BUCKET_PERIODS, type BucketPeriod, type TimelineWindow } from '../../../shared/timeline';
import type { TimelineEntry } from '../../../shared/types';

export interface DayRange {
  /** YYYY-MM-DD, inclusive. */
  from: string;
  to: string;
}

export interface Held {
  /** What the answer depends on besides dates: filters, presentation, linked entries. */
  key: string;
  answer: TimelineWindow;
}

export type Reuse = { mode: 'entries'; inView: TimelineEntry[] } | { mode: 'buckets'; period: BucketPeriod; total: number };

const DAY_MS = 86_400_000;
const dayNumber = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Entries overlapping the days of `view` (as the engine counts them). */
export const entriesIn = (list: TimelineEntry[], view: DayRange): TimelineEntry[] => list.filter((e) => e.date <= view.to && e.dateTo >= view.from);

/** The days to ask for: the view and its own length again either side, within `bounds`. */
export function around(view: DayRange, bounds: Partial<DayRange> = {}): DayRange {
  const from = dayNumber(view.from);
  const to = dayNumber(view.to);
  const span = to - from + 1;
  const wide = { from: isoOf(from - span), to: isoOf(to + span) };
  return { from: bounds.from && bounds.from > wide.from ? bounds.from : wide.from, to: bounds.to && bounds.to < wide.to ? bounds.to : wide.to };
}

/** How to draw `view` from what is held, or null when the engine must be asked. */
export function reuse(held: Held | null, key: string, view: DayRange, want: BucketPeriod, cap: number): Reuse | null {
  const covered = held?.answer.covered;
  if (!held || !covered || held.key !== key || view.from < covered.from || view.to > covered.to) return null;
  const a = held.answer;
  if (a.mode === 'entries') {
    const inView = entriesIn(a.entries, view);
    return inView.length <= cap ? { mode: 'entries', inView } : null;
  }
  // The counts drawn stay while they fit the width (never finer than wanted) and are at most one
  // period coarser than wanted: zooming in a step keeps them, and the next step refines them.
  const have = BUCKET_PERIODS.indexOf(a.period);
  const need = BUCKET_PERIODS.indexOf(want);
  if (have < need || have > need + 1) return null;
  // Counts are drawn only when over the cap. Entries starting in view are counted from the answer's
  // counts per day: the status line's number, and at most the entries overlapping the view.
  if (!a.perDay) return null;
  const first = dayNumber(a.perDay.from);
  let total = 0;
  for (let d = dayNumber(view.from) - first, last = dayNumber(view.to) - first; d <= last; d++) total += a.perDay.counts[d] ?? 0;
  return total > cap ? { mode: 'buckets', period: a.period, total } : null;
}
