// What a corrected upload changes against the agency's previous version. Rows are the same when
// their content is the same (the stored content hash); a row gone from one version and a new row in
// the other are the same row, changed, when they share a reference (or, lacking a reference column,
// the same date, time and type) and nothing else does. Worked out in SQL, so memory stays flat.
import type { ColumnMapping } from '../../../shared/types.js';
import type { ImportDiff, RowRef } from '../../../shared/import.js';
import type { Db } from '../db/open-case-db.js';

const LIST_LIMIT = 200;

interface ExtractInfo {
  id: number;
  version: number;
  file: string;
  headers: string[];
  mapping: ColumnMapping;
}

function extractInfo(db: Db, id: number): ExtractInfo {
  const r = db.prepare('SELECT id, version, file_name, headers_json, mapping_json FROM extracts WHERE id = ?').get(id) as {
    id: number; version: number; file_name: string; headers_json: string; mapping_json: string;
  };
  return { id: r.id, version: r.version, file: r.file_name, headers: JSON.parse(r.headers_json) as string[], mapping: JSON.parse(r.mapping_json) as ColumnMapping };
}

/** SQL for a row's pairing key: its reference cell, or its date, time and type cells. */
function keyExpr(m: ColumnMapping, byReference: boolean): string {
  const cell = (i: number | undefined): string => (i === undefined ? `''` : `trim(coalesce(json_extract(cells_json, '$[${i}]'), ''))`);
  return byReference ? cell(m.reference) : `${cell(m.date)} || char(31) || ${cell(m.time)} || char(31) || ${cell(m.contactType)}`;
}

export function diffExtracts(db: Db, previousId: number, currentId: number): ImportDiff {
  const prev = extractInfo(db, previousId);
  const cur = extractInfo(db, currentId);
  const byReference = prev.mapping.reference !== undefined && cur.mapping.reference !== undefined;
  const only = (a: ExtractInfo, b: ExtractInfo, table: string): void => {
    db.exec(`DROP TABLE IF EXISTS temp.${table}`);
    db.prepare(
      `CREATE TEMP TABLE ${table} AS SELECT id, row_number, line, cells_json, ${keyExpr(a.mapping, byReference)} AS k FROM raw_rows r
       WHERE r.extract_id = ? AND r.content_hash IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM raw_rows o WHERE o.extract_id = ? AND o.content_hash = r.content_hash)`,
    ).run(a.id, b.id);
    db.exec(`CREATE INDEX temp.${table}_k ON ${table}(k)`);
  };
  try {
    only(cur, prev, 'diff_new');
    only(prev, cur, 'diff_old');
    const count = (sql: string, ...p: number[]): number => (db.prepare(sql).get(...p) as { n: number }).n;
    const added = count('SELECT count(*) AS n FROM temp.diff_new');
    const removed = count('SELECT count(*) AS n FROM temp.diff_old');
    const total = count('SELECT count(*) AS n FROM raw_rows WHERE extract_id = ? AND content_hash IS NOT NULL', cur.id);
    // A pair: one key, held by exactly one new row and exactly one old row.
    const pairsSql = `FROM temp.diff_new a JOIN temp.diff_old b ON a.k = b.k
      WHERE a.k <> '' AND a.k <> char(31) || char(31)
        AND (SELECT count(*) FROM temp.diff_new x WHERE x.k = a.k) = 1
        AND (SELECT count(*) FROM temp.diff_old y WHERE y.k = a.k) = 1`;
    const changed = count(`SELECT count(*) AS n ${pairsSql}`);
    const pairs = db
      .prepare(
        `SELECT a.row_number AS row, a.line, a.cells_json AS cur, b.row_number AS previousRow, b.line AS previousLine, b.cells_json AS prev ${pairsSql}
         ORDER BY a.row_number LIMIT ?`,
      )
      .all(LIST_LIMIT) as { row: number; line: number | null; cur: string; previousRow: number; previousLine: number | null; prev: string }[];
    const rows = (sql: string): RowRef[] =>
      (db.prepare(sql).all(LIST_LIMIT) as { row_number: number; line: number | null }[]).map((r) => (r.line === null ? { row: r.row_number } : { row: r.row_number, line: r.line }));
    const unpaired = (self: string, other: string): string =>
      `SELECT row_number, line FROM temp.${self} s WHERE NOT EXISTS (
         SELECT 1 FROM temp.${other} o WHERE o.k = s.k AND s.k <> '' AND s.k <> char(31) || char(31)
           AND (SELECT count(*) FROM temp.${self} x WHERE x.k = s.k) = 1 AND (SELECT count(*) FROM temp.${other} y WHERE y.k = s.k) = 1)
       ORDER BY row_number LIMIT ?`;
    return {
      previousVersion: prev.version,
      previousFile: prev.file,
      added: added - changed,
      removed: removed - changed,
      changed,
      unchanged: total - added,
      matchedBy: byReference ? 'reference' : 'date, time and type',
      addedRows: rows(unpaired('diff_new', 'diff_old')),
      removedRows: rows(unpaired('diff_old', 'diff_new')),
      changedRows: pairs.map((p) => ({
        row: p.row, ...(p.line !== null && { line: p.line }), previousRow: p.previousRow, ...(p.previousLine !== null && { previousLine: p.previousLine }),
        columns: changedColumns(prev.headers, JSON.parse(p.prev) as string[], cur.headers, JSON.parse(p.cur) as string[]),
      })),
      listLimit: LIST_LIMIT,
    };
  } finally {
    db.exec('DROP TABLE IF EXISTS temp.diff_new; DROP TABLE IF EXISTS temp.diff_old');
  }
}

/** Headings whose value differs, matching columns by heading (a column may have moved). */
function changedColumns(prevHeaders: string[], prevCells: string[], curHeaders: string[], curCells: string[]): string[] {
  const norm = (h: string): string => h.trim().toLowerCase();
  const prevBy = new Map(prevHeaders.map((h, i) => [norm(h), (prevCells[i] ?? '').trim()]));
  const out: string[] = [];
  curHeaders.forEach((h, i) => {
    const before = prevBy.get(norm(h));
    if ((before ?? '') !== (curCells[i] ?? '').trim()) out.push(h || `Column ${i + 1}`);
  });
  return out;
}
