// `jigsaw check` and `jigsaw import --json` for every format, through the real command line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDocx, makeXlsx } from './formats-helpers';
import { tempDir, writeFile } from './helpers';
import { runJigsaw } from './run-cli';

const jigsaw = (...args: string[]) => runJigsaw(args);

describe('jigsaw check / import for every format', () => {
  it('checks XLSX, DOCX, JSON and JSON-lines files, reporting bad rows by number', async () => {
    const dir = tempDir();
    const xlsx = writeFile(dir, 'a.xlsx', await makeXlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Date', 'Notes']);
      ws.addRow(['31/02/2023', 'impossible']);
      ws.addRow(['01/02/2023', 'ok']);
    }));
    const docx = writeFile(dir, 'b.docx', makeDocx([[['Date', 'Details of contact'], ['', 'no date'], ['02/02/2023', 'ok']]]));
    const json = writeFile(dir, 'c.json', '[\n  {"date": "2023-02-03", "notes": "ok"},\n  {"date": "2099-01-01", "notes": "future"}\n]');
    const jsonl = writeFile(dir, 'd.jsonl', '{"date": "2023-02-04", "notes": "ok"}\nnot json\n');
    const expected: [string, string, number, number][] = [
      [xlsx, 'impossible_date', 2, 1],
      [docx, 'missing_date', 2, 1],
      [json, 'future_date', 3, 1],
      [jsonl, 'unreadable_row', 2, 1],
    ];
    for (const [file, reason, row, imported] of expected) {
      const r = await jigsaw('check', file, '--json');
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout)).toMatchObject({ imported, rejected: [{ row, reason }] });
    }
  });

  it('reads the worksheet named with --sheet', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'two.xlsx', await makeXlsx((wb) => {
      const big = wb.addWorksheet('Current');
      big.addRow(['Date', 'Notes']);
      for (let i = 1; i <= 5; i++) big.addRow([`0${i}/02/2023`, `current ${i}`]);
      const old = wb.addWorksheet('Archive');
      old.addRow(['Date', 'Notes']);
      old.addRow(['01/01/2020', 'archived']);
    }));
    expect(JSON.parse((await jigsaw('check', file, '--json')).stdout)).toMatchObject({ imported: 5 });
    expect(JSON.parse((await jigsaw('check', file, '--sheet', 'Archive', '--json')).stdout)).toMatchObject({ imported: 1 });
  });

  it('refuses a hostile file in one line, exit 1; prints the difference of a re-upload', async () => {
    const dir = tempDir();
    const bad = await jigsaw('check', writeFile(dir, 'x.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 7)])));
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/x\.xlsx: .*damaged or truncated/);
    const casePath = path.join(dir, 'case.jigsaw');
    await jigsaw('import', casePath, writeFile(dir, 'v1.csv', 'Ref,Date,Notes\nA1,01/02/2023,first\nA2,02/02/2023,second\n'), '--agency', 'GP');
    const r = await jigsaw('import', casePath, writeFile(dir, 'v2.csv', 'Ref,Date,Notes\nA1,01/02/2023,first\nA2,02/02/2023,second corrected\n'), '--agency', 'GP', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ version: 2, diff: { added: 0, removed: 0, changed: 1, unchanged: 1, changedRows: [{ row: 3, columns: ['Notes'] }] } });
  });
});
