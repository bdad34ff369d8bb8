// Setting, changing or removing a case's passphrase (SQLCipher rekey). Every page is rewritten
// under the new key inside SQLite; the WAL is folded in first because SQLCipher cannot rekey in WAL
// mode, and a wrong current passphrase changes nothing.
import { isEncryptedCaseFile, openCaseDb, passphraseKey } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';

/** Minimum length for a new passphrase: long enough to resist guessing at 256,000 PBKDF2 rounds. */
export const MIN_PASSPHRASE_LENGTH = 8;

export function checkNewPassphrase(p: string): void {
  if ([...p.normalize('NFC')].length < MIN_PASSPHRASE_LENGTH) {
    throw new JigsawError('weak_passphrase', `A passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters (a few words is best)`);
  }
}

export interface RekeyResult {
  file: string;
  /** Whether the case is encrypted after the change. */
  encrypted: boolean;
  action: 'encrypted' | 'changed' | 'decrypted';
}

/**
 * `current` opens the case (undefined for an unencrypted case); `next` becomes its passphrase, or
 * null to store it unencrypted.
 */
export function changePassphrase(file: string, current: string | undefined, next: string | null): RekeyResult {
  if (next !== null) checkNewPassphrase(next);
  const wasEncrypted = isEncryptedCaseFile(file);
  if (!wasEncrypted && next === null) throw new JigsawError('not_encrypted', 'This case is not encrypted; there is no passphrase to remove');
  const db = openCaseDb(file, { passphrase: wasEncrypted ? current : undefined });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('journal_mode = DELETE');
    // An unencrypted connection must be told which scheme the new key uses.
    if (!wasEncrypted) db.pragma(`cipher='sqlcipher'`);
    db.rekey(next === null ? Buffer.alloc(0) : passphraseKey(next));
    db.pragma('journal_mode = WAL');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } finally {
    db.close();
  }
  return { file, encrypted: next !== null, action: !wasEncrypted ? 'encrypted' : next === null ? 'decrypted' : 'changed' };
}

