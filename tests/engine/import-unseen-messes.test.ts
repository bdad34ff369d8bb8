// Extract messes found by probing the importer with files nobody tuned it on (brief: "What an agency
// extract looks like"): times as people type them, dates with words around them, Unix times from
// newer systems, workbooks whose drop-down list sheet is longer than the data, terse headings.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../electron/engine/import/dates';
import { importExtract } from '../../electron/engine/import/import-extract';
import { openSource } from '../../electron/engine/import/sources/index';
import { makeDocx, makeZip } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

const entries = (c: ReturnType<typeof tempCase>) => c.listEntries({}).entries;

describe('times written by hand in a time column', () => {
  it('reads "2pm", "noon", "approx 14:00" and a time range, and keeps a part of the day as no time instead of refusing the row, and a time that is no time as a warning', async () => {
    const csv = [
      'Date,Time,Event,Officer',
      '16/03/2023,2pm,Call from neighbour about shouting,PC 1',
      '17/03/2023,14.00hrs,Attended address,PC 1',
      '18/03/2023,approx 14:00,Return visit,PC 2',
      '19/03/2023,morning,Letter hand delivered,PC 2',
      '20/03/2023,noon,Welfare check,PC 3',
      '21/03/2023,10:00-11:30,Strategy discussion,DS 4',
      '22/03/2023,9 a.m.,Phone call to school,PC 3',
      '23/03/2023,midnight,Arrest,PC 5',
      '24/03/2023,25:70,Typed wrongly,PC 5',
    ].join('\n');
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'police.csv', csv), { agency: 'Police' });
    // A time that is not a time of day loses only the time: the date still places the event.
    expect(r.imported).toBe(9);
    expect(r.rejected).toEqual([]);
    expect(r.warnings.map((w) => [w.row, w.reason, w.message])).toEqual([[10, 'unreadable_date', 'Row 10: time "25:70" is not a time of day; the entry keeps its date only']]);
    expect(entries(c).map((e) => [e.date, e.time])).toEqual([
      ['2023-03-16', '14:00'], ['2023-03-17', '14:00'], ['2023-03-18', '14:00'], ['2023-03-19', null],
      ['2023-03-20', '12:00'], ['2023-03-21', '10:00'], ['2023-03-22', '09:00'], ['2023-03-23', '00:00'], ['2023-03-24', null],
    ]);
    // The words are kept where a person can see them: the raw row.
    expect(c.getEntry(entries(c)[3]!.id).raw.find((x) => x.header === 'Time')?.value).toBe('morning');
  });
});

describe('dates with words and times around them', () => {
  it.each([
    ['18/03/2023 @ 10:00', '2023-03-18', '2023-03-18', '10:00', 'day'],
    ['22 Mar 2023 3pm', '2023-03-22', '2023-03-22', '15:00', 'day'],
    ['21/03/2023 11h30', '2023-03-21', '2023-03-21', '11:30', 'day'],
    ['On 19/03/2023', '2023-03-19', '2023-03-19', null, 'day'],
    ['19/03/2023 (time unknown)', '2023-03-19', '2023-03-19', null, 'day'],
    ['19/03/2023 - time n/k', '2023-03-19', '2023-03-19', null, 'day'],
    ['19/03/2023 evening', '2023-03-19', '2023-03-19', null, 'day'],
    ['19/03/2023 PM', '2023-03-19', '2023-03-19', null, 'day'],
    ['~19/03/2023', '2023-03-19', '2023-03-19', null, 'approximate'],
    ['Between 14/03 and 16/03/2023', '2023-03-14', '2023-03-16', null, 'approximate'],
    ['night of 7th-8th May 2016', '2016-05-07', '2016-05-08', null, 'approximate'],
    ['3rd/4th May 2016', '2016-05-03', '2016-05-04', null, 'approximate'],
    ['May/June 2016', '2016-05-01', '2016-06-30', null, 'approximate'],
    ['Jan-Mar 2016', '2016-01-01', '2016-03-31', null, 'approximate'],
    ['Summer 16', '2016-06-01', '2016-08-31', null, 'season'],
    ["Spring '16", '2016-03-01', '2016-05-31', null, 'season'],
    // Pasted or hand-typed: a zero-width space, quotes, Excel's text apostrophe, a full stop, spaced slashes, a weekday after.
    ['\u200b14/03/2023', '2023-03-14', '2023-03-14', null, 'day'],
    ['"14/03/2023"', '2023-03-14', '2023-03-14', null, 'day'],
    ["'14/03/2023", '2023-03-14', '2023-03-14', null, 'day'],
    ['14th March 2023.', '2023-03-14', '2023-03-14', null, 'day'],
    ['14 / 03 / 2023', '2023-03-14', '2023-03-14', null, 'day'],
    ['14/03/2023 (Tuesday)', '2023-03-14', '2023-03-14', null, 'day'],
    // Police logs put the time first.
    ['14:05 16/03/2023', '2023-03-16', '2023-03-16', '14:05', 'day'],
    ['1405hrs on Thu 16th March 2023', '2023-03-16', '2023-03-16', '14:05', 'day'],
    // An older .NET system's JSON date (milliseconds, UTC): BST puts it an hour on.
    ['/Date(1688166000000)/', '2023-07-01', '2023-07-01', '00:00', 'day'],
  ])('reads %s', (raw, from, to, time, precision) => {
    const r = parseDate(raw);
    if ('error' in r) throw new Error(r.message);
    expect([r.date, r.dateTo, r.time, r.precision]).toEqual([from, to, time, precision]);
  });

  it('checks a weekday written after the date too', () => {
    expect(parseDate('14/03/2023 Wed')).toMatchObject({ date: '2023-03-14', uncertain: true, warning: '"14/03/2023 Wed": Tuesday 14 March 2023 is not a Wednesday; imported as Tuesday 14 March 2023, please check the date' });
  });

  it('does not take a year or a range for a time written first', () => {
    expect(parseDate('2001 to 2003')).toMatchObject({ date: '2001-01-01', dateTo: '2003-12-31' });
    expect(parseDate('2023 Q2')).toMatchObject({ date: '2023-04-01', dateTo: '2023-06-30' });
  });

  it('reads "pre 2016" as before 2016, and refuses a pair of days written backwards', () => {
    expect(parseDate('pre 2016')).toMatchObject({ date: '2016-01-01', qualifier: 'before' });
    expect(parseDate('8/7 May 2016')).toEqual({ error: 'impossible_date', message: '"8/7 May 2016" ends before it starts' });
  });
});

describe('Unix times from newer systems', () => {
  it('reads milliseconds and seconds since 1970 as instants in London time, but not a 10-digit NHS number', async () => {
    const jsonl = [
      '{"id":"A1","timestamp":1678975500000,"type":"message","body":"Client messaged worker asking for food parcel"}',
      '{"id":"A2","timestamp":1688166000,"type":"visit","body":"Home visit in summer time, client not in"}',
    ].join('\n');
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'app.jsonl', jsonl), { agency: 'Outreach' });
    expect(r.imported).toBe(2);
    // 14:05 UTC in March is 14:05 in London; 23:00 UTC on 30 June is 00:00 on 1 July (BST).
    expect(entries(c).map((e) => [e.date, e.time])).toEqual([['2023-03-16', '14:05'], ['2023-07-01', '00:00']]);
    expect(parseDate('9434765919')).toMatchObject({ error: 'unreadable_date' });
    expect(parseDate('4010232137')).toMatchObject({ error: 'unreadable_date' });
  });
});

describe('workbooks whose data sheet is not the longest', () => {
  it('skips a hidden drop-down list sheet and a longer code list, and lists every sheet for the user', async () => {
    const wb = new ExcelJS.Workbook();
    const lists = wb.addWorksheet('Lists');
    lists.state = 'hidden';
    lists.addRow(['Contact types']);
    for (const t of ['Home visit', 'Letter', 'Phone call', 'Email', 'Office visit', 'Text message', 'Meeting', 'Referral', 'Other']) lists.addRow([t]);
    const codes = wb.addWorksheet('Codes');
    codes.addRow(['Code', 'Meaning']);
    for (let i = 0; i < 20; i++) codes.addRow([`C${i}`, `Meaning ${i}`]);
    const ws = wb.addWorksheet('Chronology');
    ws.addRow(['Agency chronology: Housing']);
    ws.addRow(['Date', 'Time', 'Contact type', 'Event', 'Outcome']);
    ws.addRow(['03/05/2016', '10:00', 'Home visit', 'Tenant seen, property cluttered', 'Refer']);
    ws.addRow(['14/05/2016', '', 'Letter', 'Rent arrears letter', 'None']);
    const file = writeFile(tempDir(), 'housing.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));

    const source = await openSource(file);
    expect(source.sheet).toBe('Chronology');
    expect(source.sheets).toEqual([
      { name: 'Lists', rows: 10, hidden: true },
      { name: 'Codes', rows: 21 },
      { name: 'Chronology', rows: 4 },
    ]);
    const c = tempCase();
    const r = await importExtract(c, file, { agency: 'Housing' });
    expect([r.imported, r.headerRow]).toEqual([2, 2]);
    expect(entries(c).map((e) => e.text)).toEqual(['Tenant seen, property cluttered', 'Rent arrears letter']);
  });
});

describe('terse headings from an old system, in UTF-16', () => {
  it('maps "Dt", "Cat", "Desc" and "User"', async () => {
    const tsv = 'Dt\tCat\tDesc\tUser\r\n13/05/2016\tVisit\t"Seen at home\r\nno concerns"\tJB\r\n';
    const file = writeFile(tempDir(), 'old.tsv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, 'utf16le')]));
    const c = tempCase();
    const r = await importExtract(c, file, { agency: 'Housing' });
    expect(r.mapping).toEqual({ date: 0, contactType: 1, text: 2, practitioner: 3 });
    expect(entries(c).map((e) => [e.date, e.contactType, e.text, e.practitioner])).toEqual([['2016-05-13', 'Visit', 'Seen at home\nno concerns', 'JB']]);
  });
});

describe('a Word chronology split into tables without repeating its header', () => {
  it('reads the continuation tables as part of the chronology, and still leaves out a key-people table', async () => {
    const docx = makeDocx([
      'Key people',
      [['Name', 'Relationship', 'DOB'], ['Adult A', 'Subject', '01/01/1980'], ['Person B', 'Partner', '02/02/1982']],
      'Chronology',
      [['Date', 'Details', 'Outcome'], ['14/02/2023', 'Home visit, no answer', 'Card left']],
      'Page 2',
      [['15/02/2023', 'Phone call to Adult A', 'Appointment made'], ['16/02/2023', 'Seen at office', 'Referred to MASH']],
      'Signed: team manager',
      [['Signature', 'Date signed'], ['T. Manager', '01/03/2023']],
    ]);
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'asc.docx', docx), { agency: 'Adult social care' });
    expect(r.imported).toBe(3);
    expect(entries(c).map((e) => [e.date, e.text, e.outcome])).toEqual([
      ['2023-02-14', 'Home visit, no answer', 'Card left'],
      ['2023-02-15', 'Phone call to Adult A', 'Appointment made'],
      ['2023-02-16', 'Seen at office', 'Referred to MASH'],
    ]);
  });
});

describe('one date cell merged down over the events of a day', () => {
  it('gives each row of an Excel merge the merged date (and any other merged cell), as Excel shows it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Chronology');
    ws.addRow(['GP chronology for the review']);
    ws.mergeCells('A1:D1');
    ws.addRow(['Date', 'Time', 'Source', 'Event']);
    ws.addRow([new Date(Date.UTC(2023, 2, 14)), '09:00', 'EMIS', 'Call from school about bruising']);
    ws.addRow([null, '11:30', null, 'Home visit by health visitor']);
    ws.addRow([null, '15:00', null, 'Strategy discussion with social care']);
    ws.addRow(['15/03/2023', '10:00', 'Letter', 'Letter to parents']);
    ws.mergeCells('A3:A5');
    ws.mergeCells('C3:C5');
    ws.getCell('A3').numFmt = 'dd/mm/yyyy';
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'gp.xlsx', Buffer.from(await wb.xlsx.writeBuffer())), { agency: 'GP' });
    expect(r.rejected).toEqual([]);
    expect(entries(c).map((e) => [e.date, e.time, e.source.row])).toEqual([
      ['2023-03-14', '09:00', 3], ['2023-03-14', '11:30', 4], ['2023-03-14', '15:00', 5], ['2023-03-15', '10:00', 6],
    ]);
    expect(c.getEntry(entries(c)[1]!.id).raw.map((x) => x.value)).toEqual(['2023-03-14', '11:30', 'EMIS', 'Home visit by health visitor']);
  });

  it('does the same for a Word table whose date cell is merged down (w:vMerge)', async () => {
    const tc = (t: string, merge?: 'restart' | 'continue') =>
      `<w:tc>${merge ? `<w:tcPr>${merge === 'restart' ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>'}</w:tcPr>` : ''}<w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const tr = (...cells: string[]) => `<w:tr>${cells.join('')}</w:tr>`;
    const body =
      tr(tc('Date'), tc('Time'), tc('Event')) +
      tr(tc('14/03/2023', 'restart'), tc('09:00'), tc('Call from school')) +
      tr(tc('', 'continue'), tc('11:30'), tc('Home visit')) +
      tr(tc('15/03/2023'), tc('10:00'), tc('Letter'));
    const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl>${body}</w:tbl><w:sectPr/></w:body></w:document>`;
    const file = writeFile(tempDir(), 'hv.docx', makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: doc }]));
    const c = tempCase();
    const r = await importExtract(c, file, { agency: 'Health visiting' });
    expect(r.rejected).toEqual([]);
    expect(entries(c).map((e) => [e.date, e.time, e.text])).toEqual([
      ['2023-03-14', '09:00', 'Call from school'], ['2023-03-14', '11:30', 'Home visit'], ['2023-03-15', '10:00', 'Letter'],
    ]);
  });
});

describe('a time column that says nothing a clock can read', () => {
  it('keeps the entry on its date with one warning, also beside a weekday that is not the date’s', async () => {
    const csv = ['Date,Time,Details', '24/03/2023,11ish,Visit', 'Sat 25/03/2023,after 6pm,Call', 'Mon 25/03/2023,99:99,Letter'].join('\n');
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'housing.csv', csv), { agency: 'Housing' });
    expect(r.imported).toBe(3);
    expect(r.rejected).toEqual([]);
    expect(r.warnings.map((w) => [w.row, w.reason])).toEqual([[2, 'unreadable_date'], [3, 'unreadable_date'], [4, 'weekday_mismatch']]);
    expect(r.warnings[0]!.message).toBe('Row 2: time "11ish" is not a time of day; the entry keeps its date only');
    // Both things a person must check are named in the one warning.
    expect(r.warnings[2]!.message).toMatch(/is not a Monday.*; time "99:99" is not a time of day; the entry keeps its date only$/);
    expect(entries(c).map((e) => [e.date, e.time])).toEqual([['2023-03-24', null], ['2023-03-25', null], ['2023-03-25', null]]);
  });
});

describe('times typed into the date column', () => {
  it('reports the row, and the rest of the file imports (a time before a time once overflowed the stack)', async () => {
    const csv = ['Date,Details', '12:00 13:00,Visit', '14/03/2023,Call', '2023 1405,Letter'].join('\n');
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'asc.csv', csv), { agency: 'Adult Social Care' });
    expect(r.imported).toBe(1);
    expect(r.rejected.map((x) => [x.row, x.reason])).toEqual([[2, 'unreadable_date'], [4, 'unreadable_date']]);
  });
});

describe('lines report writers add below the rows', () => {
  it('reports them by row as having no date Jigsaw can read, saying they look like totals or footers', async () => {
    const csv = ['Date,Details', '14/03/2023,Call', ',', 'Total contacts: 1,', 'Report generated 15/03/2023 by SYSTEM,', ',Follow-up call (date not recorded)'].join('\n');
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'gp.csv', csv), { agency: 'GP' });
    expect(r.imported).toBe(1);
    const byRow = new Map(r.rejected.map((x) => [x.row, x]));
    expect(byRow.get(4)).toMatchObject({ reason: 'unreadable_date', message: 'Row 4: "Total contacts: 1" is not a date Jigsaw can read (it looks like a totals or footer line, not a contact)' });
    expect(byRow.get(5)?.message).toMatch(/looks like a totals or footer line/);
    // A real contact with no date is not called a footer.
    expect(byRow.get(6)).toMatchObject({ reason: 'missing_date', message: 'Row 6: No date given' });
  });
});

describe('a yes/no column', () => {
  it('is neither the notes nor the kind of contact: it joins the text under its heading', async () => {
    const csv = ['Date,Safeguarding Concern?,Notes', '01/02/2023,Yes,Visited; no answer at the door and a neighbour says there was shouting', '02/02/2023,No,Phone call to arrange a visit next week with the tenant'].join('\n');
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'housing.csv', csv), { agency: 'Housing' });
    expect(r.imported).toBe(2);
    const [first, second] = entries(c);
    expect(first!.contactType).toBeNull();
    expect(first!.text).toContain('Visited; no answer at the door');
    expect(first!.text).toContain('Safeguarding Concern?: Yes');
    expect(second!.text).toContain('Safeguarding Concern?: No');
  });
});
