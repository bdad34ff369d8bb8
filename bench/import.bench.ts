// The import hot path against the sqlite3 command-line tool's bare `.import` of the same file, in
// the same run: a generated agency CSV of 1,000,000 rows (~190 bytes each) is parsed, validated,
// dated, deduplicated, stored raw and as entries, and indexed (search included). Also shows that
// memory stays flat: peak RSS importing a quarter of the rows against all of them; and what planning
// rows on a worker thread gains over doing everything on one thread.
// JIGSAW_BENCH_ROWS overrides the row count while developing.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BenchRow } from './types.js';

const SQLITE3 = '/usr/bin/sqlite3';
const TYPES = ['Concern for welfare', '999 call', 'Domestic incident', 'Missing person', 'Assault report', 'ASB report', 'Mental health crisis', 'Intelligence'];
const OUTCOMES = ['Words of advice', 'Crime recorded', 'Referred to ASC', 'No further action', 'DASH completed', 'Referred to MARAC'];
const DETAILS = [
  'Neighbour reports shouting from the flat late at night',
  'Caller says the tenant has not been seen for several days',
  'Officers attended, adult male present, subject appeared frightened',
  'Concern raised by bank staff about card use by another person',
  'Subject found in the street intoxicated and with bruising to arms',
];

/** Row i of the generated police extract: reference, day-first date, time, type, notes, outcome, officer, persons. */
export function agencyRow(i: number): string[] {
  const d = new Date(DAY0 + ((i * 2654435761) % 3650) * 86_400_000);
  const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  const time = `${String((i * 7) % 24).padStart(2, '0')}:${String((i * 13) % 60).padStart(2, '0')}`;
  return [
    `PX${String(i).padStart(8, '0')}`, date, time, TYPES[i % TYPES.length]!, `${DETAILS[i % DETAILS.length]}, see log ${i % 9973} for the call`,
    OUTCOMES[i % OUTCOMES.length]!, `PC ${1000 + (i % 800)}`, 'Rowan Pellow; Kyle Danner',
  ];
}
const DAY0 = Date.UTC(2014, 0, 1);
export const AGENCY_HEADER = ['Incident ref', 'Date', 'Time', 'Incident type', 'Details', 'Outcome', 'Officer', 'Persons involved'];

/** ~190 bytes a row; cells holding a comma or a semicolon are quoted. */
export function writeAgencyCsv(file: string, rows: number): number {
  const fd = fs.openSync(file, 'w');
  const line = (cells: string[]): string => `${cells.map((c) => (/[,;"]/.test(c) ? `"${c}"` : c)).join(',')}\n`;
  try {
    fs.writeSync(fd, line(AGENCY_HEADER));
    let chunk = '';
    for (let i = 0; i < rows; i++) {
      chunk += line(agencyRow(i));
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = '';
      }
    }
    fs.writeSync(fd, chunk);
  } finally {
    fs.closeSync(fd);
  }
  return fs.statSync(file).size;
}

function importWithEngine(csv: string, dir: string, name: string, mode: 'pipelined' | 'thread' = 'pipelined'): { rows: number; problems: number; ms: number; peakRssMb: number } {
  const args = [path.join(import.meta.dirname, 'import-child.ts'), csv, path.join(dir, `${name}.jigsaw`), ...(mode === 'thread' ? ['thread'] : [])];
  const out = execFileSync(process.execPath, ['--import', 'tsx', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as { rows: number; problems: number; ms: number; peakRssMb: number };
}

function storageFloor(rows: number, dir: string): number {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'storage-floor-child.ts'), String(rows), path.join(dir, 'floor.jigsaw')], {
    encoding: 'utf8',
  });
  return (JSON.parse(out.trim().split('\n').pop()!) as { ms: number }).ms;
}

function bareSqliteImport(csv: string, dir: string): number | null {
  if (!fs.existsSync(SQLITE3)) return null;
  const started = performance.now();
  const r = spawnSync(SQLITE3, [path.join(dir, 'bare.db')], { input: `.mode csv\n.import ${csv} extract\n`, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sqlite3 .import failed: ${r.stderr}`);
  return performance.now() - started;
}

export default async function bench(): Promise<BenchRow[]> {
  const rows = Number(process.env.JIGSAW_BENCH_ROWS ?? 1_000_000);
  const quarter = Math.round(rows / 4);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-import-'));
  try {
    const big = path.join(dir, 'police.csv');
    const small = path.join(dir, 'police-quarter.csv');
    const bytes = writeAgencyCsv(big, rows);
    writeAgencyCsv(small, quarter);
    const size = `${rows.toLocaleString('en-GB')} rows, ${Math.round(bytes / 2 ** 20)} MB`;
    const bare = bareSqliteImport(big, dir);
    const full = importWithEngine(big, dir, 'full');
    const part = importWithEngine(small, dir, 'quarter');
    const oneThread = importWithEngine(big, dir, 'one-thread', 'thread');
    const floor = storageFloor(rows, dir);
    if (full.rows !== rows || full.problems !== 0) throw new Error(`expected ${rows} clean rows, got ${full.rows} imported and ${full.problems} problems`);
    const result: BenchRow[] = [
      {
        benchmark: 'import CSV', size, measure: 'time', value: full.ms / 1000, unit: ' s',
        ...(bare === null
          ? { note: `${SQLITE3} missing: install it with "sudo apt-get install sqlite3" for the baseline` }
          : { baseline: 'sqlite3 .import', baselineValue: bare / 1000, ratio: full.ms / bare }),
        target: 'within 3x',
      },
      {
        benchmark: 'import CSV', size, measure: 'time vs storage floor', value: full.ms / 1000, unit: ' s',
        baseline: 'the same rows written straight into a case', baselineValue: floor / 1000, ratio: full.ms / floor,
        note: bare === null ? 'no file read, parsing or checks: raw rows, entries, indexes and search only' : `the storage floor alone is ${(floor / bare).toFixed(2)}x the bare .import`,
      },
      {
        benchmark: 'import CSV', size, measure: 'time, pipelined', value: full.ms / 1000, unit: ' s',
        baseline: 'reading and storing on one thread', baselineValue: oneThread.ms / 1000, ratio: full.ms / oneThread.ms,
        note: 'rows read and dated on a worker thread while the import stores them',
      },
      { benchmark: 'import CSV', size, measure: 'rows/s', value: Math.round(rows / (full.ms / 1000)), note: bare === null ? undefined : `bare .import: ${Math.round(rows / (bare / 1000))} rows/s` },
      {
        benchmark: 'import CSV', size, measure: 'peak RSS', value: Math.round(full.peakRssMb), unit: ' MB',
        baseline: `peak RSS at ${quarter.toLocaleString('en-GB')} rows`, baselineValue: Math.round(part.peakRssMb), ratio: full.peakRssMb / part.peakRssMb,
        target: 'flat (about 1x)',
      },
    ];
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
