// A corrected extract re-uploaded for the same agency: a new version replaces the old one in the
// timeline, the old one is kept, and the report says which rows were added, removed and changed.
// The same file twice adds nothing, whatever its name.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { makeXlsx } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

const count = (c: ReturnType<typeof tempCase>, sql: string): number => (c.db.prepare(sql).get() as { n: number }).n;

const V1 = [
  'Incident ref,Date,Type,Details,Outcome',
  'P-1,14/01/2023,Concern for welfare,Neighbour called,Words of advice',
  'P-2,20/01/2023,999 call,Shouting heard,No further action',
  'P-3,25/01/2023,Assault report,Pushed down stairs,Crime recorded',
  'P-4,02/02/2023,Missing person,Not seen for days,Found safe',
  'P-5,09/02/2023,Concern for welfare,Bank card taken,Referred to ASC',
].join('\n');

const V2 = [
  'Incident ref,Date,Type,Details,Outcome',
  'P-1,14/01/2023,Concern for welfare,Neighbour called,Words of advice',
  'P-2,20/01/2023,999 call,Shouting heard,Referred to MARAC', // outcome corrected
  'P-4,02/02/2023,Missing person,Not seen for days,Found safe',
  'P-5,09/02/2023,Concern for welfare,Bank card taken,Referred to ASC',
  'P-6,11/02/2023,Concern for welfare,New adults at the flat,Referred to ASC', // added; P-3 removed
].join('\n');

describe('re-upload of a corrected extract', () => {
  it('reports rows added, removed and changed (by reference), and replaces the old version in the timeline', async () => {
    const c = tempCase();
    const dir = tempDir();
    const first = await importExtract(c, writeFile(dir, 'police-v1.csv', V1), { agency: 'Police' });
    expect(first.diff).toBeUndefined();
    const r = await importExtract(c, writeFile(dir, 'police-v2.csv', V2), { agency: 'Police' });
    expect(r.version).toBe(2);
    expect(r.diff).toMatchObject({
      previousVersion: 1,
      previousFile: 'police-v1.csv',
      added: 1,
      removed: 1,
      changed: 1,
      unchanged: 3,
      matchedBy: 'reference',
      addedRows: [{ row: 6 }],
      removedRows: [{ row: 4 }],
      changedRows: [{ row: 3, previousRow: 3, columns: ['Outcome'] }],
    });
    expect(c.listEntries({}).entries.map((e) => e.outcome)).toEqual(['Words of advice', 'Referred to MARAC', 'Found safe', 'Referred to ASC', 'Referred to ASC']);
    // The old version and all its rows are kept, superseded.
    expect(count(c, 'SELECT count(*) AS n FROM raw_rows')).toBe(12);
    expect(count(c, 'SELECT count(*) AS n FROM extracts WHERE superseded_by IS NOT NULL')).toBe(1);
    expect(JSON.parse((c.db.prepare('SELECT diff_json FROM extracts WHERE version = 2').get() as { diff_json: string }).diff_json)).toEqual(r.diff);
  });

  it('pairs changed rows by date, time and type when there is no reference column', async () => {
    const c = tempCase();
    const dir = tempDir();
    await importExtract(c, writeFile(dir, 'gp1.csv', 'Date,Type,Notes\n01/03/2023,Appointment,Weight 52kg\n08/03/2023,DNA,Did not attend\n'), { agency: 'GP' });
    const r = await importExtract(c, writeFile(dir, 'gp2.csv', 'Date,Type,Notes\n01/03/2023,Appointment,Weight 48kg\n08/03/2023,DNA,Did not attend\n'), { agency: 'GP' });
    expect(r.diff).toMatchObject({ added: 0, removed: 0, changed: 1, unchanged: 1, matchedBy: 'date, time and type', changedRows: [{ row: 2, previousRow: 2, columns: ['Notes'] }] });
  });

  it('sees the same rows across formats: a CSV corrected and sent back as a spreadsheet', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'v1.csv', V1), { agency: 'Police' });
    const xlsx = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('Extract');
      for (const line of V1.split('\n')) ws.addRow(line.split(','));
      ws.addRow(['P-7', '12/02/2023', 'Concern for welfare', 'Late entry', 'Logged']);
    });
    const r = await importExtract(c, writeFile(tempDir(), 'v2.xlsx', xlsx), { agency: 'Police' });
    expect(r.diff).toMatchObject({ added: 1, removed: 0, changed: 0, unchanged: 5, addedRows: [{ row: 7 }] });
  });

  it('names rows as Excel shows them, with the line they start on, when a corrected CSV has multi-line cells', async () => {
    const c = tempCase();
    const dir = tempDir();
    const v1 = ['Incident ref,Date,Details,Outcome', 'P-1,14/01/2023,"Neighbour called.', 'Shouting heard.",Words of advice', 'P-2,20/01/2023,Pushed down stairs,Crime recorded'];
    // P-1 gains a third line, P-2's outcome is corrected, P-3 is new.
    const v2 = ['Incident ref,Date,Details,Outcome', 'P-1,14/01/2023,"Neighbour called.', 'Shouting heard.', 'Officers attended.",Words of advice', 'P-2,20/01/2023,Pushed down stairs,Referred to MARAC', 'P-3,25/01/2023,Bank card taken,Referred to ASC'];
    await importExtract(c, writeFile(dir, 'v1.csv', v1.join('\n')), { agency: 'Police' });
    const r = await importExtract(c, writeFile(dir, 'v2.csv', v2.join('\n')), { agency: 'Police' });
    expect(r.diff).toMatchObject({
      added: 1, removed: 0, changed: 2, unchanged: 0,
      addedRows: [{ row: 4, line: 6 }],
      changedRows: [
        { row: 2, previousRow: 2, columns: ['Details'] },
        { row: 3, line: 5, previousRow: 3, previousLine: 4, columns: ['Outcome'] },
      ],
    });
    expect(r.diff!.changedRows[0]).not.toHaveProperty('line');
  });

  it('recognises the same file twice, even renamed, and adds nothing', async () => {
    const c = tempCase();
    const dir = tempDir();
    await importExtract(c, writeFile(dir, 'police.csv', V1), { agency: 'Police' });
    const again = await importExtract(c, writeFile(dir, 'police (1).csv', V1), { agency: 'POLICE' });
    expect(again).toMatchObject({ alreadyImported: true, imported: 0, version: 1, format: 'csv' });
    expect(count(c, 'SELECT count(*) AS n FROM extracts')).toBe(1);
    expect(count(c, 'SELECT count(*) AS n FROM raw_rows')).toBe(6);
    expect(c.summary().entryCount).toBe(5);
  });

  it('records the import in the audit log when an actor is given', async () => {
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'v1.csv', V1), { agency: 'Police', actor: { name: 'Chair', role: 'chair' } });
    const a = c.db.prepare("SELECT actor_name, action, entity FROM audit_log WHERE entity = 'extract'").all();
    expect(a).toEqual([{ actor_name: 'Chair', action: 'import', entity: 'extract' }]);
  });
});
