// Reads CSV records with csv-parse (the maintained parser), adding what it does not give: the line
// each record starts on, counted as a person counts them (a CR, LF or CRLF inside a quoted cell is
// one line; csv-parse's own `info.lines` counts a quoted CRLF twice). Lenient as spreadsheet
// programs are: quotes inside unquoted cells are text, rows may have any number of cells. A quote
// never closed, or a record past the size cap, stops the file with the line where it starts.
import { Readable } from 'node:stream';
import { parse, type Options } from 'csv-parse';
import { JigsawError } from '../../errors.js';
import { LIMITS } from '../limits.js';
import type { SourceRow } from './types.js';

const LINE_BREAK = /\r\n|\r|\n/g;

export async function* readCsvRecords(chunks: AsyncIterable<string>, delimiter: string, label: string): AsyncIterable<SourceRow> {
  // Lines are counted as csv-parse produces each record (on_record), not as we consume them, so a
  // parse error that arrives ahead of buffered records still names the right line.
  let nextLine = 1;
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
        const row = nextLine;
        // `raw` holds the record's text and (part of) its terminator: each break in it is one line.
        nextLine += Math.max(1, rec.raw.match(LINE_BREAK)?.length ?? 0);
        return { row, cells: rec.record };
      }) as unknown as Options['on_record'],
    }),
  );
  try {
    yield* parser as AsyncIterable<SourceRow>;
  } catch (err) {
    const e = err as { code?: string; message?: string };
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      throw new JigsawError('cell_too_large', `${label}: the record starting on line ${nextLine} is larger than ${LIMITS.maxRecordChars} characters; the file was refused`);
    }
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
