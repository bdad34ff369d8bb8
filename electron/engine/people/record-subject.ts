// The extract's own subject. A case-record system exports one person's file: a person-ID (or date
// of birth, or NHS number) column with one value down every row, or a file name naming the person,
// or one person named in most rows. Its rows that name nobody ("the client", "SU", a first name
// no one else has) are about that person; they are attributed with origin 'record', which the
// person page shows as weaker than a name written in the row.
import type { Db } from '../db/open-case-db.js';
import { isPersonIdentifierHeading } from '../import/columns.js';
import type { ColumnMapping } from '../../../shared/types.js';
import { LINKAGE } from './linkage-config.js';

export interface RecordPerson {
  id: number;
  professional: boolean;
  surnames: string[];
}

export interface RecordAttribution {
  entryId: number;
  personId: number;
}

/** Mention text stored for an attribution that comes from the record, not from the row's words. */
export const RECORD_MENTION = '(not named in the row: the extract is their record)';

export function recordSubjects(db: Db, people: RecordPerson[], present: Map<number, Set<number>>, subjectAnchor: number | null): RecordAttribution[] {
  const byId = new Map(people.map((p) => [p.id, p]));
  const extracts = db
    .prepare(
      `SELECT x.id, x.file_name, x.headers_json, x.mapping_json FROM extracts x
       WHERE x.superseded_by IS NULL AND EXISTS (SELECT 1 FROM entries e WHERE e.extract_id = x.id AND e.active = 1)`,
    )
    .all() as { id: number; file_name: string; headers_json: string; mapping_json: string }[];
  const entriesOf = db.prepare('SELECT id FROM entries WHERE extract_id = ? AND active = 1 ORDER BY id').pluck();
  const out: RecordAttribution[] = [];
  for (const x of extracts) {
    const entries = entriesOf.all(x.id) as number[];
    const counts = new Map<number, number>();
    for (const e of entries) for (const p of present.get(e) ?? []) if (!byId.get(p)?.professional) counts.set(p, (counts.get(p) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    const oneFile = onePersonColumn(db, x.id, JSON.parse(x.headers_json) as string[], JSON.parse(x.mapping_json) as ColumnMapping, entries.length);
    const named = namedInFileName(x.file_name, people);
    let subject: number | null = null;
    let everyRow = false;
    if (oneFile || named !== null) {
      // The whole file is one person's: its most named person, else the one its name gives, else the review's subject.
      subject = top && (!second || top[1] > second[1]) ? top[0] : (named ?? (oneFile ? subjectAnchor : null));
      everyRow = true;
    } else if (top && top[1] >= LINKAGE.recordSubjectShare * entries.length && (!second || top[1] >= LINKAGE.recordSubjectLead * second[1])) {
      subject = top[0];
    }
    if (subject === null) continue;
    for (const e of entries) {
      const here = present.get(e);
      const namesSomeone = here !== undefined && [...here].some((p) => !byId.get(p)?.professional);
      if (here?.has(subject) || (!everyRow && namesSomeone)) continue;
      out.push({ entryId: e, personId: subject });
    }
  }
  return out;
}

/** A person-identifier, date-of-birth or NHS-number column holding one value on (nearly) every row. */
function onePersonColumn(db: Db, extractId: number, headers: string[], mapping: ColumnMapping, rows: number): boolean {
  if (rows < LINKAGE.recordMinRows) return false;
  const columns = new Set<number>();
  headers.forEach((h, i) => {
    if (isPersonIdentifierHeading(h)) columns.add(i);
  });
  if (mapping.dob !== undefined) columns.add(mapping.dob);
  if (mapping.nhsNumber !== undefined) columns.add(mapping.nhsNumber);
  for (const i of columns) {
    const cell = `trim(coalesce(json_extract(r.cells_json, '$[${i}]'), ''))`;
    const r = db
      .prepare(`SELECT count(DISTINCT ${cell}) AS distinct_values, count(*) AS filled FROM entries e JOIN raw_rows r ON r.id = e.raw_row_id WHERE e.extract_id = ? AND e.active = 1 AND ${cell} <> ''`)
      .get(extractId) as { distinct_values: number; filled: number };
    if (r.distinct_values === 1 && r.filled >= Math.max(LINKAGE.recordMinRows, 0.8 * rows)) return true;
  }
  return false;
}

/** "ASC_case_record_KETTERING.xlsx": the one non-professional person whose surname the file name holds. */
function namedInFileName(fileName: string, people: RecordPerson[]): number | null {
  const words = new Set(fileName.toLowerCase().replace(/\.[a-z0-9]+$/, '').split(/[^\p{L}]+/u).filter((w) => w.length >= 4));
  const hits = people.filter((p) => !p.professional && p.surnames.some((s) => words.has(s)));
  return hits.length === 1 ? hits[0]!.id : null;
}
