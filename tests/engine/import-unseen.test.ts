// A second set of extracts, written after the importer was built and never tuned on: other
// agencies, other headings and spellings, other layouts. The importer must still find the header,
// the date, the text and the people, and number rows as a person would.
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { guessField, mapHeadings } from '../../electron/engine/import/columns';
import { parseDate } from '../../electron/engine/import/dates';
import { importExtract } from '../../electron/engine/import/import-extract';
import yauzl from 'yauzl';
import { makeDocx, makeXlsx, makeZip } from './formats-helpers';
import { ROOT, tempCase, tempDir, writeFile } from './helpers';

describe('extracts the importer was not tuned on', () => {
  it('probation: pipe-delimited Windows-1252 with weekday dates and terse headings', async () => {
    const text = [
      'NDelius export|||||',
      'Contact Dt|Contact Tm|Contact Category|Case Note Narrative|Entered By|Offender Name',
      'Tue 14-Mar-2023|14:05|Office appointment|Attended; reports café owner owes him £40|PO Smyth|PELLOW Rowan',
      'Thu 16-Mar-2023||Failed appointment|Did not attend – no explanation|PSO Grant|PELLOW Rowan',
      'Mon 20-Mar-2023|09.30|Home visit|No answer at door|PO Smyth|PELLOW Rowan',
    ].join('\r\n');
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'ndelius.txt', iconv.encode(text, 'windows-1252')), { agency: 'Probation' });
    expect(r.headerRow).toBe(2);
    expect(r.imported).toBe(3);
    const e = c.listEntries({}).entries;
    expect(e.map((x) => [x.date, x.time])).toEqual([
      ['2023-03-14', '14:05'],
      ['2023-03-16', null],
      ['2023-03-20', '09:30'],
    ]);
    expect(e[0]!.text).toBe('Attended; reports café owner owes him £40');
    expect(e[0]!.personText).toBe('PELLOW Rowan');
    expect(e[1]!.contactType).toBe('Failed appointment');
  });

  it('ambulance: a spreadsheet whose only date column is "Call Received (Date/Time)"', async () => {
    const buf = await makeXlsx((wb) => {
      wb.addWorksheet('Read me').addRow(['Extract notes: times are local']);
      const ws = wb.addWorksheet('Incidents');
      ws.addRow(['Incident No.', 'Call Received (Date/Time)', 'Chief Complaint', 'Crew Notes', 'Conveyed?', 'Patient Surname', 'Patient Forename']);
      const rows: [string, Date, string, string, string][] = [
        ['AMB-771', new Date(Date.UTC(2023, 4, 2, 2, 17)), 'Fall', 'Found on floor of flat, smell of alcohol, bruising', 'Yes'],
        ['AMB-802', new Date(Date.UTC(2023, 4, 9, 23, 48)), 'Overdose', 'Took tablets after argument with partner', 'Yes'],
      ];
      for (const [ref, when, complaint, notes, conveyed] of rows) {
        const row = ws.addRow([ref, when, complaint, notes, conveyed, 'Pellow', 'Rowan']);
        row.getCell(2).numFmt = 'dd/mm/yyyy hh:mm';
      }
    });
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'amb.xlsx', buf), { agency: 'Ambulance' });
    expect(r.imported).toBe(2);
    const e = c.listEntries({}).entries;
    expect(e.map((x) => [x.date, x.time, x.source.row])).toEqual([
      ['2023-05-02', '02:17', 2],
      ['2023-05-09', '23:48', 3],
    ]);
    expect(e[1]!.text).toContain('Took tablets');
    expect(c.getEntry(e[0]!.id).raw).toContainEqual({ header: 'Incident No.', value: 'AMB-771' });
  });

  it('school: a Word table headed "Date of event | Summary of contact | Action taken | Professional involved"', async () => {
    const docx = makeDocx([
      'Education chronology',
      [
        ['Date of event', 'Summary of contact', 'Action taken', 'Professional involved'],
        ['3rd October 2022', 'Child arrived hungry, said no food at home', 'Breakfast club place offered', 'Class teacher'],
        ['w/b 10/10/2022', 'Absent all week, no contact from parent', 'Education welfare officer informed', 'Attendance officer'],
      ],
    ]);
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'school.docx', docx), { agency: 'Education' });
    expect(r.imported).toBe(2);
    const e = c.listEntries({}).entries;
    expect(e.map((x) => [x.date, x.dateTo, x.outcome, x.practitioner])).toEqual([
      ['2022-10-03', '2022-10-03', 'Breakfast club place offered', 'Class teacher'],
      ['2022-10-10', '2022-10-16', 'Education welfare officer informed', 'Attendance officer'],
    ]);
  });

  it('mental health: JSON-lines with offset timestamps and nested clinician and client fields', async () => {
    const lines = [
      { event_ts: '2023-03-25T23:30:00+00:00', encounter: { kind: 'Crisis call', clinician_role: 'Crisis nurse' }, client: { fullName: 'Rowan Pellow' }, note_text: 'Called in distress at night' },
      { event_ts: '2023-03-26T23:30:00+01:00', encounter: { kind: 'Home treatment', clinician_role: 'CPN' }, client: { fullName: 'Rowan Pellow' }, note_text: 'Seen at home, low mood' },
    ].map((x) => JSON.stringify(x));
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'mh.ndjson', lines.join('\n')), { agency: 'Mental Health' });
    expect(r.format).toBe('jsonl');
    expect(r.imported).toBe(2);
    const e = c.listEntries({}).entries;
    // The clocks went forward on 26 March 2023: both instants are shown in London time.
    expect(e.map((x) => [x.date, x.time, x.source.row])).toEqual([
      ['2023-03-25', '23:30', 1],
      ['2023-03-26', '23:30', 2],
    ]);
    expect(e[0]!.text).toBe('Called in distress at night');
    expect(e[0]!.personText).toBe('Rowan Pellow');
    expect(e[0]!.practitioner).toBe('Crisis nurse');
  });
});

// fixtures/unseen: a fictional case of eight extracts in the styles of real systems' exports,
// written blind (before reading the importer's rules) with expected.json saying what a correct
// import gives. Its first run found columns lost or mis-mapped (the notes beside a short "What
// happened", triage notes under "Presenting Complaint", "Subject(s)", "Occurrence No.", "Discharge Destination").
interface ExpectedRow {
  row: number;
  /** A CSV row's first line, where it is not its row (an earlier record spans lines). */
  source?: { line: number };
  date: string;
  dateTo?: string;
  time: string | null;
  precision: string;
  text: string;
  contactType?: string;
  outcome?: string;
  practitioner?: string;
  personText?: string;
  flags?: string[];
  flagsExclude?: string[];
}
interface ExpectedFile {
  file: string;
  agency: string;
  headerRow: number | null;
  imported: number;
  rejected: { row: number; reason: string }[];
  duplicates: { row: number; line?: number; duplicateOf: number; duplicateOfLine?: number }[];
  warnings: { row: number; reason: string }[];
  rows: ExpectedRow[];
}
const UNSEEN = path.join(ROOT, 'fixtures/unseen');
const expected = JSON.parse(fs.readFileSync(path.join(UNSEEN, 'expected.json'), 'utf8')) as { files: ExpectedFile[] };

describe('fixtures/unseen: extracts in the styles of real systems, written blind', () => {
  it.each(expected.files.map((f) => [f.file, f] as const))('%s', async (_name, f) => {
    const c = tempCase();
    // A fixed "today", so the extract's one future date stays in the future.
    const r = await importExtract(c, path.join(UNSEEN, f.file), { agency: f.agency, now: new Date('2024-06-01T12:00:00Z') });
    expect(r.imported).toBe(f.imported);
    if (f.headerRow !== null) expect(r.headerRow).toBe(f.headerRow);
    expect(r.rejected.map((p) => [p.row, p.reason])).toEqual(f.rejected.map((p) => [p.row, p.reason]));
    expect(r.duplicates).toEqual(f.duplicates);
    expect(r.warnings.map((p) => [p.row, p.reason])).toEqual(f.warnings.map((p) => [p.row, p.reason]));
    const entries = c.listEntries({}).entries;
    expect(entries).toHaveLength(f.imported);
    for (const want of f.rows) {
      const got = entries.find((e) => e.source.row === want.row);
      expect(got, `row ${want.row}`).toBeDefined();
      const { row, text, flags, flagsExclude, ...fields } = want;
      expect(got, `row ${row}`).toMatchObject(fields);
      expect(got!.text, `row ${row}`).toContain(text);
      for (const fl of flags ?? []) expect(got!.flags, `row ${row}`).toContain(fl);
      for (const fl of flagsExclude ?? []) expect(got!.flags, `row ${row}`).not.toContain(fl);
    }
  });
});

describe('headings and date styles the blind run showed missing (general rules, not the fixtures\' strings)', () => {
  it('reads headings by their words: identifiers, "X of Y", staff names, plurals', () => {
    const f = (h: string) => guessField(h)?.field ?? null;
    expect(['Occurrence No.', 'Attendance Number', 'Episode Ref', 'Referral ID'].map(f)).toEqual(['reference', 'reference', 'reference', 'reference']);
    expect(['Officer Collar No.', 'Staff ID'].map(f)).toEqual(['practitioner', 'practitioner']);
    expect(['Person ID', 'Hospital No.', 'Patient Number'].map(f)).toEqual([null, null, null]);
    expect(['Type of Event', 'Place of contact', 'Result of Contact', 'Summary of event/contact'].map(f)).toEqual(['contactType', 'address', 'outcome', 'text']);
    expect(['Officer Name', 'Clinician Name', 'Service User Name', 'Patient Name'].map(f)).toEqual(['practitioner', 'practitioner', 'person', 'person']);
    expect(['Subject(s)', 'Officer(s)', 'Outcomes'].map(f)).toEqual(['person', 'practitioner', 'outcome']);
    expect(['Seen Date', 'Call Received', 'Episode Start', 'Time Received', 'Entered by'].map(f)).toEqual(['date', 'date', 'date', 'time', 'practitioner']);
    expect(f('Discharge Destination')).toBe('outcome');
  });

  it('tells the notes from a short column that also sounds like notes, by what the columns hold', () => {
    const headings = ['Date', 'What happened', 'Worker', 'Notes'];
    const sample = [
      ['01/03/2023', 'Drop-in', 'Bea', 'Attended the drop-in and talked about moving out; safety plan made.'],
      ['02/03/2023', 'Phone call', 'Bea', 'Called back about housing options; will visit the council on Monday.'],
    ];
    expect(mapHeadings(headings, sample)).toMatchObject({ text: 3, contactType: 1 });
    // Without rows to look at, the heading order decides as before.
    expect(mapHeadings(headings).text).toBe(1);
    // A reference repeated on every row is the case's, not the record's.
    expect(mapHeadings(['Date', 'Notes', 'Case Ref'], [['1/3/23', 'a', 'C1'], ['2/3/23', 'b', 'C1'], ['3/3/23', 'c', 'C1']]).reference).toBeUndefined();
  });

  it('reads more date styles agencies write', () => {
    const d = (s: string) => {
      const r = parseDate(s);
      return 'error' in r ? r.error : [r.date, r.dateTo, r.precision, r.time, r.uncertain];
    };
    expect(d('2023/03/14 14:05')).toEqual(['2023-03-14', '2023-03-14', 'day', '14:05', false]);
    expect(d('20230314')).toEqual(['2023-03-14', '2023-03-14', 'day', null, false]);
    expect(d('2023-03')).toEqual(['2023-03-01', '2023-03-31', 'month', null, false]);
    expect(d('w/e 17/03/2023')).toEqual(['2023-03-11', '2023-03-17', 'week', null, false]);
    expect(d('week ending 17/03/2023')).toEqual(['2023-03-11', '2023-03-17', 'week', null, false]);
    expect(d('mid-March 2023')).toEqual(['2023-03-11', '2023-03-20', 'approximate', null, false]);
    expect(d('late Feb 2024')).toEqual(['2024-02-21', '2024-02-29', 'approximate', null, false]);
    expect(d('Q2 2023')).toEqual(['2023-04-01', '2023-06-30', 'approximate', null, false]);
    expect(d('13/03/2023 - 17/03/2023')).toEqual(['2023-03-13', '2023-03-17', 'approximate', null, false]);
    expect(d('between 1 March and 5 March 2023')).toEqual(['2023-03-01', '2023-03-05', 'approximate', null, false]);
    expect(d('March to May 2023')).toEqual(['2023-03-01', '2023-05-31', 'approximate', null, false]);
    expect(d('17/03/2023 - 13/03/2023')).toBe('impossible_date');
    expect(d('circa March 2023')).toEqual(['2023-03-01', '2023-03-31', 'month', null, true]);
    expect(d('14/03/2023 (approx)')).toEqual(['2023-03-14', '2023-03-14', 'approximate', null, true]);
    expect(d('14th of March 2023')).toEqual(['2023-03-14', '2023-03-14', 'day', null, false]);
    expect(d('14/03/2023 1405')).toEqual(['2023-03-14', '2023-03-14', 'day', '14:05', false]);
    expect(d('2023-06-14 14:05 UTC')).toEqual(['2023-06-14', '2023-06-14', 'day', '15:05', false]);
    expect(d('14/06/2023 14:05 BST')).toEqual(['2023-06-14', '2023-06-14', 'day', '14:05', false]);
    expect(d('Winter 2022/23')).toEqual(['2022-12-01', '2023-02-28', 'season', null, false]);
    expect(['Unknown', 'N/K', 'not known'].map(d)).toEqual(['missing_date', 'missing_date', 'missing_date']);
    // A time not known is no time, not a bad row.
    expect(d2('14/03/2023', 'N/K')).toEqual(['2023-03-14', null]);
  });
});

describe('an XLSX whose parts come in another order', () => {
  it('reads a workbook written with xl/workbook.xml after its shared strings and sheets, and still finds sheets by name', async () => {
    const built = await makeXlsx((wb) => {
      wb.addWorksheet('Cover').addRow(['Extract notes']);
      const ws = wb.addWorksheet('Contacts');
      ws.addRow(['Date', 'Type', 'Notes']);
      ws.addRow(['01/03/2023', 'Visit', 'Home visit, no concerns']);
      ws.addRow(['02/03/2023', 'Call', 'Phoned about rent']);
    });
    // Every part, then reordered: relationships and shared strings first, the workbook last.
    const parts = await unzipAll(built);
    const rank = (n: string) => (n.includes('_rels/workbook') ? 0 : n.includes('sharedStrings') ? 1 : n === 'xl/workbook.xml' ? 3 : 2);
    const reordered = makeZip([...parts].sort((a, b) => rank(a.name) - rank(b.name)));
    const c = tempCase();
    const dir = tempDir();
    const r = await importExtract(c, writeFile(dir, 'reordered.xlsx', reordered), { agency: 'Housing' });
    expect(r.imported).toBe(2);
    const named = await importExtract(c, writeFile(dir, 'reordered2.xlsx', reordered), { agency: 'Housing 2', sheet: 'Contacts' });
    expect(named.imported).toBe(2);
  });
});

async function unzipAll(buf: Buffer): Promise<{ name: string; data: Buffer }[]> {
  const zip = await yauzl.fromBufferPromise(buf, { lazyEntries: true });
  const out: { name: string; data: Buffer }[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      zip.openReadStream(e, (err, stream) => {
        if (err) return reject(err);
        const chunks: Buffer[] = [];
        stream.on('data', (d: Buffer) => chunks.push(d));
        stream.on('end', () => {
          out.push({ name: e.fileName, data: Buffer.concat(chunks) });
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}

function d2(date: string, time: string): [string, string | null] | string {
  const r = parseDate(date, time);
  return 'error' in r ? r.error : [r.date, r.time];
}
