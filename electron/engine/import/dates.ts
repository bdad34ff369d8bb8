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
  /** Read, but something about it needs a person's eye (a weekday that is not the date's): a warning. */
  warning?: string;
  /** The time column held something that is not a time of day: the entry keeps its date only. */
  timeWarning?: string;
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
/** Longer than any date as written ("between 1st and 5th March 2006 (approx, see notes)"): notes
 *  pasted into the date column are refused at once, and the report does not quote them whole. */
export const MAX_DATE_CHARS = 200;

export function parseDate(raw: string, timeCell?: string | null, evidence?: DateEvidence): ParsedDate | DateFailure {
  if (raw.length > MAX_DATE_CHARS) {
    return { error: 'unreadable_date', message: `"${raw.trim().slice(0, 40)}…" (${raw.length.toLocaleString('en-GB')} characters) is too long to be a date` };
  }
  return parseWritten(raw, timeCell, evidence, true);
}

/** `timeFirst`: a time written before the date may be moved after it (once: "12:00 13:00" would
 *  otherwise be turned round forever). */
function parseWritten(raw: string, timeCell: string | null | undefined, evidence: DateEvidence | undefined, timeFirstAllowed: boolean): ParsedDate | DateFailure {
  // Pasted text brings zero-width characters, quotes and a closing full stop; "14 / 03 / 2023" its spaces.
  let s = raw.trim().replace(/\s+/g, ' ');
  if (/[\u200b-\u200d\u2060\ufeff'"“”‘’]|[.,;:]$| \/|\/ /.test(s)) {
    s = s
      .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
      .trim()
      .replace(/^['"“”‘’]+|["“”‘’]+$/g, '')
      .replace(/\s*[.,;:]+$/, '')
      .replace(/(\d) ?\/ ?(?=\d)/g, '$1/');
  }
  if (!s || NOT_KNOWN.test(s)) return { error: 'missing_date', message: s ? `"${s}": no date given` : 'No date given' };
  let uncertain = false;
  let qualifier: ParsedDate['qualifier'] = null;
  // "??/04/2023", "xx/04/2023": the day not known, written in its place; the month, uncertain.
  const noDay = /^(?:\?\?|xx)[/.-](\d{1,2})[/.-](\d{4})$/i.exec(s);
  if (noDay) {
    const mo = +noDay[1]!;
    if (mo < 1 || mo > 12) return impossible(s);
    return { ...monthRange(+noDay[2]!, mo, mo, 'month'), uncertain: true };
  }
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
  // "before 2022", "pre-2022", "post-March 2023": a hyphen joins the short forms to their date.
  const q = /^(on or before|before|by|prior to|pre|on or after|after|since|post)(?:\s+|(?<=pre|post)-\s*)/i.exec(s);
  if (q) {
    qualifier = /after|since|post/i.test(q[1]!) ? 'after' : 'before';
    s = s.slice(q[0].length);
  }
  s = s.replace(/^on\s+(?=\S)/i, ''); // "On 03/05/2016"
  const approx = /^(circa\.?|approximately|approx\.?|around|about|abt\.?|ca\.|ca(?=\s)|c\.|c(?=[\s\d])|~)\s*/i.exec(s);
  if (approx) {
    uncertain = true;
    s = s.slice(approx[0].length);
  }
  // "14:05 16/03/2023", "1405hrs on Thu 16th March 2023" (police logs): the time written first.
  // "2pm on 14/03/2023", "2.30pm 14/03/2023": the same, in a 12-hour clock.
  const timeFirst = timeFirstAllowed && /^(?:(\d{1,2})[:.](\d{2})|([01]\d|2[0-3])([0-5]\d)|(\d{1,2})(?=\s*[ap]m))(?:\s*([ap])\.?m\.?)?(?:\s*hrs?)?,?\s+(?:on\s+)?(.*\d.*)$/i.exec(s);
  if (timeFirst) {
    const [, h1, m1, h2, m2, h3, ap, rest] = timeFirst;
    const turned = parseWritten(`${rest} ${h1 ?? h2 ?? h3}:${m1 ?? m2 ?? '00'}${ap ? ` ${ap}m` : ''}`, timeCell, evidence, false);
    if (!('error' in turned)) {
      turned.uncertain ||= uncertain;
      turned.qualifier ??= qualifier;
      if (turned.uncertain && turned.precision === 'day') turned.precision = 'approximate';
      return turned;
    }
  }
  // "Mon 22/05/2016", "Tues. 3rd May 2016": the weekday is read apart and checked against the date.
  // "14/03/2023 (Tuesday)": the same, written after.
  const wd = WEEKDAY_LEAD.exec(s) ?? WEEKDAY_TAIL.exec(s);
  const weekday = wd ? weekdayNumber(wd[1]!) : null;
  if (wd) s = wd.index === 0 ? s.slice(wd[0].length) : s.slice(0, wd.index);
  // Zone names after a wall-clock time: GMT and BST are London's own; UTC on an ISO timestamp is Z.
  s = s.replace(/^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*UTC$/i, '$1Z').replace(/\s*\(?(?:GMT|BST)\)?$/i, '');
  // "3rd Mar '23", "March '23": a two-digit year after an apostrophe (typed, or Excel's text mark).
  s = s.replace(/([a-z.,\s])['’‘](\d{2})\b/i, '$1$2');
  // "18/03/2023 @ 10:00", "22 Mar 2023 3pm", "21/03/2023 11h30": a time as people type it after a date.
  if (/[a-z@]/i.test(s)) {
    s = s
      .replace(/(\d)\s*@\s*(?=\d)/, '$1 ')
      .replace(/^(.*\d{2}),?\s+(?:at\s+)?(\d{1,2})\s*([ap])\.?m\.?$/i, '$1 $2:00 $3m')
      .replace(/^(.*\d{2})\s+(\d{1,2})h(\d{2})$/i, '$1 $2:$3')
      // "03/05/2016 (time unknown)", "03/05/2016 morning", "03/05/2016 PM": the day, with no time.
      .replace(/^(.*\d{2})(?<!\d[:.]\d{2})[\s,(-]+(?:time\s+)?(?:unknown|not known|n\/?k|not recorded|tbc)\)?$/i, '$1')
      .replace(/^(.*\d{2})(?<!\d[:.]\d{2})[\s,(-]+(?:in the\s+)?(?:(?:early|late|mid)[\s-]*)?(?:morning|afternoon|evening|night|overnight|lunchtime|daytime|am|pm|a\.m\.|p\.m\.)\)?$/i, '$1');
  }
  // "21/03/2023 09:00 - 09:30", "14/03/2023 - 14:05": when it began, as for a time column's range.
  s = s
    .replace(/^(.*\d\s+\d{1,2}[:.]\d{2}(?:\s*[ap]m)?)\s*(?:-|–|—|to|until)\s*\d{1,2}[:.]\d{2}(?:\s*[ap]m)?(?:\s*hrs?)?$/i, '$1')
    .replace(/^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})\s+[-–—]\s+(\d{1,2}[:.]\d{2})$/, '$1 $2');
  // "14/03/2023 1405", "2023-03-14 0930hrs", "14MAR23 1405", "14 Mar 23 1405": a 24-hour time
  // without a colon after a full date.
  s = s.replace(/^(.*\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2}|\d{1,2}[\s-]?[a-z]{3,9}\.?[\s-]?\d{2})\s+([01]\d|2[0-3])([0-5]\d)(?:\s*hrs?)?$/i, '$1 $2:$3');
  const read = parseCore(s, evidence);
  if ('error' in read) return read;
  const parsed = weekday === null ? read : checkWeekday(raw.trim(), read, weekday, evidence);
  if ('error' in parsed) return parsed;
  if (timeCell && (parsed.time === null || isMidnightFiller(raw, parsed)) && parsed.precision === 'day') {
    const t = parseTimeCell(timeCell);
    // The date still places the event: leaving it out of the chronology would lose more than its time.
    if (t === 'bad') {
      parsed.time = null;
      parsed.timeWarning = badTime(timeCell);
    } else parsed.time = t;
  }
  parsed.uncertain ||= uncertain;
  parsed.qualifier = qualifier;
  if (parsed.uncertain && parsed.precision === 'day') parsed.precision = 'approximate';
  return parsed;
}

/**
 * A database's date-time with the clock at exactly midnight ("2023-03-03 00:00:00") beside a time
 * column of its own: the date field holds no time, and its midnight is filler, not when it happened.
 */
export function isMidnightFiller(raw: string, parsed: ParsedDate): boolean {
  return parsed.time === '00:00' && /[ T]00[:.]00(?::00(?:\.0+)?)?$/.test(raw.trim());
}

export const badTime = (cell: string): string => `time "${cell}" is not a time of day; the entry keeps its date only`;

export function parseTimeCell(cell: string): string | null | 'bad' {
  // "approx 14:00", "c. 2pm", "14:00 (approx)": the time as written; "10:00-11:30": when it began.
  const s = cell
    .trim()
    .replace(/^(?:approx\.?|approximately|about|around|circa|c\.|~)\s*/i, '')
    .replace(/\s*[([]?\s*(?:approx\.?|approximately|est\.?)\s*[)\]]?$/i, '')
    .replace(/^(\d{1,2}(?:[:.]?\d{2})?(?:\s*[ap]\.?m\.?)?)\s*(?:-|–|—|to|until)\s*\d{1,2}(?:[:.]?\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*hrs?)?$/i, '$1')
    .replace(/\b([ap])\.m\.?$/i, '$1m');
  if (/^(?:12\s*)?midnight$/i.test(s)) return '00:00';
  if (!s || NOT_KNOWN.test(s) || /^[-–—]+$/.test(s) || PART_OF_DAY.test(s)) return null;
  const m = /^(\d{1,2})[:.h]?(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(am|pm)?(?:\s*hrs?)?$/i.exec(s);
  if (m) return time(m[1], m[2], m[3]);
  // "2pm", "9 am": an hour alone.
  const h = /^(\d{1,2})\s*(am|pm)$/i.exec(s);
  if (h) return time(h[1], '00', h[2]);
  if (/^(?:12\s*)?(?:noon|midday)$/i.test(s)) return '12:00';
  // Excel stores a time-only cell as a day fraction.
  if (/^0?\.\d+$/.test(s)) return excelSerialToLocal(Number(s)).time ?? '00:00';
  return 'bad';
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A weekday before the date, in the spellings agencies use ("Tues.", "Weds", "Thurs,", "Monday the"). */
const WEEKDAY_LEAD = /^(mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?,?\s+(?:the\s+)?(?=\d)/i;

const WEEKDAY_TAIL = /(?<=\d)[\s,(]+(mon(?:day)?|tue(?:s|sday)?|wed(?:s|nesday)?|thu(?:r|rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?\)?$/i;

function weekdayNumber(word: string): number {
  const w = word.toLowerCase().slice(0, 3);
  return WEEKDAYS.findIndex((d) => d.startsWith(w));
}

const weekdayOf = (iso: string): number => new Date(`${iso}T00:00:00Z`).getUTCDay();

/**
 * A weekday written with an exact date should be that date's weekday. It settles a date that
 * reads both day-first and month-first (only one reading falls on that weekday), which is also
 * evidence about the file. A weekday that fits no reading means the date or the weekday is wrong,
 * and which one is not for Jigsaw to guess: the date is kept as its digits say (day-first), marked
 * uncertain, and the row is imported with a warning, because leaving an event out of the
 * chronology over a slip in a weekday would lose more than it protects.
 */
function checkWeekday(raw: string, p: ParsedDate, weekday: number, evidence?: DateEvidence): ParsedDate | DateFailure {
  if (p.precision !== 'day' || p.date !== p.dateTo) return p;
  const dayFirstFits = weekdayOf(p.date) === weekday;
  if (p.ambiguous) {
    const monthFirst = swapDayMonth(p.date);
    const monthFirstFits = weekdayOf(monthFirst) === weekday;
    if (dayFirstFits && !monthFirstFits) {
      if (evidence) evidence.dayFirst++;
      return { ...p, ambiguous: false };
    }
    if (monthFirstFits && !dayFirstFits) {
      if (evidence) evidence.monthFirst++;
      return { ...p, date: monthFirst, dateTo: monthFirst, ambiguous: false };
    }
    if (dayFirstFits) return p;
    const warning = `"${raw}": neither ${longDate(p.date)} nor ${longDate(monthFirst)} is a ${cap(WEEKDAYS[weekday]!)}; read as ${longDate(p.date)}, please check the date`;
    return { ...p, ambiguous: false, uncertain: true, warning };
  }
  if (dayFirstFits) return p;
  return { ...p, uncertain: true, warning: `"${raw}": ${longDate(p.date)} is not a ${cap(WEEKDAYS[weekday]!)}; imported as ${longDate(p.date)}, please check the date` };
}

const cap = (w: string): string => w[0]!.toUpperCase() + w.slice(1);
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${cap(WEEKDAYS[weekdayOf(iso)]!)} ${d} ${MONTH_NAMES[m - 1]} ${y}`;
}

/**
 * A day and month with no year ("14th March", "Tues 3rd May", "22/05"). Refused, never completed:
 * the rows around it or the file's other years are no safe source (an extract can cross a new
 * year, be sorted by anything, or cover a review period of several years), and an event moved by
 * a whole year would mislead a review about who knew what when. The agency is asked for the year.
 * (A range that names its year once, "1 - 5 March 2023", takes it from the same cell: that is not
 * a guess.)
 */
const NO_YEAR = new RegExp(`^(?:\\d{1,2}(?:st|nd|rd|th)?(?:\\s+of)?[\\s\\-/.]*${MONTH_RE}\\.?|${MONTH_RE}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}[/.]\\d{1,2})${TIME_RE}$`, 'i');

/**
 * A part of the day rather than a time ("morning", "late evening", "early hours", "AM"): the entry
 * keeps its date with no time, and the raw row keeps the words; the row is not refused for it.
 */
const PART_OF_DAY = /^(?:(?:early|late|mid)[\s-]*)?(?:morning|afternoon|evening|night|overnight|early hours|daytime|day|lunch|lunchtime|teatime|am|pm|a\.m\.|p\.m\.|out of hours|ooh)$/i;

/** What agencies write where a date or time is not known: read as no date (or no time). */
const NOT_KNOWN = /^(?:unknown|unk\.?|not known|n\/?k|n\.k\.?|n\/?a|not recorded|no date|no time|tbc|date unknown|unknown date|time unknown|[-–—]+)$/i;

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
  // "wk beg", "wk comm.", "w/beg": the abbreviations officers type in a date column.
  if ((m = /^(?:(?:wk|w\/)\.?\s*(?:beg(?:inning)?|comm?(?:encing)?)\.?|w\/c|wc|w\.c\.|week commencing|week of|w\/b|week beginning|wk\/?c|wk\.? of)\s*(.+)$/i.exec(s))) {
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
  // May/June 2006, Jan-Mar 2006: a span of months in one year.
  if ((m = new RegExp(`^${MONTH_RE}\\.?\\s*(?:[-/&–]|to)\\s*${MONTH_RE}\\.?[\\s\\-/,]*(\\d{4}|\\d{2})$`, 'i').exec(s))) {
    const [a, b] = [MONTHS[m[1]!.toLowerCase()]!, MONTHS[m[2]!.toLowerCase()]!];
    if (b > a) return monthRange(expandYear(m[3]!), a, b, 'approximate');
  }
  // 7/8 May 2006, the night of 7th-8th May 2006, 3rd or 4th May 2006: one of a few days.
  if ((m = new RegExp(`^(?:(?:the\\s+)?(?:night|weekend|evening)\\s+of\\s+(?:the\\s+)?)?(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:[-/&–]|or|to)\\s*(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?[\\s\\-]+${MONTH_RE}\\.?[\\s\\-/,]*(\\d{4}|\\d{2})$`, 'i').exec(s))) {
    const [d1, d2, mo, y] = [+m[1]!, +m[2]!, MONTHS[m[3]!.toLowerCase()]!, expandYear(m[4]!)];
    if (d1 >= d2) return { error: 'impossible_date', message: `"${s}" ends before it starts` };
    if (!validDay(y, mo, d1) || !validDay(y, mo, d2)) return impossible(s);
    return range(ymd(y, mo, d1), ymd(y, mo, d2), 'approximate');
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
  if ((m = /^(spring|summer|autumn|fall|winter)\s+(?:of\s+)?'?(\d{4}|\d{2})(?:[/-](?:\d{2}|\d{4}))?$/i.exec(lower))) {
    const y = expandYear(m[2]!);
    if (m[1] === 'winter') return range(ymd(y, 12, 1), ymd(y + 1, 2, daysInMonth(y + 1, 2)), 'season');
    const [a, b] = SEASONS[m[1]!]!;
    return monthRange(y, a, b, 'season');
  }
  // Late summer 2023, early winter 2022: one month of the season (its first, middle or last).
  if ((m = /^(early|beginning of|start of|mid|middle of|late|end of)[\s-]*(spring|summer|autumn|fall|winter)\s+(?:of\s+)?'?(\d{4}|\d{2})$/i.exec(lower))) {
    const y = expandYear(m[3]!);
    const first = m[2] === 'winter' ? 12 : SEASONS[m[2]!]![0];
    const step = PARTS[m[1]!.split(' ')[0]!]![0] === 1 ? 0 : PARTS[m[1]!.split(' ')[0]!]![0] === 5 ? 1 : 2;
    const month = first + step;
    return month > 12 ? monthRange(y + 1, month - 12, month - 12, 'season') : monthRange(y, month, month, 'season');
  }
  // H1 2022, first half of 2022, 2022 H2: half a calendar year.
  if ((m = /^(?:h([12])\s*(\d{4})|(\d{4})\s*h([12])|(first|second|1st|2nd)\s+half\s+(?:of\s+)?(\d{4}))$/i.exec(lower))) {
    const half = m[1] ?? m[4] ?? (/^(first|1st)$/.test(m[5]!) ? '1' : '2');
    const y = +(m[2] ?? m[3] ?? m[6])!;
    return half === '1' ? monthRange(y, 1, 6, 'approximate') : monthRange(y, 7, 12, 'approximate');
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
  // "/Date(1678975500000)/": a .NET system's JSON date, milliseconds since 1970 (UTC).
  if ((m = /^\/?Date\((\d{9,13})(?:[+-]\d{4})?\)\/?$/.exec(s))) {
    const local = instantToLondon(+m[1]!);
    return exact(local.date, local.time);
  }
  // Unix time from newer systems' JSON, in milliseconds (13 digits) or seconds (10): an instant, shown
  // in London time. Only 2001-2033, so a 10-digit identifier (an NHS number) is not read as one.
  if ((m = /^1\d{9}(\d{3})?$/.exec(s))) {
    const local = instantToLondon(m[1] ? +s : +s * 1000);
    return exact(local.date, local.time);
  }
  // Excel serial date (1954..2173): only plain numbers, which a date column can hold.
  if ((m = /^(\d{5})(\.\d+)?$/.exec(s)) && +s >= 20000 && +s < 100000) {
    const local = excelSerialToLocal(+s);
    return exact(local.date, local.time);
  }
  if (NO_YEAR.test(s)) {
    const numeric = /^\d{1,2}[/.]\d{1,2}\b/.test(s) ? ' (or a month and a two-digit year)' : '';
    return { error: 'unreadable_date', message: `no year: "${s}" reads as a day and month${numeric} with no year, and Jigsaw does not guess one; add the year in the extract` };
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
    const numericYear = /[/.-](\d{4}|\d{2})$/.exec(b.trim())?.[1];
    if (/^\d{1,2}(?:st|nd|rd|th)?$/i.test(a.trim()) && month) from = parseCore(`${a.trim()} ${month}`, evidence);
    // "between 14/03 and 16/03/2023": the start's year is the one the end names.
    else if (/^\d{1,2}([/.-])\d{1,2}$/.test(a.trim()) && numericYear) from = parseCore(`${a.trim()}${/[/.-]/.exec(a)![0]}${numericYear}`, evidence);
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
