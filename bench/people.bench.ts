// People resolution and event linking at case scale: a generated case (fixtures/people/
// generate-unseen.ts) grown to JIGSAW_BENCH_PEOPLE_ROWS routine rows across eight agencies. The
// baseline is importing the same files, measured in the same run: resolution runs after every
// import, so it should cost a fraction of one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseFile } from '../electron/engine/case-file.js';
import { readManifest } from '../electron/engine/demo-case.js';
import { importExtract } from '../electron/engine/import/import-extract.js';
import { linkEvents } from '../electron/engine/links/link-events.js';
import { resolvePeople } from '../electron/engine/people/resolve.js';
import { generateUnseenCase } from '../fixtures/people/generate-unseen.js';
import type { BenchRow } from './types.js';

const ROWS = Number(process.env.JIGSAW_BENCH_PEOPLE_ROWS ?? 100_000);

export default async function peopleBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-people-'));
  try {
    generateUnseenCase(4242, dir, { routineRows: ROWS });
    const c = CaseFile.open(path.join(dir, 'bench.jigsaw'), { create: true });
    try {
      const t0 = performance.now();
      for (const x of readManifest(dir).extracts) await importExtract(c, path.join(dir, x.file), { agency: x.agency });
      const importMs = performance.now() - t0;
      const entries = (c.db.prepare('SELECT count(*) AS n FROM entries WHERE active = 1').get() as { n: number }).n;
      const t1 = performance.now();
      const stats = resolvePeople(c);
      const resolveMs = performance.now() - t1;
      const t2 = performance.now();
      const { links } = linkEvents(c);
      const linkMs = performance.now() - t2;
      const t3 = performance.now();
      resolvePeople(c); // again, as after the next import: ids, pseudonyms and decisions re-applied
      const againMs = performance.now() - t3;
      const size = `${entries} entries`;
      const base = { benchmark: 'people', size, unit: 's', baseline: 'import of the same files', baselineValue: importMs / 1000 };
      return [
        { ...base, measure: 'resolve people', value: resolveMs / 1000, ratio: resolveMs / importMs, target: '< 1 x import', note: `${stats.columnMentions} column + ${stats.textMentions} text mentions -> ${stats.people} people` },
        { ...base, measure: 'resolve again (next import)', value: againMs / 1000, ratio: againMs / importMs, target: '< 1 x import' },
        { ...base, measure: 'link events', value: linkMs / 1000, ratio: linkMs / importMs, target: '< 0.5 x import', note: `${links} linked pairs` },
      ];
    } finally {
      c.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
