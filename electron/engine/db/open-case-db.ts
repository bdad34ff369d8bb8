// Opens (or creates) one case file: WAL, foreign keys, optional SQLCipher passphrase, migrations
// applied in one transaction with the schema version recorded. A wrong or missing passphrase is
// refused before anything is written, so the file's bytes stay exactly as they were.
import Database from 'better-sqlite3-multiple-ciphers';
import fs from 'node:fs';
import path from 'node:path';
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

/** The first 16 bytes of every unencrypted SQLite file. An encrypted file starts with its salt. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** True when the file exists, is not empty and does not start with the plain SQLite header. */
export function isEncryptedCaseFile(file: string): boolean {
  if (file === ':memory:' || !fs.existsSync(file)) return false;
  const head = Buffer.alloc(16);
  const fd = fs.openSync(file, 'r');
  try {
    const n = fs.readSync(fd, head, 0, 16, 0);
    return n > 0 && !(n === 16 && head.equals(SQLITE_HEADER));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The key bytes for a passphrase. NFC so the same passphrase typed on macOS (which may send
 * decomposed accents) and on Windows opens the same case.
 */
export function passphraseKey(passphrase: string): Buffer {
  return Buffer.from(passphrase.normalize('NFC'), 'utf8');
}

/** SQLCipher 4 scheme (AES-256-CBC, HMAC-SHA512, PBKDF2-SHA512 with 256,000 iterations). */
export function applyKey(db: Db, passphrase: string): void {
  db.pragma(`cipher='sqlcipher'`);
  db.key(passphraseKey(passphrase));
}

export function openCaseDb(file: string, opts: OpenOptions = {}): Db {
  const exists = file !== ':memory:' && fs.existsSync(file);
  if (!exists && !opts.create && file !== ':memory:') throw new JigsawError('case_not_found', `No case file at ${file}`);
  const name = path.basename(file);
  const encrypted = isEncryptedCaseFile(file);
  const passphrase = opts.passphrase || undefined;
  // Refuse before SQLite touches the file: nothing on disk may change on a failed open.
  if (encrypted && !passphrase) {
    throw new JigsawError('passphrase_required', `${name} is encrypted: enter its passphrase (or set JIGSAW_PASSPHRASE) to open it`);
  }
  if (exists && !encrypted && passphrase && fs.statSync(file).size > 0) {
    throw new JigsawError(
      'not_encrypted',
      `${name} is not encrypted, so it opens without a passphrase (unset JIGSAW_PASSPHRASE); to encrypt it use "jigsaw passphrase"`,
    );
  }
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: !opts.create });
  try {
    if (passphrase) applyKey(db, passphrase);
    try {
      db.prepare('SELECT count(*) FROM sqlite_master').get();
    } catch {
      throw new JigsawError(
        passphrase ? 'wrong_passphrase' : 'case_unreadable',
        passphrase
          ? `Could not open ${name}: the passphrase is wrong (or the file is not a Jigsaw case). Nothing was changed.`
          : `Could not open ${name}: it is not a Jigsaw case file`,
      );
    }
    // Sorts and temporary indexes stay in memory: SQLite's temp files are not encrypted.
    if (passphrase) db.pragma('temp_store = MEMORY');
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
