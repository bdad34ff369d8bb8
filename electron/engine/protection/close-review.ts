// Closing a review: once the final chronology has been exported, the case, its SQLite companions
// and the backups the user names are overwritten and deleted, and a record of what went is
// returned (it names files and sizes only, no case content). See secure-delete.ts for the limits.
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat } from '../../../shared/export.js';
import type { Actor } from '../audit.js';
import { CaseFile } from '../case-file.js';
import { openCaseDb } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';
import { exportChronology } from '../export/export-chronology.js';
import { caseFilesOnDisk } from './case-paths.js';
import { secureDelete, type DeletedFile } from './secure-delete.js';

export interface CloseReviewOptions {
  passphrase: string | undefined;
  /** The user confirms the final export was made and kept somewhere safe. */
  exportConfirmed?: boolean;
  /** Or names the export file, which must exist and not be part of what is deleted. */
  exportFile?: string;
  /** Backup copies of this case to destroy as well. */
  backups?: string[];
}

export interface CloseReviewRecord {
  closedAt: string;
  case: string;
  exportFile: string | null;
  deleted: DeletedFile[];
  limits: string;
}

export const OVERWRITE_LIMITS =
  'Files were overwritten with random bytes before deletion. On SSDs, copy-on-write file systems (APFS, btrfs, ZFS), snapshots, ' +
  'backups made by other software and synced folders, earlier copies of the blocks may survive; an encrypted case leaves only ciphertext there.';

export function closeReview(file: string, opts: CloseReviewOptions): CloseReviewRecord {
  const caseFile = path.resolve(file);
  const backups = (opts.backups ?? []).map((b) => path.resolve(b));
  const exportFile = opts.exportFile ? path.resolve(opts.exportFile) : null;
  if (exportFile) {
    if (!fs.existsSync(exportFile) || fs.statSync(exportFile).size === 0) throw new JigsawError('no_export', `The final export ${exportFile} was not found (or is empty); nothing was deleted`);
    if (exportFile === caseFile || backups.includes(exportFile)) throw new JigsawError('bad_request', 'The final export cannot be one of the files being deleted');
  } else if (!opts.exportConfirmed) {
    throw new JigsawError('no_export', 'Make and keep the final export before closing the review, then confirm it; nothing was deleted');
  }
  for (const b of backups) if (!fs.existsSync(b)) throw new JigsawError('not_found', `Backup ${b} was not found; nothing was deleted`);
  // Only someone who can open the case may destroy it; folding the WAL in leaves one file to erase.
  const db = openCaseDb(caseFile, { passphrase: opts.passphrase });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  const deleted = secureDelete([...caseFilesOnDisk(caseFile), ...backups.flatMap(caseFilesOnDisk)]);
  return { closedAt: new Date().toISOString(), case: caseFile, exportFile, deleted, limits: OVERWRITE_LIMITS };
}

/**
 * The final export made by the export module: the whole chronology with its analysis, written to
 * `out` (never over an existing file, readable by this user only) and recorded in the audit log.
 */
export async function makeFinalExport(file: string, passphrase: string | undefined, actor: Actor, format: ExportFormat, out: string): Promise<string> {
  const target = path.resolve(out);
  if (fs.existsSync(target)) throw new JigsawError('file_exists', `${target} already exists; choose another name for the final export`);
  const c = CaseFile.open(file, { passphrase });
  try {
    const f = await exportChronology(c, actor, { format, includeAnalysis: true });
    fs.writeFileSync(target, f.bytes, { mode: 0o600, flag: 'wx' });
    return target;
  } finally {
    c.close();
  }
}
