// Reading people and links back out of the case file for the UI, the command line and exports.
import type { EntryLink, EntryLinkDetail, PersonDetail, PersonRole, PersonSummary } from '../../../shared/people.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { refreshPeopleAndLinks } from './after-import.js';

interface PersonRow {
  id: number;
  display_name: string;
  role: PersonRole;
  pseudonym: string | null;
  dob: string | null;
  nhs_number: string | null;
  address: string | null;
  confidence: number;
  confirmed: number;
  entry_count: number;
  agencies: string | null;
}

const PERSON_SELECT = `SELECT p.*,
  (SELECT count(DISTINCT ep.entry_id) FROM entry_persons ep JOIN entries e ON e.id = ep.entry_id WHERE ep.person_id = p.id AND e.active = 1) AS entry_count,
  (SELECT group_concat(name, '\u001f') FROM (SELECT DISTINCT a.name FROM entry_persons ep JOIN entries e ON e.id = ep.entry_id
     JOIN agencies a ON a.id = e.agency_id WHERE ep.person_id = p.id AND e.active = 1 ORDER BY a.name)) AS agencies
  FROM persons p`;

/** A case imported before people were resolved (or by an older version) is resolved on first look. */
export function ensureResolved(caseFile: CaseFile): void {
  const hasEntries = caseFile.db.prepare('SELECT 1 FROM entries WHERE active = 1 AND person_text IS NOT NULL LIMIT 1').get() !== undefined;
  const hasPeople = caseFile.db.prepare('SELECT 1 FROM person_keys LIMIT 1').get() !== undefined;
  if (hasEntries && !hasPeople && !caseFile.db.readonly) refreshPeopleAndLinks(caseFile);
}

function toSummary(caseFile: CaseFile, r: PersonRow): PersonSummary {
  const aliases = (caseFile.db.prepare('SELECT alias FROM person_aliases WHERE person_id = ? ORDER BY alias').all(r.id) as { alias: string }[]).map((a) => a.alias);
  return {
    id: r.id,
    name: r.display_name,
    role: r.role,
    pseudonym: r.pseudonym,
    dob: r.dob,
    nhsNumber: r.nhs_number,
    address: r.address,
    aliases,
    confidence: r.confidence,
    confirmed: r.confirmed === 1,
    entryCount: r.entry_count,
    agencies: r.agencies ? r.agencies.split('\u001f') : [],
  };
}

const ROLE_ORDER = "CASE p.role WHEN 'subject' THEN 0 WHEN 'family' THEN 1 WHEN 'associate' THEN 2 WHEN 'unknown' THEN 3 ELSE 4 END";

export function listPeople(caseFile: CaseFile): PersonSummary[] {
  const rows = caseFile.db.prepare(`${PERSON_SELECT} ORDER BY ${ROLE_ORDER}, entry_count DESC, p.id`).all() as PersonRow[];
  return rows.map((r) => toSummary(caseFile, r));
}

export function getPerson(caseFile: CaseFile, id: number, mentionLimit = Number.MAX_SAFE_INTEGER): PersonDetail {
  const row = caseFile.db.prepare(`${PERSON_SELECT} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  if (!row) throw new JigsawError('not_found', `No person ${id} in this case`);
  const mentions = (
    caseFile.db
      .prepare(
        `SELECT ep.entry_id AS entryId, ep.mention AS text, ep.origin FROM entry_persons ep JOIN entries e ON e.id = ep.entry_id
         WHERE ep.person_id = ? AND e.active = 1 ORDER BY e.date, coalesce(e.time, ''), e.id, ep.origin LIMIT ?`,
      )
      .all(id, mentionLimit) as PersonDetail['mentions']
  );
  const mentionsTotal =
    mentions.length < mentionLimit
      ? mentions.length
      : (caseFile.db.prepare('SELECT count(*) AS n FROM entry_persons ep JOIN entries e ON e.id = ep.entry_id WHERE ep.person_id = ? AND e.active = 1').get(id) as { n: number }).n;
  const keys = (caseFile.db.prepare('SELECT key, example, mentions FROM person_keys WHERE person_id = ? ORDER BY mentions DESC, key').all(id) as { key: string; example: string; mentions: number }[]).map(
    (k) => ({ key: k.key, example: describeKey(k.key, k.example), count: k.mentions }),
  );
  return { ...toSummary(caseFile, row), mentions, mentionsTotal, keys };
}

/** A key in words for the chair: "Michael Trewin (born 1960-02-01)", or "Mike Trewin (one agency, no identifiers)". */
function describeKey(key: string, example: string): string {
  const [, , , dob, rest] = key.split('|');
  const ids = [dob && `born ${dob}`, rest && !rest.startsWith('@') && `NHS ${rest}`].filter(Boolean);
  return `${example} (${ids.length ? ids.join(', ') : 'no date of birth or NHS number'})`;
}

export function listLinks(caseFile: CaseFile, onlyEntry?: number): EntryLink[] {
  const filter = onlyEntry === undefined ? '' : 'WHERE l.id IN (SELECT link_id FROM link_entries WHERE entry_id = ?)';
  const rows = caseFile.db
    .prepare(`SELECT l.id, l.kind, l.reason, group_concat(le.entry_id) AS entries FROM links l JOIN link_entries le ON le.link_id = l.id ${filter} GROUP BY l.id ORDER BY l.id`)
    .all(...(onlyEntry === undefined ? [] : [onlyEntry])) as { id: number; kind: string; reason: string; entries: string }[];
  return rows.map((r) => ({ id: r.id, kind: r.kind, reason: r.reason, entryIds: r.entries.split(',').map(Number).sort((a, b) => a - b) }));
}

export function entryLinkDetails(caseFile: CaseFile, entryId: number): EntryLinkDetail[] {
  const get = caseFile.db.prepare(
    `SELECT e.id, a.name AS agency, e.date, e.time, e.contact_type AS contactType, e.text FROM entries e JOIN agencies a ON a.id = e.agency_id WHERE e.id = ?`,
  );
  return listLinks(caseFile, entryId).map((l) => ({
    ...l,
    entries: l.entryIds.filter((id) => id !== entryId).map((id) => get.get(id) as EntryLinkDetail['entries'][number]),
  }));
}
