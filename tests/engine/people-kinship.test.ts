// People named by what they are to someone ("Mum", "FOB", "the victim", "the baby"), read from the
// point of view of whose record it is; and rows that name nobody held to be about the chair's subject.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { afterImport } from '../../electron/engine/people/after-import';
import { KinMatcher, kinOf, type KinPerson } from '../../electron/engine/people/kinship';
import { getPerson, listPeople } from '../../electron/engine/people/queries';
import { KIN_MENTION, UNNAMED_MENTION } from '../../electron/engine/people/record-subject';
import { saveReviewSettings } from './review-helpers';
import { tempCase, tempDir, writeFile } from './helpers';
import type { CaseFile } from '../../electron/engine/case-file';

// A subject (id 1), her husband, her mother, her baby daughter; ids as the matcher sees them.
const FAMILY: KinPerson[] = [
  { id: 1, kin: 'self', gender: 'f', dob: '1989-07-14', initial: 'L' },
  { id: 2, kin: 'partner', gender: 'm', dob: '1985-03-02', initial: 'G' },
  { id: 3, kin: 'child', gender: 'f', dob: '2023-04-29', initial: 'I' },
  { id: 4, kin: 'parent', gender: 'f', dob: null, initial: 'S' },
];
const who = (m: { personId: number; implied?: true }[]) => m.filter((x) => !x.implied).map((x) => x.personId).sort();

describe('relationship words', () => {
  const kin = new KinMatcher(FAMILY, 1);

  it("reads 'Mum' and 'Dad' from the record's person: the subject's mother in her file, the subject in her daughter's", () => {
    expect(who(kin.match(1, 'Mum visited', '2023-06-01', 1, true))).toEqual([4]);
    expect(who(kin.match(1, 'Mum and Dad seen together', '2023-06-01', 3, true))).toEqual([1, 2]);
    expect(who(kin.match(1, 'Maternal grandmother (MGM) to collect', '2023-06-01', 3, true))).toEqual([4]);
    expect(who(kin.match(1, 'PoP says his wife wants to leave', '2023-06-01', 2, true))).toEqual([1, 2]);
    expect(who(kin.match(1, 'both parents present', '2023-06-01', 3, true))).toEqual([1, 2]);
  });

  it('names the person a relationship word is relative to as implied', () => {
    const m = kin.match(1, 'Father offered a parenting course', '2023-06-01', 3, true);
    expect(m).toEqual([
      { entryId: 1, personId: 2, text: 'Father' },
      { entryId: 1, personId: 3, text: '', implied: true },
    ]);
  });

  it('finds the baby by age on the day, and FOB relative to the baby whoever owns the record', () => {
    expect(who(kin.match(1, 'Baby feeding well', '2023-06-01', 1, true))).toEqual([3]);
    expect(who(kin.match(1, 'unborn baby discussed at booking', '2022-11-01', 1, true))).toEqual([3]);
    // Two years on she is no longer "the baby".
    expect(who(kin.match(1, 'baby crying next door', '2026-01-01', 1, true))).toEqual([]);
    expect(who(kin.match(1, 'FOB attended the scan', '2023-03-01', 1, true))).toEqual([2]);
    // In the mother's own maternity record "mother" beside "baby" is the baby's mother, not hers.
    expect(who(kin.match(1, 'Mother and baby discharged home', '2023-05-01', 1, true))).toEqual([1, 3]);
    expect(who(kin.match(1, 'Mother visited the ward', '2023-05-01', 1, true))).toEqual([4]);
    // "fob" in lower case is a key fob, not the father.
    expect(who(kin.match(1, 'lost her key fob', '2023-03-01', 1, true))).toEqual([]);
  });

  it("takes 'the victim' to be an adult subject, never a child's review subject", () => {
    expect(who(kin.match(1, 'Victim statement taken', '2023-06-01', 2, true))).toEqual([1]);
    expect(who(kin.match(1, 'Victim statement taken', '2023-06-01', 2, false))).toEqual([]);
    expect(who(new KinMatcher(FAMILY, null).match(1, 'Victim statement taken', '2023-06-01', 2, true))).toEqual([]);
  });

  it("reads the record owner's initial and 'the client' only in their own record", () => {
    expect(who(kin.match(1, 'L seen alone, client declined', '2023-06-01', 1, true, true))).toEqual([1]);
    expect(who(kin.match(1, 'L seen alone', '2023-06-01', 1, true, false))).toEqual([]);
    expect(who(kin.match(1, 'I said A was fine', '2023-06-01', 1, true, true))).toEqual([]);
  });

  it('leaves a word alone when two people fit it', () => {
    const twoKids = new KinMatcher([...FAMILY, { id: 5, kin: 'child', gender: 'm', dob: '2015-01-01' }], 1);
    expect(who(twoKids.match(1, 'child at school', '2023-06-01', 1, true))).toEqual([]);
    expect(who(twoKids.match(1, 'daughter at nursery', '2023-06-01', 1, true))).toEqual([3]);
  });

  it("reads what a person is to the subject from the chair's notes, first word first", () => {
    expect(kinOf(['husband; 7 Sorrel Court'])).toEqual({ kin: 'partner', gender: 'm' });
    expect(kinOf(['father; NOT his father of the same name'])).toEqual({ kin: 'parent', gender: 'm' });
    expect(kinOf(['half-sibling; attends nursery'])).toEqual({ kin: 'sibling', gender: null });
    expect(kinOf(['NHS 738 104 5524'])).toBeNull();
  });
});

describe('through resolution, with the chair\'s people', () => {
  async function load(c: CaseFile, files: Record<string, string>) {
    const dir = tempDir();
    for (const [agency, csv] of Object.entries(files)) afterImport(c, await importExtract(c, writeFile(dir, `${agency}.csv`, csv), { agency }));
  }

  it("gives 'Mum' in the daughter's file to the subject, 'Mum' in the subject's GP record to her mother, and unnamed rows to the subject", async () => {
    const c = tempCase();
    saveReviewSettings(c, {
      people: [
        { name: 'Leanne Cresswell', role: 'subject', dob: '1989-07-14', identifiers: 'NHS 472 381 9061' },
        { name: 'Gavin Cresswell', role: 'family', dob: '1985-03-02', identifiers: 'husband' },
        { name: 'Isla Cresswell', role: 'family', dob: '2023-04-29', identifiers: 'daughter' },
        { name: 'Susan Tolland', role: 'family', dob: null, identifiers: 'mother' },
      ],
    });
    await load(c, {
      // The daughter's social-care file: one child ID down every row.
      CSC: 'Date,Child ID,Case note\n01/06/2023,C-1001,Mum seen with Isla at home\n08/06/2023,C-1001,Home visit: Mum and Dad present\n15/06/2023,C-1001,Case discussed in supervision\n',
      GP: 'Date,Patient,Summary\n02/06/2023,Leanne Cresswell,Attended with Mum; low mood\n',
      Police: 'Date,Summary\n03/06/2023,Victim statement taken at the station\n04/06/2023,Strategy discussion held\n',
    });
    const people = listPeople(c);
    const id = (name: string) => people.find((p) => p.name === name)!.id;
    const mentions = (name: string) => getPerson(c, id(name)).mentions;
    const textOf = (name: string) => mentions(name).map((m) => m.text);
    // Mum in Isla's file twice and Dad once; Mum in Leanne's own GP record is Susan.
    expect(textOf('Leanne Cresswell').filter((t) => t === 'Mum')).toHaveLength(2);
    expect(textOf('Gavin Cresswell')).toContain('Dad');
    expect(textOf('Susan Tolland')).toEqual(['Mum']);
    expect(textOf('Leanne Cresswell')).toContain('Victim');
    // The police row naming nobody is the subject's, shown as such.
    expect(mentions('Leanne Cresswell').filter((m) => m.text === UNNAMED_MENTION && m.origin === 'record')).toHaveLength(1);
    // Isla owns her file; "Mum and Dad" does not make the row anyone else's record.
    expect(mentions('Isla Cresswell').filter((m) => m.origin === 'record')).toHaveLength(2);
    expect(mentions('Isla Cresswell').some((m) => m.text === KIN_MENTION)).toBe(false);
  });

  it('gives unnamed rows to no one when the chair has named no subject', async () => {
    const c = tempCase();
    await load(c, { Police: 'Date,Name,Summary\n03/06/2023,"MARSH, Kayleigh",Victim statement\n04/06/2023,,Strategy discussion held\n' });
    const people = listPeople(c);
    expect(people.map((p) => p.entryCount)).toEqual([1]);
  });
});
