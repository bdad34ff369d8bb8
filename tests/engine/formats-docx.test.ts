// Word chronologies as agencies fill them in from a review template: a title, a key-people table,
// then the chronology table (sometimes split in two, its header repeated), cells of several
// paragraphs, merged cells. Row numbers count the chronology table's header row as 1.
import path from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { makeDocx, makeXlsx } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';
import { runJigsaw } from './run-cli';

const HEADER = ['Date', 'Time', 'Source of information', 'Details of contact', 'Action / outcome', 'Practitioner role'];

function socialCareDocx(): Buffer {
  return makeDocx([
    'Adult Social Care chronology - Safeguarding Adults Review "Adult R"',
    'Key people',
    [
      ['Name', 'Role'],
      ['Rowan Pellow', 'Subject'],
      ['Kyle Danner', 'Associate'],
    ],
    'Chronology',
    [
      HEADER,
      ['12/01/2023', '10:30', 'Case record', 'Referral from GP: weight loss.\nLives alone, self-neglect concerns.', 'Allocated to duty', 'Social worker'],
      ['w/c 20/02/2023', '', 'Case record', 'Several\tattempted visits, no access', 'Letter sent', 'Social worker'],
      [{ text: 'March 2023', span: 1 }, { text: 'Case closed after no engagement (merged cells)', span: 4 }, 'Team manager'],
      ['', '', '', '', '', ''],
      ['30/02/2023', '', 'Case record', 'Impossible date', '', 'Social worker'],
    ],
    'Chronology (continued)',
    [
      HEADER,
      ['?04/05/2023', '', 'Phone', 'Neighbour reports new adults staying at the flat', 'Safeguarding concern raised', 'Duty worker'],
    ],
  ]);
}

describe('DOCX import', () => {
  it('reports a year or page divider across merged cells as a section divider, not a year-long entry', async () => {
    const c = tempCase();
    const doc = makeDocx([
      [
        HEADER,
        [{ text: '2022', span: 6 }],
        ['14/01/2022', '10:30', 'Case record', 'Home visit', 'None', 'Social worker'],
        [{ text: '--- page 2 ---', span: 6 }],
        [{ text: '2023', span: 6 }],
        ['23/02/2023', '', 'Case record', 'Review of care plan', '', 'Social worker'],
      ],
    ]);
    const r = await importExtract(c, writeFile(tempDir(), 'dividers.docx', doc), { agency: 'Adult Social Care' });
    expect(r.imported).toBe(2);
    expect(r.rejected).toEqual([]);
    expect(r.warnings.map((p) => [p.row, p.reason])).toEqual([
      [2, 'section_divider'],
      [4, 'section_divider'],
      [5, 'section_divider'],
    ]);
    expect(r.warnings[0]!.message).toBe('Row 2 is a section divider ("2022"), not an entry');
    expect(c.listEntries({}).entries.map((e) => e.precision)).toEqual(['day', 'day']);
  });

  it('reports year and month-year dividers of a Word table written by a real writer (merged across cells, or in one cell) as dividers, never entries', async () => {
    const cell = (text: string, columnSpan?: number) => new TableCell({ children: [new Paragraph(text)], ...(columnSpan !== undefined && { columnSpan }) });
    const row = (...cells: TableCell[]) => new TableRow({ children: cells });
    const event = (...texts: string[]) => row(...texts.map((t) => cell(t)));
    const table = new Table({
      rows: [
        event(...HEADER),
        row(cell('2005', 6)), //                                              row 2: a year across the whole row
        event('14/03/2005', '10:30', 'Case record', 'Referral from school', 'Assessment', 'Social worker'),
        row(cell('March 2019', 6)), //                                        row 4: a month and year
        event('Year 2019', '', '', '', '', ''), //                            row 5: in the first cell, the rest empty
        row(cell('April 2019 - March 2020', 3), cell('', 3)), //              row 6: half merged, half empty
        event('02/04/2019', '', 'Phone', 'Neighbour reports new adults at the flat', 'Concern raised', 'Duty worker'),
        event('2019', '', 'Case record', 'Annual review (date known only to the year)', '', 'Social worker'), // row 8: an entry, not a divider
      ],
    });
    const doc = new Document({ sections: [{ children: [new Paragraph('Children’s Social Care chronology'), table] }] });
    const dir = tempDir();
    const file = writeFile(dir, 'csc.docx', await Packer.toBuffer(doc));
    const c = tempCase();
    const r = await importExtract(c, file, { agency: 'Children’s Social Care' });
    expect(r.rejected).toEqual([]);
    expect(r.imported).toBe(3);
    expect(r.warnings.map((p) => [p.row, p.reason, p.message])).toEqual([
      [2, 'section_divider', 'Row 2 is a section divider ("2005"), not an entry'],
      [4, 'section_divider', 'Row 4 is a section divider ("March 2019"), not an entry'],
      [5, 'section_divider', 'Row 5 is a section divider ("Year 2019"), not an entry'],
      [6, 'section_divider', 'Row 6 is a section divider ("April 2019 - March 2020"), not an entry'],
    ]);
    const entries = c.listEntries({}).entries;
    expect([...entries].sort((a, b) => a.source.row - b.source.row).map((e) => [e.source.row, e.precision])).toEqual([[3, 'day'], [7, 'day'], [8, 'year']]);
    // Every divider row is kept raw, like every other row.
    expect(c.db.prepare('SELECT count(*) FROM raw_rows').pluck().get()).toBe(8);

    const cli = await runJigsaw(['import', path.join(dir, 'case.jigsaw'), file, '--agency', 'CSC']);
    expect(cli.stdout).toContain('csc.docx (CSC, docx): 3 rows imported, 0 rejected, 0 duplicates, 0 warnings, 4 section dividers');
    expect(cli.stdout).toContain('  divider   row 4: Row 4 is a section divider ("March 2019"), not an entry');
  });

  it('treats a row holding only a year or a month in CSV and XLSX as a divider too', async () => {
    const c = tempCase();
    const csv = await importExtract(c, writeFile(tempDir(), 'gp.csv', 'Date,Type,Notes\n2019,,\n14/01/2019,Appointment,Seen\n,"March 2019",\n'), { agency: 'GP' });
    expect(csv.warnings.map((p) => [p.row, p.reason])).toEqual([[2, 'section_divider'], [4, 'section_divider']]);
    expect(csv.imported).toBe(1);
    const xlsx = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('Log');
      ws.addRow(['Date', 'Type', 'Notes']);
      ws.addRow(['2020']);
      ws.mergeCells('A2:C2');
      ws.addRow(['23/02/2020', 'Visit', 'Seen at home']);
    });
    const x = await importExtract(c, writeFile(tempDir(), 'housing.xlsx', xlsx), { agency: 'Housing' });
    expect(x.warnings.map((p) => [p.row, p.reason])).toEqual([[2, 'section_divider']]);
    expect(x.imported).toBe(1);
  });

  it('imports the chronology table(s), not the key-people table, with table row numbers', async () => {
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'asc.docx', socialCareDocx()), { agency: 'Adult Social Care' });
    expect(r.format).toBe('docx');
    expect(r.headerRow).toBe(1);
    expect(r.imported).toBe(4);
    expect(r.rejected.map((p) => [p.row, p.reason])).toEqual([
      [5, 'empty_row'],
      [6, 'impossible_date'],
    ]);
    // The second table's header is row 7 of the chronology: a repeated header.
    expect(r.warnings.map((p) => [p.row, p.reason])).toEqual([[7, 'repeated_header']]);
    const entries = c.listEntries({}).entries;
    expect(entries.map((e) => [e.date, e.dateTo, e.precision, e.source.row])).toEqual([
      ['2023-01-12', '2023-01-12', 'day', 2],
      ['2023-02-20', '2023-02-26', 'week', 3],
      ['2023-03-01', '2023-03-31', 'month', 4],
      ['2023-05-04', '2023-05-04', 'approximate', 8],
    ]);
    expect(entries[0]!.text).toBe('Referral from GP: weight loss.\nLives alone, self-neglect concerns.');
    expect(entries[0]!.time).toBe('10:30');
    expect(entries[1]!.text).toBe('Several\tattempted visits, no access');
    expect(entries[2]!.practitioner).toBe('Team manager');
    expect(entries[3]!.flags).toContain('uncertain');
    expect(entries.every((e) => !/Rowan Pellow|Subject/.test(e.text))).toBe(true);
  });

  it('takes the largest table when no table names a date column, so the user can map it', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'plain.docx', makeDocx([[['a', 'b']], [['When', 'What happened'], ['01/02/2023', 'Seen'], ['02/02/2023', 'Phoned']]]));
    const r = await importExtract(c, file, { agency: 'Voluntary sector', mapping: { date: 0, text: 1 } });
    expect(r.imported).toBe(2);
  });

  it('refuses a Word document without a table, saying why', async () => {
    const c = tempCase();
    await expect(importExtract(c, writeFile(tempDir(), 'letter.docx', makeDocx(['Dear panel, please find our chronology attached.'])), { agency: 'A' })).rejects.toThrow(
      /letter\.docx: the Word document holds no table/,
    );
  });
});
