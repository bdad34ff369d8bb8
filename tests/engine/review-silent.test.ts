import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { silentPeriods } from '../../electron/engine/review/silent-periods';
import { saveReviewSettings } from './review-helpers';
import { ROOT, tempCase, tempDir, writeFile } from './helpers';

const FIXTURES = path.join(ROOT, 'fixtures/review');

async function fixtureCase() {
  const c = tempCase();
  saveReviewSettings(c, { agencies: ['Police', 'GP'] });
  await importExtract(c, path.join(FIXTURES, 'police.csv'), { agency: 'Police' });
  await importExtract(c, path.join(FIXTURES, 'gp.csv'), { agency: 'GP' });
  return c;
}

describe('silent periods', () => {
  it('finds the known gaps in fixtures/review for the subject and per agency', async () => {
    const c = await fixtureCase();
    expect(silentPeriods(c)).toEqual({
      gapDays: 60,
      from: '2023-01-01',
      to: '2023-12-31',
      subject: [{ from: '2023-06-21', to: '2023-11-30', days: 163 }],
      agencies: [
        { agency: 'Police', agencyId: 1, spans: [{ from: '2023-02-02', to: '2023-06-14', days: 133 }, { from: '2023-06-21', to: '2023-11-30', days: 163 }] },
        { agency: 'GP', agencyId: 2, spans: [{ from: '2023-06-01', to: '2023-12-31', days: 214 }] },
      ],
    });
  });

  it('follows the configured gap', async () => {
    const c = await fixtureCase();
    saveReviewSettings(c, { silentGapDays: 45 });
    expect(silentPeriods(c).subject).toEqual([{ from: '2023-03-16', to: '2023-04-30', days: 46 }, { from: '2023-06-21', to: '2023-11-30', days: 163 }]);
    expect(silentPeriods(c, { gapDays: 200 }).subject).toEqual([]);
  });

  it('counts an approximate date as contact over its range; an agency with no entry was silent throughout', async () => {
    const c = tempCase();
    saveReviewSettings(c);
    const dir = tempDir();
    // "early 2023" covers 1 Jan to 30 Apr, "Spring 2023" 1 Mar to 31 May: nothing silent before June.
    await importExtract(c, writeFile(dir, 'asc.csv', 'Date,Notes\nearly 2023,a\n14/02/2023,b\nSpring 2023,c\n13/09/2023,d\n'), { agency: 'ASC' });
    await importExtract(c, writeFile(dir, 'housing.csv', 'Date,Notes\n13/09/2019,before the period\n'), { agency: 'Housing' });
    const s = silentPeriods(c);
    expect(s.subject).toEqual([{ from: '2023-06-01', to: '2023-09-12', days: 104 }, { from: '2023-09-14', to: '2023-12-31', days: 109 }]);
    expect(s.agencies.find((a) => a.agency === 'Housing')?.spans).toEqual([{ from: '2023-01-01', to: '2023-12-31', days: 365 }]);
    expect(silentPeriods(c, { gapDays: 104 }).subject).toEqual([{ from: '2023-09-14', to: '2023-12-31', days: 109 }]);
    expect(silentPeriods(c, { gapDays: 109 }).subject).toEqual([]);
    await importExtract(c, writeFile(dir, 'gp.csv', 'Date,Notes\n2023,sometime that year\n'), { agency: 'GP' });
    expect(silentPeriods(c).subject).toEqual([]);
  });

  it('an empty case has none', () => {
    expect(silentPeriods(tempCase())).toMatchObject({ subject: [], agencies: [], from: null, to: null });
  });
});
