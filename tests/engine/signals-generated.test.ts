// Seeded generated cases (signals-generator.ts): every planted missed cluster is found as missed;
// no single-agency repetition, routine burst or answered cluster is flagged missed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importExtract } from '../../electron/engine/import/import-extract';
import { resolvePeople } from '../../electron/engine/people/resolve';
import { listClusters } from '../../electron/engine/signals';
import { tempCase, tempDir } from './helpers';
import { generateCase } from './signals-generator';

describe('missed signals on generated cases', () => {
  it.each([1, 2, 3, 11, 12])('seed %i: finds the planted clusters and flags no control', async (seed) => {
    const dir = tempDir();
    const g = generateCase(path.join(dir, 'extracts'), seed);
    const c = tempCase();
    for (const a of g.agencies) await importExtract(c, path.join(g.dir, a.file), { agency: a.agency });
    resolvePeople(c);
    const clusters = listClusters(c);
    for (const w of g.windows) {
      const hits = clusters.filter((k) => k.from <= w.to && k.to >= w.from);
      const label = `${w.kind} ${w.from}..${w.to} (${w.agencies.join(', ')})`;
      if (w.kind === 'missed') expect(hits.map((k) => k.status), label).toEqual(['missed']);
      else expect(hits.filter((k) => k.status === 'missed'), label).toEqual([]);
      if (w.kind === 'missed') expect(hits[0]!.agencies.length, label).toBeGreaterThanOrEqual(2);
    }
    // Nothing is flagged outside the planted episodes: the routine background stays quiet.
    expect(clusters.filter((k) => !g.windows.some((w) => k.from <= w.to && k.to >= w.from))).toEqual([]);
  });
});
