// Named views (a set of filters) kept in the case so a chair can return to them, each change audited.
import type { SavedView, ViewFilters } from '../../../shared/timeline.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';

interface Row {
  id: number;
  name: string;
  query_json: string;
  updated_at: string;
}

const toView = (r: Row): SavedView => ({ id: r.id, name: r.name, query: JSON.parse(r.query_json) as ViewFilters, updatedAt: r.updated_at });

export function listSavedViews(caseFile: CaseFile): SavedView[] {
  return (caseFile.db.prepare('SELECT id, name, query_json, updated_at FROM saved_views ORDER BY name COLLATE NOCASE').all() as Row[]).map(toView);
}

/** Save under `name`, replacing a view of the same name (names are case-insensitive). */
export function saveView(caseFile: CaseFile, actor: Actor, name: string, query: ViewFilters, now = new Date()): SavedView {
  const clean = name.trim();
  if (!clean) throw new JigsawError('bad_request', 'Give the view a name');
  const db = caseFile.db;
  return db.transaction(() => {
    const before = db.prepare('SELECT id, name, query_json, updated_at FROM saved_views WHERE name = ?').get(clean) as Row | undefined;
    const at = now.toISOString();
    const json = JSON.stringify(query);
    let id: number;
    if (before) {
      db.prepare('UPDATE saved_views SET name = ?, query_json = ?, updated_at = ? WHERE id = ?').run(clean, json, at, before.id);
      id = before.id;
    } else {
      id = Number(db.prepare('INSERT INTO saved_views(name, query_json, created_at, updated_at) VALUES (?, ?, ?, ?)').run(clean, json, at, at).lastInsertRowid);
    }
    const after: SavedView = { id, name: clean, query, updatedAt: at };
    recordAudit(db, actor, { action: before ? 'update' : 'create', entity: 'saved_view', entityId: id, before: before ? toView(before) : undefined, after }, now);
    return after;
  })();
}

export function deleteSavedView(caseFile: CaseFile, actor: Actor, id: number): void {
  const db = caseFile.db;
  db.transaction(() => {
    const before = db.prepare('SELECT id, name, query_json, updated_at FROM saved_views WHERE id = ?').get(id) as Row | undefined;
    if (!before) throw new JigsawError('not_found', `No saved view ${id} in this case`);
    db.prepare('DELETE FROM saved_views WHERE id = ?').run(id);
    recordAudit(db, actor, { action: 'delete', entity: 'saved_view', entityId: id, before: toView(before) });
  })();
}
