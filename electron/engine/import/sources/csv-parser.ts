// Reads CSV records, adding what the parsers do not give: each record's row as Excel shows it when it
// opens the file (every record is a row, a blank line included: Excel shows it as an empty row), and,
// once an earlier record has spanned lines, the line it starts on, counted as a text editor counts
// them (a CR, LF or CRLF inside a quoted cell is one line). Lenient as spreadsheet
// programs are: quotes inside unquoted cells are text, text after a closing quote is kept as written,
// rows may have any number of cells, a file may mix CR, LF and CRLF line ends. A quote never closed,
// or a record past the size cap, stops the file with the line where it starts.
//
// papaparse reads well-formed CSV about 6x faster than csv-parse, but it splits records on ONE line
// ending per file, silently drops spaces after a closing quote, and merges following lines into a
// cell whose closing quote is followed by text. So each record papaparse gives is checked against
// its raw text (a cheap length walk, no re-parse); at the first record it may have read differently,
// the rest of the file from that record on goes to csv-parse, whose reading is the reference.
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import { parse, type Options } from 'csv-parse';
import { JigsawError } from '../../errors.js';
import { LIMITS } from '../limits.js';
import type { SourceRow } from './types.js';

const LINE_BREAK = /\r\n|\r|\n/g;
const QUOTE = 34;
type Newline = '\n' | '\r\n' | '\r';

export async function* readCsvRecords(chunks: AsyncIterable<string>, delimiter: string, label: string): AsyncIterable<SourceRow> {
  const source = chunks[Symbol.asyncIterator]();
  let pending = ''; // text after the last complete record: never more than the record cap plus one chunk
  let nextLine = 1;
  let nextRecord = 1;
  let newline: Newline | null = null;
  let handedOver = false;
  try {
    for (;;) {
      const next = await source.next();
      const input = next.done ? pending : pending + next.value;
      newline ??= guessNewline(input, next.done === true);
      if (newline !== null && input) {
        const read = readRecords(input, delimiter, newline, nextLine, nextRecord, next.done === true);
        yield* read.rows;
        nextLine = read.nextLine;
        nextRecord = read.nextRecord;
        if (read.tooLarge) throw tooLarge(label, nextLine);
        if (read.handOverAt !== null) {
          handedOver = true;
          yield* readWithCsvParse(resume(input.slice(read.handOverAt), next.done ? null : source), delimiter, label, nextLine, nextRecord);
          return;
        }
        pending = input.slice(read.consumed);
      } else {
        pending = input;
      }
      // Counting what is held since the last complete record bounds memory: an unclosed quote at
      // the top of a huge file is refused here, long before the file is buffered.
      if (pending.length > LIMITS.maxRecordChars) throw tooLarge(label, nextLine);
      if (next.done) return;
    }
  } finally {
    if (!handedOver) await source.return?.();
  }
}

interface RecordsRead {
  rows: SourceRow[];
  nextLine: number;
  nextRecord: number;
  /** Characters of input taken up by the records in rows. */
  consumed: number;
  /** Where the first record papaparse may have read differently from csv-parse starts, if any. */
  handOverAt: number | null;
  /** A complete record was larger than the cap (its line is nextLine). */
  tooLarge: boolean;
}

/** The complete records in input (all of them atEnd; else the last, maybe incomplete, is left). */
function readRecords(input: string, delimiter: string, newline: Newline, firstLine: number, firstRecord: number, atEnd: boolean): RecordsRead {
  const rows: SourceRow[] = [];
  let line = firstLine;
  let record = firstRecord;
  let start = 0;
  let handOverAt: number | null = null;
  let tooLarge = false;
  // Next CR, LF and quote at or after a record's start, found once and reused (papaparse's own trick):
  // searching afresh for each record would scan to the end of the input each time when there are none.
  let nextCr = -1, nextLf = -1, nextQuote = -1;
  const parser = new Papa.Parser({
    delimiter,
    newline,
    step(result: Papa.ParseStepResult<string[]>) {
      const end = result.meta.cursor;
      if (end === start) return; // papaparse's empty record after a final line ending: none to csv-parse
      if (!atEnd && end === input.length) {
        // Its line ending may be the CR of a CRLF split across chunks: read it with what follows.
        parser.abort();
        return;
      }
      const cells = (result.data as unknown as string[][])[0] ?? [''];
      const contentEnd = end - newline.length >= start && input.startsWith(newline, end - newline.length) ? end - newline.length : end;
      if (end - start > LIMITS.maxRecordChars) {
        tooLarge = true;
        parser.abort();
        return;
      }
      if (nextCr < start && nextCr !== -1) nextCr = input.indexOf('\r', start);
      if (nextLf < start && nextLf !== -1) nextLf = input.indexOf('\n', start);
      if (nextQuote < start && nextQuote !== -1) nextQuote = input.indexOf('"', start);
      const breaks = (nextCr !== -1 && nextCr < contentEnd) || (nextLf !== -1 && nextLf < contentEnd);
      const quoted = nextQuote !== -1 && nextQuote < contentEnd;
      // A CR papaparse ended the record on may be the first half of a CRLF (one line ending to csv-parse).
      const crlfSplit = newline === '\r' && input.charCodeAt(end) === 10;
      const same = result.errors.length === 0 && !crlfSplit && (quoted ? readAsCsvParseDoes(input, start, contentEnd, cells, delimiter, breaks) : !breaks);
      if (!same) {
        handOverAt = start;
        parser.abort();
        return;
      }
      rows.push(line === record ? { row: record, cells } : { row: record, line, cells });
      record++;
      line += breaks ? Math.max(1, input.slice(start, end).match(LINE_BREAK)?.length ?? 0) : 1;
      start = end;
    },
  });
  nextCr = input.indexOf('\r');
  nextLf = input.indexOf('\n');
  nextQuote = input.indexOf('"');
  parser.parse(input, 0, !atEnd);
  return { rows, nextLine: line, nextRecord: record, consumed: start, handOverAt, tooLarge };
}

/**
 * Whether papaparse's cells are what csv-parse reads from input[start, end) (the record, its line
 * ending excluded): every quoted cell is `"`, its text with quotes doubled, `"`, then straight on to
 * the delimiter or the record's end (papaparse drops spaces there; csv-parse keeps them as text); no
 * unquoted cell holds a line break (a line ending of another kind than the one papaparse splits on).
 */
function readAsCsvParseDoes(input: string, start: number, end: number, cells: string[], delimiter: string, breaks: boolean): boolean {
  let p = start;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    if (input.charCodeAt(p) === QUOTE) {
      p += 2 + cell.length + countQuotes(cell);
      if (input.charCodeAt(p - 1) !== QUOTE) return false;
    } else {
      if (breaks && (cell.includes('\r') || cell.includes('\n'))) return false;
      p += cell.length;
    }
    if (i < cells.length - 1) {
      if (!input.startsWith(delimiter, p)) return false;
      p += delimiter.length;
    }
  }
  return p === end;
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i !== -1; i = text.indexOf('"', i + 1)) n++;
  return n;
}

/**
 * The line ending papaparse should split on: the first one outside quotes (where most files use one
 * kind throughout). null while undecided (no line ending yet, or a CR that may be half of a CRLF).
 * A wrong guess costs only speed: the records it misreads are handed to csv-parse.
 */
function guessNewline(input: string, atEnd: boolean): Newline | null {
  const unquoted = input.slice(0, 64 * 1024).replace(/"[^"]*"/g, '');
  const i = unquoted.search(/[\r\n]/);
  if (i === -1) return atEnd || input.length > 64 * 1024 ? '\n' : null;
  if (unquoted[i] === '\n') return '\n';
  if (i + 1 < unquoted.length) return unquoted[i + 1] === '\n' ? '\r\n' : '\r';
  return atEnd ? '\r' : null;
}

function tooLarge(label: string, line: number): JigsawError {
  return new JigsawError('cell_too_large', `${label}: the record starting on line ${line} is larger than ${LIMITS.maxRecordChars} characters; the file was refused`);
}

async function* resume(head: string, rest: AsyncIterator<string> | null): AsyncIterable<string> {
  yield head;
  if (!rest) return;
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
  } finally {
    await rest.return?.();
  }
}

/** csv-parse from a record papaparse may have misread to the end of the file; lines and records counted on from firstLine and firstRecord. */
async function* readWithCsvParse(chunks: AsyncIterable<string>, delimiter: string, label: string, firstLine: number, firstRecord: number): AsyncIterable<SourceRow> {
  // Lines are counted as csv-parse produces each record (on_record), not as we consume them, so a
  // parse error that arrives ahead of buffered records still names the right line.
  let nextLine = firstLine;
  let nextRecord = firstRecord;
  const input = Readable.from(chunks);
  const parser = input.pipe(
    parse({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      raw: true,
      max_record_size: LIMITS.maxRecordChars,
      // With `raw`, each record arrives as {record, raw}; the option's type doesn't model that.
      on_record: ((rec: { record: string[]; raw: string }): SourceRow => {
        const line = nextLine;
        const row = nextRecord++;
        // `raw` holds the record's text and (part of) its terminator: each break in it is one line.
        nextLine += Math.max(1, rec.raw.match(LINE_BREAK)?.length ?? 0);
        return line === row ? { row, cells: rec.record } : { row, line, cells: rec.record };
      }) as unknown as Options['on_record'],
    }),
  );
  try {
    yield* parser as AsyncIterable<SourceRow>;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE') throw tooLarge(label, nextLine);
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new JigsawError('unreadable_file', `${label}: could not be read as CSV at line ${nextLine}: a quote opened on line ${nextLine} is never closed`);
    }
    if (err instanceof JigsawError) throw err;
    throw new JigsawError('unreadable_file', `${label}: could not be read as CSV at line ${nextLine}: ${e.message ?? String(err)}`);
  } finally {
    input.destroy();
    parser.destroy();
  }
}
