// An agency lead signs off one version of their agency's extract (name, role, date), audited. Only
// the version in use can be signed off; a later upload replaces it, so it needs its own sign-off.
import type { AgencyStatus, SignOffRequest } from '../../../shared/review.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { reviewDashboard } from './dashboard.js';

export function signOffExtract(caseFile: CaseFile, actor: Actor, req: SignOffRequest, now = new Date()): AgencyStatus {
  const db = caseFile.db;
  const agencyId = caseFile.agencyId(req.agency);
  if (agencyId === null) throw new JigsawError('not_found', `No extract from ${req.agency} has been imported yet: nothing to sign off`);
  const x = db.prepare('SELECT id, version, sha256, superseded_by FROM extracts WHERE agency_id = ? AND version = ?').get(agencyId, req.version) as
    | { id: number; version: number; sha256: string; superseded_by: number | null }
    | undefined;
  if (!x) throw new JigsawError('not_found', `${req.agency} has no extract version ${req.version}`);
  if (x.superseded_by !== null) {
    const current = db.prepare('SELECT version FROM extracts WHERE agency_id = ? AND superseded_by IS NULL').get(agencyId) as { version: number } | undefined;
    throw new JigsawError('superseded', `Version ${req.version} of ${req.agency}'s extract has been replaced by version ${current?.version ?? '?'}; sign off that version instead`);
  }
  db.transaction(() => {
    const id = db
      .prepare('INSERT INTO extract_signoffs(extract_id, name, role, signed_on, recorded_at, sha256) VALUES (?,?,?,?,?,?)')
      .run(x.id, req.name, req.role, req.date, now.toISOString(), x.sha256).lastInsertRowid;
    recordAudit(db, actor, { action: 'sign_off', entity: 'extract', entityId: x.id, after: { signOffId: Number(id), agency: req.agency, version: x.version, name: req.name, role: req.role, date: req.date, sha256: x.sha256 } }, now);
  })();
  return reviewDashboard(caseFile).find((s) => s.agency.toLowerCase() === req.agency.trim().toLowerCase())!;
}
