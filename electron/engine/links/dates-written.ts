// Dates written in an entry's text ("re incident 14/06/19", "arrested 02/09/2019", "seen on
// 2019-06-14"), as ISO days: a second agency's note of an event often gives the first one's date.
import { daysInMonth, expandYear } from '../import/dates.js';

const NUMERIC = /\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b/g;

const cache = new Map<string, Set<string>>();
const MAX_CACHE = 10_000;

export function datesWritten(text: string): Set<string> {
  const hit = cache.get(text);
  if (hit) return hit;
  const out = new Set<string>();
  for (const m of text.matchAll(NUMERIC)) {
    const [d, mo, y] = m[4] ? [Number(m[6]), Number(m[5]), Number(m[4])] : [Number(m[1]), Number(m[2]), Number(m[3])];
    const year = m[4] ? y : expandYear(m[3]!);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(year, mo)) continue;
    out.add(`${year}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
  }
  if (cache.size >= MAX_CACHE) cache.clear();
  cache.set(text, out);
  return out;
}
