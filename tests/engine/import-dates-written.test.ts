// Dates as people type them into chronologies: ordinals, a weekday before the date (checked against
// the calendar, and used to settle day-first against month-first), and a day and month with no
// year, which is refused with its reason rather than completed by guesswork.
import { describe, expect, it } from 'vitest';
import { newEvidence, parseDate } from '../../electron/engine/import/dates';
import { importExtract } from '../../electron/engine/import/import-extract';
import { tempCase, tempDir, writeFile } from './helpers';

const read = (raw: string) => {
  const r = parseDate(raw);
  if ('error' in r) throw new Error(`${raw}: ${r.message}`);
  return [r.date, r.time, r.precision, r.ambiguous];
};

describe('ordinal and weekday dates', () => {
  it.each([
    ['14th March 2016', '2016-03-14', null],
    ['1st Feb 16', '2016-02-01', null],
    ['2nd of June, 2016', '2016-06-02', null],
    ['23rd-May-2016', '2016-05-23', null],
    ['Tues 3rd May 2016', '2016-05-03', null],
    ['Tuesday the 3rd of May 2016', '2016-05-03', null],
    ['Thurs, 5th May 2016 14:30', '2016-05-05', '14:30'],
    ['Weds 4th May 2016', '2016-05-04', null],
    ['Sun 22/05/2016', '2016-05-22', null],
    ['Sun. 22.05.16', '2016-05-22', null],
    ['Monday 23/05/2016 0915', '2016-05-23', '09:15'],
    ['Fri 1st April 2016 at 2.30pm', '2016-04-01', '14:30'],
  ])('reads %s', (raw, date, time) => {
    expect(read(raw)).toEqual([date, time, 'day', false]);
  });

  it('lets the weekday settle a date that reads both ways, and counts that as evidence for the file', () => {
    const ev = newEvidence();
    // 04/05/16: Wednesday 4 May, or Tuesday 5 April.
    expect(parseDate('Wed 04/05/16', null, ev)).toMatchObject({ date: '2016-05-04', ambiguous: false });
    expect(ev).toEqual({ dayFirst: 1, monthFirst: 0 });
    expect(parseDate('Tue 04/05/16', null, ev)).toMatchObject({ date: '2016-04-05', ambiguous: false });
    expect(ev).toEqual({ dayFirst: 1, monthFirst: 1 });
    // Without a weekday it stays ambiguous.
    expect(parseDate('04/05/16')).toMatchObject({ date: '2016-05-04', ambiguous: true });
  });

  it('keeps a date whose weekday is not the date\'s, uncertain, with a warning saying which day the date is', () => {
    expect(parseDate('Mon 22/05/2016')).toMatchObject({
      date: '2016-05-22', uncertain: true, warning: '"Mon 22/05/2016": Sunday 22 May 2016 is not a Monday; imported as Sunday 22 May 2016, please check the date',
    });
    expect(parseDate('Fri 04/05/16')).toMatchObject({
      date: '2016-05-04', ambiguous: false, uncertain: true, warning: expect.stringContaining('neither Wednesday 4 May 2016 nor Tuesday 5 April 2016 is a Friday'),
    });
    expect(parseDate('Tues 3rd May 2015')).toMatchObject({ date: '2015-05-03', uncertain: true, warning: expect.stringContaining('is not a Tuesday') });
    expect(parseDate('Tues 3rd May 2016')).not.toHaveProperty('warning');
  });

  it('keeps "?" and approximate markers around a weekday date', () => {
    expect(parseDate('? Sun 22/05/2016')).toMatchObject({ date: '2016-05-22', uncertain: true, precision: 'approximate' });
    expect(parseDate('Sun 22 May 2016 (approx)')).toMatchObject({ date: '2016-05-22', uncertain: true });
  });
});

describe('a day and month with no year', () => {
  it.each(['14th March', '22 May', '3rd May', 'Tues 3rd May', 'May 22nd', '22nd May at 14:00', '22/05', '22.05'])('refuses %s with "no year"', (raw) => {
    const r = parseDate(raw);
    expect(r).toMatchObject({ error: 'unreadable_date' });
    expect('error' in r && r.message).toMatch(/^no year: ".+" reads as a day and month.* Jigsaw does not guess one; add the year/);
  });

  it('still takes the year a range names once in the same cell', () => {
    expect(parseDate('14 March - 20 March 2023')).toMatchObject({ date: '2023-03-14', dateTo: '2023-03-20' });
    expect(parseDate('1st - 5th March 2023')).toMatchObject({ date: '2023-03-01', dateTo: '2023-03-05' });
  });

  it('reports each such row by number in an import, imports the rest, and keeps every row', async () => {
    const c = tempCase();
    const csv = [
      'Date,Contact type,Notes',
      'Tues 3rd May 2016,Home visit,Seen with mother',
      '14th May,Phone call,Mother rang about housing', // the agency left the year out
      'Mon 22/05/2016,Strategy meeting,Held at the school', // 22 May 2016 was a Sunday
      'Wed 25th May 2016,Letter,Appointment letter sent',
    ].join('\n');
    const r = await importExtract(c, writeFile(tempDir(), 'csc.csv', csv), { agency: 'Children’s social care' });
    expect(r.imported).toBe(3);
    expect(r.rejected).toEqual([
      { row: 3, reason: 'unreadable_date', message: 'Row 3: no year: "14th May" reads as a day and month with no year, and Jigsaw does not guess one; add the year in the extract' },
    ]);
    expect(r.warnings).toEqual([
      { row: 4, reason: 'weekday_mismatch', message: 'Row 4: "Mon 22/05/2016": Sunday 22 May 2016 is not a Monday; imported as Sunday 22 May 2016, please check the date' },
    ]);
    expect(c.listEntries({}).entries.map((e) => [e.date, e.originalDate, e.flags.includes('uncertain')])).toEqual([
      ['2016-05-03', 'Tues 3rd May 2016', false],
      ['2016-05-22', 'Mon 22/05/2016', true],
      ['2016-05-25', 'Wed 25th May 2016', false],
    ]);
    const kept = c.db.prepare('SELECT count(*) FROM raw_rows WHERE extract_id = ?').pluck().get(r.extractId);
    expect(kept).toBe(5);
  });
});
