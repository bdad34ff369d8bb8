// JSON from newer case systems: arrays (bare or wrapped), JSON-lines, one-line (minified) arrays,
// nested fields flattened, fields that appear only late in the file, broken and truncated files.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { tempCase, tempDir, writeFile } from './helpers';

const records = [
  { contactDate: '2023-04-01T08:15:00Z', type: 'Home visit', notes: 'Tenant not in', patient: { name: 'R. Pellow', nhs: '943 476 5919' }, worker: { role: 'Housing officer' } },
  { contactDate: '2023-07-01T23:30:00Z', type: 'Phone call', notes: 'Rent arrears discussed', patient: { name: 'Rowan Pellow' }, tags: ['arrears', 'vulnerable'] },
  { contactDate: 'not a date', type: 'Letter', notes: 'Bad date' },
  { contactDate: '2023-08-02', type: 'Home visit', notes: 'New adults at the flat', patient: { name: 'Rowan Pellow', address: { line1: '4 Quay Street' } } },
];

describe('JSON import', () => {
  it('reads a pretty-printed array, flattening nested fields, numbering rows by the line each record starts on', async () => {
    const c = tempCase();
    const text = JSON.stringify(records, null, 2);
    const r = await importExtract(c, writeFile(tempDir(), 'housing.json', text), { agency: 'Housing' });
    expect(r.format).toBe('json');
    expect(r.imported).toBe(3);
    const lines = text.split('\n');
    const startLines = lines.map((l, i) => (l === '  {' ? i + 1 : 0)).filter(Boolean);
    expect(r.rejected).toMatchObject([{ row: startLines[2], reason: 'unreadable_date' }]);
    const entries = c.listEntries({}).entries;
    // 23:30 UTC on 1 July is 00:30 on 2 July in London.
    expect(entries.map((e) => [e.date, e.time, e.source.row])).toEqual([
      ['2023-04-01', '09:15', startLines[0]],
      ['2023-07-02', '00:30', startLines[1]],
      ['2023-08-02', null, startLines[3]],
    ]);
    expect(entries[0]!.personText).toBe('R. Pellow');
    expect(entries[0]!.practitioner).toBe('Housing officer');
    // A field that only the last record has still gets its column.
    const detail = c.getEntry(entries[2]!.id);
    expect(detail.raw).toContainEqual({ header: 'patient.address.line1', value: '4 Quay Street' });
    expect(c.getEntry(entries[1]!.id).raw).toContainEqual({ header: 'tags', value: 'arrears; vulnerable' });
  });

  it('reads JSON-lines, rejecting a broken line by its number and importing the rest', async () => {
    const c = tempCase();
    const lines = records.map((x) => JSON.stringify(x));
    lines.splice(1, 0, '{"contactDate": "2023-05-05", "notes": broken}', '');
    const r = await importExtract(c, writeFile(tempDir(), 'housing.jsonl', lines.join('\n')), { agency: 'Housing' });
    expect(r.format).toBe('jsonl');
    expect(r.imported).toBe(3);
    expect(r.rejected.map((p) => [p.row, p.reason])).toEqual([
      [2, 'unreadable_row'],
      [5, 'unreadable_date'],
    ]);
    expect(c.listEntries({}).entries.map((e) => e.source.row)).toEqual([1, 4, 6]);
  });

  it('reads the records array inside a wrapping object, and numbers one-line JSON by record', async () => {
    const c = tempCase();
    const wrapped = JSON.stringify({ exportedAt: '2024-01-01', system: 'HousingPro', records });
    const r = await importExtract(c, writeFile(tempDir(), 'wrapped.json', wrapped), { agency: 'Housing' });
    expect(r.imported).toBe(3);
    expect(r.rejected).toMatchObject([{ row: 3, reason: 'unreadable_date' }]);
    expect(c.listEntries({}).entries.map((e) => e.source.row)).toEqual([1, 2, 4]);
  });

  it('refuses a truncated JSON file, naming where it stops, and writes nothing', async () => {
    const c = tempCase();
    const text = JSON.stringify(records, null, 2);
    const cut = text.slice(0, Math.floor(text.length * 0.6));
    await expect(importExtract(c, writeFile(tempDir(), 'cut.json', cut), { agency: 'Housing' })).rejects.toThrow(/cut\.json: the JSON ends part-way in the record starting on line \d+/);
    expect((c.db.prepare('SELECT count(*) AS n FROM raw_rows').get() as { n: number }).n).toBe(0);
  });

  it('refuses JSON that holds no records', async () => {
    const c = tempCase();
    await expect(importExtract(c, writeFile(tempDir(), 'n.json', '[1, 2, 3]'), { agency: 'A' })).rejects.toThrow(/n\.json: JSON without any records/);
    await expect(importExtract(c, writeFile(tempDir(), 'o.json', '{"a": {"b": 1}}'), { agency: 'A' })).rejects.toThrow(/o\.json/);
  });
});
