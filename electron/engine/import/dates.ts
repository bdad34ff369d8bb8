// Reads the date styles agencies actually send (UK day-first, ISO, UTC timestamps, Excel serials,
// approximate dates) into a local Europe/London range with a precision. Never guesses silently
// between day-first and month-first: a row that could be either is marked ambiguous, and the import
// settles it once the whole file has shown which convention it uses.
import { TZDate } from '@date-fns/tz';
import type { DatePrecision } from '../../../shared/types.js';

export const LONDON = 'Europe/London';

export interface ParsedDate {
  date: string;
  dateTo: string;
  precision: DatePrecision;
  time: string | null;
  uncertain: boolean;
  qualifier: 'before' | 'after' | null;
  /** Both day-first and month-first readings are valid and differ; `date` holds the day-first one. */
  ambiguous: boolean;
}

export type DateFailure = { error: 'missing_date' | 'impossible_date' | 'unreadable_date'; message: string };

/** Evidence gathered over a file about how its slashed dates are ordered. */
export interface DateEvidence {
  dayFirst: number;
  monthFirst: number;
}

export const newEvidence = (): DateEvidence => ({ dayFirst: 0, monthFirst: 0 });

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_RE = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY_RE = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s+)?';
const TIME_RE = '(?:[ T,]+(?:at\\s+)?(\\d{1,2})[:.](\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(am|pm)?(?:\\s*hrs?)?)?';

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const ymd = (y: number, m: number, d: number): string => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validDay(y: number, m: number, d: number): boolean {
  return y >= 1850 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Two-digit years: up to next year's two digits are this century, the rest the last. */
export function expandYear(y: string, today = new Date()): number {
  if (y.length === 4) return Number(y);
  const n = Number(y);
  const pivot = (today.getUTCFullYear() + 1) % 100;
  return n <= pivot ? 2000 + n : 1900 + n;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

function time(h?: string, min?: string, ampm?: string): string | null | 'bad' {
  if (h === undefined || min === undefined) return null;
  let hh = Number(h);
  const mm = Number(min);
  if (ampm) {
    if (hh < 1 || hh > 12) return 'bad';
    if (ampm.toLowerCase() === 'pm' && hh !== 12) hh += 12;
    if (ampm.toLowerCase() === 'am' && hh === 12) hh = 0;
  }
  if (hh > 23 || mm > 59) return 'bad';
  return `${pad(hh)}:${pad(mm)}`;
}

function exact(date: string, t: string | null, extra: Partial<ParsedDate> = {}): ParsedDate {
  return { date, dateTo: date, precision: 'day', time: t, uncertain: false, qualifier: null, ambiguous: false, ...extra };
}

function range(from: string, to: string, precision: DatePrecision): ParsedDate {
  return { date: from, dateTo: to, precision, time: null, uncertain: false, qualifier: null, ambiguous: false };
}

const monthRange = (y: number, m1: number, m2: number, precision: DatePrecision): ParsedDate =>
  range(ymd(y, m1, 1), ymd(y, m2, daysInMonth(y, m2)), precision);

/** A UTC (or offset) instant shown as Europe/London local date and time. */
export function instantToLondon(ms: number): { date: string; time: string } {
  const z = new TZDate(ms, LONDON);
  return { date: ymd(z.getFullYear(), z.getMonth() + 1, z.getDate()), time: `${pad(z.getHours())}:${pad(z.getMinutes())}` };
}

/** Excel's 1900 date system (with its phantom 29 Feb 1900) to a local date and time. */
export function excelSerialToLocal(serial: number): { date: string; time: string | null } {
  const days = Math.floor(serial);
  const fraction = serial - days;
  const t = new Date(Date.UTC(1899, 11, 30 + days));
  const date = ymd(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
  if (fraction < 1e-9) return { date, time: null };
  const minutes = Math.round(fraction * 1440);
  return { date, time: `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}` };
}

const SEASONS: Record<string, [number, number]> = { spring: [3, 5], summer: [6, 8], autumn: [9, 11], fall: [9, 11] };
const PARTS: Record<string, [number, number]> = { early: [1, 4], beginning: [1, 4], start: [1, 4], mid: [5, 8], middle: [5, 8], late: [9, 12], end: [9, 12] };

/**
 * Parse one date cell (optionally with a separate time cell). `evidence`, when given, is updated
 * with what this cell shows about day-first versus month-first order.
 */
export function parseDate(raw: string, timeCell?: string | null, evidence?: DateEvidence): ParsedDate | DateFailure {
  let s = raw.trim().replace(/\s+/g, ' ');
  if (!s || NOT_KNOWN.test(s)) return { error: 'missing_date', message: s ? `"${s}": no date given` : 'No date given' };
  let uncertain = false;
  let qualifier: ParsedDate['qualifier'] = null;
  if (s.startsWith('?') || s.endsWith('?')) {
    uncertain = true;
    s = s.replace(/^\?+\s*|\s*\?+$/g, '');
  }
  // "14/03/2023 (approx)", "March 2023 est."
  const approxAfter = /\s*[([]?\s*(?:approx\.?|approximately|approximate|estimated|est\.?|circa|unconfirmed|tbc)\s*[)\]]?$/i.exec(s);
  if (approxAfter && approxAfter.index > 0) {
    uncertain = true;
    s = s.slice(0, approxAfter.index);
  }
  const q = /^(on or before|before|by|prior to|on or after|after|since)\s+/i.exec(s);
  if (q) {
    qualifier = /after|since/i.test(q[1]!) ? 'after' : 'before';
    s = s.slice(q[0].length);
  }
  const approx = /^(circa|approximately|approx\.?|around|about|abt\.?|ca\.|c\.|c(?=[\s\d]))\s*/i.exec(s);
  if (approx) {
    uncertain = true;
    s = s.slice(approx[0].length);
  }
  // Zone names after a wall-clock time: GMT and BST are London's own; UTC on an ISO timestamp is Z.
  s = s.replace(/^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*UTC$/i, '$1Z').replace(/\s*\(?(?:GMT|BST)\)?$/i, '');
  // "14/03/2023 1405", "2023-03-14 0930hrs": a 24-hour time without a colon after a full date.
  s = s.replace(/^(.*\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2})\s+([01]\d|2[0-3])([0-5]\d)(?:\s*hrs?)?$/i, '$1 $2:$3');
  const parsed = parseCore(s, evidence);
  if ('error' in parsed) return parsed;
  if (timeCell && parsed.time === null && parsed.precision === 'day') {
    const t = parseTimeCell(timeCell);
    if (t === 'bad') return { error: 'unreadable_date', message: `Time "${timeCell}" is not a time of day` };
    parsed.time = t;
  }
  parsed.uncertain ||= uncertain;
  parsed.qualifier = qualifier;
  if (parsed.uncertain && parsed.precision === 'day') parsed.precision = 'approximate';
  return parsed;
}

export function parseTimeCell(cell: string): string | null | 'bad' {
  const s = cell.trim();
  if (!s || NOT_KNOWN.test(s) || /^[-–—]+$/.test(s)) return null;
  const m = /^(\d{1,2})[:.]?(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(am|pm)?(?:\s*hrs?)?$/i.exec(s);
  if (m) return time(m[1], m[2], m[3]);
  // Excel stores a time-only cell as a day fraction.
  if (/^0?\.\d+$/.test(s)) return excelSerialToLocal(Number(s)).time ?? '00:00';
  return 'bad';
}

/** What agencies write where a date or time is not known: read as no date (or no time). */
const NOT_KNOWN = /^(?:unknown|not known|n\/?k|n\/?a|not recorded|no date|no time|tbc|date unknown|time unknown)$/i;

function parseCore(s: string, evidence?: DateEvidence): ParsedDate | DateFailure {
  const lower = s.toLowerCase();
  let m: RegExpExecArray | null;

  // A range: "01/03/2023 - 05/03/2023", "between 1 March and 5 March 2023", "March to May 2023".
  if ((m = /^(?:between\s+|from\s+)?(.+?)\s+(?:-|–|—|to|until|and)\s+(.+)$/i.exec(s)) && (/^(between|from)\s/i.test(s) || !/\s(and)\s/i.test(s))) {
    const r = parseRange(m[1]!, m[2]!, evidence);
    if (r) return r;
  }

  // ISO timestamp with Z or offset: an instant, shown in London time.
  if ((m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})$/i.exec(s))) {
    if (!validDay(+m[1]!, +m[2]!, +m[3]!)) return impossible(s);
    const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${normOffset(m[7]!)}`);
    if (Number.isNaN(ms)) return impossible(s);
    const local = instantToLondon(ms);
    return exact(local.date, local.time);
  }
  // ISO local date (and time); also 2023/03/14 and 2023.03.14, which systems export too.
  if ((m = new RegExp(`^(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})${TIME_RE}$`, 'i').exec(s))) {
    const [y, mo, d] = [+m[1]!, +m[3]!, +m[4]!];
    if (!validDay(y, mo, d)) return impossible(s);
    const t = time(m[5], m[6], m[8]);
    if (t === 'bad') return impossible(s);
    return exact(ymd(y, mo, d), t);
  }
  // 20230314 (a compact date from a database export).
  if ((m = /^(19\d{2}|2[01]\d{2})(\d{2})(\d{2})$/.exec(s))) {
    if (!validDay(+m[1]!, +m[2]!, +m[3]!)) return impossible(s);
    return exact(ymd(+m[1]!, +m[2]!, +m[3]!), null);
  }
  // 2023-03: a month.
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(s)) && +m[1]! >= 1850) {
    const mo = +m[2]!;
    if (mo < 1 || mo > 12) return impossible(s);
    return monthRange(+m[1]!, mo, mo, 'month');
  }
  // w/c 06/03/2006: the week commencing that day.
  if ((m = /^(?:w\/c|wc|w\.c\.|week commencing|week of|w\/b|week beginning)\s*(.+)$/i.exec(s))) {
    const inner = parseCore(m[1]!, evidence);
    if ('error' in inner) return inner;
    return { ...range(inner.date, addDays(inner.date, 6), 'week'), ambiguous: inner.ambiguous };
  }
  // w/e 10/03/2006: the week ending that day.
  if ((m = /^(?:week ending|week end|wk ending|w\/e|w\.e\.|wk\/e|we(?=\s))\s*(.+)$/i.exec(s))) {
    const inner = parseCore(m[1]!, evidence);
    if ('error' in inner) return inner;
    return { ...range(addDays(inner.dateTo, -6), inner.dateTo, 'week'), ambiguous: inner.ambiguous };
  }
  // Numeric day/month/year with / . - separators (and optional time).
  if ((m = new RegExp(`^${WEEKDAY_RE}(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4}|\\d{2})${TIME_RE}$`, 'i').exec(s))) {
    const a = +m[1]!;
    const b = +m[2]!;
    const y = expandYear(m[3]!);
    const t = time(m[4], m[5], m[7]);
    if (t === 'bad') return impossible(s);
    const dayFirstOk = validDay(y, b, a);
    const monthFirstOk = validDay(y, a, b);
    if (dayFirstOk && !monthFirstOk) {
      if (a > 12 && evidence) evidence.dayFirst++;
      return exact(ymd(y, b, a), t);
    }
    if (!dayFirstOk && monthFirstOk) {
      if (evidence) evidence.monthFirst++;
      return exact(ymd(y, a, b), t, { ambiguous: false });
    }
    if (!dayFirstOk) return impossible(s);
    return exact(ymd(y, b, a), t, { ambiguous: a !== b });
  }
  // 22-May-16, 22 May 2016, 22nd May 2016, Sunday 22 May 2016 10:00.
  if ((m = new RegExp(`^${WEEKDAY_RE}(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s\\-/.]*${MONTH_RE}\\.?[\\s\\-/.,]*(\\d{4}|\\d{2})${TIME_RE}$`, 'i').exec(s))) {
    const d = +m[1]!;
    const mo = MONTHS[m[2]!.toLowerCase()]!;
    const y = expandYear(m[3]!);
    if (!validDay(y, mo, d)) return impossible(s);
    const t = time(m[4], m[5], m[7]);
    if (t === 'bad') return impossible(s);
    return exact(ymd(y, mo, d), t);
  }
  // May 22, 2016 (written-out month first is never ambiguous).
  if ((m = new RegExp(`^${WEEKDAY_RE}${MONTH_RE}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME_RE}$`, 'i').exec(s))) {
    const mo = MONTHS[m[1]!.toLowerCase()]!;
    const d = +m[2]!;
    const y = +m[3]!;
    if (!validDay(y, mo, d)) return impossible(s);
    const t = time(m[4], m[5], m[7]);
    if (t === 'bad') return impossible(s);
    return exact(ymd(y, mo, d), t);
  }
  // March 2006, Mar-06, Mar 2006.
  if ((m = new RegExp(`^${MONTH_RE}\\.?[\\s\\-/,]*(\\d{4}|\\d{2})$`, 'i').exec(s))) {
    const mo = MONTHS[m[1]!.toLowerCase()]!;
    return monthRange(expandYear(m[2]!), mo, mo, 'month');
  }
  // 03/2006
  if ((m = /^(\d{1,2})[/.-](\d{4})$/.exec(s))) {
    const mo = +m[1]!;
    if (mo < 1 || mo > 12) return impossible(s);
    return monthRange(+m[2]!, mo, mo, 'month');
  }
  // Early / mid / late March 2006: the first, middle or last ten days or so of the month.
  if ((m = new RegExp(`^(early|beginning of|start of|mid|middle of|late|end of)[\\s-]*${MONTH_RE}\\.?[\\s\\-/,]*(\\d{4}|\\d{2})$`, 'i').exec(s))) {
    const mo = MONTHS[m[2]!.toLowerCase()]!;
    const y = expandYear(m[3]!);
    const part = m[1]!.toLowerCase().split(' ')[0]!;
    const [a, b] = PARTS[part]![0] === 1 ? [1, 10] : PARTS[part]![0] === 5 ? [11, 20] : [21, daysInMonth(y, mo)];
    return range(ymd(y, mo, a), ymd(y, mo, b), 'approximate');
  }
  // Q2 2006, 2006 Q2: a calendar quarter.
  if ((m = /^(?:q([1-4])\s*(\d{4})|(\d{4})\s*q([1-4]))$/i.exec(s))) {
    const q = +(m[1] ?? m[4])!;
    return monthRange(+(m[2] ?? m[3])!, q * 3 - 2, q * 3, 'approximate');
  }
  // Spring 2005, Winter 2005 (Dec to Feb), Winter 2005/06.
  if ((m = /^(spring|summer|autumn|fall|winter)\s+(?:of\s+)?(\d{4})(?:[/-](?:\d{2}|\d{4}))?$/i.exec(lower))) {
    const y = +m[2]!;
    if (m[1] === 'winter') return range(ymd(y, 12, 1), ymd(y + 1, 2, daysInMonth(y + 1, 2)), 'season');
    const [a, b] = SEASONS[m[1]!]!;
    return monthRange(y, a, b, 'season');
  }
  // early / mid / late 2005
  if ((m = /^(early|beginning of|start of|mid|middle of|late|end of)[\s-]*(\d{4})$/i.exec(lower))) {
    const [a, b] = PARTS[m[1]!.split(' ')[0]!]!;
    return monthRange(+m[2]!, a, b, 'approximate');
  }
  // 2005
  if ((m = /^(\d{4})$/.exec(s)) && +m[1]! >= 1900 && +m[1]! <= 2200) {
    return monthRange(+m[1]!, 1, 12, 'year');
  }
  // Excel serial date (1954..2173): only plain numbers, which a date column can hold.
  if ((m = /^(\d{5})(\.\d+)?$/.exec(s)) && +s >= 20000 && +s < 100000) {
    const local = excelSerialToLocal(+s);
    return exact(local.date, local.time);
  }
  return { error: 'unreadable_date', message: `"${s}" is not a date Jigsaw can read` };
}

/** Both ends of a written range, each read as a date; null when either is not one. */
function parseRange(a: string, b: string, evidence?: DateEvidence): ParsedDate | DateFailure | null {
  let to = parseCore(b.trim(), evidence);
  if ('error' in to) return null;
  let from = parseCore(a.trim(), evidence);
  if ('error' in from) {
    // "1 - 5 March 2023", "March - May 2023": the start borrows what it leaves out from the end.
    const year = /(\d{4})$/.exec(b.trim())?.[1];
    const month = new RegExp(`${MONTH_RE}\\.?\\s+\\d{4}$`, 'i').exec(b.trim())?.[0];
    if (/^\d{1,2}(?:st|nd|rd|th)?$/i.test(a.trim()) && month) from = parseCore(`${a.trim()} ${month}`, evidence);
    else if (year && !/\d{4}$/.test(a.trim())) from = parseCore(`${a.trim()} ${year}`, evidence);
    if ('error' in from) return null;
  }
  if (from.date > to.dateTo) return { error: 'impossible_date', message: `"${a} - ${b}" ends before it starts` };
  if (from.date === to.date && from.dateTo === to.dateTo) to = from;
  return { ...range(from.date, to.dateTo, from === to ? from.precision : 'approximate'), time: from === to ? from.time : null, ambiguous: from.ambiguous || to.ambiguous };
}

function normOffset(o: string): string {
  if (o.toUpperCase() === 'Z') return 'Z';
  return o.includes(':') ? o : `${o.slice(0, 3)}:${o.slice(3)}`;
}

function impossible(s: string): DateFailure {
  return { error: 'impossible_date', message: `"${s}" is not a real date` };
}

/** Reverse day and month of an ambiguous exact date once a file proves it is month-first. */
export function swapDayMonth(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${y}-${d}-${m}`;
}

/** Today in London, YYYY-MM-DD. */
export function londonToday(now = Date.now()): string {
  return instantToLondon(now).date;
}
