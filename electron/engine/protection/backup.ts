// Backup and restore of a whole case, consistent while it is open and in use. An unencrypted case
// goes through SQLite's online backup API; an encrypted one through VACUUM INTO, because
// SQLite3MultipleCiphers refuses the backup API towards an unkeyed file (so plaintext can never be
// written by mistake) and the driver cannot key the file the backup API opens. VACUUM INTO writes
// the copy under the same cipher and key. Every copy is reopened and checked before it counts.
import fs from 'node:fs';
import path from 'node:path';
import { isEncryptedCaseFile, openCaseDb, schemaVersion, type Db } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';
import { caseFilesOnDisk, fsyncPath } from './case-paths.js';

export interface CopyCheck {
  file: string;
  bytes: number;
  encrypted: boolean;
  schemaVersion: number;
  integrity: 'ok';
  tables: Record<string, number>;
}

const COUNTED_TABLES = ['agencies', 'extracts', 'raw_rows', 'entries', 'audit_log'] as const;

export async function backupCase(caseFile: string, dest: string, passphrase: string | undefined, opts: { force?: boolean } = {}): Promise<CopyCheck> {
  const target = path.resolve(dest);
  if (target === path.resolve(caseFile)) throw new JigsawError('bad_request', 'A backup must go to a different file than the case');
  refuseExisting(target, opts.force);
  const db = openCaseDb(caseFile, { passphrase });
  try {
    const tmp = `${target}.part`;
    try {
      const check = await copyAndVerify(db, caseFile, tmp, passphrase);
      fs.renameSync(tmp, target);
      fsyncPath(path.dirname(target));
      return { ...check, file: target };
    } catch (err) {
      removeQuietly(tmp);
      throw err;
    }
  } finally {
    db.close();
  }
}

/** Copy the open database `src` (of `srcFile`) to `tmp` and check the copy; the caller moves it into place. */
async function copyAndVerify(src: Db, srcFile: string, tmp: string, passphrase: string | undefined): Promise<CopyCheck> {
  removeQuietly(tmp);
  await copyDb(src, tmp, isEncryptedCaseFile(srcFile));
  fsyncPath(tmp);
  return verifyCopy(tmp, passphrase, counts(src));
}

/**
 * Put a backup in place as `caseFile`. The backup is checked first; an existing case is only
 * replaced with `force`, and its own -wal/-shm are folded in and removed so SQLite never applies
 * the old case's changes to the restored one.
 */
export async function restoreCase(backupFile: string, caseFile: string, passphrase: string | undefined, opts: { force?: boolean } = {}): Promise<CopyCheck> {
  const target = path.resolve(caseFile);
  if (target === path.resolve(backupFile)) throw new JigsawError('bad_request', 'Restore to a different file than the backup');
  refuseExisting(target, opts.force);
  const hadSidecars = caseFilesOnDisk(backupFile).length > 1;
  const src = openCaseDb(backupFile, { passphrase, readonly: true });
  const tmp = `${target}.restoring`;
  try {
    const integrity = src.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new JigsawError('backup_damaged', `${path.basename(backupFile)} is damaged (${String(integrity)}); nothing was restored`);
    const check = await copyAndVerify(src, backupFile, tmp, passphrase);
    if (fs.existsSync(target)) retireCase(target, passphrase);
    fs.renameSync(tmp, target);
    fsyncPath(path.dirname(target));
    return { ...check, file: target };
  } catch (err) {
    removeQuietly(tmp);
    throw err;
  } finally {
    src.close();
    if (!hadSidecars) removeEmptySidecars(backupFile);
  }
}

/** A read-only open of a WAL file leaves an empty -wal and an -shm behind; tidy the ones we made. */
function removeEmptySidecars(file: string): void {
  const wal = `${file}-wal`;
  if (fs.existsSync(wal) && fs.statSync(wal).size > 0) return;
  for (const f of [wal, `${file}-shm`]) fs.rmSync(f, { force: true });
}

async function copyDb(db: Db, dest: string, encrypted: boolean): Promise<void> {
  if (encrypted) db.prepare('VACUUM INTO ?').run(dest);
  else await db.backup(dest);
}

/**
 * Reopen the copy with the same passphrase: it must be intact and hold what the source held. It is
 * our own fresh file, so it is opened read-write: closing it then folds and removes its -wal/-shm.
 */
function verifyCopy(file: string, passphrase: string | undefined, expected: Record<string, number>): CopyCheck {
  const db = openCaseDb(file, { passphrase });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const tables = counts(db);
    const mismatch = Object.keys(expected).find((t) => expected[t] !== tables[t]);
    if (integrity !== 'ok' || mismatch) {
      throw new JigsawError('backup_failed', `The copy did not check out (${integrity !== 'ok' ? String(integrity) : `${mismatch} differs`}); nothing was kept`);
    }
    return { file, bytes: fs.statSync(file).size, encrypted: isEncryptedCaseFile(file), schemaVersion: schemaVersion(db), integrity: 'ok', tables };
  } finally {
    db.close();
  }
}

function counts(db: Db): Record<string, number> {
  const present = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  return Object.fromEntries(
    COUNTED_TABLES.filter((t) => present.has(t)).map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

function refuseExisting(file: string, force?: boolean): void {
  if (fs.existsSync(file) && !force) throw new JigsawError('file_exists', `${file} already exists; choose another name (or --force to replace it)`);
}

/** Fold the old case's WAL into it and remove its companions before it is replaced. */
function retireCase(file: string, passphrase: string | undefined): void {
  try {
    const db = openCaseDb(file, { passphrase });
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  } catch {
    // An unreadable old case is replaced as it is.
  }
  for (const f of caseFilesOnDisk(file)) if (f !== file) fs.rmSync(f, { force: true });
}

function removeQuietly(f: string): void {
  for (const x of [f, `${f}-wal`, `${f}-shm`, `${f}-journal`]) fs.rmSync(x, { force: true });
}
