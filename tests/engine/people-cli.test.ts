import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './helpers';
import { runJigsaw } from './run-cli';

const jigsaw = (...args: string[]) => runJigsaw(args);

describe('jigsaw people / links', () => {
  it('imports resolve people; people, links and timeline --json print the documented shapes', async () => {
    const casePath = path.join(tempDir(), 'review.jigsaw');
    const fx = path.join(ROOT, 'fixtures/people');
    for (const [file, agency] of [['police.csv', 'Police'], ['ambulance.csv', 'Ambulance Service'], ['hospital-ed.csv', 'Hospital ED']] as const) {
      expect((await jigsaw('import', casePath, path.join(fx, file), '--agency', agency, '--json')).code).toBe(0);
    }
    const people = await jigsaw('people', casePath, '--json');
    expect(people.code).toBe(0);
    const list = JSON.parse(people.stdout) as { id: number; name: string; role: string; pseudonym: string; dob: string | null; nhsNumber: string | null; aliases: string[]; mentions: { entryId: number; text: string }[]; confidence: number }[];
    const subject = list[0]!;
    expect(subject).toMatchObject({ name: 'Michael Trewin', role: 'subject', pseudonym: 'Adult A', dob: '1990-02-14', nhsNumber: '9434765919' });
    expect(subject.aliases).toEqual(expect.arrayContaining(['TREWIN, Michael', 'Micheal Trewin', 'Mick Trewin']));
    expect(subject.mentions.length).toBeGreaterThan(5);
    expect(Object.keys(subject)).toEqual(expect.arrayContaining(['id', 'name', 'role', 'pseudonym', 'dob', 'nhsNumber', 'aliases', 'mentions', 'confidence']));
    const father = list.find((p) => p.dob === '1962-07-03')!;
    expect(father.id).not.toBe(subject.id);

    const links = await jigsaw('links', casePath, '--json');
    expect(links.code).toBe(0);
    const linkList = JSON.parse(links.stdout) as { id: number; entryIds: number[]; reason: string }[];
    expect(linkList).toHaveLength(2); // the assault and the father's collapse: police call, ambulance, ED
    expect(linkList.every((l) => l.entryIds.length === 3 && /arrival the same night/.test(l.reason))).toBe(true);

    const tl = JSON.parse((await jigsaw('timeline', casePath, '--json')).stdout) as { id: number; persons: number[]; linkedEntries: number[] }[];
    const linked = tl.find((e) => e.id === linkList[0]!.entryIds[0])!;
    expect(linked.persons).toContain(subject.id);
    expect(linked.linkedEntries).toHaveLength(2);

    const text = await jigsaw('people', casePath);
    expect(text.stdout).toMatch(/Michael Trewin\s+subject\s+Adult A/);
  });

  it('reports a missing case on stderr with exit 1, and usage with exit 2', async () => {
    const missing = await jigsaw('people', path.join(tempDir(), 'nope.jigsaw'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.jigsaw/);
    expect((await jigsaw('links')).code).toBe(2);
  });
});
