// Word documents: the chronology table(s) of a review template. The body is read from a proven
// harmless archive, parsed with fast-xml-parser, and each table row becomes a row of cell text
// (paragraphs as lines, tabs and breaks kept, merged cells padded so columns stay aligned). Rows
// are numbered as a person counts them in the table: its header row is 1.
import { XMLParser } from 'fast-xml-parser';
import { JigsawError } from '../../errors.js';
import { findHeaderRow, mapHeadings } from '../columns.js';
import { parseDate } from '../dates.js';
import { LIMITS } from '../limits.js';
import type { SafeArchive } from './zip.js';
import type { Source, SourceRow } from './types.js';

/** fast-xml-parser's ordered output: each node is { tag: children, ':@'?: attributes }. */
type XNode = Record<string, unknown>;

/** `archive`: the document, already proven harmless by openSafeArchive; closed here. */
export async function openDocx(archive: SafeArchive, label: string, size: number): Promise<Source> {
  let xml: string;
  try {
    const body = await archive.read('word/document.xml', LIMITS.maxDocumentXmlBytes);
    if (!body) throw new JigsawError('unreadable_file', `${label}: a Word file without a document body`);
    xml = body.toString('utf8');
  } finally {
    archive.close();
  }
  // Word never writes a DOCTYPE; one here can only be an entity-expansion attack.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new JigsawError('hostile_file', `${label}: refused: the document declares its own XML entities`);
  const { tables, title } = readTables(xml, label);
  const rows = chronologyRows(tables);
  if (rows.length === 0) throw new JigsawError('no_table', `${label}: the Word document holds no table; a chronology must be a table with one row per event`);
  let done = 0;
  return {
    format: 'docx',
    title,
    bytesRead: () => (rows.length ? Math.floor((size * done) / rows.length) : size),
    async *rows(): AsyncIterable<SourceRow> {
      for (let i = 0; i < rows.length; i++) {
        done = i + 1;
        yield { row: i + 1, cells: rows[i]! };
      }
    },
  };
}

/** The document's tables, and the text of the paragraphs above the first one (the chronology's title block). */
function readTables(xml: string, label: string): { tables: string[][][]; title: string } {
  let doc: XNode[];
  try {
    doc = new XMLParser({
      preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', trimValues: false,
      processEntities: true, htmlEntities: false, parseTagValue: false,
    }).parse(xml) as XNode[];
  } catch (err) {
    throw new JigsawError('unreadable_file', `${label}: the Word document is damaged (${(err as Error).message})`);
  }
  const tables: string[][][] = [];
  const above: string[] = [];
  let titleLength = 0;
  const walk = (nodes: XNode[]): void => {
    for (const n of nodes) {
      const tag = tagOf(n);
      if (tag === 'w:tbl') tables.push(tableRows(children(n)));
      else if (tag === 'w:p') {
        if (tables.length === 0 && titleLength < LIMITS.maxTitleChars) {
          const line = runText(children(n)).trim();
          if (line) above.push(line);
          titleLength += line.length;
        }
      } else if (tag && tag !== ':@') walk(children(n));
    }
  };
  walk(doc);
  return { tables, title: above.join('\n').slice(0, LIMITS.maxTitleChars) };
}

/**
 * The chronology: every table whose header row names a date column (a long chronology is often
 * split into several tables), in order, with the tables that continue one without repeating its
 * header (as wide, dates in its date column: a table split at a page break, or pasted in two
 * goes); failing that, the largest table.
 */
function chronologyRows(tables: string[][][]): string[][] {
  const chosen: string[][][] = [];
  let last: { width: number; dateColumn: number } | null = null;
  for (const t of tables) {
    const h = findHeaderRow(t.slice(0, LIMITS.headerScanRows));
    const dateColumn = h >= 0 ? mapHeadings(t[h]!).date : undefined;
    if (dateColumn !== undefined) {
      chosen.push(t);
      last = { width: width(t), dateColumn };
    } else if (last && width(t) === last.width && continuesWithDates(t, last.dateColumn)) {
      chosen.push(t);
    } else {
      last = null;
    }
  }
  if (chosen.length) return chosen.flat();
  return [...tables].sort((a, b) => b.length - a.length)[0] ?? [];
}

const width = (t: string[][]): number => Math.max(0, ...t.map((r) => r.length));

/** Most of the filled cells in the date column read as dates. */
function continuesWithDates(t: string[][], dateColumn: number): boolean {
  const filled = t.map((r) => (r[dateColumn] ?? '').trim()).filter(Boolean);
  return filled.length > 0 && filled.filter((v) => !('error' in parseDate(v))).length >= filled.length / 2;
}

const tagOf = (n: XNode): string | undefined => Object.keys(n).find((k) => k !== ':@');
const children = (n: XNode): XNode[] => {
  const t = tagOf(n);
  const c = t ? n[t] : undefined;
  return Array.isArray(c) ? (c as XNode[]) : [];
};
const attr = (n: XNode, name: string): string | undefined => (n[':@'] as Record<string, string> | undefined)?.[name];

function tableRows(nodes: XNode[]): string[][] {
  const rows: string[][] = [];
  for (const tr of nodes) {
    if (tagOf(tr) !== 'w:tr') continue;
    const cells: string[] = [];
    for (const tc of children(tr)) {
      if (tagOf(tc) !== 'w:tc') continue;
      const props = children(children(tc).find((c) => tagOf(c) === 'w:tcPr') ?? {});
      const span = Number(attr(props.find((c) => tagOf(c) === 'w:gridSpan') ?? {}, 'w:val') ?? 1);
      // A cell merged down from the one above (several events on one day under one date cell):
      // Word leaves it empty; it shows, and holds, what the cell above holds.
      const vMerge = props.find((c) => tagOf(c) === 'w:vMerge');
      const continued = vMerge !== undefined && attr(vMerge, 'w:val') !== 'restart';
      cells.push(continued ? (rows[rows.length - 1]?.[cells.length] ?? '') : cellText(children(tc)));
      for (let i = 1; i < Math.min(span, LIMITS.maxColumns); i++) cells.push('');
    }
    rows.push(cells);
  }
  return rows;
}

/** Paragraphs become lines; a nested table's text is kept in the cell. */
function cellText(nodes: XNode[]): string {
  const lines: string[] = [];
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'w:p') lines.push(runText(children(n)));
    else if (tag === 'w:tbl') lines.push(...tableRows(children(n)).map((r) => r.filter(Boolean).join(' | ')));
    else if (tag === 'w:sdt' || tag === 'w:sdtContent' || tag === 'w:customXml') lines.push(cellText(children(n)));
  }
  return lines.join('\n').replace(/\n+$/, '');
}

/** Text of a paragraph: w:t runs (deleted text is w:delText, so left out), tabs and breaks. */
function runText(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === '#text') continue; // whitespace between elements
    if (tag === 'w:t') s += children(n).map((c) => String(c['#text'] ?? '')).join('');
    else if (tag === 'w:tab') s += '\t';
    else if (tag === 'w:br' || tag === 'w:cr') s += '\n';
    else if (tag === 'w:noBreakHyphen') s += '-';
    else if (tag && tag !== 'w:rPr' && tag !== 'w:pPr' && tag !== 'w:del' && tag !== ':@') s += runText(children(n));
  }
  return s;
}
