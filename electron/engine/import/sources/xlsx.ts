// XLSX workbooks, streamed with exceljs after the archive has been proven harmless: the sheet that
// holds the data (or the one named), each row numbered as Excel numbers it, every cell read as the
// text a person sees (rich text joined, formulas as their result, real dates as ISO text in the
// wall-clock time Excel shows, with no timezone shift).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { JigsawError } from '../../errors.js';
import type { Source, SourceOptions, SourceRow } from './types.js';
import type { SafeArchive } from './zip.js';

type SheetReader = AsyncIterable<ExcelJS.Row> & { name?: string; id?: number | string };

/** `parts`: the names in the archive, already proven harmless by openSafeArchive. */
export async function openXlsx(
  file: string, label: string, parts: string[], opts: SourceOptions = {}, sheetNames: Map<string, string> = new Map(),
): Promise<Source> {
  const sheetParts = parts.filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).length;
  if (sheetParts === 0) throw new JigsawError('unreadable_file', `${label}: the workbook has no worksheets`);

  let stream: fs.ReadStream | null = null;
  const sheets = (): AsyncIterable<SheetReader> => {
    stream = fs.createReadStream(file, { highWaterMark: 1024 * 1024 });
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore',
    } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
    // exceljs names a worksheet from xl/workbook.xml; a writer that puts that part after the shared
    // strings and a sheet made it read an undefined model. Give it an empty one: such a sheet keeps
    // its default name, which sheetName() corrects from the names read beforehand.
    const internals = reader as unknown as { model?: { sheets?: unknown[] } };
    internals.model ??= { sheets: [] };
    return reader as unknown as AsyncIterable<SheetReader>;
  };
  const wanted = opts.sheet ?? (sheetParts > 1 ? await busiestSheet(sheets, label, sheetNames) : null);

  return {
    format: 'xlsx',
    bytesRead: () => stream?.bytesRead ?? 0,
    async *rows(): AsyncIterable<SourceRow> {
      const found: string[] = [];
      try {
        for await (const sheet of sheets()) {
          const name = sheetName(sheet, sheetNames);
          found.push(name);
          const chosen = wanted === null || name.toLowerCase() === wanted.toLowerCase();
          for await (const row of sheet) if (chosen) yield { row: row.number, cells: rowCells(row) };
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

/** The sheet's name: exceljs's, or (when it could not tell) the one xl/workbook.xml gives its part. */
function sheetName(sheet: SheetReader, names: Map<string, string>): string {
  const known = [...names.values()];
  if (sheet.name !== undefined && (known.length === 0 || known.includes(sheet.name))) return sheet.name;
  return names.get(String(sheet.id)) ?? sheet.name ?? `Sheet${sheet.id ?? ''}`;
}

/** Part number (xl/worksheets/sheetN.xml) to sheet name, from the workbook and its relationships. */
export async function workbookSheetNames(archive: SafeArchive): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const workbook = (await archive.read('xl/workbook.xml', 16 * 1024 * 1024))?.toString('utf8');
  const rels = (await archive.read('xl/_rels/workbook.xml.rels', 16 * 1024 * 1024))?.toString('utf8');
  if (!workbook || !rels) return names;
  const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s(?:[\\w]+:)?${name}="([^"]*)"`).exec(tag)?.[1];
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
  return names;
}

function unescapeXml(s: string): string {
  return s.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    const code = e[1]!.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${e};`;
  });
}

/** A cover or notes sheet often comes first: take the sheet with the most non-blank rows. */
async function busiestSheet(sheets: () => AsyncIterable<SheetReader>, label: string, names: Map<string, string>): Promise<string | null> {
  let best: string | null = null;
  let bestRows = -1;
  try {
    for await (const sheet of sheets()) {
      let n = 0;
      for await (const row of sheet) if (rowCells(row).some((c) => c.trim() !== '')) n++;
      if (n > bestRows) {
        best = sheetName(sheet, names);
        bestRows = n;
      }
    }
  } catch (err) {
    throw new JigsawError('unreadable_file', `${label}: the spreadsheet could not be read (${(err as Error).message})`);
  }
  return best;
}

function rowCells(row: ExcelJS.Row): string[] {
  const values = row.values as unknown[];
  const cells: string[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    cells.push(v === undefined || v === null ? '' : cellText(v, () => row.getCell(i).numFmt));
  }
  return cells;
}

/** The text a person sees in a cell. `numFmt` is asked only for a number that may be a date. */
export function cellText(v: unknown, numFmt: () => string | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return isDateFormat(numFmt()) ? excelDateText(serialToDate(v)) : numberText(v);
  if (v instanceof Date) return excelDateText(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string; sharedFormula?: string; text?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if ('formula' in o || 'sharedFormula' in o || 'result' in o) return cellText(o.result, numFmt);
    if (o.text !== undefined) return cellText(o.text, numFmt);
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

/** An Excel serial (1900 system) as the Date exceljs would give: wall-clock time in UTC fields. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400) * 1000);
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
  // A time-only cell is a fraction of Excel's day zero (30 or 31 Dec 1899).
  if (y === 1899 || (y === 1900 && t.getUTCMonth() === 0 && t.getUTCDate() === 0)) return hms;
  const date = `${String(y).padStart(4, '0')}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  return t.getUTCHours() || t.getUTCMinutes() || t.getUTCSeconds() ? `${date} ${hms}` : date;
}
