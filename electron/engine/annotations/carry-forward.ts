// When an agency sends a new version of its extract, the old entries are kept but replaced in the
// timeline. The chair's annotations and corrections follow each entry whose row arrived again
// unchanged; the ones whose row changed stay where they were and are counted, so the export can
// say so rather than drop them silently.
import { recordAudit, type Actor } from '../audit.js';
import type { Db } from '../db/open-case-db.js';

export interface CarryForwardResult {
  moved: number;
  /** Annotated or corrected entries replaced by a version where their row no longer appears. */
  stranded: number;
}

const SYSTEM: Actor = { name: 'Jigsaw', role: 'system (new extract version)' };

export function carryForwardAnnotations(db: Db, actor: Actor = SYSTEM): CarryForwardResult {
  return db.transaction(() => {
    const annotated = `SELECT entry_id FROM annotations UNION SELECT entry_id FROM corrections`;
    const pairs = db
      .prepare(
        `SELECT old.id AS oldId, (
           SELECT e2.id FROM entries e2 JOIN raw_rows r2 ON r2.id = e2.raw_row_id
           WHERE e2.active = 1 AND e2.agency_id = old.agency_id AND r2.cells_json = r1.cells_json
             AND e2.id NOT IN (${annotated})
           ORDER BY e2.id LIMIT 1) AS newId
         FROM entries old JOIN raw_rows r1 ON r1.id = old.raw_row_id
         WHERE old.active = 0 AND old.id IN (${annotated})`,
      )
      .all() as { oldId: number; newId: number | null }[];
    let moved = 0;
    for (const { oldId, newId } of pairs) {
      if (newId === null) continue;
      db.prepare('UPDATE annotations SET entry_id = ? WHERE entry_id = ?').run(newId, oldId);
      db.prepare('UPDATE corrections SET entry_id = ? WHERE entry_id = ?').run(newId, oldId);
      recordAudit(db, actor, { action: 'carry_forward_annotations', entity: 'entry', entityId: newId, before: { entryId: oldId }, after: { entryId: newId } });
      moved++;
    }
    return { moved, stranded: pairs.length - moved };
  })();
}
