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
  givens: string[];
}

export interface RecordAttribution {
  entryId: number;
  personId: number;
  /** Why, when not RECORD_MENTION. */
  mention?: string;
}

/** Mention text stored for an attribution that comes from the record, not from the row's words. */
export const RECORD_MENTION = '(not named in the row: the extract is their record)';
/** ... for the person a relationship word in the row is relative to ("Father offered a course" in the child's file). */
export const KIN_MENTION = '(not named in the row: it names their relative)';
/** ... for a row that names nobody, held to be about the review's subject. */
export const UNNAMED_MENTION = '(the row names nobody: taken to be about the review\'s subject)';

export interface RecordSubjects {
  attributions: RecordAttribution[];
  /** Extract id -> the person whose record it is, where one is. */
  ownerOf: Map<number, number>;
}

export function recordSubjects(db: Db, people: RecordPerson[], present: Map<number, Set<number>>, subjectAnchor: number | null): RecordSubjects {
  const byId = new Map(people.map((p) => [p.id, p]));
  const extracts = db
    .prepare(
      `SELECT x.id, x.file_name, x.header_row, x.headers_json, x.mapping_json, coalesce(x.title, '') AS title FROM extracts x
       WHERE x.superseded_by IS NULL AND EXISTS (SELECT 1 FROM entries e WHERE e.extract_id = x.id AND e.active = 1)`,
    )
    .all() as { id: number; file_name: string; header_row: number; headers_json: string; mapping_json: string; title: string }[];
  const titleRows = db.prepare('SELECT cells_json FROM raw_rows WHERE extract_id = ? AND row_number < ? ORDER BY row_number LIMIT 20').pluck();
  const entriesOf = db.prepare('SELECT id FROM entries WHERE extract_id = ? AND active = 1 ORDER BY id').pluck();
  const out: RecordAttribution[] = [];
  const ownerOf = new Map<number, number>();
  for (const x of extracts) {
    const entries = entriesOf.all(x.id) as number[];
    const counts = new Map<number, number>();
    for (const e of entries) for (const p of present.get(e) ?? []) if (!byId.get(p)?.professional) counts.set(p, (counts.get(p) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [top, second] = ranked;
    const oneFile = onePersonColumn(db, x.id, JSON.parse(x.headers_json) as string[], JSON.parse(x.mapping_json) as ColumnMapping, entries.length);
    const titled = namedIn(`${x.title} ${(titleRows.all(x.id, x.header_row) as string[]).map((c) => (JSON.parse(c) as string[]).join(' ')).join(' ')}`, people);
    const named = titled ?? namedInFileName(x.file_name, people);
    let subject: number | null = null;
    let everyRow = false;
    if (named !== null) {
      // The title above the table or the file's name says whose record it is.
      subject = named;
      everyRow = true;
    } else if (oneFile) {
      // One person's file that does not say whose: its most named person if named often, else the review's subject.
      const often = top && (!second || top[1] > second[1]) && top[1] >= LINKAGE.recordOwnerShare * entries.length;
      subject = often ? top[0] : subjectAnchor;
      everyRow = true;
    } else if (top && (!second || top[1] >= LINKAGE.recordSubjectLead * second[1])) {
      // Most rows name one person: the rows that name nobody are theirs too. Without a person
      // column (a log kept about one tenant), "most" counts only the rows that name anyone.
      const mapping = JSON.parse(x.mapping_json) as ColumnMapping;
      const naming = entries.filter((e) => [...(present.get(e) ?? [])].some((p) => !byId.get(p)?.professional)).length;
      const base = mapping.person === undefined ? naming : entries.length;
      if (top[1] >= LINKAGE.recordSubjectShare * base) subject = top[0];
    }
    if (subject === null) continue;
    ownerOf.set(x.id, subject);
    for (const e of entries) {
      const here = present.get(e);
      const namesSomeone = here !== undefined && [...here].some((p) => !byId.get(p)?.professional);
      if (here?.has(subject) || (!everyRow && namesSomeone)) continue;
      out.push({ entryId: e, personId: subject });
    }
  }
  return { attributions: out, ownerOf };
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

/** "Client: Leonard ASHDOWN  DOB ...": the one non-professional person a title row names in full (else by surname alone). */
function namedIn(text: string, people: RecordPerson[]): number | null {
  if (!text.trim()) return null;
  const words = new Set(text.toLowerCase().split(/[^\p{L}'-]+/u).filter(Boolean));
  const bySurname = people.filter((p) => !p.professional && p.surnames.some((s) => s.length >= 3 && words.has(s)));
  const full = bySurname.filter((p) => p.givens.some((g) => words.has(g)));
  if (full.length) return full.length === 1 ? full[0]!.id : null;
  // Only a surname matches: not when the title gives that surname another first name
  // ("Woman: Kayleigh MARSH" is not the record of the only Marsh known so far, her daughter).
  const pick = bySurname.filter((p) => !otherGivenBefore(text, p));
  return pick.length === 1 ? pick[0]!.id : null;
}

const TITLE_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'master', 'name', 'client', 'woman', 'man', 'child', 'patient', 'subject', 'tenant', 'of', 'for', 're', 'the']);

/** The title writes a first name before this person's surname that is not one of theirs. */
function otherGivenBefore(text: string, p: RecordPerson): boolean {
  for (const s of p.surnames) {
    for (const m of text.matchAll(new RegExp(`([\\p{L}'-]+)[\\s,]+${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'giu'))) {
      const before = m[1]!.toLowerCase();
      if (/^\p{Lu}/u.test(m[1]!) && !TITLE_WORDS.has(before) && !p.givens.includes(before) && !p.surnames.includes(before)) return true;
    }
  }
  return false;
}

/** "ASC_case_record_KETTERING.xlsx": the one non-professional person whose surname the file name holds. */
function namedInFileName(fileName: string, people: RecordPerson[]): number | null {
  const words = new Set(fileName.toLowerCase().replace(/\.[a-z0-9]+$/, '').split(/[^\p{L}]+/u).filter((w) => w.length >= 4));
  const hits = people.filter((p) => !p.professional && p.surnames.some((s) => words.has(s)));
  return hits.length === 1 ? hits[0]!.id : null;
}
