// The chair's annotations on an entry. Agency facts are never touched: markers, analysis, themes,
// same-day order and exclusions live in `annotations`, corrections as notes in `corrections`.
// Every change is written with its audit row in one transaction.
import type { AnnotationPatch, Correction, EntryAnnotations } from '../../../shared/annotations.js';
import { recordAudit, type Actor } from '../audit.js';
import type { Db } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';

interface AnnotationRow {
  entry_id: number;
  key_episode: number;
  analysis: string | null;
  themes_json: string;
  same_day_order: number | null;
  excluded: number;
  exclude_reason: string | null;
  updated_at: string;
  updated_by: string;
}

type Marks = Omit<EntryAnnotations, 'corrections' | 'updatedAt' | 'updatedBy' | 'entryId'>;

const EMPTY: Marks = { keyEpisode: false, analysis: null, themes: [], sameDayOrder: null, excluded: false, excludeReason: null };

function marksOf(r: AnnotationRow | undefined): Marks {
  if (!r) return { ...EMPTY };
  return {
    keyEpisode: r.key_episode === 1,
    analysis: r.analysis,
    themes: JSON.parse(r.themes_json) as string[],
    sameDayOrder: r.same_day_order,
    excluded: r.excluded === 1,
    excludeReason: r.exclude_reason,
  };
}

function assertEntry(db: Db, entryId: number): void {
  if (!db.prepare('SELECT 1 FROM entries WHERE id = ?').get(entryId)) throw new JigsawError('not_found', `No entry ${entryId} in this case`);
}

/** Changes are refused until the user has said who they are: the audit log needs a name. */
export function assertKnownActor(actor: Actor): void {
  if (!actor.name.trim() || actor.role === 'unknown') {
    throw new JigsawError('no_user', 'Tell Jigsaw your name and role first: every change is recorded under them');
  }
}

export function getAnnotations(db: Db, entryId: number): EntryAnnotations {
  assertEntry(db, entryId);
  const row = db.prepare('SELECT * FROM annotations WHERE entry_id = ?').get(entryId) as AnnotationRow | undefined;
  return { entryId, ...marksOf(row), corrections: listCorrections(db, entryId), updatedAt: row?.updated_at ?? null, updatedBy: row?.updated_by ?? null };
}

export function listCorrections(db: Db, entryId: number): Correction[] {
  const rows = db.prepare('SELECT * FROM corrections WHERE entry_id = ? ORDER BY id').all(entryId) as {
    id: number;
    entry_id: number;
    field: string | null;
    note: string;
    created_at: string;
    created_by: string;
  }[];
  return rows.map((r) => ({ id: r.id, entryId: r.entry_id, field: r.field, note: r.note, createdAt: r.created_at, createdBy: r.created_by }));
}

function cleanThemes(themes: string[]): string[] {
  const seen = new Map<string, string>();
  for (const t of themes.map((x) => x.trim()).filter(Boolean)) if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
  return [...seen.values()];
}

export function annotateEntry(db: Db, actor: Actor, entryId: number, patch: AnnotationPatch, now = new Date()): EntryAnnotations {
  assertKnownActor(actor);
  db.transaction(() => {
    assertEntry(db, entryId);
    const row = db.prepare('SELECT * FROM annotations WHERE entry_id = ?').get(entryId) as AnnotationRow | undefined;
    const before = marksOf(row);
    const after: Marks = { ...before };
    if (patch.keyEpisode !== undefined) after.keyEpisode = patch.keyEpisode;
    if (patch.analysis !== undefined) after.analysis = patch.analysis?.trim() ? patch.analysis.trim() : null;
    if (patch.themes !== undefined) after.themes = cleanThemes(patch.themes);
    if (patch.sameDayOrder !== undefined) after.sameDayOrder = patch.sameDayOrder;
    if (patch.excluded !== undefined) after.excluded = patch.excluded;
    if (patch.excludeReason !== undefined) after.excludeReason = patch.excludeReason?.trim() ? patch.excludeReason.trim() : null;
    if (!after.excluded) after.excludeReason = null;
    if (after.excluded && !after.excludeReason) throw new JigsawError('bad_request', 'Say why this entry is excluded from the export');
    // Only what changed goes to the log, so each audit row reads as one decision.
    const changed = (Object.keys(after) as (keyof Marks)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
    if (changed.length === 0) return;
    db.prepare(
      `INSERT INTO annotations(entry_id, key_episode, analysis, themes_json, same_day_order, excluded, exclude_reason, updated_at, updated_by)
       VALUES (?,?,?,?,?,?,?,?,?)
       ON CONFLICT(entry_id) DO UPDATE SET key_episode = excluded.key_episode, analysis = excluded.analysis, themes_json = excluded.themes_json,
         same_day_order = excluded.same_day_order, excluded = excluded.excluded, exclude_reason = excluded.exclude_reason,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    ).run(
      entryId,
      after.keyEpisode ? 1 : 0,
      after.analysis,
      JSON.stringify(after.themes),
      after.sameDayOrder,
      after.excluded ? 1 : 0,
      after.excludeReason,
      now.toISOString(),
      actor.name,
    );
    recordAudit(
      db,
      actor,
      {
        action: 'annotate',
        entity: 'entry',
        entityId: entryId,
        before: Object.fromEntries(changed.map((k) => [k, before[k]])),
        after: Object.fromEntries(changed.map((k) => [k, after[k]])),
      },
      now,
    );
  })();
  return getAnnotations(db, entryId);
}

export function addCorrection(db: Db, actor: Actor, req: { entryId: number; field?: string | null; note: string }, now = new Date()): EntryAnnotations {
  assertKnownActor(actor);
  const note = req.note.trim();
  if (!note) throw new JigsawError('bad_request', 'A correction needs a note');
  db.transaction(() => {
    assertEntry(db, req.entryId);
    const id = Number(
      db
        .prepare('INSERT INTO corrections(entry_id, field, note, created_at, created_by) VALUES (?,?,?,?,?)')
        .run(req.entryId, req.field ?? null, note, now.toISOString(), actor.name).lastInsertRowid,
    );
    recordAudit(db, actor, { action: 'add_correction', entity: 'entry', entityId: req.entryId, before: null, after: { correctionId: id, field: req.field ?? null, note } }, now);
  })();
  return getAnnotations(db, req.entryId);
}
