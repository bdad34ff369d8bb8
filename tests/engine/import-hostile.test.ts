// Hostile and broken files, made byte by byte: zip bombs (declared, actual, by ratio, hidden),
// entity bombs, truncated and garbage files, giant cells and rows. Each is refused with a message
// naming the file (or its row is rejected), nothing is written, and nothing crashes or hangs.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CaseFile } from '../../electron/engine/case-file';
import { importExtract } from '../../electron/engine/import/import-extract';
import { LIMITS } from '../../electron/engine/import/limits';
import { documentXml, makeDocx, makeXlsx, makeZip } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

const count = (c: CaseFile, table: string): number => (c.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

async function expectRefused(name: string, bytes: Buffer | string, message: RegExp): Promise<void> {
  const c = tempCase();
  const started = Date.now();
  await expect(importExtract(c, writeFile(tempDir(), name, bytes), { agency: 'Police' })).rejects.toThrow(message);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(count(c, 'extracts')).toBe(0);
  expect(count(c, 'raw_rows')).toBe(0);
  expect(count(c, 'agencies')).toBe(0);
}

const workbookPart = { name: 'xl/workbook.xml', data: '<workbook/>' };

describe('hostile archives', () => {
  it('refuses an archive whose parts declare more than the inflation cap', async () => {
    const parts = [workbookPart, { name: 'xl/worksheets/sheet1.xml', data: '<x/>', declaredSize: LIMITS.maxInflatedBytes + 1 }];
    await expectRefused('bomb.xlsx', makeZip(parts), /bomb\.xlsx: refused: its contents would inflate past 1024 MB/);
  });

  it('refuses a part compressed far beyond any real document (a zip bomb by ratio)', async () => {
    const zeros = Buffer.alloc(30 * 1024 * 1024, 0x20);
    await expectRefused('ratio.docx', makeZip([{ name: 'word/document.xml', data: zeros }]), /ratio\.docx: refused: part word\/document\.xml is compressed \d+:1/);
  });

  it('refuses a part that inflates past the size it declares', async () => {
    const liar = { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(3 * 1024 * 1024, 0x41), declaredSize: 1000 };
    await expectRefused('liar.xlsx', makeZip([workbookPart, liar]), /liar\.xlsx: .*(refused|damaged)/);
  });

  it('refuses data hidden between the listed parts (where another reader would find a bomb)', async () => {
    const hidden = { name: 'xl/worksheets/sheet9.xml', data: Buffer.alloc(1024 * 1024, 0x41) };
    await expectRefused('hidden.xlsx', makeZip([workbookPart, { name: 'xl/worksheets/sheet1.xml', data: '<x/>' }], { hidden }), /hidden\.xlsx: refused: it holds data not listed/);
  });

  it('refuses an archive of too many parts', async () => {
    const parts = Array.from({ length: LIMITS.maxArchiveEntries + 1 }, (_, i) => ({ name: `word/p${i}.xml`, data: 'x', store: true }));
    await expectRefused('many.docx', makeZip(parts), /many\.docx: refused: it holds 10001 parts/);
  });

  it('refuses a Word document that declares XML entities (a billion-laughs bomb)', async () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>' +
      documentXml([[['Date', 'Notes'], ['01/01/2023', '&c;']]]).replace(/^<\?xml[^>]*\?>/, '');
    const docx = makeZip([{ name: 'word/document.xml', data: laughs }]);
    await expectRefused('laughs.docx', docx, /laughs\.docx: refused: the document declares its own XML entities/);
  });
});

describe('broken and foreign files', () => {
  it('refuses a truncated spreadsheet and a truncated Word file', async () => {
    const xlsx = await makeXlsx((wb) => wb.addWorksheet('S').addRow(['Date', 'Notes']));
    await expectRefused('cut.xlsx', xlsx.subarray(0, Math.floor(xlsx.length / 2)), /cut\.xlsx: looks like a spreadsheet or Word file but is damaged or truncated/);
    const docx = makeDocx([[['Date', 'Notes'], ['01/01/2023', 'x']]]);
    await expectRefused('cut.docx', docx.subarray(0, docx.length - 30), /cut\.docx: .*damaged or truncated/);
  });

  it('refuses binary garbage, whatever its name', async () => {
    const garbage = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919 + 13) % 256));
    await expectRefused('garbage.xlsx', garbage, /garbage\.xlsx: .*binary data/);
    await expectRefused('garbage.json', Buffer.concat([Buffer.from('PK'), garbage]), /garbage\.json: .*damaged or truncated/);
  });

  it('names what an old Excel file, a PDF or an unrelated zip is', async () => {
    await expectRefused('old.xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2000)]), /old\.xls: this is an old-style Excel \(\.xls\)/);
    await expectRefused('scan.pdf', '%PDF-1.7\n%binary\n1 0 obj\n', /scan\.pdf: this is a PDF/);
    await expectRefused('photos.zip', makeZip([{ name: 'a.txt', data: 'hello' }]), /photos\.zip: a zip archive, not a spreadsheet/);
  });

  it('refuses a CSV whose quote never closes, without hanging', async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `01/02/2023,row ${i}`).join('\n');
    await expectRefused('open.csv', `Date,Notes\n01/02/2023,"opened here\n${rows}\n`, /open\.csv: could not be read as CSV at line 2/);
  });

  it('refuses deeply nested JSON without crashing', async () => {
    const depth = 200_000;
    await expectRefused('deep.json', `[${'['.repeat(depth)}${']'.repeat(depth)}]`, /deep\.json: JSON without any records/);
  });
});

describe('giant cells and rows', () => {
  const big = 'x'.repeat(20 * 1024 * 1024);

  it('rejects the row holding a 20 MB cell, by its row, keeps it raw, and imports the rest (CSV)', async () => {
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'big.csv', `Date,Notes\n01/02/2023,ok\n02/02/2023,"${big}"\n03/02/2023,fine\n`), { agency: 'A' });
    expect(r.rejected).toMatchObject([{ row: 3, reason: 'cell_too_large' }]);
    expect(r.rejected[0]!.message).toMatch(/Row 3: column "Notes" holds 20971520 characters/);
    expect(r.imported).toBe(2);
    expect(count(c, 'raw_rows')).toBe(4);
  });

  it('rejects the row holding a 20 MB cell in a spreadsheet and in JSON', async () => {
    // Text that compresses like real text (a cell of one repeated letter trips the ratio cap).
    const blob = crypto.randomBytes(15 * 1024 * 1024).toString('base64');
    const xlsx = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Date', 'Notes']);
      ws.addRow(['01/02/2023', blob]);
      ws.addRow(['02/02/2023', 'fine']);
    });
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'big.xlsx', xlsx), { agency: 'A' });
    expect(r.rejected).toMatchObject([{ row: 2, reason: 'cell_too_large' }]);
    expect(r.imported).toBe(1);
    const json = `[\n{"date": "01/02/2023", "notes": "${big}"},\n{"date": "02/02/2023", "notes": "fine"}\n]`;
    const j = await importExtract(c, writeFile(tempDir(), 'big.json', json), { agency: 'B' });
    expect(j.rejected).toMatchObject([{ row: 2, reason: 'cell_too_large' }]);
    expect(j.imported).toBe(1);
  });

  it('refuses a row of more columns than the cap, naming the row, in CSV and XLSX', async () => {
    const wide = Array.from({ length: LIMITS.maxColumns + 1 }, (_, i) => `c${i}`).join(',');
    await expectRefused('wide.csv', `Date,Notes\n01/02/2023,ok\n${wide}\n`, /wide\.csv: row 3 has 501 columns \(limit 500\)/);
    const xlsx = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('S');
      ws.addRow(['Date', 'Notes']);
      ws.addRow(['01/02/2023', 'ok']);
      ws.getCell('ZZ3').value = 'far away';
    });
    await expectRefused('wide.xlsx', xlsx, /wide\.xlsx: row 3 has 702 columns/);
  });

  it('refuses a record beyond the record cap, naming its line', async () => {
    const huge = 'y'.repeat(LIMITS.maxRecordChars + 10);
    await expectRefused('huge.csv', `Date,Notes\n01/02/2023,ok\n02/02/2023,"${huge}"\n`, /huge\.csv: the record starting on line 3 is larger than/);
  });
});

describe('zlib sanity', () => {
  it('the ratio bomb really is a bomb: tiny on disk', () => {
    expect(zlib.deflateRawSync(Buffer.alloc(30 * 1024 * 1024, 0x20), { level: 9 }).length).toBeLessThan(100_000);
  });
});
