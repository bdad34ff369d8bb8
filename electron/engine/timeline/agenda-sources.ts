// What presentation mode and the filters read from other modules' tables, read-only: the chair's
// key episodes (annotations), and the people and signal themes a timeline can be filtered by.
// Each source is optional: a case without the table simply has none.
import type { FilterChoices, KeyEpisode } from '../../../shared/timeline.js';
import type { CaseFile } from '../case-file.js';

function hasTable(caseFile: CaseFile, name: string): boolean {
  return caseFile.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Entries the chair marked as key episodes, in date order. Free text is left out on purpose:
 *  it names people, and the agenda is shown on a projector. */
export function keyEpisodes(caseFile: CaseFile): KeyEpisode[] {
  if (!hasTable(caseFile, 'annotations')) return [];
  return caseFile.db
    .prepare(
      `SELECT e.id AS entryId, e.date, e.date_to AS dateTo, a.name AS agency, e.contact_type AS contactType
       FROM annotations n JOIN entries e ON e.id = n.entry_id JOIN agencies a ON a.id = e.agency_id
       WHERE n.key_episode = 1 AND e.active = 1 ORDER BY e.date, coalesce(e.time, ''), e.id`,
    )
    .all() as KeyEpisode[];
}

export function filterChoices(caseFile: CaseFile): FilterChoices {
  const persons = hasTable(caseFile, 'persons')
    ? (caseFile.db
        .prepare(
          `SELECT p.id, p.display_name AS name, p.pseudonym, count(DISTINCT ep.entry_id) AS entryCount
           FROM persons p JOIN entry_persons ep ON ep.person_id = p.id JOIN entries e ON e.id = ep.entry_id AND e.active = 1
           GROUP BY p.id ORDER BY entryCount DESC, p.display_name LIMIT 200`,
        )
        .all() as FilterChoices['persons'])
    : [];
  const themes = hasTable(caseFile, 'signal_rules')
    ? (caseFile.db.prepare('SELECT DISTINCT theme FROM signal_rules WHERE enabled = 1 ORDER BY theme').all() as { theme: string }[]).map((r) => r.theme)
    : [];
  return { persons, themes };
}
