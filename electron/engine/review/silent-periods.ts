// Silent periods: spans with no recorded contact, which guidance asks chronologies to state. For
// the subject, spans longer than the review's gap (default 60 days) with no entry from any agency;
// per agency with an extract in use, spans longer than the same gap with no contact from it. An
// approximate entry ("March 2016") counts as contact over its whole range, so no silence is
// claimed where a contact may have been. Also used by the export (#7).
import type { SilentPeriods, SilentSpan } from '../../../shared/review.js';
import type { CaseFile } from '../case-file.js';
import { getReviewSettings } from './settings.js';

const dayNumber = (iso: string): number => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const isoOf = (n: number): string => new Date(n * 86_400_000).toISOString().slice(0, 10);

/** Tracks one lane (the whole case, or one agency): how far contact covers, and the gaps found. */
class Lane {
  covered: number;
  readonly spans: SilentSpan[] = [];
  constructor(
    from: number,
    private readonly gapDays: number,
  ) {
    this.covered = from - 1;
  }
  /** The next contact, in date order: a gap before it longer than the limit is silent. */
  contact(start: number, end: number): void {
    if (start - this.covered - 1 > this.gapDays) this.push(this.covered + 1, start - 1);
    if (end > this.covered) this.covered = end;
  }
  finish(to: number): SilentSpan[] {
    if (to - this.covered > this.gapDays) this.push(this.covered + 1, to);
    return this.spans;
  }
  private push(a: number, b: number): void {
    this.spans.push({ from: isoOf(a), to: isoOf(b), days: b - a + 1 });
  }
}

export function silentPeriods(caseFile: CaseFile, opts: { gapDays?: number } = {}): SilentPeriods {
  const db = caseFile.db;
  const gapDays = opts.gapDays ?? getReviewSettings(caseFile).settings.silentGapDays;
  const span = db.prepare('SELECT min(date) AS lo, max(date_to) AS hi FROM entries WHERE active = 1').get() as { lo: string | null; hi: string | null };
  const from = caseFile.meta('period_from') ?? span.lo;
  const to = caseFile.meta('period_to') ?? span.hi;
  if (!from || !to || from > to) return { gapDays, from, to, subject: [], agencies: [] };

  // Contacts in date order, for the case and every agency at once. Which agency had contact on
  // which day comes from the date index alone (a few thousand rows, not one per entry); entries
  // whose date is a range add their whole range, from the partial index on ranges.
  const first = dayNumber(from);
  const last = dayNumber(to);
  const subjectLane = new Lane(first, gapDays);
  const lanes = new Map<number, Lane>();
  const days = db.prepare('SELECT DISTINCT agency_id, date, date FROM entries WHERE active = 1 AND date BETWEEN ? AND ?').raw().all(from, to) as [number, string, string][];
  const ranges = db
    .prepare('SELECT agency_id, date, date_to FROM entries WHERE active = 1 AND date_to <> date AND date_to >= ? AND date <= ?')
    .raw()
    .all(from, to) as [number, string, string][];
  const rows = [...days, ...ranges].sort((a, b) => (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  for (const [agencyId, date, dateTo] of rows) {
    const start = dayNumber(date);
    const end = Math.min(last, dayNumber(dateTo));
    subjectLane.contact(start, end);
    let lane = lanes.get(agencyId);
    if (!lane) lanes.set(agencyId, (lane = new Lane(first, gapDays)));
    lane.contact(start, end);
  }
  const subject = subjectLane.finish(last);
  // An agency whose extract holds no entry in the period was silent throughout.
  const agencies = (
    db
      .prepare('SELECT a.id, a.name FROM agencies a WHERE EXISTS (SELECT 1 FROM extracts x WHERE x.agency_id = a.id AND x.superseded_by IS NULL) ORDER BY a.id')
      .all() as { id: number; name: string }[]
  ).map((a) => ({ agency: a.name, agencyId: a.id, spans: (lanes.get(a.id) ?? new Lane(first, gapDays)).finish(last) }));
  return { gapDays, from, to, subject, agencies };
}

