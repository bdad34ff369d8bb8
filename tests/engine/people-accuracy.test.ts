import path from 'node:path';
import { describe as group, expect, it } from 'vitest';
import { buildCaseFromFixtures } from '../../electron/engine/demo-case';
import { ROOT, tempDir } from './helpers';
import { describe, readExpected, score } from './people-eval';

group('people and links on the labelled fictional case (fixtures/people)', () => {
  it('resolves people (pairwise F1 >= 0.95, no conflicting identifiers merged) and links events (recall >= 0.8 at precision >= 0.9)', async () => {
    const dir = path.join(ROOT, 'fixtures/people');
    const c = await buildCaseFromFixtures(dir, path.join(tempDir(), 'labelled.jigsaw'));
    try {
      const s = score(c, readExpected(dir));
      console.log(describe('labelled case', s));
      expect(s.people.unresolved).toBe(0);
      expect(s.identifierConflicts).toEqual([]);
      expect(s.conflictsMerged).toEqual([]);
      expect(s.people.f1).toBeGreaterThanOrEqual(0.95);
      expect(s.links.precision).toBeGreaterThanOrEqual(0.9);
      expect(s.links.recall).toBeGreaterThanOrEqual(0.8);
    } finally {
      c.close();
    }
  });
});
