// A second set of extracts, written after the importer was built and never tuned on: other
// agencies, other headings and spellings, other layouts. The importer must still find the header,
// the date, the text and the people, and number rows as a person would.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { makeDocx, makeXlsx } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

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
