// Encryption at rest, against real SQLCipher files: what is on disk, what a wrong or missing
// passphrase does (nothing), and passphrase changes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../electron/engine/case-file';
import { isEncryptedCaseFile } from '../../electron/engine/db/open-case-db';
import { importExtract } from '../../electron/engine/import/import-extract';
import { changePassphrase } from '../../electron/engine/protection/passphrase';
import { tempDir, writeFile } from './helpers';

const NOTE = 'Neighbour reports shouting at flat 7 Quillon Court - zebra-marker-4471';
const PASS = 'correct horse battery';

async function encryptedCase(dir: string, passphrase = PASS): Promise<string> {
  const file = path.join(dir, 'secret.jigsaw');
  const csv = writeFile(dir, 'police.csv', `Date,Notes\n01/02/2023,${NOTE}\n03/02/2023,Second visit\n`);
  const c = CaseFile.open(file, { create: true, passphrase });
  await importExtract(c, csv, { agency: 'Police' });
  c.close();
  return file;
}

const sha = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const listing = (dir: string): string[] => fs.readdirSync(dir).sort();
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function expectOpenFails(file: string, passphrase: string | undefined, code: string, message: RegExp): void {
  let err: unknown;
  try {
    CaseFile.open(file, { passphrase }).close();
  } catch (e) {
    err = e;
  }
  expect(err).toMatchObject({ name: 'JigsawError', code });
  expect((err as Error).message).toMatch(message);
}

describe('encryption at rest', () => {
  it('leaves no SQLite header and no plaintext of a known note on disk', async () => {
    const dir = tempDir();
    const file = await encryptedCase(dir);
    for (const f of listing(dir).filter((n) => n.startsWith('secret.jigsaw'))) {
      const bytes = fs.readFileSync(path.join(dir, f));
      expect(bytes.includes(SQLITE_HEADER), f).toBe(false);
      expect(bytes.includes(Buffer.from('zebra-marker-4471')), f).toBe(false);
      expect(bytes.includes(Buffer.from('zebra-marker-4471', 'utf16le')), f).toBe(false);
      expect(bytes.includes(Buffer.from('Quillon')), f).toBe(false);
    }
    expect(isEncryptedCaseFile(file)).toBe(true);
    // The same import into an unencrypted case shows the note in the clear: the check above is real.
    const plainDir = tempDir();
    const c = CaseFile.open(path.join(plainDir, 'plain.jigsaw'), { create: true });
    await importExtract(c, writeFile(plainDir, 'p.csv', `Date,Notes\n01/02/2023,${NOTE}\n`), { agency: 'Police' });
    c.db.pragma('wal_checkpoint(TRUNCATE)');
    c.close();
    expect(fs.readFileSync(path.join(plainDir, 'plain.jigsaw')).includes(Buffer.from('zebra-marker-4471'))).toBe(true);
  });

  it('encrypts the WAL too: a change not yet checkpointed is not readable in -wal', async () => {
    const dir = tempDir();
    const file = await encryptedCase(dir);
    const c = CaseFile.open(file, { passphrase: PASS });
    try {
      c.db.pragma('wal_autocheckpoint = 0');
      c.setMeta('title', 'Review of the death of walrus-marker-8812');
      const wal = fs.readFileSync(`${file}-wal`);
      expect(wal.length).toBeGreaterThan(0);
      expect(wal.includes(Buffer.from('walrus-marker-8812'))).toBe(false);
    } finally {
      c.close();
    }
  });

  it('opens with the right passphrase and keeps sorts in memory', async () => {
    const file = await encryptedCase(tempDir());
    const c = CaseFile.open(file, { passphrase: PASS });
    try {
      expect(c.listEntries({}).entries.map((e) => e.text)).toEqual([NOTE, 'Second visit']);
      expect(c.db.pragma('temp_store', { simple: true })).toBe(2);
      expect(c.db.pragma('cipher', { simple: true })).toBe('sqlcipher');
    } finally {
      c.close();
    }
  });

  it('refuses a wrong passphrase with a clear message and changes nothing on disk', async () => {
    const dir = tempDir();
    const file = await encryptedCase(dir);
    const before = { hash: sha(file), files: listing(dir), mtime: fs.statSync(file).mtimeMs };
    expectOpenFails(file, 'wrong horse battery', 'wrong_passphrase', /passphrase is wrong.*Nothing was changed/);
    expectOpenFails(file, undefined, 'passphrase_required', /secret\.jigsaw is encrypted: enter its passphrase/);
    expect(() => CaseFile.open(file, { passphrase: 'x', readonly: true })).toThrow(/passphrase is wrong/);
    expect(sha(file)).toBe(before.hash);
    expect(listing(dir)).toEqual(before.files);
    expect(fs.statSync(file).mtimeMs).toBe(before.mtime);
  });

  it('opens an unencrypted case without a passphrase, and says so when one is given', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'plain.jigsaw');
    CaseFile.open(file, { create: true }).close();
    expect(isEncryptedCaseFile(file)).toBe(false);
    const c = CaseFile.open(file);
    expect(c.summary().title).toBe('plain');
    c.close();
    const hash = sha(file);
    expectOpenFails(file, PASS, 'not_encrypted', /not encrypted/);
    expect(sha(file)).toBe(hash);
  });

  it('reads the same passphrase typed with composed or decomposed accents', async () => {
    const composed = 'caf\u00e9 au lait noir';
    const file = await encryptedCase(tempDir(), composed);
    const c = CaseFile.open(file, { passphrase: composed.normalize('NFD') });
    expect(c.summary().entryCount).toBe(2);
    c.close();
  });
});

describe('passphrase change (rekey)', () => {
  it('changes the passphrase: the old one no longer opens the case, the data is intact', async () => {
    const dir = tempDir();
    const file = await encryptedCase(dir);
    expect(changePassphrase(file, PASS, 'new passphrase 2')).toMatchObject({ action: 'changed', encrypted: true });
    expectOpenFails(file, PASS, 'wrong_passphrase', /passphrase is wrong/);
    const c = CaseFile.open(file, { passphrase: 'new passphrase 2' });
    expect(c.listEntries({}).entries[0]!.text).toBe(NOTE);
    expect(c.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(c.db.pragma('integrity_check', { simple: true })).toBe('ok');
    c.close();
    expect(fs.readFileSync(file).includes(Buffer.from('zebra-marker-4471'))).toBe(false);
  });

  it('encrypts an unencrypted case and can store it unencrypted again', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'c.jigsaw');
    const c = CaseFile.open(file, { create: true });
    await importExtract(c, writeFile(dir, 'p.csv', `Date,Notes\n01/02/2023,${NOTE}\n`), { agency: 'GP' });
    c.close();
    expect(changePassphrase(file, undefined, PASS).action).toBe('encrypted');
    expect(fs.readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(false);
    expect(fs.readFileSync(file).includes(Buffer.from('zebra-marker-4471'))).toBe(false);
    expect(changePassphrase(file, PASS, null).action).toBe('decrypted');
    expect(fs.readFileSync(file).subarray(0, 16).equals(SQLITE_HEADER)).toBe(true);
    const again = CaseFile.open(file);
    expect(again.listEntries({}).entries[0]!.text).toBe(NOTE);
    again.close();
  });

  it('refuses a wrong current passphrase or a short new one, changing nothing', async () => {
    const dir = tempDir();
    const file = await encryptedCase(dir);
    const hash = sha(file);
    expect(() => changePassphrase(file, 'not the one', 'another long one')).toThrow(/passphrase is wrong/);
    expect(() => changePassphrase(file, PASS, 'short')).toThrow(/at least 8 characters/);
    expect(sha(file)).toBe(hash);
    expect(listing(dir)).toEqual(['police.csv', 'secret.jigsaw']);
  });
});
