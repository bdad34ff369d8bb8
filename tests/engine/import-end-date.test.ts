// An end-date column (Jigsaw's own template has one) makes the entry a span; an end date that
// cannot be used is reported as a warning and the row is still imported with its start date.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { tempCase, tempDir, writeFile } from './helpers';

describe('end-date column', () => {
  it('spans the entry to its end date, and warns (importing the row) when the end date cannot be used', async () => {
    const c = tempCase();
    const csv = [
      'Start date,End date,Contact type,Notes',
      '03/05/2016,10/05/2016,Hospital admission,Admitted to ward 4',
      '11/05/2016,,Home visit,Seen at home',
      '12/05/2016,sometime,Respite,Respite stay',
      '20/05/2016,18/05/2016,Respite,End before start',
      'May 2016,03/06/2016,Placement,"Month start, exact end"',
    ].join('\n');
    const r = await importExtract(c, writeFile(tempDir(), 'asc.csv', csv), { agency: 'Adult social care', now: new Date('2026-01-01T00:00:00Z') });
    expect(r.mapping.endDate).toBe(1);
    expect(r.imported).toBe(5);
    expect(r.warnings.map((w) => [w.row, w.reason, w.message])).toEqual([
      [4, 'unreadable_date', expect.stringContaining('Row 4: end date "sometime" could not be read')],
      [5, 'unreadable_date', 'Row 5: end date "18/05/2016" is before the start date; the entry keeps its start date only'],
    ]);
    expect(c.db.prepare('SELECT date, date_to, precision FROM entries ORDER BY id').all()).toEqual([
      { date: '2016-05-03', date_to: '2016-05-10', precision: 'day' },
      { date: '2016-05-11', date_to: '2016-05-11', precision: 'day' },
      { date: '2016-05-12', date_to: '2016-05-12', precision: 'day' },
      { date: '2016-05-20', date_to: '2016-05-20', precision: 'day' },
      { date: '2016-05-01', date_to: '2016-06-03', precision: 'month' },
    ]);
  });
});
