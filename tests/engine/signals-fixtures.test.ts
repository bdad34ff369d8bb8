// End to end on fictional cases: real CSV imports, real people resolution, real SQLite. Each
// fixture's manifest says what is planted (must be found, with its status) and what is a negative
// control (must never be flagged missed). 'held-out' was written and run once after the lexicon's
// last change; the lexicon was not changed after it (its misses are listed in the README).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ClusterSummary } from '../../shared/signals';
import { buildCaseFromFixtures } from '../../electron/engine/demo-case';
import { resolvePeople } from '../../electron/engine/people/resolve';
import { listClusters } from '../../electron/engine/signals';
import { ROOT, tempDir } from './helpers';

interface Window {
  name: string;
  from: string;
  to: string;
}
interface Planted extends Window {
  status: 'missed' | 'responded';
  minAgencies: number;
  rank?: number;
}
interface SignalsManifest {
  planted: Planted[];
  controls: Window[];
  negated?: { file: string; text: string }[];
}

const overlaps = (c: ClusterSummary, w: Window) => c.from <= w.to && c.to >= w.from;

async function clustersOf(fixture: string) {
  const dir = path.join(ROOT, 'fixtures/signals', fixture);
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as SignalsManifest;
  const c = await buildCaseFromFixtures(dir, path.join(tempDir(), `${fixture}.jigsaw`));
  resolvePeople(c);
  const clusters = listClusters(c);
  return { c, manifest, clusters };
}

function checkManifest(manifest: SignalsManifest, clusters: ClusterSummary[]) {
  for (const p of manifest.planted) {
    const found = clusters.filter((k) => overlaps(k, p) && k.status === p.status && k.agencies.length >= p.minAgencies);
    expect(found, `planted cluster not found: ${p.name}`).not.toHaveLength(0);
    if (p.rank) expect(clusters.indexOf(found[0]!) + 1, `rank of ${p.name}`).toBe(p.rank);
    expect(found[0]!.reasons.length).toBeGreaterThanOrEqual(3);
  }
  for (const w of manifest.controls) {
    const flagged = clusters.filter((k) => k.status === 'missed' && overlaps(k, w));
    expect(flagged.map((k) => `${k.from}..${k.to}`), `control flagged missed: ${w.name}`).toEqual([]);
  }
}

describe('missed signals on fictional cases', () => {
  it('finds every planted cluster in the tuned case, flags no control, ranks the worst first', async () => {
    const { c, manifest, clusters } = await clustersOf('tuned');
    checkManifest(manifest, clusters);
    const worst = clusters[0]!;
    expect(worst.reasons.at(-1)).toMatch(/^No referral, information sharing or meeting recorded by any agency between 2022-09-02 and 2022-10-12\.$/);
    expect(worst.themes).toEqual(expect.arrayContaining(['associates', 'exploitation', 'injury', 'capacity']));
    // The routine burst and one agency repeating itself are not clusters at all.
    expect(clusters.filter((k) => overlaps(k, manifest.controls[0]!) || overlaps(k, manifest.controls[2]!))).toEqual([]);
    // The July assault is a cluster, answered: kept and marked responded.
    expect(clusters.filter((k) => overlaps(k, manifest.controls[1]!)).map((k) => k.status)).toEqual(['responded']);
    for (const n of manifest.negated ?? []) {
      const row = c.db
        .prepare(`SELECT s.kind FROM entries e LEFT JOIN entry_signals s ON s.entry_id = e.id WHERE e.text LIKE ?`)
        .get(`%${n.text}%`) as { kind: string | null };
      expect(row.kind, n.text).not.toBe('concern');
    }
  });

  it('finds the planted clusters in a children’s case (its first run exposed missing vocabulary, since added)', async () => {
    const { manifest, clusters } = await clustersOf('untuned');
    checkManifest(manifest, clusters);
  });

  it('finds the planted clusters in a held-out case written after the lexicon was last changed, and flags no control', async () => {
    const { manifest, clusters } = await clustersOf('held-out');
    checkManifest(manifest, clusters);
  });

  it('finds the demo case’s March 2023 cluster as missed, with ASC closing the case on capacity', async () => {
    const c = await buildCaseFromFixtures(path.join(ROOT, 'fixtures/demo'), path.join(tempDir(), 'demo.jigsaw'));
    resolvePeople(c);
    const clusters = listClusters(c);
    const march = clusters[0]!;
    expect(march).toMatchObject({ from: '2023-03-03', status: 'missed' });
    expect(march.agencies.sort()).toEqual(['Adult Social Care', 'GP', 'Hospital ED', 'Police']);
    expect(march.themes).toContain('capacity');
    expect(clusters.filter((k) => k.status === 'missed')).toHaveLength(1);
  });
});
