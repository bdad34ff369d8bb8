import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit, verifyAudit } from '../../electron/engine/audit';
import { importExtract } from '../../electron/engine/import/import-extract';
import { afterImport } from '../../electron/engine/people/after-import';
import { decidePerson } from '../../electron/engine/people/decide';
import { normaliseNhsNumber } from '../../electron/engine/people/identifiers';
import { parseName, splitPersonCell } from '../../electron/engine/people/names';
import { getPerson, listPeople } from '../../electron/engine/people/queries';
import { resolvePeople } from '../../electron/engine/people/resolve';
import { tempCase, tempDir, writeFile } from './helpers';

const chair = { name: 'Review Chair', role: 'chair' };

async function load(files: Record<string, string>) {
  const c = tempCase();
  const dir = tempDir();
  for (const [agency, csv] of Object.entries(files)) {
    const r = await importExtract(c, writeFile(dir, `${agency}.csv`, csv), { agency });
    afterImport(c, r);
  }
  return c;
}

const byName = (people: ReturnType<typeof listPeople>, name: string) => people.filter((p) => p.name.toLowerCase().includes(name.toLowerCase()));

describe('reading names', () => {
  it('splits person cells and reads surname-first, initials, titles and generations', () => {
    expect(splitPersonCell('Rowan Pellow; Kyle Danner')).toEqual(['Rowan Pellow', 'Kyle Danner']);
    expect(splitPersonCell('PELLOW, Rowan')).toEqual(['PELLOW, Rowan']);
    expect(splitPersonCell('Rowan Pellow, Kyle Danner / Jo Bray')).toEqual(['Rowan Pellow', 'Kyle Danner', 'Jo Bray']);
    expect(parseName('PELLOW, Rowan')).toMatchObject({ given: 'rowan', surname: 'pellow', initialOnly: false });
    expect(parseName('R. Pellow')).toMatchObject({ given: 'r', surname: 'pellow', initialOnly: true });
    expect(parseName('Mr  rowan   PELLOW')).toMatchObject({ given: 'rowan', surname: 'pellow' });
    expect(parseName('PELLOW Rowan')).toMatchObject({ given: 'rowan', surname: 'pellow' });
    expect(parseName('Michael Trewin Snr')).toMatchObject({ given: 'michael', surname: 'trewin', generation: 'senior' });
    expect(parseName('Mother: Jane Pellow')).toMatchObject({ given: 'jane', surname: 'pellow', roleHint: 'family' });
    expect(parseName('PC Dawn Hollis')).toMatchObject({ given: 'dawn', surname: 'hollis', roleHint: 'professional' });
  });

  it('never makes a person of a placeholder, and survives hostile or huge cells', () => {
    for (const p of ['Unknown', 'N/A', 'not recorded', 'Anon', 'Caller', 'no name given', '-', '???']) {
      expect(splitPersonCell(p).map(parseName).filter(Boolean)).toEqual([]);
    }
    expect(parseName('<img src=x onerror=alert(1)> Pellow')).toMatchObject({ surname: 'pellow' });
    expect(parseName('Neighbour called re man at the flat')).toBeNull();
    const huge = Array.from({ length: 5000 }, (_, i) => `Name${i} Person`).join('; ');
    expect(splitPersonCell(huge)).toHaveLength(5000);
  });

  it('accepts only NHS numbers whose modulus-11 check digit is right', () => {
    expect(normaliseNhsNumber('943 476 5919')).toBe('9434765919');
    expect(normaliseNhsNumber('943-476-5919')).toBe('9434765919');
    expect(normaliseNhsNumber('9434765918')).toBeNull();
    expect(normaliseNhsNumber('123')).toBeNull();
  });
});

describe('resolving people across agencies', () => {
  it('joins spellings, nicknames, initials and typos of one person, and keeps a father and son with the same name apart', async () => {
    const c = await load({
      Police: 'Date,Details,Persons Involved,DOB\n01/02/2022,Concern,"TREWIN, Michael",14/02/1990\n03/02/2022,Domestic,"Michael Trewin Snr",03/07/1962\n05/02/2022,Visit,"Mike Trewin; Jason Kellow",\n',
      GP: 'Date,Summary,Patient,DOB,NHS number\n02/02/2022,Seen,Micheal Trewin,14/02/1990,943 476 5919\n04/02/2022,Seen,Michael Trewin,03/07/1962,450 557 7104\n06/02/2022,Seen,M. Trewin,14/02/1990,9434765919\n',
      Housing: 'Date,Notes,Tenant\n07/02/2022,Visit,Mr M Trewin\n08/02/2022,Visit,J. Kellow\n',
    });
    const people = listPeople(c);
    const trewins = byName(people, 'trewin');
    expect(trewins).toHaveLength(2);
    const [son, father] = [trewins.find((p) => p.dob === '1990-02-14')!, trewins.find((p) => p.dob === '1962-07-03')!];
    expect(son.aliases).toEqual(expect.arrayContaining(['TREWIN, Michael', 'Micheal Trewin', 'Mike Trewin', 'M. Trewin']));
    expect(son.nhsNumber).toBe('9434765919');
    expect(father.nhsNumber).toBe('4505577104');
    expect(father.aliases).toContain('Michael Trewin Snr');
    expect(son.role).toBe('subject');
    expect(father.role).toBe('family');
    expect(son.pseudonym).toBe('Adult A');
    const kellow = byName(people, 'kellow');
    expect(kellow).toHaveLength(1);
    expect(kellow[0]!.aliases).toEqual(expect.arrayContaining(['Jason Kellow', 'J. Kellow']));
    expect(kellow[0]!.role).toBe('associate');
    expect(kellow[0]!.pseudonym).toBe('Associate 1');
  });

  it('finds known people named in free text, and fills persons on timeline entries and the person filter', async () => {
    const c = await load({
      Police: 'Date,Details,Persons Involved\n01/03/2023,"Rowan says the men are friends of Kyle Danner. Mr Pellow declined help.",Rowan Pellow\n02/03/2023,Arrest of Kyle Danner,Kyle Danner\n',
      GP: 'Date,Summary,Patient\n05/03/2023,"Attended with K. Danner who answered for him.",PELLOW Rowan\n',
    });
    const people = listPeople(c);
    const rowan = byName(people, 'rowan')[0]!;
    const kyle = byName(people, 'kyle')[0]!;
    const detail = getPerson(c, kyle.id);
    expect(detail.mentions.filter((m) => m.origin === 'text').map((m) => m.text)).toEqual(expect.arrayContaining(['Kyle Danner', 'K. Danner']));
    const page = c.listEntries({ persons: [kyle.id] });
    expect(page.entries).toHaveLength(3);
    expect(page.entries[0]!.persons).toEqual(expect.arrayContaining([rowan.id, kyle.id]));
    expect(getPerson(c, rowan.id).mentions.some((m) => m.origin === 'text' && m.text === 'Mr Pellow')).toBe(true);
  });

  it('gives a first name alone to the one person it fits', async () => {
    const c = await load({ Police: 'Date,Details,Persons\n01/03/2023,x,Rowan Pellow; Kyle Danner\n02/03/2023,y,Rowan\n03/03/2023,z,Jo\n' });
    const people = listPeople(c);
    expect(byName(people, 'rowan')).toHaveLength(1);
    expect(byName(people, 'rowan')[0]!.aliases).toContain('Rowan');
    expect(people.find((p) => p.aliases.includes('Jo'))!.confidence).toBeLessThan(0.8); // fits nobody: kept, marked for checking
  });

  it('keeps person ids and pseudonyms stable when another agency is imported', async () => {
    const c = await load({ Police: 'Date,Details,Persons\n01/03/2023,x,Rowan Pellow; Kyle Danner\n02/03/2023,y,Jo Bray\n' });
    const before = listPeople(c);
    const dir = tempDir();
    afterImport(c, await importExtract(c, writeFile(dir, 'gp.csv', 'Date,Summary,Patient\n01/01/2023,Seen,Anna Vell\n03/03/2023,Seen,Rowan Pellow\n'), { agency: 'GP' }));
    const after = listPeople(c);
    for (const p of before) expect(after.find((q) => q.id === p.id)).toMatchObject({ name: p.name, pseudonym: p.pseudonym });
  });
});

describe('roles of professionals', () => {
  it('records staff named with a title as professionals, published by role only', async () => {
    const c = await load({ Police: 'Date,Details,Persons Involved\n01/02/2022,Visit,"Rowan Pellow; PC Dawn Hollis"\n02/02/2022,Visit,"Rowan Pellow; Dr A Shah"\n03/02/2022,Visit,Rowan Pellow\n' });
    const people = listPeople(c);
    expect(byName(people, 'hollis')[0]).toMatchObject({ role: 'professional', pseudonym: 'Police officer 1' });
    expect(byName(people, 'shah')[0]).toMatchObject({ role: 'professional', pseudonym: 'Doctor 1' });
    expect(byName(people, 'rowan')[0]).toMatchObject({ role: 'subject', pseudonym: 'Adult A' });
  });
});

describe("the chair's decisions", () => {
  const police = 'Date,Details,Persons Involved,DOB\n01/02/2022,a,Rowan Pellow,01/01/1980\n02/02/2022,b,Ro Pellow,\n03/02/2022,c,Kyle Danner,\n04/02/2022,d,Kyle Danner,05/05/1990\n05/02/2022,e,Kyle Danner,06/06/1970\n';

  it('merge, split, rename, role, pseudonym and confirm are audited and survive a re-import', async () => {
    const c = await load({ Police: police });
    let people = listPeople(c);
    const rowan = byName(people, 'rowan pellow')[0]!;
    const ro = byName(people, 'ro pellow')[0]!;
    expect(rowan.id).not.toBe(ro.id); // "Ro" is no known short form of Rowan: left apart

    decidePerson(c, chair, { kind: 'merge', personIds: [rowan.id, ro.id] });
    people = listPeople(c);
    const merged = byName(people, 'pellow');
    expect(merged).toHaveLength(1);
    const pid = merged[0]!.id;
    decidePerson(c, chair, { kind: 'rename', personId: pid, name: 'Rowan Pellow (subject)' });
    decidePerson(c, chair, { kind: 'pseudonym', personId: pid, pseudonym: 'Adult Z' });
    decidePerson(c, chair, { kind: 'confirm', personId: pid });

    // Two Kyle Danners with different dates of birth are never merged automatically.
    const kyles = byName(listPeople(c), 'kyle');
    expect(kyles.length).toBeGreaterThanOrEqual(2);
    const older = kyles.find((k) => k.dob === '1970-06-06')!;
    decidePerson(c, chair, { kind: 'role', personId: older.id, role: 'family' });

    // Split a spelling off again: "Ro Pellow" is someone else after all.
    const detail = getPerson(c, pid);
    const roKey = detail.keys.find((k) => k.example.startsWith('Ro Pellow'))!.key;
    decidePerson(c, chair, { kind: 'split', personId: pid, keys: [roKey] });

    // A new version of the extract and a fresh resolution keep every decision.
    const dir = tempDir();
    afterImport(c, await importExtract(c, writeFile(dir, 'police2.csv', `${police}06/02/2022,f,Rowan Pellow,01/01/1980\n`), { agency: 'Police' }));
    resolvePeople(c);
    people = listPeople(c);
    const subject = people.find((p) => p.name === 'Rowan Pellow (subject)')!;
    expect(subject).toMatchObject({ pseudonym: 'Adult Z', confirmed: true });
    expect(subject.aliases).not.toContain('Ro Pellow');
    expect(people.some((p) => p.aliases.includes('Ro Pellow') && p.id !== subject.id)).toBe(true);
    expect(people.find((p) => p.dob === '1970-06-06')!.role).toBe('family');

    const actions = readAudit(c.db).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['person.merge', 'person.rename', 'person.pseudonym', 'person.confirm', 'person.role', 'person.split']));
    expect(readAudit(c.db).find((a) => a.action === 'person.rename')!.actorName).toBe('Review Chair');
    expect(verifyAudit(c.db)).toBeNull();
  });

  it('refuses decisions about people who do not exist, naming the problem', async () => {
    const c = await load({ Police: police });
    expect(() => decidePerson(c, chair, { kind: 'rename', personId: 9999, name: 'x' })).toThrow(/No person 9999/);
    expect(() => decidePerson(c, { name: 'Unknown user', role: 'unknown' }, { kind: 'confirm', personId: listPeople(c)[0]!.id })).toThrow(/name and role first/);
    const one = listPeople(c)[0]!;
    expect(() => decidePerson(c, chair, { kind: 'merge', personIds: [one.id, one.id] })).toThrow(/at least two/);
  });
});

describe('scale', () => {
  // How fast is the bench's job (npm run bench -- people, against the import in the same run); this checks what 20,000 entries resolve to.
  it('resolves 20,000 entries of a few hundred people', async () => {
    const c = tempCase();
    const dir = tempDir();
    const names = ['Rowan Pellow', 'PELLOW, Rowan', 'R. Pellow', 'Kyle Danner', 'Jo Bray', 'Mike Trewin', 'Michael TREWIN'];
    // 3,000 other people: invented names from syllables (Tre-wan-ick...), so blocks are realistic.
    const syl = ['tre', 'pen', 'wan', 'ros', 'car', 'vel', 'kit', 'bol', 'ang', 'nan', 'oss', 'lan', 'mor', 'dell', 'hock'];
    const cap = (s: string): string => s[0]!.toUpperCase() + s.slice(1);
    const other = (n: number): string => `${cap(syl[n % 15]!)}${syl[(n >> 2) % 15]}a ${cap(syl[(n * 7) % 15]!)}${syl[(n * 3) % 15]}${syl[(n >> 4) % 15]}`;
    const rows = Array.from({ length: 20_000 }, (_, i) => `${String(1 + (i % 28)).padStart(2, '0')}/0${1 + (i % 9)}/2022,Note ${i} about Rowan and Kyle Danner,"${names[i % names.length]}; ${other(i % 3000)}"`);
    const file = writeFile(dir, 'big.csv', `Date,Details,Persons\n${rows.join('\n')}\n`);
    await importExtract(c, file, { agency: 'Police' });
    const started = performance.now();
    const stats = resolvePeople(c);
    const ms = performance.now() - started;
    console.log(`resolved ${stats.columnMentions} column mentions and ${stats.textMentions} text mentions into ${stats.people} people in ${Math.round(ms)} ms`);
    expect(stats.columnMentions).toBe(40_000);
    // Every row names Rowan (three spellings in the column, the rest in the text) and Kyle Danner in its text.
    const people = listPeople(c);
    expect(people.filter((p) => /pellow/i.test(p.name)).map((p) => p.entryCount)).toEqual([20_000]);
    expect(people.filter((p) => /danner/i.test(p.name)).map((p) => p.entryCount)).toEqual([20_000]);
    expect(path.basename(c.file)).toBe('case.jigsaw');
  });
});
