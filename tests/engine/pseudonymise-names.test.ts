import { describe, expect, it } from 'vitest';
import { nameVariants, variantsRegex } from '../../electron/engine/pseudonymise/name-variants';
import { loadPeople } from '../../electron/engine/pseudonymise/people';
import { caseIdentifiers, Pseudonymiser, splitPeopleCell } from '../../electron/engine/pseudonymise/pseudonymiser';
import { residualCheck } from '../../electron/engine/pseudonymise/residual-check';
import { addPerson, caseWith } from './chair-fixtures';

describe('name variants', () => {
  it('covers forename-only, surname-only, initials and SURNAME, Forename forms', () => {
    const v = nameVariants(['Rowan Pellow', 'PELLOW, Rowan', 'Mike Pellow']);
    for (const form of ['Rowan Pellow', 'Rowan', 'Pellow', 'Mike', 'Mike Pellow', 'R. Pellow', 'Pellow, R.', 'Pellow, Rowan', 'M Pellow']) {
      expect(v.map((x) => x.toLowerCase())).toContain(form.toLowerCase());
    }
    const re = variantsRegex(v)!;
    const hits = (s: string): string[] => [...s.matchAll(re)].map((m) => m[0]);
    expect(hits('Seen: R.Pellow, r pellow, PELLOW, Rowan and mike.')).toEqual(['R.Pellow', 'r pellow', 'PELLOW, Rowan', 'mike']);
    // Word boundaries: a name inside another word is not a name.
    expect(hits('Rowanberry Pellowes Mikey')).toEqual([]);
  });

  it('splits people columns without breaking SURNAME, Forename', () => {
    expect(splitPeopleCell('Rowan Pellow; Kyle Danner')).toEqual(['Rowan Pellow', 'Kyle Danner']);
    expect(splitPeopleCell('PELLOW, Rowan')).toEqual(['PELLOW, Rowan']);
    expect(splitPeopleCell('Rowan Pellow, Kyle Danner and Jo Hext')).toEqual(['Rowan Pellow', 'Kyle Danner', 'Jo Hext']);
  });
});

describe('pseudonymiser', () => {
  it('replaces every spelling of every person, professionals by role, and DOB, NHS number, address and postcode', async () => {
    const c = await caseWith('Date,Details,Person\n01/02/2023,x,Someone Else\n');
    addPerson(c, { name: 'Rowan Pellow', role: 'subject', aliases: ['Mike Pellow', 'R. Pellow', 'PELLOW, Rowan'], pseudonym: 'Adult A', dob: '1984-07-02', address: 'Flat 6, 12 Tamsin Court, Truro TR1 2AB' });
    addPerson(c, { name: 'Kyle Danner', role: 'associate', pseudonym: 'Associate 1' });
    addPerson(c, { name: 'Jenna Rosewarne', role: 'professional' });
    const p = new Pseudonymiser(caseIdentifiers(c.db, loadPeople(c.db)));
    const out = p.apply(
      "Mike told PC Jenna Rosewarne that Kyle's friends (and KYLE DANNER) took his card. PELLOW, Rowan DOB 02/07/1984, " +
        'born 2 July 1984, NHS 485 777 3456, lives at 12 Tamsin Court TR1 2AB. Someone Else was there; Rowan-Pellow? R.Pellow.',
    );
    expect(out).toBe(
      "Adult A told PC [professional] that Associate 1's friends (and Associate 1) took his card. Adult A [date of birth], " +
        '[date of birth], NHS [NHS number], lives at [address] [postcode]. [name] was there; Adult A-Adult A? Adult A.',
    );
    expect(p.practitioner('PC 4411')).toBe('PC');
    expect(p.practitioner('Jenna Rosewarne (social worker)')).toBe('[professional] (social worker)');
  });

  it('replaces unresolved names from people columns as whole names only, never a lone common word', async () => {
    const c = await caseWith('Date,Details,Person\n01/02/2023,Unknown male at door; Mother: Mrs Jane Hext (NOK) called; Jane Hext upset,Mother: Mrs Jane Hext (NOK); Unknown male\n');
    const p = new Pseudonymiser(caseIdentifiers(c.db, loadPeople(c.db)));
    expect(p.apply('Unknown male at door; the male was known to Jane Hext, J. Hext and HEXT, Jane. Mother angry.')).toBe(
      '[name] at door; the male was known to [name], [name] and [name]. Mother angry.',
    );
  });

  it('replaces a spelling two people share with a neutral marker', async () => {
    const c = await caseWith('Date,Details\n01/02/2023,x\n');
    addPerson(c, { name: 'Peter Hext', role: 'family', pseudonym: 'Father' });
    addPerson(c, { name: 'Sam Hext', role: 'subject', pseudonym: 'Child A' });
    const p = new Pseudonymiser(caseIdentifiers(c.db, loadPeople(c.db)));
    expect(p.apply('Peter Hext and Sam; the Hext family')).toBe('Father and Child A; the [name] family');
  });

  it('the residual check finds what is left and says where', async () => {
    const c = await caseWith('Date,Details\n01/02/2023,x\n');
    addPerson(c, { name: 'Rowan Pellow', role: 'subject', pseudonym: 'Adult A', dob: '1984-07-02' });
    const ids = caseIdentifiers(c.db, loadPeople(c.db));
    const found = residualCheck(
      [
        { where: 'row 1, Event', text: 'Adult A seen' },
        { where: 'row 2, Source', text: 'pellow-police.csv, row 4' },
        { where: 'row 3, Event', text: 'dob 2.7.84, NHS 4857773456, PL1 1AA' },
      ],
      ids,
    );
    expect(found).toEqual([
      { kind: 'name', found: 'pellow', where: 'row 2, Source' },
      { kind: 'dob', found: 'dob 2.7.84', where: 'row 3, Event' },
      { kind: 'dob', found: '2.7.84', where: 'row 3, Event' },
      { kind: 'nhs_number', found: '4857773456', where: 'row 3, Event' },
      { kind: 'postcode', found: 'PL1 1AA', where: 'row 3, Event' },
    ]);
  });
});
