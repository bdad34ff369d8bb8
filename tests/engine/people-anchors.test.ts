// The chair's people in scope anchor resolution; a one-digit slip in a date of birth is a typo;
// rows of one person's case record that name nobody are about that person.
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { afterImport } from '../../electron/engine/people/after-import';
import { dobSlip } from '../../electron/engine/people/linkage-config';
import { getPerson, listPeople } from '../../electron/engine/people/queries';
import { RECORD_MENTION } from '../../electron/engine/people/record-subject';
import { resolvePeople } from '../../electron/engine/people/resolve';
import { makeDocx } from './formats-helpers';
import { saveReviewSettings } from './review-helpers';
import { tempCase, tempDir, writeFile } from './helpers';
import type { CaseFile } from '../../electron/engine/case-file';

const POLICE = `Date,Persons,DOB,Details
03/02/2023,"KETTERING, Dorothy",11/02/1948,Welfare check at the flat
10/02/2023,"KETTERING, Dorothy",11/02/1948,Neighbour reports shouting
12/02/2023,"KETTERING, Dorothy",11/03/1966,Shoplifting at Marlow Stores (different woman of the same name)
`;
// The GP keyed the date of birth with one digit wrong.
const GP = `Consultation date,Patient,Date of birth,Summary
06/02/2023,Dorothy Kettering,17/02/1948,Review of medication
20/02/2023,Dorothy Kettering,17/02/1948,Bruising to forearm
`;
// A case-record system's export: one client, the notes never name her in full.
const ASC = `Date,Client ID,Case note
04/02/2023,ASC-50113,Home visit: client not at home
08/02/2023,ASC-50113,Phone call: Dot said she was managing
15/02/2023,ASC-50113,Review meeting planned
`;

async function load(c: CaseFile, files: Record<string, string>) {
  const dir = tempDir();
  for (const [agency, csv] of Object.entries(files)) afterImport(c, await importExtract(c, writeFile(dir, `${agency}.csv`, csv), { agency }));
}

describe("the chair's people and the extracts' own subjects", () => {
  it('reads a one-digit date-of-birth slip as a typo, but not a different date', () => {
    expect(dobSlip('1948-02-11', '1948-02-17')).toBe(true);
    expect(dobSlip('1948-02-11', '1948-11-02')).toBe(true);
    expect(dobSlip('1948-02-12', '1948-02-21')).toBe(true);
    expect(dobSlip('1948-02-11', '1966-03-11')).toBe(false);
    expect(dobSlip('1958-02-11', '1985-02-11')).toBe(false);
  });

  it('joins the slip, keeps the namesake apart, and gives the record rows to the settings subject', async () => {
    const c = tempCase();
    saveReviewSettings(c, {
      people: [{ name: 'Dorothy Ann Kettering', role: 'subject', dob: '1948-02-11', identifiers: 'NHS 943 476 5919; 14 Lark Rise, Eastbrook; also known as Dot' }],
      agencies: ['Police', 'GP', 'ASC'],
    });
    await load(c, { Police: POLICE, GP, ASC });
    const people = listPeople(c);
    const subject = people.filter((p) => p.role === 'subject');
    expect(subject).toHaveLength(1);
    expect(subject[0]!.name).toBe('Dorothy Ann Kettering');
    expect(subject[0]!.dob).toBe('1948-02-11');
    // Two police rows, both GP rows (the slip), all three ASC rows.
    expect(subject[0]!.entryCount).toBe(7);
    const namesake = people.filter((p) => p.id !== subject[0]!.id && p.dob === '1966-03-11');
    expect(namesake).toHaveLength(1);
    expect(namesake[0]!.entryCount).toBe(1);
    const detail = getPerson(c, subject[0]!.id);
    const fromRecord = detail.mentions.filter((m) => m.origin === 'record');
    // "Dot" is the name the chair gave for her, so it is matched in the text; the other two ASC rows are hers as her record's.
    expect(fromRecord.map((m) => m.text)).toEqual([RECORD_MENTION, RECORD_MENTION]);
    expect(detail.mentions.some((m) => m.origin === 'text' && m.text === 'Dot')).toBe(true);
  });

  it("finds the chair's other names for a person in the notes", async () => {
    const c = tempCase();
    saveReviewSettings(c, { people: [{ name: 'Dorothy Kettering', role: 'subject', dob: '1948-02-11', identifiers: 'known as Dot; née Marsh' }], agencies: ['Police', 'Housing'] });
    const housing = `Date,Tenant,Notes
05/02/2023,D Marsh,Rent account in arrears
07/02/2023,,Dot rang about the boiler
`;
    await load(c, { Police: POLICE.split('\n').slice(0, 3).join('\n') + '\n', Housing: housing });
    const subject = listPeople(c).filter((p) => p.role === 'subject');
    expect(subject).toHaveLength(1);
    const mentions = getPerson(c, subject[0]!.id).mentions.map((m) => `${m.origin}:${m.text}`);
    expect(mentions).toEqual(expect.arrayContaining(['column:KETTERING, Dorothy', 'column:D Marsh', 'text:Dot']));
  });

  it('without settings, a one-client record joins the person most of its rows name', async () => {
    const c = tempCase();
    const asc = `Date,Person ID,Client,Case note
04/02/2023,P-88,Rowan Pellow,Home visit
08/02/2023,P-88,,Phone call: said he was fine
15/02/2023,P-88,,Client did not attend day centre
22/02/2023,P-88,Rowan Pellow,Review
`;
    const police = `Date,Name,Notes
09/02/2023,"PELLOW, Rowan",Concern for welfare
09/02/2023,"DANNER, Kyle",Arrested nearby
`;
    await load(c, { ASC: asc, Police: police });
    resolvePeople(c);
    const rowan = listPeople(c).filter((p) => p.name.toLowerCase().includes('pellow'));
    expect(rowan).toHaveLength(1);
    expect(rowan[0]!.entryCount).toBe(5);
    // A police extract is not one person's record: Kyle's row does not become Rowan's.
    const kyle = listPeople(c).find((p) => p.name.toLowerCase().includes('danner'))!;
    expect(getPerson(c, kyle.id).mentions.map((m) => m.origin)).toEqual(['column']);
    expect(getPerson(c, rowan[0]!.id).mentions.filter((m) => m.origin === 'record')).toHaveLength(2);
  });

  it("gives a Word chronology's rows to the person its title block names, not to another of that surname", async () => {
    const doc = makeDocx([
      'Maternity Services - agency chronology',
      'Woman: Kayleigh MARSH, DOB 14/06/2003',
      [
        ['Date', 'Type of contact', 'Details'],
        ['05/04/2022', 'Booking', 'Attended booking with her partner'],
        ['13/05/2022', 'Antenatal', 'Seen alone. Small bruise to forearm'],
        ['20/05/2022', 'Scan', 'Dating scan, no concerns'],
      ],
    ]);
    const police = 'Date,Name,Notes\n14/05/2022,"MARSH, Tayla",Child present at incident\n15/05/2022,"MARSH, Kayleigh",Victim statement\n';
    const c = tempCase();
    await importExtract(c, writeFile(tempDir(), 'maternity.docx', doc), { agency: 'Maternity' });
    await load(c, { Police: police });
    resolvePeople(c);
    const kayleigh = listPeople(c).find((p) => p.name.toLowerCase().startsWith('kayleigh'))!;
    expect(kayleigh.entryCount).toBe(4);
    expect(getPerson(c, kayleigh.id).mentions.filter((m) => m.origin === 'record')).toHaveLength(3);
    const tayla = listPeople(c).find((p) => p.name.toLowerCase().startsWith('tayla'))!;
    expect(tayla.entryCount).toBe(1);

    // Before Kayleigh is known, the title's "Kayleigh MARSH" does not make the rows her daughter's.
    const early = tempCase();
    await importExtract(early, writeFile(tempDir(), 'maternity.docx', doc), { agency: 'Maternity' });
    await load(early, { Police: police.split('\n').slice(0, 2).join('\n') + '\n' });
    resolvePeople(early);
    expect(listPeople(early).find((p) => p.name.toLowerCase().startsWith('tayla'))!.entryCount).toBe(1);
  });
});
