// The chair's dashboard: every agency asked or heard from, which version is in use, the problems
// recorded for it, and whether that version is signed off.
import type { AgencySignOff, AgencyState, AgencyStatus } from '../../../shared/review.js';
import type { CaseFile } from '../case-file.js';
import { getReviewSettings } from './settings.js';

interface CurrentRow {
  agency: string;
  extract_id: number | null;
  version: number | null;
  file_name: string | null;
  imported_at: string | null;
  imported_count: number | null;
  template_version: number | null;
}

export function latestSignOff(caseFile: CaseFile, agencyId: number): AgencySignOff | null {
  const row = caseFile.db
    .prepare(
      `SELECT x.version, s.name, s.role, s.signed_on AS date, s.recorded_at AS recordedAt FROM extract_signoffs s JOIN extracts x ON x.id = s.extract_id
       WHERE x.agency_id = ? ORDER BY s.id DESC LIMIT 1`,
    )
    .get(agencyId) as AgencySignOff | undefined;
  return row ?? null;
}

export function reviewDashboard(caseFile: CaseFile): AgencyStatus[] {
  const db = caseFile.db;
  const asked = getReviewSettings(caseFile).settings.agencies;
  const rows = db
    .prepare(
      `SELECT a.id AS agency_id, a.name AS agency, x.id AS extract_id, x.version, x.file_name, x.imported_at, x.imported_count, t.template_version
       FROM agencies a
       LEFT JOIN extracts x ON x.agency_id = a.id AND x.superseded_by IS NULL
       LEFT JOIN extract_templates t ON t.extract_id = x.id
       ORDER BY a.id`,
    )
    .all() as (CurrentRow & { agency_id: number })[];
  const problemCounts = db.prepare(`SELECT kind, count(*) AS n FROM import_problems WHERE extract_id = ? GROUP BY kind`);
  const byName = new Map(rows.map((r) => [r.agency.toLowerCase(), r]));
  const names = [...asked, ...rows.map((r) => r.agency).filter((n) => !asked.some((a) => a.toLowerCase() === n.toLowerCase()))];
  return names.map((name) => {
    const r = byName.get(name.toLowerCase());
    const problems = { rejected: 0, warnings: 0, duplicates: 0 };
    if (r?.extract_id) {
      for (const p of problemCounts.all(r.extract_id) as { kind: string; n: number }[]) {
        if (p.kind === 'rejected') problems.rejected = p.n;
        else if (p.kind === 'warning') problems.warnings = p.n;
        else if (p.kind === 'duplicate') problems.duplicates = p.n;
      }
    }
    const signOff = r ? latestSignOff(caseFile, r.agency_id) : null;
    const received =
      r?.extract_id != null
        ? { version: r.version!, extractId: r.extract_id, fileName: r.file_name!, importedAt: r.imported_at!, imported: r.imported_count!, templateVersion: r.template_version }
        : null;
    let state: AgencyState = 'awaiting';
    if (received) state = !signOff ? 'awaiting_sign_off' : signOff.version === received.version ? 'signed_off' : 'needs_new_sign_off';
    return { agency: r?.agency ?? name, asked: asked.some((a) => a.toLowerCase() === name.toLowerCase()), received, problems, signOff, state };
  });
}
