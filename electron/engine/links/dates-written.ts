// Dates written in an entry's text ("re incident 14/06/19", "arrested 02/09/2019", "seen on
// 2019-06-14", "ED letter: attended 25/03"), as ISO days: a second agency's note of an event often
// gives the first one's date. A day and month without a year are read as the last such day up to
// a week after the entry's own date, and kept only when that is within LINK_DATE_WITHOUT_YEAR_DAYS
// before it: "24/7" or a dose "1/2" far from the entry's date is not a date.
import { daysInMonth, expandYear } from '../import/dates.js';
import { LINK_DATE_WITHOUT_YEAR_DAYS } from './link-weights.js';

const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b|(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/]|\.\d)/g;
const DAY_MS = 86_400_000;

const iso = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const valid = (y: number, m: number, d: number): boolean => m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);

/** Days written in `text`; `ownDate` (ISO) places a day and month written without a year. */
export function datesWritten(text: string, ownDate: string): Set<string> {
  const out = new Set<string>();
  const own = Date.parse(`${ownDate}T00:00:00Z`);
  const ownYear = Number(ownDate.slice(0, 4));
  for (const m of text.matchAll(NUMERIC)) {
    if (m[7]) {
      const [d, mo] = [Number(m[7]), Number(m[8])];
      for (const y of [ownYear + 1, ownYear, ownYear - 1]) {
        if (!valid(y, mo, d)) continue;
        const before = (own - Date.UTC(y, mo - 1, d)) / DAY_MS;
        if (before < -7) continue;
        if (before <= LINK_DATE_WITHOUT_YEAR_DAYS) out.add(iso(y, mo, d));
        break;
      }
      continue;
    }
    const [d, mo, y] = m[4] ? [Number(m[6]), Number(m[5]), Number(m[4])] : [Number(m[1]), Number(m[2]), expandYear(m[3]!)];
    if (valid(y, mo, d)) out.add(iso(y, mo, d));
  }
  return out;
}
