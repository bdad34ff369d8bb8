// Missed signals at scale: classification of every entry with the default lexicon plus cluster
// detection (and storing the clusters), from scratch, over N generated entries (default 1,000,000;
// JIGSAW_BENCH_SIGNALS=50000 while developing), beside one full ordered scan of the entries table
// in the same run. Entries are written straight into a temp case with SQL, not imported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseFile } from '../electron/engine/case-file.js';
import { DROP_ENTRIES_FTS_TRIGGERS, ENTRIES_FTS_TRIGGERS } from '../electron/engine/db/migrations/0007-timeline.js';
import { classifyPending, findAll } from '../electron/engine/signals/refresh.js';
import { readLexicon, refreshSignals } from '../electron/engine/signals/index.js';
import type { BenchRow } from './types.js';

const AGENCIES = ['Police', 'GP', 'Hospital ED', 'Adult Social Care', 'Housing', 'Ambulance', 'Mental Health', 'Probation'];
const PERSONS = 2000;
// Each entry joins two of these (so roughly half carry a concern), a reference and two words from a
// 20,000-word made-up vocabulary, so the classifier cannot lean on a tiny vocabulary.
const TEXTS = [
  'Annual medication review completed, repeat prescriptions issued.',
  'Rent statement sent to tenant.',
  'Planned review of care package, no concerns raised.',
  'Attended as planned, follow-up booked in six months.',
  'Routine visit, tenant well, no issues.',
  'Gas safety check completed.',
  'Flu vaccination given at clinic.',
  'Annual review: no bruising seen, denies concerns.',
  'Weight loss noted, appears unkempt; says money goes on friends who visit.',
  'Facial bruising, says he fell; accompanied by a man who would not give his name.',
  'Caller says people at the flat have taken her bank card. No answer at door.',
  'Did not attend appointment. Letter sent.',
  'Men going in and out of the flat at night, neighbour worried about her.',
  'Intoxicated, laceration to hand, left before treatment.',
  'Safeguarding referral made to adult social care; information shared with GP.',
  'Telephone call to arrange a time to visit.',
  'Letter received from solicitor about the tenancy.',
  'Change of address recorded on the system.',
  'Spoke to family member about transport to appointments.',
  'Message left with reception.',
];

function generate(file: string, n: number): CaseFile {
  const c = CaseFile.open(file, { create: true });
  const db = c.db;
  const now = new Date().toISOString();
  db.exec('BEGIN');
  db.exec(DROP_ENTRIES_FTS_TRIGGERS); // the search index is not under test here
  AGENCIES.forEach((name, i) => {
    c.ensureAgency(name);
    db.prepare(
      `INSERT INTO extracts(id, agency_id, file_name, sha256, format, imported_at, version, header_row, headers_json, mapping_json, row_count, imported_count, rejected_count, duplicate_count)
       VALUES (?, ?, ?, ?, 'csv', ?, 1, 1, '[]', '{}', 0, 0, 0, 0)`,
    ).run(i + 1, i + 1, `generated-${i + 1}.csv`, String(i + 1).padStart(64, '0'), now);
  });
  db.exec(`CREATE TEMP TABLE t(k INTEGER PRIMARY KEY, text TEXT)`);
  const insText = db.prepare('INSERT INTO t VALUES (?, ?)');
  TEXTS.forEach((t, k) => insText.run(k, t));
  db.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
     INSERT INTO raw_rows(id, extract_id, row_number, cells_json) SELECT i, (i % 8) + 1, i + 1, '[]' FROM seq`,
  ).run(n);
  db.prepare(
    `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
     INSERT INTO entries(id, extract_id, raw_row_id, agency_id, date, date_to, precision, original_date, contact_type, text, outcome)
     SELECT i, (i % 8) + 1, i, (i % 8) + 1, date('2014-01-01', '+' || ((i * 2654435761) % 3650) || ' days') AS d,
       date('2014-01-01', '+' || ((i * 2654435761) % 3650) || ' days'), 'day', 'generated', 'Contact',
       (SELECT text FROM t WHERE k = (i * 40503) % ${TEXTS.length}) || ' ' || (SELECT text FROM t WHERE k = (i * 7919) % ${TEXTS.length})
         || ' Ref ' || i || ' kx' || ((i * 7919) % 20000) || ' qz' || ((i * 104729) % 20000), CASE i % 5 WHEN 0 THEN 'NFA' ELSE NULL END
     FROM seq`,
  ).run(n);
  for (let p = 1; p <= PERSONS; p++) db.prepare(`INSERT INTO persons(id, display_name, role) VALUES (?, ?, ?)`).run(p, `Person ${p}`, p === 1 ? 'subject' : 'unknown');
  // One person per entry (a tenth for the subject); every 50th entry is linked to nobody.
  db.prepare(
    `INSERT INTO entry_persons(entry_id, person_id, mention, origin)
     SELECT id, CASE WHEN id % 10 = 0 THEN 1 ELSE 2 + (id * 7919) % ${PERSONS - 1} END, 'generated', 'column' FROM entries WHERE id % 50 <> 0`,
  ).run();
  db.exec(ENTRIES_FTS_TRIGGERS);
  db.exec('COMMIT');
  return c;
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const t = performance.now();
  const value = fn();
  return { ms: performance.now() - t, value };
}

export default async function bench(): Promise<BenchRow[]> {
  const n = Number(process.env.JIGSAW_BENCH_SIGNALS ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigsaw-bench-signals-'));
  try {
    const c = generate(path.join(dir, 'bench.jigsaw'), n);
    readLexicon(c); // seed the lexicon outside the timing
    const scan = time(() => {
      let rows = 0;
      for (const _ of c.db.prepare(`SELECT * FROM entries WHERE active = 1 ORDER BY date, coalesce(time, ''), coalesce(sequence, 0), id`).iterate()) rows++;
      return rows;
    });
    const classify = time(() => classifyPending(c));
    const detect = time(() => findAll(c, readLexicon(c)));
    // The whole recomputation as the app runs it: classification, detection and storing clusters.
    c.setMeta('signals_classified', null);
    const full = time(() => refreshSignals(c, { force: true }));
    const clusters = full.value.clusters;
    c.close();
    const size = `${n.toLocaleString('en-GB')} entries, ${PERSONS.toLocaleString('en-GB')} people`;
    const baseline = 'full ordered scan of entries';
    const row = (measure: string, ms: number, extra: Partial<BenchRow> = {}): BenchRow => ({
      benchmark: 'signals', size, measure, value: ms / 1000, unit: ' s', baseline, baselineValue: scan.ms / 1000, ratio: ms / scan.ms, ...extra,
    });
    return [
      row('classify', classify.ms),
      row('detect clusters', detect.ms, { note: `${detect.value.length.toLocaleString('en-GB')} clusters` }),
      row('classify + detect + store', full.ms, { target: 'within 5x', note: `${clusters.toLocaleString('en-GB')} clusters stored; scan ${scan.value.toLocaleString('en-GB')} rows` }),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
