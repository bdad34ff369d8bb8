// Presentation mode shows people by pseudonym. Those without one are given one when it opens, as an
// export would, so the labels a panel meets are the labels the published review uses.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudit } from '../../electron/engine/audit';
import { CaseFile } from '../../electron/engine/case-file';
import { buildCaseFromFixtures } from '../../electron/engine/demo-case';
import { Engine } from '../../electron/engine/engine';
import { exportChronology } from '../../electron/engine/export/export-chronology';
import { CHAIR } from './chair-fixtures';
import { ROOT, tempDir } from './helpers';

/** The demo case with only its subject given a pseudonym so far. */
async function demo(): Promise<string> {
  const file = path.join(tempDir(), 'demo.jigsaw');
  const c = await buildCaseFromFixtures(path.join(ROOT, 'fixtures/demo'), file);
  c.db.prepare("UPDATE persons SET pseudonym = NULL WHERE role <> 'subject'").run();
  c.close();
  return file;
}
const stored = (c: CaseFile) => c.db.prepare('SELECT id, pseudonym FROM persons ORDER BY id').all() as { id: number; pseudonym: string | null }[];
const assigned = (c: CaseFile) => readAudit(c.db).filter((r) => r.action === 'assign_pseudonym');

describe('people in presentation mode', () => {
  it('gives everyone a pseudonym once, stored and audited, and the export keeps them', async () => {
    const c = CaseFile.open(await demo());
    const engine = new Engine(c, { settingsFile: path.join(tempDir(), 'user.json') });
    try {
      await engine.setUser(CHAIR);
      const before = stored(c);
      const unnamed = before.filter((p) => p.pseudonym === null).length;
      expect(unnamed).toBeGreaterThan(0);
      const people = await engine.presentationPeople();
      expect(people.map((p) => p.id).sort((a, b) => a - b)).toEqual(stored(c).map((p) => p.id));
      // The one given already is kept; the others get labels of their own, in the same conventions.
      expect(people.filter((p) => before.some((b) => b.id === p.id && b.pseudonym === p.pseudonym))).toHaveLength(before.length - unnamed);
      expect(people.map((p) => p.pseudonym)).toContain('Adult A');
      for (const p of people) {
        expect(p.pseudonym).toMatch(/^(Adult [A-Z]|Family member \d+|Associate \d+|Professional \d+|Person \d+)$/);
        expect(p.pseudonym).not.toBe(p.name);
      }
      expect(new Set(people.map((p) => p.pseudonym)).size).toBe(people.length);
      expect(stored(c)).toEqual(people.map(({ id, pseudonym }) => ({ id, pseudonym })).sort((a, b) => a.id - b.id));
      expect(assigned(c)).toHaveLength(unnamed);
      expect(assigned(c).every((r) => r.actorName === CHAIR.name)).toBe(true);

      // Opening it again, or exporting, changes nobody's label and records nothing more.
      expect(await engine.presentationPeople()).toEqual(people);
      await exportChronology(c, CHAIR, { format: 'csv', pseudonymise: true });
      expect(stored(c)).toEqual(people.map(({ id, pseudonym }) => ({ id, pseudonym })).sort((a, b) => a.id - b.id));
      expect(assigned(c)).toHaveLength(unnamed);
    } finally {
      engine.close();
    }
  });

  it('shows the pseudonyms a closed (read-only) case would give, writing nothing', async () => {
    const file = await demo();
    const c = CaseFile.open(file, { readonly: true });
    const engine = new Engine(c, { settingsFile: path.join(tempDir(), 'user.json') });
    try {
      const before = stored(c);
      const people = await engine.presentationPeople();
      expect(people).toHaveLength(before.length);
      expect(people.every((p) => /^(Adult|Family member|Associate|Professional|Person) /.test(p.pseudonym))).toBe(true);
      expect(stored(c)).toEqual(before);
      expect(assigned(c)).toHaveLength(0);
    } finally {
      engine.close();
    }
  });
});
