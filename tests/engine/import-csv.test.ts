import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { importExtract } from '../../electron/engine/import/import-extract';
import { tempCase, tempDir, writeFile } from './helpers';

const POLICE = [
  'Police extract for review',
  'Date,Time,Incident Type,Details,Officer',
  '14/01/2023,22:40,Concern for welfare,"Neighbour called,',
  'shouting heard",PC 1',
  '31/02/2023,,999 call,Impossible date,PC 2',
  ',,,,',
  '14/01/2023,22:40,Concern for welfare,"Neighbour called,',
  'shouting heard",PC 1',
  '01/03/2099,,999 call,Future,PC 3',
  ',10:00,999 call,No date,PC 4',
  '2023-03-03T23:30:00Z,,Visit,BST not yet,PC 5',
  '2023-06-03T23:30:00Z,,Visit,Summer time,PC 6',
].join('\r\n');

describe('CSV import', () => {
  it('imports good rows, reports each bad row by its row in Excel and the line it starts on, and keeps every raw row', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'police.csv', POLICE);
    const r = await importExtract(c, file, { agency: 'Police' });
    expect(r.imported).toBe(3);
    expect(r.headerRow).toBe(2);
    // Row 3 spans lines 3-4, so from row 4 on each row starts on the line after its number.
    expect(r.rejected.map((p) => [p.row, p.line, p.reason])).toEqual([
      [4, 5, 'impossible_date'],
      [5, 6, 'empty_row'],
      [7, 9, 'future_date'],
      [8, 10, 'missing_date'],
    ]);
    expect(r.rejected[0]!.message).toMatch(/^Row 4, line 5: /);
    expect(r.duplicates).toEqual([{ row: 6, line: 7, duplicateOf: 3 }]);
    const raw = c.db.prepare('SELECT row_number, line FROM raw_rows ORDER BY row_number').all() as { row_number: number; line: number | null }[];
    expect(raw.map((x) => [x.row_number, x.line])).toEqual([[1, null], [2, null], [3, null], [4, 5], [5, 6], [6, 7], [7, 9], [8, 10], [9, 11], [10, 12]]);
    const problems = c.db.prepare('SELECT row_number, line, kind, message FROM import_problems ORDER BY row_number').all() as { row_number: number; line: number | null; kind: string; message: string }[];
    expect(problems.map((p) => [p.row_number, p.line, p.kind])).toEqual([[4, 5, 'rejected'], [5, 6, 'rejected'], [6, 7, 'duplicate'], [7, 9, 'rejected'], [8, 10, 'rejected']]);
    expect(problems[2]!.message).toBe('Row 6, line 7 is an exact duplicate of row 3');

    const page = c.listEntries({});
    expect(page.entries.map((e) => [e.date, e.time, e.source.row, e.source.line])).toEqual([
      ['2023-01-14', '22:40', 3, undefined],
      ['2023-03-03', '23:30', 9, 11],
      ['2023-06-04', '00:30', 10, 12],
    ]);
    const detail = c.getEntry(page.entries[0]!.id);
    expect(detail.text).toBe('Neighbour called,\nshouting heard');
    expect(detail.provenance).toMatchObject({ file: 'police.csv', row: 3, extractVersion: 1 });
    expect(detail.provenance.line).toBeUndefined();
    expect(c.getEntry(page.entries[1]!.id).provenance).toMatchObject({ file: 'police.csv', row: 9, line: 11 });
    expect(detail.provenance.sha256).toMatch(/^[a-f0-9]{64}$/);
    expect(detail.raw.find((x) => x.header === 'Officer')?.value).toBe('PC 1');
  });

  it('recognises the same file twice and adds nothing', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'police.csv', POLICE);
    await importExtract(c, file, { agency: 'Police' });
    const again = await importExtract(c, file, { agency: 'police' });
    expect(again.alreadyImported).toBe(true);
    expect(again.imported).toBe(0);
    expect(c.summary().entryCount).toBe(3);
    expect((c.db.prepare('SELECT count(*) AS n FROM extracts').get() as { n: number }).n).toBe(1);
  });

  it('makes a corrected upload a new version that replaces the old one in the timeline', async () => {
    const c = tempCase();
    const dir = tempDir();
    await importExtract(c, writeFile(dir, 'v1.csv', 'Date,Details\n01/02/2023,first\n02/02/2023,second\n'), { agency: 'GP' });
    const r = await importExtract(c, writeFile(dir, 'v2.csv', 'Date,Details\n01/02/2023,first\n03/02/2023,third\n'), { agency: 'GP' });
    expect(r.version).toBe(2);
    expect(c.listEntries({}).entries.map((e) => e.text)).toEqual(['first', 'third']);
    // The old version and its rows are kept.
    expect((c.db.prepare('SELECT count(*) AS n FROM raw_rows').get() as { n: number }).n).toBe(6);
  });

  it('reads semicolon-delimited Windows-1252 text with a title row', async () => {
    const c = tempCase();
    const text = 'Extrait\r\nContact date;Type;Summary\r\n06-Mar-23;Appointment;Café visit – weight £ loss\r\n';
    const file = writeFile(tempDir(), 'gp.csv', iconv.encode(text, 'windows-1252'));
    const r = await importExtract(c, file, { agency: 'GP' });
    expect(r.imported).toBe(1);
    expect(c.listEntries({}).entries[0]!.text).toBe('Café visit – weight £ loss');
  });

  it('reads UTF-8 with a BOM, tab-delimited, and UTF-16', async () => {
    const dir = tempDir();
    const c = tempCase();
    await importExtract(c, writeFile(dir, 'a.tsv', '\uFEFFDate\tNotes\n22/05/2016\tSeen at home\n'), { agency: 'Housing' });
    await importExtract(c, writeFile(dir, 'b.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Date,Notes\n23/05/2016,Phoned\n', 'utf16le')])), { agency: 'Probation' });
    expect(c.listEntries({}).entries.map((e) => [e.agency, e.date, e.text])).toEqual([
      ['Housing', '2016-05-22', 'Seen at home'],
      ['Probation', '2016-05-23', 'Phoned'],
    ]);
  });

  it('settles ambiguous dates by the whole file, and flags them when the file cannot tell', async () => {
    const dir = tempDir();
    const c = tempCase();
    const ukFile = await importExtract(c, writeFile(dir, 'uk.csv', 'Date,Notes\n03/04/2016,a\n22/05/2016,b\n'), { agency: 'A' });
    expect(ukFile.warnings).toEqual([]);
    const usFile = await importExtract(c, writeFile(dir, 'us.csv', 'Date,Notes\n03/04/2016,c\n05/22/2016,d\n'), { agency: 'B' });
    expect(usFile.warnings).toEqual([]);
    const unsure = await importExtract(c, writeFile(dir, 'unsure.csv', 'Date,Notes\n03/04/2016,e\n'), { agency: 'C' });
    expect(unsure.warnings).toMatchObject([{ row: 2, reason: 'ambiguous_date' }]);
    const byText = Object.fromEntries(c.listEntries({}).entries.map((e) => [e.text, [e.date, e.flags]]));
    expect(byText.a).toEqual(['2016-04-03', []]);
    expect(byText.c).toEqual(['2016-03-04', []]);
    expect(byText.e).toEqual(['2016-04-03', ['ambiguous_date']]);
  });

  it('rejects rows outside the review period', async () => {
    const c = tempCase();
    c.setMeta('period_from', '2023-01-01');
    c.setMeta('period_to', '2023-12-31');
    const r = await importExtract(c, writeFile(tempDir(), 'x.csv', 'Date,Notes\n31/12/2022,before\n01/01/2023,in\n'), { agency: 'A' });
    expect(r.rejected).toMatchObject([{ row: 2, reason: 'outside_review_period' }]);
    expect(r.imported).toBe(1);
  });

  it('refuses an unreadable file with a clear message and writes nothing', async () => {
    const c = tempCase();
    const dir = tempDir();
    const garbage = writeFile(dir, 'garbage.csv', Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    await expect(importExtract(c, garbage, { agency: 'A' })).rejects.toThrow(/garbage\.csv/);
    const noDate = writeFile(dir, 'nodate.csv', 'Name,Notes\nA,b\n');
    await expect(importExtract(c, noDate, { agency: 'A' })).rejects.toThrow(/nodate\.csv/);
    expect((c.db.prepare('SELECT count(*) AS n FROM extracts').get() as { n: number }).n).toBe(0);
    expect((c.db.prepare('SELECT count(*) AS n FROM agencies').get() as { n: number }).n).toBe(0);
  });

  it('rolls back a file that fails part-way, leaving the case as it was', async () => {
    const c = tempCase();
    const dir = tempDir();
    await importExtract(c, writeFile(dir, 'ok.csv', 'Date,Notes\n01/02/2023,kept\n'), { agency: 'A' });
    // A quote opened on line 3 and never closed: the file is refused after rows were written.
    const bad = writeFile(dir, 'bad.csv', `Date,Notes\n01/02/2023,fine\n02/02/2023,"never closed\n03/02/2023,more\n`);
    await expect(importExtract(c, bad, { agency: 'A' })).rejects.toThrow(/bad\.csv.*line 3/);
    expect(c.listEntries({}).entries.map((e) => e.text)).toEqual(['kept']);
    expect((c.db.prepare('SELECT count(*) AS n FROM raw_rows').get() as { n: number }).n).toBe(2);
  });

  it('rejects a row with an oversized cell but imports the rest', async () => {
    const c = tempCase();
    const big = 'y'.repeat(300 * 1024);
    const r = await importExtract(c, writeFile(tempDir(), 'big.csv', `Date,Notes\n01/02/2023,"${big}"\n02/02/2023,ok\n`), { agency: 'A' });
    expect(r.rejected).toMatchObject([{ row: 2, reason: 'cell_too_large' }]);
    expect(r.imported).toBe(1);
  });

  it('filters the timeline by date range and agency, and persists across reopen', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.jigsaw');
    const c = CaseFile.open(file, { create: true });
    await importExtract(c, writeFile(dir, 'a.csv', 'Date,Notes\n01/02/2023,a1\n01/03/2023,a2\n'), { agency: 'A' });
    await importExtract(c, writeFile(dir, 'b.csv', 'Date,Notes\n15/02/2023,b1\n'), { agency: 'B' });
    c.close();
    const again = CaseFile.open(file);
    try {
      expect(again.listEntries({ from: '2023-02-01', to: '2023-02-28' }).entries.map((e) => e.text)).toEqual(['a1', 'b1']);
      expect(again.listEntries({ agencies: ['A'] }).entries.map((e) => e.text)).toEqual(['a1', 'a2']);
      expect(again.summary().schemaVersion).toBeGreaterThanOrEqual(1);
      expect(again.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(fs.existsSync(file)).toBe(true);
    } finally {
      again.close();
    }
  });
});
