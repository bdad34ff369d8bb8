// Calendar periods for the counts drawn when a window holds too many entries: the SQL expression
// that keys an ISO date to its period, and the period's first day and the next period's first day.
import type { BucketPeriod } from '../../../shared/timeline.js';

/** SQL giving the period key of `col` (an ISO date). Week keys count Mondays since 1970. */
export function periodKeySql(period: BucketPeriod, col: string): string {
  switch (period) {
    case 'day':
      return col;
    case 'week':
      // julianday of 1970-01-01 is 2440587.5, a Thursday: +3 days makes weeks start on Monday.
      return `CAST((julianday(${col}) - 2440587.5 + 3) / 7 AS INTEGER)`;
    case 'month':
      return `substr(${col}, 1, 7)`;
    case 'quarter':
      return `substr(${col}, 1, 4) || '-Q' || ((CAST(substr(${col}, 6, 2) AS INTEGER) + 2) / 3)`;
    case 'year':
      return `substr(${col}, 1, 4)`;
  }
}

const iso = (t: number): string => new Date(t).toISOString().slice(0, 10);
const utc = (y: number, m: number, d = 1): number => Date.UTC(y, m, d);

/** [first day, first day of the next period) for a key produced by `periodKeySql`. */
export function periodSpan(period: BucketPeriod, key: string | number): { start: string; end: string } {
  const k = String(key);
  switch (period) {
    case 'day': {
      const t = Date.parse(`${k}T00:00:00Z`);
      return { start: k, end: iso(t + 86_400_000) };
    }
    case 'week': {
      const monday = (Number(k) * 7 - 3) * 86_400_000;
      return { start: iso(monday), end: iso(monday + 7 * 86_400_000) };
    }
    case 'month': {
      const [y, m] = k.split('-').map(Number) as [number, number];
      return { start: iso(utc(y, m - 1)), end: iso(utc(y, m)) };
    }
    case 'quarter': {
      const [y, q] = k.split('-Q').map(Number) as [number, number];
      return { start: iso(utc(y, (q - 1) * 3)), end: iso(utc(y, q * 3)) };
    }
    case 'year': {
      const y = Number(k);
      return { start: iso(utc(y, 0)), end: iso(utc(y + 1, 0)) };
    }
  }
}
