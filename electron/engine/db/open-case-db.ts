// Opens (or creates) one case file: WAL, foreign keys, optional SQLCipher key, migrations applied
// in one transaction with the schema version recorded.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import { MIGRATIONS } from './migrations/index.js';
import { JigsawError } from '../errors.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Create the file when missing (otherwise a missing file is an error). */
  create?: boolean;
  /** SQLCipher passphrase; a case created with one can only be opened with it. */
  passphrase?: string;
  readonly?: boolean;
}

export const CURRENT_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function openCaseDb(file: string, opts: OpenOptions = {}): Db {
  const exists = fs.existsSync(file);
  if (!exists && !opts.create) throw new JigsawError('case_not_found', `No case file at ${file}`);
  const db = new Database(file, { readonly: opts.readonly ?? false });
  try {
    if (opts.passphrase) {
      db.pragma(`cipher='sqlcipher'`);
      db.pragma(`key=${sqlString(opts.passphrase)}`);
    }
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new JigsawError(
        'case_unreadable',
        opts.passphrase
          ? `Could not open ${file}: wrong passphrase, or not a Jigsaw case file`
          : `Could not open ${file}: it is encrypted (a passphrase is needed) or not a Jigsaw case file`,
      );
    }
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!opts.readonly) migrate(db);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  if (current > CURRENT_SCHEMA_VERSION) {
    throw new JigsawError('case_too_new', `This case file was written by a newer Jigsaw (schema ${current}); please update Jigsaw`);
  }
  const pending = MIGRATIONS.filter((m) => m.version > current);
  if (pending.length === 0) return;
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  })();
}

function sqlString(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
