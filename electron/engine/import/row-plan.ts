// What to do with each row of an extract, decided without the case file: keep it raw only (title
// and header rows), reject it with a reason, or store it as an entry with its dates read. Pure
// per-row work, so it can run on its own thread while another stores the plans (plan-stream.ts).
import type { ColumnMapping, RowProblemReason } from '../../../shared/types.js';
import { rowLabel } from '../../../shared/words.js';
import { JigsawError } from '../errors.js';
import { isRepeatedHeader } from './columns.js';
import { badTime, isMidnightFiller, MAX_DATE_CHARS, newEvidence, parseDate, parseTimeCell, type DateEvidence, type DateFailure, type ParsedDate } from './dates.js';
import { entryText, mappedCell as cell, personCell } from './entry-cells.js';
import { LIMITS } from './limits.js';
import { contentKey, hash53, SeenFilter } from './row-hash.js';
import type { SourceRow } from './sources/types.js';

/** Everything a planner needs to know, plain data so it can cross to a worker thread. */
export interface PlanContext {
  /** The file's name as the user knows it, for messages. */
  name: string;
  /** Index (0-based, among the rows the source yields) of the header row; -1 when mapped by hand. */
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Europe/London today: later dates are rejected. */
  today: string;
  periodFrom: string | null;
  periodTo: string | null;
}

/** An entry's values in the order of the insert's columns after its three ids. */
export type EntryValues = [
  date: string, dateTo: string, precision: string, originalDate: string, time: string | null, sequence: number | null,
  contactType: string | null, text: string, outcome: string | null, analysis: string | null, practitioner: string | null,
  person: string | null, dob: string | null, nhsNumber: string | null, address: string | null, reference: string | null, flags: string,
];

export interface RowIssue {
  list: 'rejected' | 'warning';
  reason: RowProblemReason;
  message: string;
}

/** `line`: a CSV row's first line where it is not `row` (SourceRow.line). */
export type RowPlan =
  /** A title row or the header: kept raw only. */
  | { kind: 'keep'; row: number; line?: number; raw: string }
  /** Kept raw and reported, before any content check (unreadable, too large, empty, repeated header, divider). */
  | { kind: 'problem'; row: number; line?: number; raw: string; issue: RowIssue }
  /**
   * A data row: kept raw with its content hash. `key` is set only when an earlier row may have the
   * same content (the store confirms against the case file); `issue` when its date is refused;
   * `warning` when the entry is stored but its date needs checking.
   */
  | { kind: 'data'; row: number; line?: number; raw: string; hash: number; key: string | null; issue: RowIssue | null; entry: EntryValues | null; ambiguous: boolean; warning: RowIssue | null };

export class RowPlanner {
  readonly evidence: DateEvidence = newEvidence();
  private readonly dates = new DateCache(this.evidence);
  private readonly seen = new SeenFilter();
  private readonly col: Record<Exclude<keyof ColumnMapping, 'endDate' | 'source'>, number>;
  private index = -1;

  constructor(private readonly ctx: PlanContext) {
    const m = ctx.mapping;
    const at = (i: number | undefined): number => i ?? -1;
    this.col = {
      date: at(m.date), time: at(m.time), sequence: at(m.sequence), contactType: at(m.contactType), text: at(m.text), outcome: at(m.outcome),
      analysis: at(m.analysis), practitioner: at(m.practitioner), person: at(m.person), dob: at(m.dob), nhsNumber: at(m.nhsNumber),
      address: at(m.address), reference: at(m.reference),
    };
  }

  /** Rows must be planned in file order: duplicates and dates are judged against earlier rows. */
  plan({ row, line, cells, problem: unreadable }: SourceRow): RowPlan {
    this.index++;
    const { ctx, col } = this;
    if (cells.length > LIMITS.maxColumns) {
      throw new JigsawError('too_many_columns', `${ctx.name}: ${rowLabel(row, line)} has ${cells.length} columns (limit ${LIMITS.maxColumns}); the file was refused`);
    }
    const raw = JSON.stringify(cells);
    if (this.index <= ctx.headerIndex) return { kind: 'keep', row, line, raw };
    const refuse = (reason: RowProblemReason, message: string, list: RowIssue['list'] = 'rejected'): RowPlan => ({ kind: 'problem', row, line, raw, issue: { list, reason, message } });
    if (unreadable) return refuse('unreadable_row', unreadable);
    const big = cells.findIndex((c) => c.length > LIMITS.maxCellChars);
    if (big >= 0) {
      return refuse('cell_too_large', `${rowLabel(row, line, true)}: column "${ctx.headers[big] ?? big + 1}" holds ${cells[big]!.length} characters (limit ${LIMITS.maxCellChars})`);
    }
    if (isBlankRow(cells)) return refuse('empty_row', `${rowLabel(row, line, true)} is empty`);
    if (mayBeHeading(cells[col.date]) && isRepeatedHeader(cells, ctx.headers)) {
      return refuse('repeated_header', `${rowLabel(row, line, true)} repeats the header row and was skipped`, 'warning');
    }

    const divider = dividerText(cells);
    if (divider !== null) return refuse('section_divider', `${rowLabel(row, line, true)} is a section divider ("${divider}"), not an entry`, 'warning');

    const key = contentKey(cells);
    const hash = hash53(key);
    const maybeSeen = this.seen.mayHave(hash);
    this.seen.add(hash);
    const data = (issue: RowIssue | null, entry: EntryValues | null = null, ambiguous = false, warning: RowIssue | null = null): RowPlan => ({
      kind: 'data', row, line, raw, hash, key: maybeSeen ? key : null, issue, entry, ambiguous, warning,
    });

    const dateText = cell(cells, col.date) ?? '';
    const parsed = this.dates.parse(dateText, cell(cells, col.time), col.time >= 0);
    if ('error' in parsed) {
      const footer = parsed.error !== 'impossible_date' && looksLikeFooter(cells) ? ' (it looks like a totals or footer line, not a contact)' : '';
      return data({ list: 'rejected', reason: parsed.error, message: `${rowLabel(row, line, true)}: ${parsed.message}${footer}` });
    }
    if (parsed.date > ctx.today) return data({ list: 'rejected', reason: 'future_date', message: `${rowLabel(row, line, true)}: ${parsed.date} is in the future` });
    if ((ctx.periodFrom && parsed.dateTo < ctx.periodFrom) || (ctx.periodTo && parsed.date > ctx.periodTo)) {
      const message = `${rowLabel(row, line, true)}: ${parsed.date} is outside the review period ${ctx.periodFrom ?? '…'} to ${ctx.periodTo ?? '…'}`;
      return data({ list: 'rejected', reason: 'outside_review_period', message });
    }
    const seq = cell(cells, col.sequence);
    const end = this.endOf(cells, parsed.date);
    const entry: EntryValues = [
      parsed.date, typeof end === 'string' && end > parsed.dateTo ? end : parsed.dateTo, parsed.precision, dateText, parsed.time, seq && /^\d+$/.test(seq) ? Number(seq) : null,
      cell(cells, col.contactType), entryText(cells, ctx.headers, ctx.mapping), cell(cells, col.outcome), cell(cells, col.analysis),
      cell(cells, col.practitioner), personCell(cells, ctx.headers, ctx.mapping), cell(cells, col.dob), cell(cells, col.nhsNumber), cell(cells, col.address),
      cell(cells, col.reference), parsed.flags,
    ];
    // One warning per row, saying everything that needs a person's eye.
    const needsEye = [
      parsed.warning,
      end && typeof end !== 'string' ? `end date ${end.problem}; the entry keeps its start date only` : undefined,
      parsed.timeWarning,
    ].filter((w): w is string => Boolean(w));
    const warning: RowIssue | null = needsEye.length
      ? { list: 'warning', reason: parsed.warning ? 'weekday_mismatch' : 'unreadable_date', message: `${rowLabel(row, line, true)}: ${needsEye.join('; ')}` }
      : null;
    return data(null, entry, parsed.ambiguous, warning);
  }

  /**
   * The end of a row's span from an end-date column (Jigsaw's own template has one): the last day
   * it covers, null when the cell is empty, or why it was not used (the row is still imported).
   */
  private endOf(cells: string[], start: string): string | { problem: string } | null {
    const text = cell(cells, this.ctx.mapping.endDate ?? -1);
    if (text === null) return null;
    const end = this.dates.parse(text, null);
    if ('error' in end) return { problem: `"${text}" could not be read (${end.message})` };
    if (end.dateTo < start) return { problem: `"${text}" is before the start date` };
    if (end.date > this.ctx.today) return { problem: `"${text}" is in the future` };
    return end.dateTo;
  }
}

type DatedRow = (ParsedDate & { flags: string }) | DateFailure;

/**
 * Dates repeat across an extract: each distinct date text is parsed once, each distinct time text
 * once. The caches are emptied when they grow, so memory stays flat; `evidence` only needs each
 * spelling seen once.
 */
class DateCache {
  private readonly dates = new Map<string, DatedRow>();
  private readonly times = new Map<string, string | null | 'bad'>();
  constructor(private readonly evidence: DateEvidence) {}

  /** `timeColumn`: the file has a time column (this row's cell may be empty). */
  parse(dateText: string, timeText: string | null, timeColumn = false): DatedRow {
    const d = this.date(dateText);
    if ('error' in d) return d;
    // An empty time cell beside a date-time at midnight filler: no time known, not 00:00.
    if (timeText === null) return timeColumn && isMidnightFiller(dateText, d) ? { ...d, time: null } : d;
    // A plain exact date takes the time column's time; anything else is parsed whole, as written.
    if (d.precision !== 'day' || d.time !== null || d.uncertain) return withFlags(parseDate(dateText, timeText, this.evidence));
    let t = this.times.get(timeText);
    if (t === undefined) {
      t = parseTimeCell(timeText);
      if (this.times.size >= 5_000) this.times.clear();
      if (timeText.length <= MAX_DATE_CHARS) this.times.set(timeText, t); // long ones are not times: not kept
    }
    if (t === 'bad') return { ...d, timeWarning: badTime(timeText) };
    return t === null ? d : { ...d, time: t };
  }

  private date(text: string): DatedRow {
    // Not a date, and not worth keeping: thousands of long cells would hold the file in memory.
    if (text.length > MAX_DATE_CHARS) return withFlags(parseDate(text, null, this.evidence));
    let hit = this.dates.get(text);
    if (hit === undefined) {
      hit = withFlags(parseDate(text, null, this.evidence));
      if (this.dates.size >= 20_000) this.dates.clear();
      this.dates.set(text, hit);
    }
    return hit;
  }
}

/**
 * The entry's flags as stored. An ambiguous date is not flagged here: most files prove themselves
 * day-first, and the import flags only the rows still in doubt once the whole file is read.
 */
function withFlags(p: ParsedDate | DateFailure): DatedRow {
  return 'error' in p ? p : { ...p, flags: [p.uncertain && 'uncertain', p.qualifier].filter(Boolean).join(',') };
}

/** "Total contacts: 45", "Records: 120", "End of report", "Page 3 of 4": what report writers add below the rows. */
function looksLikeFooter(cells: string[]): boolean {
  const first = cells.find((c) => /\S/.test(c))?.trim() ?? '';
  return /^(?:(?:grand\s+)?totals?\b|count\b|sum\b|records?\s*:|rows?\s*:|end of (?:report|extract|records?)\b|page \d+ of \d+|printed\b|report (?:run|generated)\b)/i.test(first);
}

/** No cell holds anything but spaces. */
function isBlankRow(cells: string[]): boolean {
  for (const c of cells) if (/\S/.test(c)) return false;
  return true;
}

/** A date cell that could be the date column's heading (a page-break header): not a digit first. */
function mayBeHeading(dateCell: string | undefined): boolean {
  return dateCell === undefined || !/^\s*[\d?]/.test(dateCell);
}

/**
 * Chronology tables divide years, months or pages with a row of one value across merged cells.
 * The same holds in every tabular format (a hand-made spreadsheet has them too, and a row holding
 * nothing but a year is no event wherever it is), so the rule is the planner's, not the Word reader's.
 */
const YEAR = String.raw`(?:19|20)\d{2}`;
const MONTH = String.raw`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?`;
const DIVIDER = new RegExp(
  [
    String.raw`(?:(?:calendar|financial)\s+)?${YEAR}(?:\s*[-–/]\s*(?:19|20)?\d{2})?`, // 2005, 2005-06, 2005/2006
    String.raw`${MONTH},?\s+${YEAR}`, // March 2022, Sept. 2019
    String.raw`${MONTH}(?:,?\s+${YEAR})?\s*(?:[-–]|to)\s*${MONTH},?\s+${YEAR}`, // January to March 2019, Apr 2019 - Mar 2020
    String.raw`(?:q[1-4]|quarter\s*[1-4]|spring|summer|autumn|fall|winter)\s+${YEAR}`, // Q1 2019, Spring 2019
    String.raw`(?:page|part|section|(?:financial\s+)?year|period|phase|volume)[\s:]*\d{1,4}(?:\s*(?:of|/|-)\s*\d{1,4})?`, // page 2 of 9, Year: 2019
    String.raw`(?:continued|cont'?d|end of (?:page|section|extract|report))`,
  ].map((p) => String.raw`^[-=*_#~\s.:]*(?:${p})(?:\s*\(?(?:continued|cont'?d|cont)\.?\)?)?[-=*_#~\s.:]*$`).join('|'),
  'i',
);

/** The divider's text when the row holds one short value (repeated across merged cells or not) that divides sections; else null. */
export function dividerText(cells: string[]): string | null {
  let value: string | null = null;
  for (const c of cells) {
    const t = c.trim();
    if (!t) continue;
    if (value !== null && t !== value) return null;
    value = t;
  }
  return value !== null && value.length <= 40 && DIVIDER.test(value) ? value : null;
}
