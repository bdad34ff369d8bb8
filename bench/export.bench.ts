// Export at case scale: a generated case (bench/generate-timeline-case.ts) of
// JIGSAW_BENCH_EXPORT_ROWS entries, with people whose names run through the text, exported in
// every format, plain and pseudonymised. The baseline, measured in the same run, is the cheapest
// possible export: the same rows selected and joined into CSV text with no quoting, neutralising,
// pseudonymisation or residual check.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportChronology } from '../electron/engine/export/export-chronology.js';
import type { ExportFormat } from '../shared/export.js';
import { generateTimelineCase } from './generate-timeline-case.js';
import type { BenchRow } from './types.js';

const ROWS = Number(process.env.JIGSAW_BENCH_EXPORT_ROWS ?? 20_000);
const ACTOR = { name: 'Bench', role: 'benchmark' };

export default async function exportBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-export-'));
  try {
    const c = generateTimelineCase(path.join(dir, 'bench.jigsaw'), ROWS);
    try {
      // Names in one entry in ten, in several spellings, and twenty people to look for.
      c.db.prepare(`UPDATE entries SET text = text || ' Seen with Rowan Pellow (R. Pellow), DOB 02/07/1984.', person_text = 'PELLOW, Rowan' WHERE id % 10 = 0`).run();
      for (let i = 0; i < 20; i++) {
        const id = Number(c.db.prepare("INSERT INTO persons(display_name, role, dob) VALUES (?, 'associate', '1984-07-02')").run(`Person${i} Surname${i}`).lastInsertRowid);
        c.db.prepare('INSERT INTO person_aliases(person_id, alias) VALUES (?, ?)').run(id, `SURNAME${i}, Person${i}`);
      }
      c.db.prepare("INSERT INTO persons(display_name, role) VALUES ('Rowan Pellow', 'subject')").run();

      const t0 = performance.now();
      const rows = c.db.prepare('SELECT e.date, e.time, a.name, e.contact_type, e.text, e.outcome, e.practitioner FROM entries e JOIN agencies a ON a.id = e.agency_id WHERE e.active = 1 ORDER BY e.date, e.time, e.id').raw().all() as unknown[][];
      fs.writeFileSync(path.join(dir, 'baseline.csv'), rows.map((r) => r.join(',')).join('\n'));
      const baselineMs = performance.now() - t0;

      const out: BenchRow[] = [];
      for (const format of ['csv', 'xlsx', 'docx', 'pdf'] as ExportFormat[]) {
        for (const pseudonymise of [false, true]) {
          const t = performance.now();
          const f = await exportChronology(c, ACTOR, { format, pseudonymise, includeAnalysis: true, overrideResidual: true });
          const ms = performance.now() - t;
          out.push({
            benchmark: 'export',
            size: `${f.rows.toLocaleString('en-GB')} entries`,
            measure: `${format}${pseudonymise ? ' pseudonymised' : ''}`,
            value: Math.round(ms),
            unit: 'ms',
            baseline: 'select + naive CSV join',
            baselineValue: Math.round(baselineMs),
            ratio: Number((ms / baselineMs).toFixed(1)),
            note: `${(f.bytes.byteLength / 1e6).toFixed(1)} MB`,
          });
        }
      }
      return out;
    } finally {
      c.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
