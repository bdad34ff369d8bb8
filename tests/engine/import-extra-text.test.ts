// Two columns for one field ("Summary" and "Details"; "Outcome" and "Action taken"): the column that
// is not mapped still reaches the entry's text, labelled with its heading, so the timeline and the
// search hold everything the agency wrote. Identifiers stay in the raw row only.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { makeXlsx } from './formats-helpers';
import { tempCase, tempDir, writeFile } from './helpers';

const CSV = [
  'Date,Summary,Details,Outcome,Action taken,Patient ID,Voice of the child,Ward',
  '03/02/2023,Home visit,"Mother tearful, two children at home, kitchen bare",Ongoing,Referred to food bank and early help,PX-88120,"Said he is hungry when he gets to school",W7',
  '10/02/2023,Phone call,"Health visitor rang: missed 6-week check",Rebooked,,PX-88120,,W7',
  '17/02/2023,Strategy meeting,"Police, school and health present",Section 47 agreed,"Joint visit today, child seen alone",PX-88120,No,W7',
].join('\n');

describe('a second column for the same field', () => {
  it('adds the unmapped text-like columns to the entry text as "Heading: value", and search finds them', async () => {
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'csc.csv', CSV), { agency: 'Children’s social care' });
    expect(r.imported).toBe(3);
    // The mapping is as before: one column per field.
    expect(r.mapping).toMatchObject({ date: 0, contactType: 1, text: 2, outcome: 3 });
    expect(Object.values(r.mapping)).not.toContain(4);
    const entries = c.listEntries({}).entries;
    expect(entries.map((e) => [e.text, e.outcome])).toEqual([
      [
        'Mother tearful, two children at home, kitchen bare\nAction taken: Referred to food bank and early help\nVoice of the child: Said he is hungry when he gets to school',
        'Ongoing',
      ],
      // An empty extra cell adds nothing.
      ['Health visitor rang: missed 6-week check', 'Rebooked'],
      // An unrecognised heading is added only when it holds words ("No" is not).
      ['Police, school and health present\nAction taken: Joint visit today, child seen alone', 'Section 47 agreed'],
    ]);
    // Identifiers and short codes under unrecognised headings are not text; they stay in the raw row.
    expect(entries.some((e) => e.text.includes('PX-88120') || e.text.includes('W7'))).toBe(false);
    expect(c.getEntry(entries[0]!.id).raw.find((x) => x.header === 'Patient ID')?.value).toBe('PX-88120');
    // The search index holds the added text.
    expect(c.listEntries({ search: 'food bank' }).entries.map((e) => e.id)).toEqual([entries[0]!.id]);
    expect(c.listEntries({ search: 'hungry' }).entries.map((e) => e.id)).toEqual([entries[0]!.id]);
  });

  it('keeps a saved mapping working: a mapping written before this change imports the same way', async () => {
    const c = tempCase();
    // The shape saved in case files: field -> column index, nothing else.
    const saved = { date: 0, contactType: 1, text: 2, outcome: 3 };
    const r = await importExtract(c, writeFile(tempDir(), 'csc.csv', CSV), { agency: 'CSC', mapping: saved });
    expect(r.mapping).toEqual(saved);
    expect(c.listEntries({ search: 'food bank' }).entries).toHaveLength(1);
  });

  it('in a workbook, "Notes" stays the notes and "Further details" and a second officer are added to the text', async () => {
    const buf = await makeXlsx((wb) => {
      const ws = wb.addWorksheet('Log');
      ws.addRow(['Date', 'Notes', 'Further details', 'Officer', 'Second officer']);
      ws.addRow(['05/03/2023', 'Concern for welfare call from neighbour', 'Door forced, occupant found on floor, conveyed to ED', 'PC 4410', 'PC 2291']);
    });
    const c = tempCase();
    const r = await importExtract(c, writeFile(tempDir(), 'police.xlsx', buf), { agency: 'Police' });
    expect(r.imported).toBe(1);
    const e = c.listEntries({}).entries[0]!;
    expect(e.text).toBe('Concern for welfare call from neighbour\nFurther details: Door forced, occupant found on floor, conveyed to ED\nSecond officer: PC 2291');
    expect(e.practitioner).toBe('PC 4410');
  });
});
