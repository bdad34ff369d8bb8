// XLSX workbooks, streamed with exceljs after the archive has been proven harmless: the sheet that
// holds the data (or the one named), each row numbered as Excel numbers it, every cell read as the
// text a person sees (rich text joined, formulas as their result, real dates as ISO text in the
// wall-clock time Excel shows, with no timezone shift, in the workbook's own date system: 1900, or
// 1904 for workbooks from old Mac Excel; a cell merged down a column in every row it covers).
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { JigsawError } from '../../errors.js';
import { findHeaderRow, guessField } from '../columns.js';
import { parseDate } from '../dates.js';
import { LIMITS } from '../limits.js';
import type { SheetSummary, Source, SourceOptions, SourceRow } from './types.js';
import { openParts, type ArchiveParts, type SafeArchive } from './zip.js';

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string; id?: number | string };

/** What xl/workbook.xml says before any sheet is read: sheet names by part, and the date system. */
export interface WorkbookInfo {
  /** Part number (xl/worksheets/sheetN.xml) to sheet name. */
  names: Map<string, string>;
  /** Serial 0 is 1 Jan 1904 (old Mac Excel), not 30 Dec 1899. */
  date1904: boolean;
  /** Sheets hidden (or very hidden) in Excel: drop-down lists and lookups, seldom the data. */
  hidden: Set<string>;
}

/** `parts`: the names in the archive, already proven harmless by openSafeArchive. */
export async function openXlsx(
  file: string, label: string, parts: string[], opts: SourceOptions = {}, info: WorkbookInfo = { names: new Map(), date1904: false, hidden: new Set() },
): Promise<Source> {
  const { names: sheetNames, date1904 } = info;
  const sheetParts = parts.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length;
  if (sheetParts === 0) throw new JigsawError('unreadable_file', `${label}: the workbook has no worksheets`);

  let stream: fs.ReadStream | null = null;
  async function* sheets(): AsyncIterable<SheetReader> {
    stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
    } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
    const parts = await openParts(file);
    try {
      await primeReader(reader as unknown as ReaderInternals, parts, date1904);
    } finally {
      parts.close();
    }
    for await (const sheet of reader as unknown as AsyncIterable<SheetReader>) yield sheet;
  }
  const counted = sheetParts > 1 && (opts.sheet === undefined || opts.listSheets) ? await countSheetRows(sheets, label, info) : null;
  const wanted = opts.sheet ?? (counted ? busiest(counted) : null);

  return {
    format: 'xlsx',
    ...(counted && { sheets: counted.map(({ name, rows, hidden }) => ({ name, rows, ...(hidden && { hidden }) })) }),
    ...(wanted !== null && { sheet: wanted }),
    bytesRead: () => stream?.bytesRead ?? 0,
    async *rows(): AsyncIterable<SourceRow> {
      const found: string[] = [];
      try {
        for await (const sheet of sheets()) {
          const name = sheetName(sheet, sheetNames);
          found.push(name);
          const chosen = wanted === null || name.toLowerCase() === wanted.toLowerCase();
          const merged = chosen ? await verticalMerges(file, sheetPart(name, sheet, sheetNames)) : null;
          for await (const row of sheet) if (merged) yield { row: row.number, cells: merged.fill(row.number, rowCells(row, date1904)) };
          if (chosen) return;
        }
      } catch (err) {
        if (err instanceof JigsawError) throw err;
        throw new JigsawError('unreadable_file', `${label}: the spreadsheet could not be read (${(err as Error).message})`);
      } finally {
        (stream as fs.ReadStream | null)?.destroy();
      }
      throw new JigsawError('no_sheet', `${label}: no worksheet named "${wanted}"; it has ${found.map((n) => `"${n}"`).join(', ')}`);
    },
  };
}

/** The archive part (xl/worksheets/sheetN.xml) that holds a sheet. */
function sheetPart(name: string, sheet: SheetReader, names: Map<string, string>): string {
  const part = [...names].find(([, n]) => n === name)?.[0] ?? String(sheet.id ?? 1);
  return `xl/worksheets/sheet${part}.xml`;
}

const MAX_MERGED_ROWS = 1_000_000;

/**
 * Cells merged down a column (one date cell over several events of a day, one source over several
 * rows) hold their value in the top cell only; Excel shows it in every row of the merge, and so do
 * the rows read here. exceljs's streaming reader ignores merges, which a sheet lists after its
 * rows, so the sheet's part is scanned for them first.
 */
async function verticalMerges(file: string, part: string): Promise<{ fill(row: number, cells: string[]): string[] }> {
  /** Row below the top of a merge -> [first column, last column, top row]. */
  const below = new Map<number, [number, number, number][]>();
  const tops = new Set<number>();
  let covered = 0;
  const parts = await openParts(file);
  try {
    const stream = await parts.stream(part);
    if (stream) {
      const decoder = new TextDecoder();
      let carry = '';
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        const text = carry + decoder.decode(chunk, { stream: true });
        const re = /<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;
        let m: RegExpExecArray | null;
        let end = 0;
        while ((m = re.exec(text))) {
          end = re.lastIndex;
          const [top, bottom] = [Number(m[2]), Number(m[4])];
          if (bottom <= top || covered + bottom - top > MAX_MERGED_ROWS) continue;
          covered += bottom - top;
          tops.add(top);
          for (let r = top + 1; r <= bottom; r++) below.set(r, [...(below.get(r) ?? []), [columnIndex(m[1]!), columnIndex(m[3]!), top]]);
        }
        // Keep a tail that may hold a tag cut in two by the chunk boundary.
        carry = text.slice(Math.max(end, text.length - 200));
      }
    }
  } finally {
    parts.close();
  }
  const topCells = new Map<number, string[]>();
  return {
    fill(row, cells) {
      if (tops.has(row)) topCells.set(row, cells);
      const spans = below.get(row);
      if (!spans) return cells;
      const out = [...cells];
      for (const [c1, c2, top] of spans) {
        const from = topCells.get(top) ?? [];
        for (let c = c1; c <= c2; c++) if (!(out[c] ?? '').trim() && from[c] !== undefined) out[c] = from[c]!;
      }
      for (let i = 0; i < out.length; i++) out[i] ??= '';
      return out;
    },
  };
}

/** "A" -> 0, "AB" -> 27: the index of a column in a row's cells. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/** The parts of exceljs's streaming reader that priming fills. */
interface ReaderInternals {
  options: { sharedStrings: string; styles: string };
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
  model?: { sheets?: unknown[] };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
}

/**
 * exceljs reads a sheet at once only when it has already met the shared strings and relationships;
 * otherwise it writes the sheet to a temporary file and reads it at the end, and on a workbook
 * saved by Excel (sheets before shared strings) that path now and then ends early, leaving cells
 * as "[object Object]" and dates as numbers. So give it the workbook, relationships, styles and
 * shared strings first, straight from the archive, and tell it not to read the last two again:
 * every sheet is then read as it streams past, in any part order, with the right sheet names and
 * date system (1904 included).
 */
async function primeReader(reader: ReaderInternals, parts: ArchiveParts, date1904: boolean): Promise<void> {
  const rels = await parts.stream('xl/_rels/workbook.xml.rels');
  if (rels) await reader._parseRels(rels);
  const workbook = await parts.stream('xl/workbook.xml');
  if (workbook) await reader._parseWorkbook(workbook);
  const styles = await parts.stream('xl/styles.xml');
  if (styles) await reader._parseStyles(styles);
  const strings = await parts.stream('xl/sharedStrings.xml');
  if (strings) for await (const event of reader._parseSharedStrings(strings)) void event; // 'cache': fills reader.sharedStrings
  reader.options.styles = 'ignore';
  reader.options.sharedStrings = 'ignore';
  reader.sharedStrings ??= [];
  reader.workbookRels ??= [];
  reader.model ??= { sheets: [] };
  reader.properties ??= { model: { date1904 } };
}

/** The sheet's name: exceljs's, or (when it could not tell) the one xl/workbook.xml gives its part. */
function sheetName(sheet: SheetReader, names: Map<string, string>): string {
  const known = [...names.values()];
  if (sheet.name !== undefined && (known.length === 0 || known.includes(sheet.name))) return sheet.name;
  return names.get(String(sheet.id)) ?? sheet.name ?? `Sheet${sheet.id ?? ''}`;
}

/** The sheet names (from the workbook and its relationships) and the date system. */
export async function readWorkbookInfo(archive: SafeArchive): Promise<WorkbookInfo> {
  const names = new Map<string, string>();
  const hidden = new Set<string>();
  const workbook = (await archive.read('xl/workbook.xml', 16 * 1024 * 1024))?.toString('utf8');
  const rels = (await archive.read('xl/_rels/workbook.xml.rels', 16 * 1024 * 1024))?.toString('utf8');
  const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s(?:[\\w]+:)?${name}=["']([^"']*)["']`).exec(tag)?.[1];
  const pr = workbook ? /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0] : undefined;
  const date1904 = /^(?:1|true)$/i.test((pr && attr(pr, 'date1904')) ?? '');
  if (workbook) {
    for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
      const name = attr(tag, 'name');
      if (name !== undefined && /hidden/i.test(attr(tag, 'state') ?? '')) hidden.add(unescapeXml(name));
    }
  }
  if (!workbook || !rels) return { names, date1904, hidden };
  const targets = new Map<string, string>();
  for (const [tag] of rels.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const part = /worksheets\/sheet(\d+)\.xml$/.exec(attr(tag, 'Target') ?? '')?.[1];
    if (id && part) targets.set(id, part);
  }
  for (const [tag] of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const part = targets.get(attr(tag, 'id') ?? '');
    if (name !== undefined && part) names.set(part, unescapeXml(name));
  }
  return { names, date1904, hidden };
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${e};`;
  });
}

interface CountedSheet extends SheetSummary {
  /** Its first rows hold a header with a date heading, or dates: it looks like a chronology. */
  dated: boolean;
}

/** Every sheet in workbook order with its non-blank rows (one pass over the workbook). */
async function countSheetRows(sheets: () => AsyncIterable<SheetReader>, label: string, info: WorkbookInfo): Promise<CountedSheet[]> {
  const counted: CountedSheet[] = [];
  try {
    for await (const sheet of sheets()) {
      let rows = 0;
      const head: string[][] = [];
      for await (const row of sheet) {
        const cells = rowCells(row, info.date1904);
        if (!cells.some((c) => c.trim() !== '')) continue;
        rows++;
        if (head.length < LIMITS.headerScanRows) head.push(cells);
      }
      const name = sheetName(sheet, info.names);
      counted.push({ name, rows, ...(info.hidden.has(name) && { hidden: true }), dated: looksDated(head) });
    }
  } catch (err) {
    throw new JigsawError('unreadable_file', `${label}: the spreadsheet could not be read (${(err as Error).message})`);
  }
  return counted;
}

/** A header row naming a date, or at least two cells that are dates. */
function looksDated(head: string[][]): boolean {
  const h = findHeaderRow(head);
  if (h >= 0 && head[h]!.some((c) => guessField(c)?.field === 'date')) return true;
  let dates = 0;
  for (const r of head) for (const c of r) if (c.trim() && !('error' in parseDate(c))) if (++dates >= 2) return true;
  return false;
}

/**
 * The sheet a chronology is on, when none is named: a cover, notes or drop-down list sheet often
 * sits beside it (and a list of contact types can be longer than a short extract). A visible sheet
 * before a hidden one, one that looks dated before one that does not, then the most rows; the
 * first of equals.
 */
function busiest(sheets: CountedSheet[]): string | null {
  const rank = (s: CountedSheet): number => (s.hidden ? 0 : 2) + (s.dated ? 1 : 0);
  let best: CountedSheet | null = null;
  for (const s of sheets) if (!best || rank(s) > rank(best) || (rank(s) === rank(best) && s.rows > best.rows)) best = s;
  return best?.name ?? null;
}

function rowCells(row: ExcelJS.Row, date1904: boolean): string[] {
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    cells.push(v === undefined || v === null ? '' : cellText(v, () => row.getCell(i).numFmt, date1904));
  }
  return cells;
}

/** The text a person sees in a cell. `numFmt` is asked only for a number that may be a date. */
export function cellText(v: unknown, numFmt: () => string | undefined, date1904 = false): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return isDateFormat(numFmt()) ? excelDateText(serialToDate(v, date1904)) : numberText(v);
  if (v instanceof Date) return excelDateText(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return cellText(o.result, numFmt, date1904);
    if (o.text !== undefined) return cellText(o.text, numFmt, date1904);
    if (typeof o.error === 'string') return o.error;
  }
  return String(v);
}

/** What Excel shows for a plain number: no float noise, no exponent for ordinary integers. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  return String(Number(n.toPrecision(15)));
}

/** Date formats hold d, m, y, h or s outside quoted text, colours and escapes. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt || /general/i.test(fmt)) return false;
  const bare = fmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dmyhs]/i.test(bare);
}

/** An Excel serial as the Date exceljs would give: wall-clock time in UTC fields. The 1904 system counts 1,462 days fewer. */
function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400) * 1000);
}

/**
 * exceljs gives a real date cell as a JS Date whose UTC fields are the wall-clock time Excel shows.
 * Read those fields (never local time): ISO date, date and time, or a time of day alone.
 */
export function excelDateText(d: Date): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const p = (n: number): string => String(n).padStart(2, '0');
  const hms = `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}${t.getUTCSeconds() ? `:${p(t.getUTCSeconds())}` : ''}`;
  const y = t.getUTCFullYear();
  // A time-only cell is a fraction of Excel's day zero (30 or 31 Dec 1899; 1 Jan 1904 in the 1904 system).
  if (y === 1899 || (y === 1900 && t.getUTCMonth() === 0 && t.getUTCDate() === 0) || (y === 1904 && t.getUTCMonth() === 0 && t.getUTCDate() === 1)) return hms;
  const date = `${String(y).padStart(4, '0')}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  return t.getUTCHours() || t.getUTCMinutes() || t.getUTCSeconds() ? `${date} ${hms}` : date;
}
