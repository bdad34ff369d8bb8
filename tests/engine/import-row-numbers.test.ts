// Rows a person can find: a CSV's rows are numbered as Excel shows the file (every record is a
// row: title rows, the header, blank lines), and a row that does not start on the line of that
// number (an earlier record spans several lines) also gives its first line, "row 6, line 8", in
// the report, the stored provenance, the CLI and the export. Case files of the previous schema
// gain the line columns on opening. And the wording of the import report.
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { MIGRATIONS } from '../../electron/engine/db/migrations/index';
import { exportChronology } from '../../electron/engine/export/export-chronology';
import { importExtract } from '../../electron/engine/import/import-extract';
import { count, rowLabel } from '../../shared/words';
import { CHAIR } from './chair-fixtures';
import { runJigsaw } from './run-cli';
import { tempCase, tempDir, writeFile } from './helpers';

// What Excel shows when it opens this file: each record on one row, quoted line breaks inside the
// cell, a blank line as an empty row. Lines are what a text editor shows.
const POLICE = [
  'Police extract for the review', //                        row 1, line 1 (title)
  '', //                                                     row 2, line 2 (blank)
  'Date,Time,Details,Officer', //                            row 3, line 3 (header)
  '14/01/2023,22:40,"Neighbour called.', //                  row 4, lines 4-6
  'Shouting heard.',
  'Officers attended.",PC 1',
  '', //                                                     row 5, line 7: empty
  '31/02/2023,,Impossible date,PC 2', //                     row 6, line 8: impossible date
  '15/01/2023,09:00,"Two', //                                row 7, lines 9-10
  'lines",PC 3',
  '14/01/2023,22:40,"Neighbour called.\nShouting heard.\nOfficers attended.",PC 1', // row 8, lines 11-13: duplicate of row 4
  '16/01/2023,,Last one,PC 4', //                            row 9, line 14
].join('\n');

describe('row numbers as Excel shows them, with the line where it differs', () => {
  it('reports, stores and shows each row by its Excel row and, once an earlier record spans lines, its first line', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'police.csv', POLICE);
    const r = await importExtract(c, file, { agency: 'Police' });
    expect(r.headerRow).toBe(3);
    expect(r.imported).toBe(3);
    expect(r.rejected.map((p) => [p.row, p.line, p.reason, p.message.split(':')[0]])).toEqual([
      [5, 7, 'empty_row', 'Row 5, line 7 is empty'],
      [6, 8, 'impossible_date', 'Row 6, line 8'],
    ]);
    expect(r.duplicates).toEqual([{ row: 8, line: 11, duplicateOf: 4 }]);

    // Provenance: the raw row and the entry carry both.
    const entries = c.listEntries({}).entries;
    expect(entries.map((e) => [e.text.split('\n')[0], e.source])).toEqual([
      ['Neighbour called.', { file: 'police.csv', row: 4 }],
      ['Two', { file: 'police.csv', row: 7, line: 9 }],
      ['Last one', { file: 'police.csv', row: 9, line: 14 }],
    ]);
    expect(c.getEntry(entries[1]!.id).provenance).toMatchObject({ file: 'police.csv', row: 7, line: 9 });
    expect(c.getEntry(entries[0]!.id).provenance).not.toHaveProperty('line');
    const dup = c.db.prepare("SELECT row_number, line, message, duplicate_of FROM import_problems WHERE kind = 'duplicate'").get();
    expect(dup).toEqual({ row_number: 8, line: 11, message: 'Row 8, line 11 is an exact duplicate of row 4', duplicate_of: 4 });

    // The export's Source column names the row the same way.
    const f = await exportChronology(c, CHAIR, { format: 'csv' });
    const csv = Buffer.from(f.bytes).toString('utf8');
    expect(csv).toContain('"police.csv, row 7, line 9"');
    expect(csv).toContain('"police.csv, row 4"');
  });

  it('gives the same rows and lines when the rows are planned on a worker thread', async () => {
    const inThread = await importExtract(tempCase(), writeFile(tempDir(), 'police.csv', POLICE), { agency: 'Police', planOnWorker: false });
    const onWorker = await importExtract(tempCase(), writeFile(tempDir(), 'police.csv', POLICE), { agency: 'Police', planOnWorker: true });
    expect(onWorker.rejected).toEqual(inThread.rejected);
    expect(onWorker.duplicates).toEqual(inThread.duplicates);
  });

  it('prints rows with their lines on the command line', async () => {
    const dir = tempDir();
    const file = writeFile(dir, 'police.csv', POLICE);
    const r = await runJigsaw(['import', path.join(dir, 'case.jigsaw'), file, '--agency', 'Police']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('police.csv (Police, csv): 3 rows imported, 2 rejected, 1 duplicate, 0 warnings');
    expect(r.stdout).toContain('  rejected  row 6, line 8: impossible_date: Row 6, line 8: ');
    expect(r.stdout).toContain('  duplicate row 8, line 11 of row 4');
  });

  it('numbers JSON records by the line they start on (a text editor is where a person finds them): no line of their own', async () => {
    const c = tempCase();
    const json = '[\n  {"date": "14/01/2023", "details": "Seen"},\n  {"date": "31/02/2023",\n   "details": "Impossible"}\n]\n';
    const r = await importExtract(c, writeFile(tempDir(), 'log.json', json), { agency: 'Housing' });
    expect(r.rejected).toEqual([{ row: 3, reason: 'impossible_date', message: expect.stringMatching(/^Row 3: /) }]);
    expect(c.listEntries({}).entries[0]!.source).toEqual({ file: 'log.json', row: 2 });
  });
});

describe('a case file of the previous schema', () => {
  it('gains the line columns when opened: old rows keep their numbers, with no line; new imports store lines', async () => {
    const file = path.join(tempDir(), 'old.jigsaw');
    // Schema 10, as the previous version left it, with one extract imported (rows numbered by line).
    const old = new Database(file);
    old.transaction(() => {
      for (const m of MIGRATIONS.filter((m) => m.version <= 10)) {
        old.exec(m.sql);
        old.pragma(`user_version = ${m.version}`);
      }
      old.prepare("INSERT INTO agencies(id, name, colour, created_at) VALUES (1, 'GP', '#000', '2024-01-01')").run();
      old.prepare(`INSERT INTO extracts(id, agency_id, file_name, sha256, format, imported_at, version, header_row, headers_json, mapping_json,
        row_count, imported_count, rejected_count, duplicate_count) VALUES (1, 1, 'gp.csv', 'x', 'csv', '2024-01-01', 1, 1, '["Date","Notes"]', '{"date":0,"text":1}', 2, 1, 1, 0)`).run();
      old.prepare(`INSERT INTO raw_rows(id, extract_id, row_number, cells_json) VALUES (1, 1, 1, '["Date","Notes"]'), (2, 1, 4, '["01/02/2023","Seen"]')`).run();
      old.prepare(`INSERT INTO entries(extract_id, raw_row_id, agency_id, date, date_to, precision, original_date, text) VALUES (1, 2, 1, '2023-02-01', '2023-02-01', 'day', '01/02/2023', 'Seen')`).run();
      old.prepare(`INSERT INTO import_problems(extract_id, row_number, kind, reason, message) VALUES (1, 5, 'rejected', 'missing_date', 'Row 5: no date')`).run();
    })();
    expect(old.pragma('user_version', { simple: true })).toBe(10);
    old.close();

    const c = CaseFile.open(file);
    try {
      expect(c.summary().schemaVersion).toBe(11);
      const columns = (table: string) => (c.db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
      expect(columns('raw_rows')).toContain('line');
      expect(columns('import_problems')).toContain('line');
      expect(c.db.prepare('SELECT line FROM raw_rows').pluck().all()).toEqual([null, null]);
      expect(c.db.prepare('SELECT row_number, line FROM import_problems').all()).toEqual([{ row_number: 5, line: null }]);
      const [before] = c.listEntries({}).entries;
      expect(c.getEntry(before!.id).provenance).toMatchObject({ file: 'gp.csv', row: 4 });
      expect(c.getEntry(before!.id).provenance).not.toHaveProperty('line');
      // Raw rows stay immutable through the migration.
      expect(() => c.db.prepare('UPDATE raw_rows SET line = 9 WHERE id = 2').run()).toThrow(/raw rows are immutable/);

      const r = await importExtract(c, writeFile(tempDir(), 'police.csv', POLICE), { agency: 'Police' });
      expect(r.rejected.map((p) => [p.row, p.line])).toEqual([[5, 7], [6, 8]]);
      expect(c.db.prepare("SELECT line FROM import_problems WHERE reason = 'impossible_date'").pluck().get()).toBe(8);
    } finally {
      c.close();
    }
  });
});

describe('wording', () => {
  it('labels rows, and counts in the singular for one', () => {
    expect([rowLabel(14), rowLabel(14, 14), rowLabel(14, 17), rowLabel(14, null, true), rowLabel(14, 17, true)]).toEqual([
      'row 14', 'row 14', 'row 14, line 17', 'Row 14', 'Row 14, line 17',
    ]);
    expect([count(1, 'agency'), count(2, 'agency'), count(1, 'duplicate'), count(0, 'duplicate'), count(1, 'row'), count(1, 'section divider'), count(3, 'section divider')]).toEqual([
      '1 agency', '2 agencies', '1 duplicate', '0 duplicates', '1 row', '1 section divider', '3 section dividers',
    ]);
  });

  it('says "header row not found" for a file whose header cannot be found', async () => {
    const c = tempCase();
    const file = writeFile(tempDir(), 'notes.csv', 'just some words\nand more words\n');
    await expect(importExtract(c, file, { agency: 'GP' })).rejects.toThrow(/^notes\.csv: header row not found in the first \d+ rows; map the columns by hand$/);
  });
});
