// Reads an agency's monthly counts for what a glance at the strip shows: the busiest month and the
// longest run of months with nothing, put into words for screen readers.
import type { ActivityMonth } from '../../../shared/timeline';
import { count } from '../../../shared/words';

export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
export const monthName = (ym: string): string => MONTH.format(new Date(`${ym}-01T00:00:00Z`));

export function describeAgency(name: string, months: string[], counts: Map<string, number>): string {
  let total = 0;
  let busiest = '';
  let most = 0;
  let gap = 0;
  let gapEnd = '';
  let run = 0;
  let seen = false;
  for (const m of months) {
    const n = counts.get(m) ?? 0;
    total += n;
    if (n > most) {
      most = n;
      busiest = m;
    }
    if (n === 0 && seen) run += 1;
    else {
      if (run > gap) {
        gap = run;
        gapEnd = m;
      }
      run = 0;
    }
    if (n > 0) seen = true;
  }
  if (total === 0) return `${name}: no entries.`;
  const gapText = gap >= 2 ? ` Longest silence: ${gap} months before ${monthName(gapEnd)}.` : '';
  return `${name}: ${count(total, 'entry')}; busiest ${monthName(busiest)} (${most}).${gapText}`;
}

export function countsByAgency(rows: ActivityMonth[]): Map<number, Map<string, number>> {
  const by = new Map<number, Map<string, number>>();
  for (const r of rows) {
    const m = by.get(r.agencyId) ?? new Map<string, number>();
    m.set(r.month, r.count);
    by.set(r.agencyId, m);
  }
  return by;
}
