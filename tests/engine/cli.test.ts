import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, writeFile } from './helpers';
import { runJigsaw } from './run-cli';

const jigsaw = (...args: string[]) => runJigsaw(args);

describe('jigsaw command line', () => {
  it('imports (creating the case) and prints the timeline as JSON', async () => {
    const dir = tempDir();
    const casePath = path.join(dir, 'review.jigsaw');
    const imp = await jigsaw('import', casePath, path.join(ROOT, 'fixtures/demo/police.csv'), '--agency', 'Police', '--json');
    expect(imp.code).toBe(0);
    const report = JSON.parse(imp.stdout);
    expect(report).toMatchObject({ imported: 6, rejected: [], duplicates: [], warnings: [] });

    const tl = await jigsaw('timeline', casePath, '--from', '2023-03-01', '--to', '2023-03-31', '--json');
    expect(tl.code).toBe(0);
    const entries = JSON.parse(tl.stdout);
    expect(entries).toHaveLength(3);
    expect(entries[0]).toMatchObject({ agency: 'Police', date: '2023-03-03', time: '01:15', source: { file: 'police.csv', row: 3 } });
    expect(Object.keys(entries[0])).toEqual(expect.arrayContaining(['id', 'agency', 'date', 'time', 'text', 'source', 'dateTo', 'precision', 'originalDate']));
  });

  it('reports bad rows in --json with row numbers and reasons, exiting 0', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'bad.csv', 'Date,Notes\n31/02/2023,x\n01/02/2023,ok\n01/02/2023,ok\n');
    const r = await jigsaw('import', path.join(dir, 'c.jigsaw'), file, '--agency', 'GP', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      imported: 1,
      rejected: [{ row: 2, reason: 'impossible_date' }],
      duplicates: [{ row: 4, duplicateOf: 3 }],
    });
  });

  it('refuses an unreadable file in one line, non-zero, naming the file', async () => {
    const dir = tempDir();
    const r = await jigsaw('import', path.join(dir, 'c.jigsaw'), path.join(dir, 'missing.csv'), '--agency', 'GP');
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.csv');
  });

  it('checks a file without importing it', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'x.csv', 'Date,Notes\n,x\n01/02/2023,ok\n');
    const r = await jigsaw('check', file, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 1, rejected: [{ row: 2, reason: 'missing_date' }] });
  });
});
