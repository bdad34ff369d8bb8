// The chair's "not the same event": kept as the rows' content (agency + cells), so the link stays
// broken after the agency sends a new version of its extract and the entries get new ids.
import crypto from 'node:crypto';
import { assertKnownActor } from '../annotations/annotations.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import type { Db } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';

/** A row's identity across versions of its extract. */
export function rowKeys(db: Db, entryIds: number[]): Map<number, string> {
  const get = db.prepare('SELECT e.agency_id, r.cells_json FROM entries e JOIN raw_rows r ON r.id = e.raw_row_id WHERE e.id = ?');
  const out = new Map<number, string>();
  for (const id of entryIds) {
    const r = get.get(id) as { agency_id: number; cells_json: string } | undefined;
    if (r) out.set(id, `${r.agency_id}:${crypto.createHash('sha1').update(r.cells_json).digest('base64')}`);
  }
  return out;
}

/** Groups of row keys the chair said are not one event: no two rows of a group are linked again. */
export function loadRejections(db: Db): string[][] {
  return (db.prepare('SELECT row_keys_json FROM link_rejections ORDER BY id').all() as { row_keys_json: string }[]).map((r) => JSON.parse(r.row_keys_json) as string[]);
}

export function rejectLink(caseFile: CaseFile, actor: Actor, linkId: number): void {
  assertKnownActor(actor); // the audit log needs a name
  const db = caseFile.db;
  db.transaction(() => {
    const link = db.prepare('SELECT id, kind, reason FROM links WHERE id = ?').get(linkId) as { id: number; kind: string; reason: string } | undefined;
    if (!link) throw new JigsawError('not_found', `No linked event ${linkId} in this case`);
    const entryIds = (db.prepare('SELECT entry_id FROM link_entries WHERE link_id = ? ORDER BY entry_id').all(linkId) as { entry_id: number }[]).map((r) => r.entry_id);
    const keys = [...rowKeys(db, entryIds).values()];
    db.prepare('INSERT INTO link_rejections(row_keys_json, decided_at) VALUES (?, ?)').run(JSON.stringify(keys), new Date().toISOString());
    db.prepare('DELETE FROM links WHERE id = ?').run(linkId);
    recordAudit(db, actor, { action: 'link.reject', entity: 'link', entityId: linkId, before: { ...link, entryIds }, after: null });
  })();
}
