// Review settings, kept in the case: title, type and period in `meta` (the import and the case
// summary read them there), the rest as one JSON row whose revision versions the templates.
import { reviewSettingsSchema, type ReviewSettings, type ReviewSettingsView } from '../../../shared/review.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { defaultSettings } from './defaults.js';
import { proposedIncident as proposedIncidentOf } from './incident.js';

type StoredPart = Omit<ReviewSettings, 'title' | 'reviewType' | 'periodFrom' | 'periodTo' | 'incidentDate'>;

/** The part kept as JSON (the rest lives in `meta`). */
export function storedPart(s: ReviewSettings): StoredPart {
  return { people: s.people, agencies: s.agencies, columns: s.columns, contactTypes: s.contactTypes, glossary: s.glossary, silentGapDays: s.silentGapDays };
}

export function reviewId(caseFile: CaseFile): string {
  return caseFile.meta('review_id') ?? 'unknown';
}

export function getReviewSettings(caseFile: CaseFile): ReviewSettingsView {
  const stored = storedSettings(caseFile);
  // Proposed only for whoever shows the settings: it reads every entry, so resolution and rule checks do not ask for it.
  const proposedIncident = caseFile.meta('incident_date') ? null : proposedIncidentOf(caseFile);
  return { settings: stored.settings, reviewId: reviewId(caseFile), revision: stored.revision, saved: stored.saved, proposedIncident };
}

function storedSettings(caseFile: CaseFile): { settings: ReviewSettings; revision: number; saved: boolean } {
  const meta = {
    title: caseFile.meta('title'),
    reviewType: caseFile.meta('review_type'),
    periodFrom: caseFile.meta('period_from'),
    periodTo: caseFile.meta('period_to'),
    incidentDate: caseFile.meta('incident_date'),
  };
  const base = defaultSettings(meta);
  // A case opened read-only may predate the review tables: it has no saved settings then.
  const hasTable = caseFile.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'review_settings'`).get();
  const row = !hasTable ? undefined : caseFile.db.prepare('SELECT settings_json, revision FROM review_settings WHERE id = 1').get() as { settings_json: string; revision: number } | undefined;
  if (!row) return { settings: base, revision: 0, saved: false };
  const stored = JSON.parse(row.settings_json) as Partial<StoredPart>;
  const settings: ReviewSettings = {
    ...base, ...stored, title: base.title, reviewType: base.reviewType, periodFrom: base.periodFrom, periodTo: base.periodTo, incidentDate: base.incidentDate,
  };
  return { settings, revision: row.revision, saved: true };
}

/** Save the chair's settings in one transaction with its audit row. */
export function updateReviewSettings(caseFile: CaseFile, actor: Actor, input: ReviewSettings, now = new Date()): ReviewSettingsView {
  const parsed = reviewSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new JigsawError('bad_request', `Review settings not saved: ${first?.path.join('.') || 'settings'}: ${first?.message ?? 'invalid'}`);
  }
  const s = parsed.data;
  const db = caseFile.db;
  const before = storedSettings(caseFile);
  db.transaction(() => {
    caseFile.setMeta('title', s.title);
    caseFile.setMeta('review_type', s.reviewType);
    caseFile.setMeta('period_from', s.periodFrom);
    caseFile.setMeta('period_to', s.periodTo);
    caseFile.setMeta('incident_date', s.incidentDate ?? null);
    const stored = storedPart(s);
    db.prepare(
      `INSERT INTO review_settings(id, settings_json, revision, updated_at) VALUES (1, ?, 1, ?)
       ON CONFLICT(id) DO UPDATE SET settings_json = excluded.settings_json, revision = revision + 1, updated_at = excluded.updated_at`,
    ).run(JSON.stringify(stored), now.toISOString());
    recordAudit(db, actor, { action: 'update', entity: 'review_settings', entityId: 1, before: before.saved ? before.settings : null, after: s }, now);
  })();
  return getReviewSettings(caseFile);
}

/** The settings when the chair has saved some; rule checks apply only then. */
export function savedReviewSettings(caseFile: CaseFile): ReviewSettings | null {
  const v = storedSettings(caseFile);
  return v.saved ? v.settings : null;
}
