// Generates a fictional case of N entries straight into a case file with SQL (no CSV, no importer):
// eight agencies over ten years, a few approximate dates, varied text for search. A million entries
// take seconds: the search index's triggers are dropped for the load and the index rebuilt once.
import { CaseFile } from '../electron/engine/case-file.js';
import { DROP_ENTRIES_FTS_TRIGGERS, ENTRIES_FTS_TRIGGERS } from '../electron/engine/db/migrations/0007-timeline.js';

const AGENCIES = ['Police', 'GP', 'Hospital ED', 'Adult Social Care', 'Housing', 'Ambulance', 'Mental Health', 'Probation'];
const FIRST_DAY = '2014-01-01';
const DAYS = 3650;

export function generateTimelineCase(file: string, entries: number): CaseFile {
  const c = CaseFile.open(file, { create: true });
  const db = c.db;
  const now = new Date().toISOString();
  c.setMeta('title', `Generated case (${entries.toLocaleString('en-GB')} entries)`);
  db.exec('BEGIN');
  try {
    db.exec(DROP_ENTRIES_FTS_TRIGGERS);
    AGENCIES.forEach((name, i) => {
      const agency = c.ensureAgency(name);
      db.prepare(
        `INSERT INTO extracts(id, agency_id, file_name, sha256, format, imported_at, version, header_row, headers_json, mapping_json, row_count, imported_count, rejected_count, duplicate_count)
         VALUES (?, ?, ?, ?, 'csv', ?, 1, 1, '["Date","Notes"]', '{"date":0,"text":1}', 0, 0, 0, 0)`,
      ).run(i + 1, agency, `generated-${i + 1}.csv`, String(i + 1).padStart(64, '0'), now);
    });
    const n = AGENCIES.length;
    db.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?)
       INSERT INTO raw_rows(id, extract_id, row_number, cells_json) SELECT i, (i % ${n}) + 1, i + 1, '["generated","row"]' FROM seq`,
    ).run(entries);
    // A multiplicative hash spreads entries over the ten years; every 97th is an approximate month.
    db.prepare(
      `WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < ?),
       dated AS (SELECT i, date('${FIRST_DAY}', '+' || ((i * 2654435761) % ${DAYS}) || ' days') AS d FROM seq)
       INSERT INTO entries(id, extract_id, raw_row_id, agency_id, date, date_to, precision, original_date, time, contact_type, text, outcome, practitioner)
       SELECT i, (i % ${n}) + 1, i, (i % ${n}) + 1,
         CASE WHEN i % 97 = 0 THEN substr(d, 1, 8) || '01' ELSE d END,
         CASE WHEN i % 97 = 0 THEN date(substr(d, 1, 8) || '01', '+1 month', '-1 day') ELSE d END,
         CASE WHEN i % 97 = 0 THEN 'month' ELSE 'day' END,
         d, printf('%02d:%02d', (i * 7) % 24, (i * 13) % 60),
         CASE i % 6 WHEN 0 THEN '999 call' WHEN 1 THEN 'Home visit' WHEN 2 THEN 'ED attendance' WHEN 3 THEN 'Referral in' WHEN 4 THEN 'Did not attend' ELSE 'Telephone contact' END,
         'Generated entry ' || i || ': ' || CASE i % 7
           WHEN 0 THEN 'neighbour reports shouting in the stairwell, officers attended and found no one at home'
           WHEN 1 THEN 'weight loss noted, appears unkempt, says money goes on friends who visit the flat'
           WHEN 2 THEN 'facial bruising, says he fell; accompanied by a man who would not give his name'
           WHEN 3 THEN 'rent arrears rising, tenant not at home for the planned visit'
           WHEN 4 THEN 'annual medication review completed, repeat prescriptions issued'
           WHEN 5 THEN 'caller says people at the flat have taken a bank card; call ended'
           ELSE 'routine contact, no concerns raised' END,
         CASE i % 3 WHEN 0 THEN 'No further action' WHEN 1 THEN 'Referred on' ELSE NULL END,
         'Worker ' || (i % 40)
       FROM dated`,
    ).run(entries);
    db.exec("INSERT INTO entries_fts(entries_fts) VALUES ('rebuild')");
    db.exec(ENTRIES_FTS_TRIGGERS);
    db.exec('COMMIT');
  } catch (err) {
    db.exec('ROLLBACK');
    throw err;
  }
  db.exec('ANALYZE');
  return c;
}
