// What encryption at rest costs: the same work on an unencrypted case (the baseline) and on a
// SQLCipher-encrypted one, in the same run. Import throughput (the real importer on a generated
// CSV), bulk insert, queries on a cold connection (every page read is decrypted), a full scan,
// and the time to open a case (PBKDF2 key derivation).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseFile } from '../electron/engine/case-file.js';
import { openCaseDb } from '../electron/engine/db/open-case-db.js';
import { importExtract } from '../electron/engine/import/import-extract.js';
import type { BenchRow } from './types.js';

const PASS = 'benchmark passphrase';
const ROWS = Number(process.env.JIGSAW_BENCH_ENCRYPTION_ROWS ?? 200_000);
const QUERIES = 300;
const OPENS = 5;

function writeCsv(file: string, rows: number): void {
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, 'Date,Time,Contact type,Notes,Worker\n');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const d = new Date(Date.UTC(2010, 0, 1) + (i % 4000) * 86_400_000);
    const date = `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
    buf += `${date},${String(i % 24).padStart(2, '0')}:15,Home visit,"Visit ${i}: seen at home, concerns about weight loss and rent arrears noted; follow-up booked",PC ${i % 97}\n`;
    if (buf.length > 1 << 20) {
      fs.writeSync(out, buf);
      buf = '';
    }
  }
  fs.writeSync(out, buf);
  fs.closeSync(out);
}

const seconds = (t0: number): number => (performance.now() - t0) / 1000;

interface Measures {
  importRowsPerSec: number;
  insertRowsPerSec: number;
  queriesPerSec: number;
  scanSec: number;
  openMs: number;
  bytes: number;
}

async function measure(dir: string, csv: string, passphrase: string | undefined): Promise<Measures> {
  const file = path.join(dir, passphrase ? 'encrypted.jigsaw' : 'plain.jigsaw');
  const c = CaseFile.open(file, { create: true, passphrase });
  let t0 = performance.now();
  await importExtract(c, csv, { agency: 'Housing' });
  const importRowsPerSec = ROWS / seconds(t0);

  c.db.exec('CREATE TABLE bench_insert(id INTEGER PRIMARY KEY, at TEXT, body TEXT)');
  const ins = c.db.prepare('INSERT INTO bench_insert(at, body) VALUES (?, ?)');
  t0 = performance.now();
  c.db.transaction(() => {
    for (let i = 0; i < ROWS; i++) ins.run(`2020-01-${String((i % 28) + 1).padStart(2, '0')}`, `row ${i} with about a hundred bytes of text in it to look like a short contact note ....`);
  })();
  const insertRowsPerSec = ROWS / seconds(t0);
  c.db.exec('DROP TABLE bench_insert');
  c.db.pragma('wal_checkpoint(TRUNCATE)');
  c.close();

  // Cold connection: its page cache is empty, so each page a query touches is read (and decrypted).
  const q = CaseFile.open(file, { passphrase });
  t0 = performance.now();
  for (let i = 0; i < QUERIES; i++) {
    const from = new Date(Date.UTC(2010, 0, 1) + ((i * 37) % 3900) * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(from) + 60 * 86_400_000).toISOString().slice(0, 10);
    q.listEntries({ from, to, limit: 400 });
  }
  const queriesPerSec = QUERIES / seconds(t0);
  q.close();

  const s = openCaseDb(file, { passphrase, readonly: true });
  t0 = performance.now();
  s.prepare(`SELECT count(*) FROM entries WHERE text LIKE '%arrears%'`).get();
  const scanSec = seconds(t0);
  s.close();

  t0 = performance.now();
  for (let i = 0; i < OPENS; i++) openCaseDb(file, { passphrase, readonly: true }).close();
  const openMs = (performance.now() - t0) / OPENS;
  return { importRowsPerSec, insertRowsPerSec, queriesPerSec, scanSec, openMs, bytes: fs.statSync(file).size };
}

export default async function encryptionBench(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-enc-'));
  try {
    const csv = path.join(dir, 'extract.csv');
    writeCsv(csv, ROWS);
    const plain = await measure(dir, csv, undefined);
    const enc = await measure(dir, csv, PASS);
    const size = `${ROWS.toLocaleString('en-GB')} rows`;
    const row = (measure: string, value: number, base: number, unit: string, higherIsBetter: boolean, note?: string): BenchRow => ({
      benchmark: 'encryption',
      size,
      measure,
      value,
      unit,
      baseline: 'unencrypted case',
      baselineValue: base,
      // Ratio as a cost: > 1 means the encrypted case is slower or bigger.
      ratio: higherIsBetter ? base / value : value / base,
      note,
    });
    return [
      row('import (rows/s)', enc.importRowsPerSec, plain.importRowsPerSec, '/s', true, 'real importer, one transaction'),
      row('bulk insert (rows/s)', enc.insertRowsPerSec, plain.insertRowsPerSec, '/s', true, 'prepared insert, one transaction'),
      row('window queries (q/s)', enc.queriesPerSec, plain.queriesPerSec, '/s', true, `${QUERIES} 60-day windows, cold connection`),
      row('full text scan', enc.scanSec, plain.scanSec, ' s', false, 'LIKE over every entry, cold'),
      row('open case', enc.openMs, plain.openMs, ' ms', false, 'PBKDF2-SHA512, 256,000 rounds'),
      row('file size', enc.bytes / 1e6, plain.bytes / 1e6, ' MB', false),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
