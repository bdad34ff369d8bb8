// Export at case scale: generated cases (bench/generate-timeline-case.ts) of
// JIGSAW_BENCH_EXPORT_ROWS (20,000) and JIGSAW_BENCH_EXPORT_LARGE (100,000) entries, with people
// whose names run through the text, exported plain and pseudonymised. Each export runs in a
// process of its own so its peak RSS is its own. The baseline, measured in the same run, is the
// cheapest possible export: the same rows selected and joined into CSV text with no quoting,
// neutralising, pseudonymisation or residual check.
// `node --import tsx bench/export.bench.ts <case> <format> <plain|pseudonymised>` is one measured export.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CaseFile } from '../electron/engine/case-file.js';
import { exportChronology } from '../electron/engine/export/export-chronology.js';
import type { ExportFormat } from '../shared/export.js';
import { generateTimelineCase } from './generate-timeline-case.js';
import type { BenchRow } from './types.js';

const ROWS = Number(process.env.JIGSAW_BENCH_EXPORT_ROWS ?? 20_000);
const LARGE = Number(process.env.JIGSAW_BENCH_EXPORT_LARGE ?? 100_000);
const ACTOR = { name: 'Bench', role: 'benchmark' };

interface Measured {
  rows: number;
  ms: number;
  bytes: number;
  peakRssMb: number;
}

/** What each size measures, and the targets set for it. */
const PLAN: { size: 'normal' | 'large'; format: ExportFormat; pseudonymise: boolean; time?: string; rss?: string }[] = [
  { size: 'normal', format: 'csv', pseudonymise: false },
  { size: 'normal', format: 'csv', pseudonymise: true },
  { size: 'normal', format: 'xlsx', pseudonymise: false },
  { size: 'normal', format: 'xlsx', pseudonymise: true },
  { size: 'normal', format: 'docx', pseudonymise: false, time: 'under 3 s', rss: 'under 500 MB' },
  { size: 'normal', format: 'docx', pseudonymise: true },
  { size: 'normal', format: 'pdf', pseudonymise: false, time: 'under 4 s' },
  { size: 'normal', format: 'pdf', pseudonymise: true },
  { size: 'large', format: 'docx', pseudonymise: false, rss: 'bounded' },
  { size: 'large', format: 'docx', pseudonymise: true, rss: 'bounded' },
  { size: 'large', format: 'xlsx', pseudonymise: true, time: 'under 30 s', rss: 'bounded' },
];

function makeCase(file: string, rows: number): number {
  const c = generateTimelineCase(file, rows);
  try {
    // Names in one entry in ten, in several spellings, and twenty people to look for.
    c.db.prepare(`UPDATE entries SET text = text || ' Seen with Rowan Pellow (R. Pellow), DOB 02/07/1984.', person_text = 'PELLOW, Rowan' WHERE id % 10 = 0`).run();
    for (let i = 0; i < 20; i++) {
      const id = Number(c.db.prepare("INSERT INTO persons(display_name, role, dob) VALUES (?, 'associate', '1984-07-02')").run(`Person${i} Surname${i}`).lastInsertRowid);
      c.db.prepare('INSERT INTO person_aliases(person_id, alias) VALUES (?, ?)').run(id, `SURNAME${i}, Person${i}`);
    }
    c.db.prepare("INSERT INTO persons(display_name, role) VALUES ('Rowan Pellow', 'subject')").run();
    const t0 = performance.now();
    const all = c.db.prepare('SELECT e.date, e.time, a.name, e.contact_type, e.text, e.outcome, e.practitioner FROM entries e JOIN agencies a ON a.id = e.agency_id WHERE e.active = 1 ORDER BY e.date, e.time, e.id').raw().all() as unknown[][];
    fs.writeFileSync(`${file}.baseline.csv`, all.map((r) => r.join(',')).join('\n'));
    return performance.now() - t0;
  } finally {
    c.close();
  }
}

function measure(casePath: string, format: ExportFormat, pseudonymise: boolean): Measured {
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, casePath, format, pseudonymise ? 'pseudonymised' : 'plain'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Measured;
}

export default async function exportBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-export-'));
  try {
    const cases = {
      normal: { file: path.join(dir, 'normal.jigsaw'), rows: ROWS, baselineMs: 0 },
      large: { file: path.join(dir, 'large.jigsaw'), rows: LARGE, baselineMs: 0 },
    };
    for (const c of Object.values(cases)) c.baselineMs = makeCase(c.file, c.rows);
    const out: BenchRow[] = [];
    for (const p of PLAN) {
      const c = cases[p.size];
      const m = measure(c.file, p.format, p.pseudonymise);
      const size = `${m.rows.toLocaleString('en-GB')} entries`;
      const what = `${p.format}${p.pseudonymise ? ' pseudonymised' : ''}`;
      process.stderr.write(`  ${size} ${what}: ${Math.round(m.ms)} ms, peak RSS ${Math.round(m.peakRssMb)} MB\n`);
      out.push({
        benchmark: 'export', size, measure: what, value: Math.round(m.ms), unit: 'ms',
        baseline: 'select + naive CSV join', baselineValue: Math.round(c.baselineMs), ratio: Number((m.ms / c.baselineMs).toFixed(1)),
        target: p.time, note: `${(m.bytes / 1e6).toFixed(1)} MB`,
      });
      out.push({ benchmark: 'export', size, measure: `${what} peak RSS`, value: Math.round(m.peakRssMb), unit: ' MB', target: p.rss, note: 'whole process, its own' });
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// Run as a child: one export, then its time and the process's peak memory as JSON.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [casePath, format, mode] = process.argv.slice(2);
  const c = CaseFile.open(casePath!);
  const t = performance.now();
  const f = await exportChronology(c, ACTOR, { format: format as ExportFormat, pseudonymise: mode === 'pseudonymised', includeAnalysis: true, overrideResidual: true });
  const ms = performance.now() - t;
  c.close();
  process.stdout.write(`${JSON.stringify({ rows: f.rows, ms, bytes: f.bytes.byteLength, peakRssMb: process.resourceUsage().maxRSS / 1024 } satisfies Measured)}\n`);
}
