// The CSV record reader (csv-parse plus line numbers) on its own: quoting, line endings, line numbers of multi-line records,
// and records split across chunk boundaries anywhere (the result must not depend on where).
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../electron/engine/import/sources/csv-parser';

/** [row as Excel shows it, the line the record starts on, cells]. */
async function read(text: string, chunkSize = text.length || 1, delimiter = ','): Promise<[number, number, string[]][]> {
  async function* chunks() {
    for (let i = 0; i < text.length; i += chunkSize) yield text.slice(i, i + chunkSize);
  }
  const out: [number, number, string[]][] = [];
  for await (const r of readCsvRecords(chunks(), delimiter, 'x.csv')) {
    if (r.line === r.row) throw new Error(`row ${r.row}: line set though it is the row`);
    out.push([r.row, r.line ?? r.row, r.cells]);
  }
  return out;
}

const SAMPLE = [
  'Date,Notes,Officer',
  '01/02/2023,"Said ""leave me alone"", then left",PC 1',
  '02/02/2023,"Two\r\nlines, CRLF",PC 2',
  '03/02/2023,"Three\nlines\rmixed",PC 3',
  '',
  '04/02/2023,unquoted "inner" quotes,PC 4',
  '05/02/2023,"closed"then text,PC 5',
  '06/02/2023,,',
].join('\r\n');

// Every record is a row, as Excel shows the file (the blank line too); the line is where it starts.
const EXPECTED: [number, number, string[]][] = [
  [1, 1, ['Date', 'Notes', 'Officer']],
  [2, 2, ['01/02/2023', 'Said "leave me alone", then left', 'PC 1']],
  [3, 3, ['02/02/2023', 'Two\r\nlines, CRLF', 'PC 2']],
  [4, 5, ['03/02/2023', 'Three\nlines\rmixed', 'PC 3']],
  [5, 8, ['']],
  [6, 9, ['04/02/2023', 'unquoted "inner" quotes', 'PC 4']],
  // Text after a closing quote is kept as written, quotes included: nothing is lost.
  [7, 10, ['05/02/2023', '"closed"then text', 'PC 5']],
  [8, 11, ['06/02/2023', '', '']],
];

describe('CSV record reader', () => {
  it('reads quotes, doubled quotes, CRLF/LF/CR inside cells, and numbers each record as Excel shows it, with its first line', async () => {
    expect(await read(SAMPLE)).toEqual(EXPECTED);
  });

  it('gives the same records whatever the chunk boundaries', async () => {
    for (const size of [1, 2, 3, 5, 7, 16, 64]) expect(await read(SAMPLE, size)).toEqual(EXPECTED);
  });

  it('reads CR-only and LF-only files, a last line without a newline, and other delimiters', async () => {
    expect(await read('a;b\r1;2\r3;4', 4, ';')).toEqual([[1, 1, ['a', 'b']], [2, 2, ['1', '2']], [3, 3, ['3', '4']]]);
    expect(await read('a\tb\n1\t"x\ty"\n', 3, '\t')).toEqual([[1, 1, ['a', 'b']], [2, 2, ['1', 'x\ty']]]);
  });

  it('stops at a quote that never closes, naming the line it opened on', async () => {
    await expect(read('a,b\n1,"open\n2,3\n', 4)).rejects.toThrow(/x\.csv: could not be read as CSV at line 2: a quote opened on line 2 is never closed/);
  });
});
