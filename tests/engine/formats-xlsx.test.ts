// XLSX extracts as agencies send them, made with exceljs in the test: cover sheets, title rows,
// repeated headers at page breaks, blank rows, real Excel dates and dates as text, rich text and
// formulas. Row numbers must be Excel's.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { makeXlsx } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

const utc = (y: number, m: number, d: number, h = 0, min = 0): Date => new Date(Date.UTC(y, m - 1, d, h, min));

async function hospitalWorkbook(): Promise<Buffer> {
  return makeXlsx((wb) => {
    const cover = wb.addWorksheet('Cover');
    cover.addRow(['Acute Trust chronology for the Safeguarding Adults Review']);
    cover.addRow(['Prepared by the named nurse']);
    const ws = wb.addWorksheet('ED attendances');
    ws.getCell('A1').value = 'Northfield Hospitals NHS Trust';
    ws.getCell('A2').value = 'Emergency Department attendances';
    // Row 3 left blank on purpose.
    ws.getRow(4).values = ['Arrival date', 'Arrival time', 'Attendance type', 'Presenting complaint', 'Disposal', 'Clinician'];
    const rows: [number, unknown[], Record<number, string>][] = [
      [5, [utc(2023, 3, 14), utc(1899, 12, 30, 22, 40), 'ED attendance', 'Fall at home, bruising to arms', 'Discharged', 'ED registrar'], { 1: 'dd/mm/yyyy', 2: 'hh:mm' }],
      // A real date and time in one cell, in British Summer Time: no shift either way.
      [6, [utc(2023, 6, 30, 23, 30), null, 'ED attendance', { richText: [{ text: 'Head injury, ', font: { bold: true } }, { text: 'says walked into door' }] }, 'Admitted', 'ED consultant'], { 1: 'dd/mm/yyyy hh:mm' }],
      // Date typed as text, as often happens when a sheet is filled by hand.
      [7, ['02/07/2023', '09:15', 'Telephone', 'Called ward asking for patient', 'Advice', 'Ward clerk'], {}],
      // Page break: the header repeated.
      [9, ['Arrival date', 'Arrival time', 'Attendance type', 'Presenting complaint', 'Disposal', 'Clinician'], {}],
      // A formula whose result is a date, and a formula whose result is text.
      [10, [{ formula: 'A5+140', result: utc(2023, 8, 1) }, null, 'ED attendance', { formula: '"Overdose, "&"taken to resus"', result: 'Overdose, taken to resus' }, 'Admitted', 'ED registrar'], { 1: 'dd/mm/yyyy' }],
      // An Excel serial in a cell formatted General (a date that lost its format).
      [11, [45170, null, 'ED attendance', 'Intoxicated, brought by police', 'Discharged', 'ED nurse'], {}],
      [12, ['31/02/2023', null, 'ED attendance', 'Impossible date', 'n/a', 'ED nurse'], {}],
    ];
    for (const [n, values, fmts] of rows) {
      const r = ws.getRow(n);
      r.values = values as never;
      for (const [col, fmt] of Object.entries(fmts)) r.getCell(Number(col)).numFmt = fmt;
    }
    const older = wb.addWorksheet('Older records');
    older.addRow(['Date', 'Notes']);
    older.addRow(['01/01/2020', 'Old attendance']);
  });
}

describe('XLSX import', () => {
  it('reads the data sheet with title rows, blank and repeated header rows, real dates and dates as text', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'ed.xlsx', await hospitalWorkbook());
    const r = await importExtract(c, file, { agency: 'Hospital' });
    expect(r.format).toBe('xlsx');
    expect(r.headerRow).toBe(4);
    expect(r.imported).toBe(5);
    expect(r.rejected.map((p) => [p.row, p.reason])).toEqual([[12, 'impossible_date']]);
    // 02/07/2023 typed as text reads either way, and nothing else in the file says which: flagged.
    expect(r.warnings.map((p) => [p.row, p.reason])).toEqual([[7, 'ambiguous_date'], [9, 'repeated_header']]);
    const entries = c.listEntries({}).entries;
    expect(entries.map((e) => [e.date, e.time, e.source.row, e.text])).toEqual([
      ['2023-03-14', '22:40', 5, 'Fall at home, bruising to arms'],
      ['2023-06-30', '23:30', 6, 'Head injury, says walked into door'],
      ['2023-07-02', '09:15', 7, 'Called ward asking for patient'],
      ['2023-08-01', null, 10, 'Overdose, taken to resus'],
      ['2023-09-01', null, 11, 'Intoxicated, brought by police'],
    ]);
    expect(entries[0]!.practitioner).toBe('ED registrar');
    // The raw row keeps what the cell showed, the date as ISO text.
    const detail = c.getEntry(entries[0]!.id);
    expect(detail.raw.slice(0, 2)).toEqual([
      { header: 'Arrival date', value: '2023-03-14' },
      { header: 'Arrival time', value: '22:40' },
    ]);
    expect(detail.provenance.format).toBe('xlsx');
  });

  it('reads real Excel dates the same whatever the computer\'s time zone', async () => {
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Auckland';
    try {
      const c = tempCase();
      const r = await importExtract(c, writeFile(tempDir(), 'ed.xlsx', await hospitalWorkbook()), { agency: 'Hospital' });
      expect(r.imported).toBe(5);
      expect(c.listEntries({}).entries.slice(0, 2).map((e) => [e.date, e.time])).toEqual([
        ['2023-03-14', '22:40'],
        ['2023-06-30', '23:30'],
      ]);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('imports the sheet the user names', async () => {
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'ed.xlsx', await hospitalWorkbook()), { agency: 'Hospital', sheet: 'older records' });
    expect(r.imported).toBe(1);
    expect(c.listEntries({}).entries[0]!.text).toBe('Old attendance');
    await expect(importExtract(c, writeFile(tempDir(), 'x.xlsx', await hospitalWorkbook()), { agency: 'H2', sheet: 'Nope' })).rejects.toThrow(
      /no worksheet named "Nope".*"Cover", "ED attendances", "Older records"/,
    );
  });

  it('imports a CSV that was given an .xlsx name, by its content', async () => {
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'police.xlsx', 'Date,Details\n01/02/2023,Welfare check\n'), { agency: 'Police' });
    expect(r.format).toBe('csv');
    expect(r.imported).toBe(1);
  });

  it('reads a workbook of one sheet with a date-time column and a separate time column', async () => {
    const buf = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.addRow(['Date', 'Time', 'Type', 'Notes']);
      const a = ws.addRow([utc(2022, 12, 25), utc(1899, 12, 30, 7, 5), 'Call', 'Christmas morning call']);
      a.getCell(1).numFmt = 'd-mmm-yy';
      a.getCell(2).numFmt = 'h:mm AM/PM';
      ws.addRow([]);
      const b = ws.addRow([utc(2023, 1, 2), null, 'Visit', 'New year visit']);
      b.getCell(1).numFmt = '[$-809]dd mmmm yyyy';
    });
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'one.xlsx', buf), { agency: 'Ambulance' });
    expect(r.imported).toBe(2);
    expect(c.listEntries({}).entries.map((e) => [e.date, e.time, e.source.row])).toEqual([
      ['2022-12-25', '07:05', 2],
      ['2023-01-02', null, 4],
    ]);
  });
});
