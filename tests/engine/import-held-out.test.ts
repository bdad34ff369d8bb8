// fixtures/held-out-extracts: seven fictional agency extracts written blind (from the brief's account
// of what agencies send, before running the importer on them) and never used to tune it: other
// encodings, delimiters, headings and date styles than the other fixture sets. Each is imported with
// no manual mapping into a real case file and checked against expected.json: what imports, which
// rows are reported and why, how dates read, and that no data row goes missing unreported.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guessField, mapHeadings, personNameParts } from '../../electron/engine/import/columns';
import { parseDate } from '../../electron/engine/import/dates';
import { importExtract } from '../../electron/engine/import/import-extract';
import { openSource } from '../../electron/engine/import/sources/index';
import { ROOT, tempCase } from './helpers';

interface ExpectedRow {
  row: number;
  /** A CSV row's first line, where it is not its row (an earlier record spans lines). */
  source?: { line: number };
  date: string;
  dateTo?: string;
  time: string | null;
  precision: string;
  /** Pieces the entry's text must contain, and must not (a field name labelled into it). */
  text: string[];
  textExcludes?: string[];
  contactType?: string;
  outcome?: string;
  practitioner?: string;
  personText?: string;
  address?: string;
  reference?: string;
  flags?: string[];
  flagsExclude?: string[];
}
interface Problem {
  row: number;
  reason: string;
}
interface ExpectedFile {
  file: string;
  agency: string;
  headerRow: number | null;
  imported: number;
  rejected: Problem[];
  /** Rows holding nothing: reported as empty or not, either is fine. */
  mayReport?: Problem[];
  duplicates: { row: number; line?: number; duplicateOf: number; duplicateOfLine?: number }[];
  warnings: Problem[];
  rows: ExpectedRow[];
}

const DIR = path.join(ROOT, 'fixtures/held-out-extracts');
const expected = JSON.parse(fs.readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as { files: ExpectedFile[] };
const pairs = (list: Problem[]): [number, string][] => list.map((p) => [p.row, p.reason]);

describe('fixtures/held-out-extracts: extracts nobody tuned the importer on', () => {
  it.each(expected.files.map((f) => [f.file, f] as const))('%s', async (_name, f) => {
    const file = path.join(DIR, f.file);
    const c = tempCase();
    // A fixed "today", after every date in the set.
    const r = await importExtract(c, file, { agency: f.agency, now: new Date('2024-06-01T12:00:00Z') });
    if (f.headerRow !== null) expect(r.headerRow).toBe(f.headerRow);
    const optional = new Set((f.mayReport ?? []).map((p) => `${p.row}:${p.reason}`));
    const rejected = r.rejected.filter((p) => !optional.has(`${p.row}:${p.reason}`));
    expect(pairs(rejected)).toEqual(pairs(f.rejected));
    expect(r.duplicates).toEqual(f.duplicates);
    expect(pairs(r.warnings)).toEqual(pairs(f.warnings));
    expect(r.imported).toBe(f.imported);

    const entries = c.listEntries({}).entries;
    expect(entries).toHaveLength(f.imported);
    expect(entries.map((e) => e.source.row).sort((a, b) => a - b)).toEqual(f.rows.map((x) => x.row));
    for (const want of f.rows) {
      const got = entries.find((e) => e.source.row === want.row)!;
      const { row, text, textExcludes, flags, flagsExclude, address, reference, ...fields } = want;
      expect(got, `row ${row}`).toMatchObject(fields);
      for (const t of text) expect(got.text, `row ${row}`).toContain(t);
      for (const t of textExcludes ?? []) expect(got.text, `row ${row}`).not.toContain(t);
      // Stored on the entry, though the timeline does not show them.
      const stored = c.db.prepare('SELECT address, reference FROM entries WHERE id = ?').get(got.id) as { address: string | null; reference: string | null };
      if (address !== undefined) expect(stored.address, `row ${row}`).toBe(address);
      if (reference !== undefined) expect(stored.reference, `row ${row}`).toBe(reference);
      for (const fl of flags ?? []) expect(got.flags, `row ${row}`).toContain(fl);
      for (const fl of flagsExclude ?? []) expect(got.flags, `row ${row}`).not.toContain(fl);
      // The date as written is kept beside the reading.
      expect(c.getEntry(got.id).originalDate, `row ${row}`).toBeTruthy();
    }

    // Nothing silently dropped: every row after the header is an entry, a duplicate or a reported row.
    const accounted = new Set([
      ...entries.map((e) => e.source.row),
      ...r.rejected.map((p) => p.row),
      ...r.warnings.map((p) => p.row),
      ...r.duplicates.map((d) => d.row),
    ]);
    const source = await openSource(file);
    let pastHeader = false;
    const unaccounted: number[] = [];
    for await (const sr of source.rows()) {
      if (!pastHeader) {
        pastHeader = sr.row === r.headerRow;
        continue;
      }
      const optionalRow = (f.mayReport ?? []).some((p) => p.row === sr.row);
      if (!accounted.has(sr.row) && !optionalRow) unaccounted.push(sr.row);
    }
    expect(pastHeader, 'the header row was found among the source rows').toBe(true);
    expect(unaccounted).toEqual([]);
  });
});

// The general rules behind what the held-out run found missing, beyond the fixtures' own strings.
describe('what the held-out run found: the rules, not the fixtures\' strings', () => {
  const d = (s: string, t?: string) => {
    const r = parseDate(s, t);
    return 'error' in r ? r.error : [r.date, r.dateTo, r.precision, r.time, r.uncertain, r.qualifier];
  };

  it('reads the week, "pre-" and "circa" spellings people type', () => {
    expect(['wk beg 10/04/2023', 'wk beg. 10 April 2023', 'w/beg 10/04/2023', 'wk comm 10/04/2023'].map((x) => d(x))).toEqual(
      Array(4).fill(['2023-04-10', '2023-04-16', 'week', null, false, null]),
    );
    expect(d('pre-2022')).toEqual(['2022-01-01', '2022-12-31', 'year', null, false, 'before']);
    expect(d('post-March 2023')).toEqual(['2023-03-01', '2023-03-31', 'month', null, false, 'after']);
    expect(d('prescribed 2022')).toBe('unreadable_date');
    expect([d('circa. 2021'), d('ca 2021')]).toEqual(Array(2).fill(['2021-01-01', '2021-12-31', 'year', null, true, null]));
  });

  it('reads a two-digit year after an apostrophe, a 12-hour time first, and a start and end time', () => {
    expect(d("22nd May '16")).toEqual(['2016-05-22', '2016-05-22', 'day', null, false, null]);
    expect(d("Nov '22")).toEqual(['2022-11-01', '2022-11-30', 'month', null, false, null]);
    expect(d('9.30am on 02/11/2022')).toEqual(['2022-11-02', '2022-11-02', 'day', '09:30', false, null]);
    expect(d('11pm 02/11/2022')).toEqual(['2022-11-02', '2022-11-02', 'day', '23:00', false, null]);
    expect(d('02/11/2022 13:00 - 14:30')).toEqual(['2022-11-02', '2022-11-02', 'day', '13:00', false, null]);
    expect(d('2022-11-02 - 13:00')).toEqual(['2022-11-02', '2022-11-02', 'day', '13:00', false, null]);
  });

  it('reads a day written as not known as the month, uncertain, and more "not known" spellings as no date', () => {
    expect([d('??/11/2022'), d('XX/11/2022')]).toEqual(Array(2).fill(['2022-11-01', '2022-11-30', 'month', null, true, null]));
    expect(d('??/13/2022')).toBe('impossible_date');
    expect(['Unk', 'unknown date', 'n.k.', '-', '—'].map((x) => d(x))).toEqual(Array(5).fill('missing_date'));
  });

  it('takes the time column over a database date-time\'s midnight filler, but keeps a midnight typed as a time', () => {
    expect(d('2022-11-02 00:00:00', '16:40')).toEqual(['2022-11-02', '2022-11-02', 'day', '16:40', false, null]);
    expect(d('02/11/2022 00:00', '4pm')).toEqual(['2022-11-02', '2022-11-02', 'day', '16:00', false, null]);
    expect(d('02/11/2022 00:00')).toEqual(['2022-11-02', '2022-11-02', 'day', '00:00', false, null]);
    expect(d('02/11/2022 09:15', '16:40')).toEqual(['2022-11-02', '2022-11-02', 'day', '09:15', false, null]);
  });

  it('reads camelCase field names by their words, and a name split over two columns as one', () => {
    expect(mapHeadings(['eventId', 'contactDateTime', 'caseNoteText', 'authorRole'])).toEqual({ reference: 0, date: 1, text: 2, practitioner: 3 });
    const headers = ['Date', 'Notes', 'Client Surname', 'Client Forename', 'Worker Forename'];
    const mapping = mapHeadings(headers);
    expect(mapping.person).toBe(2);
    // The client's forename joins the client's surname; the worker's is someone else's name.
    expect(personNameParts(headers, mapping)).toEqual({ first: 3, last: 2, other: 3 });
  });

  it('knows more headings agencies use', () => {
    const f = (h: string) => guessField(h)?.field ?? null;
    expect(['Incident Class', 'Call Class', 'Presenting Issue'].map(f)).toEqual(['contactType', 'contactType', 'contactType']);
    expect(['Perpetrator', 'Alleged Perpetrator', 'CYP'].map(f)).toEqual(['person', 'person', 'person']);
    expect(['Concerns Raised', 'Nature of Concern'].map(f)).toEqual(['text', 'text']);
  });

  it('takes the prose column as the notes when no heading names it', () => {
    const headings = ['Date', 'Category', 'What the neighbour told us', 'Officer'];
    const rows = [
      ['01/11/2022', 'ASB', 'Shouting from the flat upstairs most nights, a child crying for a long time.', 'HO'],
      ['03/11/2022', 'ASB', 'Men coming and going at all hours; the tenant seems scared to answer the door.', 'HO'],
    ];
    expect(mapHeadings(headings, rows).text).toBe(2);
    // Short codes under an unknown heading are not the notes.
    expect(mapHeadings(['Date', 'Category', 'Code'], [['01/11/2022', 'ASB', 'X1'], ['02/11/2022', 'ASB', 'X2']]).text).toBeUndefined();
  });
});
