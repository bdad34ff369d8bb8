// The storage floor of an import: the generated police extract's rows written straight into a new
// case with the import's own statements (raw row with its content hash, entry, search index, one
// transaction, the same pragmas), with no file read, no parsing, no checks and no dating. What no importer that keeps
// every raw row and indexes it can beat; `node --import tsx bench/storage-floor-child.ts <rows>
// <case.jigsaw>` prints {ms}.
import { CaseFile } from '../electron/engine/case-file.js';
import { DROP_ENTRIES_FTS_TRIGGERS, ENTRIES_FTS_TRIGGERS } from '../electron/engine/db/migrations/0007-timeline.js';
import { IMPORT_CACHE_KIB, INDEX_EXTRACT_FOR_SEARCH, INSERT_ENTRY, INSERT_RAW_ROW } from '../electron/engine/import/import-extract.js';
import { contentKey, hash53 } from '../electron/engine/import/row-hash.js';
import { agencyRow } from './import.bench.js';

const [rowsArg, casePath] = process.argv.slice(2);
const rows = Number(rowsArg);
const c = CaseFile.open(casePath!, { create: true });
const db = c.db;
const started = performance.now();
db.pragma('foreign_keys = OFF');
db.pragma(`cache_size = ${-IMPORT_CACHE_KIB}`);
db.exec('BEGIN IMMEDIATE');
db.exec(DROP_ENTRIES_FTS_TRIGGERS);
const agencyId = c.ensureAgency('Police');
const extractId = Number(
  db.prepare(`INSERT INTO extracts(agency_id, file_name, sha256, format, imported_at, version, header_row, headers_json, mapping_json,
      row_count, imported_count, rejected_count, duplicate_count) VALUES (?, 'police.csv', '', 'csv', '', 1, 1, '[]', '{}', 0, 0, 0, 0)`).run(agencyId).lastInsertRowid,
);
const insertRaw = db.prepare(INSERT_RAW_ROW);
const insertEntry = db.prepare(INSERT_ENTRY);
for (let i = 0; i < rows; i++) {
  const cells = agencyRow(i);
  const rawId = insertRaw.run(extractId, i + 2, JSON.stringify(cells), hash53(contentKey(cells)), null).lastInsertRowid;
  const [ref, date, time, type, text, outcome, officer, persons] = cells as [string, string, string, string, string, string, string, string];
  const iso = `${date.slice(6)}-${date.slice(3, 5)}-${date.slice(0, 2)}`;
  insertEntry.run(extractId, rawId, agencyId, iso, iso, 'day', date, time, null, type, text, outcome, null, officer, persons, null, null, null, ref, '');
}
db.prepare(INDEX_EXTRACT_FOR_SEARCH).run(extractId);
db.exec(ENTRIES_FTS_TRIGGERS);
db.exec('COMMIT');
const ms = performance.now() - started;
c.close();
process.stdout.write(`${JSON.stringify({ ms })}\n`);
