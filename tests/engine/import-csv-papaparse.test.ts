// What papaparse reads differently from csv-parse, and how the CSV record reader still reads like
// csv-parse (the previous reader, kept as the reference): one line ending per file in papaparse vs
// CR, LF and CRLF mixed; spaces or text after a closing quote; the record cap with an unclosed quote.
import fs from 'node:fs';
import path from 'node:path';
import { parse, type Options } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../electron/engine/import/limits';
import { openCsv } from '../../electron/engine/import/sources/csv';
import { readCsvRecords } from '../../electron/engine/import/sources/csv-parser';
import { tempDir } from './helpers';

// The real csv-parse, watched: it should only be called from the first record papaparse may misread.
const csvParse = vi.hoisted(() => ({ calls: 0 }));
vi.mock('csv-parse', async (importOriginal) => {
  const real = await importOriginal<typeof import('csv-parse')>();
  return { ...real, parse: (...args: Parameters<typeof real.parse>) => (csvParse.calls++, real.parse(...args)) };
});

type Read = [number, string[]][];

async function* inChunks(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** [the line each record starts on, cells]; each record's row is checked to be its number, as Excel shows it, with `line` only where it differs. */
async function read(text: string, chunkSize = text.length || 1, delimiter = ','): Promise<Read> {
  const out: Read = [];
  for await (const r of readCsvRecords(inChunks(text, chunkSize), delimiter, 'x.csv')) {
    if (r.row !== out.length + 1 || r.line === r.row) throw new Error(`record ${out.length + 1} numbered row ${r.row}, line ${r.line}`);
    out.push([r.line ?? r.row, r.cells]);
  }
  return out;
}

/** csv-parse with the previous reader's options and line counting: records, or the error it would give. */
function reference(text: string, delimiter = ','): Read | string {
  const out: Read = [];
  let line = 1;
  try {
    parse(text, {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      raw: true,
      // With `raw`, each record arrives as {record, raw}; the option's type doesn't model that.
      on_record: ((rec: { record: string[]; raw: string }) => {
        out.push([line, rec.record]);
        line += Math.max(1, rec.raw.match(/\r\n|\r|\n/g)?.length ?? 0);
        return null;
      }) as unknown as Options['on_record'],
    });
  } catch (err) {
    if ((err as { code?: string }).code === 'CSV_QUOTE_NOT_CLOSED') return `at line ${line}: a quote opened on line ${line} is never closed`;
    throw err;
  }
  return out;
}

async function readOrError(text: string, chunkSize: number, delimiter = ','): Promise<Read | string> {
  try {
    return await read(text, chunkSize, delimiter);
  } catch (err) {
    return (err as Error).message.replace(/^x\.csv: could not be read as CSV /, '');
  }
}

describe('CSV record reader: what papaparse reads differently', () => {
  it('splits records on CRLF, LF and CR mixed in one file, wherever the chunks break', async () => {
    const text = 'Date,Notes\r\n01/02/2023,"two\r\nlines"\n02/02/2023,lf\r03/02/2023,cr\r\n04/02/2023,"x"\n05/02/2023,"y\rz"\r';
    const expected: Read = [
      [1, ['Date', 'Notes']],
      [2, ['01/02/2023', 'two\r\nlines']],
      [4, ['02/02/2023', 'lf']],
      [5, ['03/02/2023', 'cr']],
      [6, ['04/02/2023', 'x']],
      [7, ['05/02/2023', 'y\rz']],
    ];
    for (const size of [1, 2, 3, 7, 11, text.length]) expect(await read(text, size)).toEqual(expected);
    // The same with LF first (papaparse would then split on LF only) and CR first.
    expect(await read('a,b\n1,2\r\n3,4\r5,6')).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']], [4, ['5', '6']]]);
    expect(await read('a,b\r1,2\n3,4\r\n5,6\n')).toEqual([[1, ['a', 'b']], [2, ['1', '2']], [3, ['3', '4']], [4, ['5', '6']]]);
  });

  it('reads a CR-only file whose quoted cells hold LF and CRLF, and a CRLF split across chunks', async () => {
    const text = 'a;b\r"x\ny";"p\r\nq"\r3;4\r';
    expect(await read(text, 5, ';')).toEqual([[1, ['a', 'b']], [2, ['x\ny', 'p\r\nq']], [5, ['3', '4']]]);
    // A CR-only file then a CRLF whose CR ends a chunk: one line ending, not two.
    expect(await read('a\rb\r\nc', 3)).toEqual([[1, ['a']], [2, ['b']], [3, ['c']]]);
  });

  it('keeps quotes inside unquoted cells, and text or spaces after a closing quote, as written', async () => {
    const text = 'Notes,Officer\nsaid "no" twice,PC 1\n"12" screen,PC 2\n"a,b"c,PC 3\n"x" ,PC 4\n"y"\t\nlast,PC 5\n';
    expect(await read(text)).toEqual([
      [1, ['Notes', 'Officer']],
      [2, ['said "no" twice', 'PC 1']],
      [3, ['"12" screen', 'PC 2']],
      [4, ['"a,b"c', 'PC 3']],
      [5, ['"x" ', 'PC 4']],
      [6, ['"y"\t']],
      [7, ['last', 'PC 5']],
    ]);
  });

  it('reads exactly as csv-parse does, line numbers and unclosed quotes included, on random text and chunking', async () => {
    // A seeded generator: the same cases every run.
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const alphabet = ['a', 'b', ',', ',', '"', '"', '\r', '\n', '\r\n', ' ', ';'];
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: random(40) }, () => alphabet[random(alphabet.length)]).join('');
      const delimiter = i % 5 === 0 ? ';' : ',';
      const expected = reference(text, delimiter);
      for (const size of [1 + random(6), text.length || 1]) expect([text, size, await readOrError(text, size, delimiter)]).toEqual([text, size, expected]);
    }
  });

  it('leaves well-formed files, multi-line cells included, to papaparse alone, and hands csv-parse only the rest', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `${i},"note ${i}, ""quoted""\nsecond line",PC ${i % 7}`);
    const text = ['Ref,Notes,Officer', ...rows, ''].join('\r\n');
    csvParse.calls = 0;
    const clean = await read(text, 4096);
    expect(csvParse.calls).toBe(0);
    expect(clean).toHaveLength(3001);
    expect(clean[3000]).toEqual([6000, ['2999', 'note 2999, "quoted"\nsecond line', 'PC 3']]);
    // Spaces after a closing quote half-way: csv-parse reads from that record on, lines still counted on.
    const odd = text.replace('1500,"note 1500, ""quoted""\nsecond line"', '1500,"note 1500" ');
    const read2 = await read(odd, 4096);
    expect(csvParse.calls).toBe(1);
    expect(read2[1501]).toEqual([3002, ['1500', '"note 1500" ', 'PC 2']]);
    expect(read2[1502]).toEqual([3003, ['1501', 'note 1501, "quoted"\nsecond line', 'PC 3']]);
    expect(read2[3000]).toEqual([5999, ['2999', 'note 2999, "quoted"\nsecond line', 'PC 3']]);
  });

  it('refuses an unclosed quote at the top of a large file after reading little more than the record cap', async () => {
    const file = path.join(tempDir(), 'unclosed.csv');
    const row = '01/02/2023,text that goes on,PC 1\n';
    const rows = Math.ceil((LIMITS.maxRecordChars * 2) / row.length); // a file twice the cap
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, 'Date,Notes,Officer\n"never closed,');
    const block = row.repeat(10_000);
    for (let n = 0; n < rows; n += 10_000) fs.writeSync(fd, block);
    fs.closeSync(fd);
    const size = fs.statSync(file).size;

    const source = openCsv(file);
    const rowsRead: number[] = [];
    let error: Error | null = null;
    try {
      for await (const r of source.rows()) rowsRead.push(r.row);
    } catch (err) {
      error = err as Error;
    }
    expect(rowsRead).toEqual([1]);
    expect(error?.message).toMatch(/unclosed\.csv: the record starting on line 2 is larger than 33554432 characters; the file was refused/);
    // Bounded: it stopped within a few 1 MB chunks of the cap, never holding the whole file.
    expect(source.bytesRead()).toBeLessThan(LIMITS.maxRecordChars + 4 * 1024 * 1024);
    expect(source.bytesRead()).toBeLessThan(size / 1.5);
  });
});
