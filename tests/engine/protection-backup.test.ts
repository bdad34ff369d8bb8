// Backup, restore, doctor and closing a review, on real case files (encrypted and not).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../../electron/engine/audit';
import { CaseFile } from '../../electron/engine/case-file';
import { importExtract } from '../../electron/engine/import/import-extract';
import { backupCase, restoreCase } from '../../electron/engine/protection/backup';
import { closeReview } from '../../electron/engine/protection/close-review';
import { doctor } from '../../electron/engine/protection/doctor';
import { secureDelete } from '../../electron/engine/protection/secure-delete';
import { tempDir, writeFile } from './helpers';

const PASS = 'a long enough passphrase';
const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

async function makeCase(dir: string, passphrase?: string, name = 'case.jigsaw'): Promise<string> {
  const file = path.join(dir, name);
  const c = CaseFile.open(file, { create: true, passphrase });
  await importExtract(c, writeFile(dir, 'gp.csv', 'Date,Notes\n13/02/2023,Seen for bruising - marker-9931\n15/02/2023,Review\n'), { agency: 'GP' });
  recordAudit(c.db, { name: 'Chair', role: 'chair' }, { action: 'rename', entity: 'case', before: 'a', after: 'b' });
  c.close();
  return file;
}

describe.each([
  ['unencrypted', undefined],
  ['encrypted', PASS],
])('backup and restore (%s case)', (_label, passphrase) => {
  it('backs up while the case is open and in use, and the copy reopens intact', async () => {
    const dir = tempDir();
    const file = await makeCase(dir, passphrase);
    const open = CaseFile.open(file, { passphrase }); // the app holds the case open meanwhile
    open.setMeta('title', 'Changed while open');
    try {
      const b = await backupCase(file, path.join(dir, 'backup.jigsaw'), passphrase);
      expect(b).toMatchObject({ integrity: 'ok', encrypted: passphrase !== undefined, tables: { entries: 2, audit_log: 1 } });
      expect(fs.readFileSync(b.file).subarray(0, 16).equals(HEADER)).toBe(passphrase === undefined);
      expect(fs.readFileSync(b.file).includes(Buffer.from('marker-9931'))).toBe(passphrase === undefined);
      const copy = CaseFile.open(b.file, { passphrase });
      expect(copy.summary()).toMatchObject({ title: 'Changed while open', entryCount: 2 });
      copy.close();
      expect(fs.readdirSync(dir).filter((f) => f.includes('.part'))).toEqual([]);
    } finally {
      open.close();
    }
  });

  it('restores a backup over a damaged case only with force, and never to the backup itself', async () => {
    const dir = tempDir();
    const file = await makeCase(dir, passphrase);
    const b = await backupCase(file, path.join(dir, 'backup.jigsaw'), passphrase);
    // Later work, then the case is lost.
    const c = CaseFile.open(file, { passphrase });
    c.setMeta('title', 'after the backup');
    c.close();
    await expect(restoreCase(b.file, file, passphrase)).rejects.toThrow(/already exists/);
    await expect(restoreCase(b.file, b.file, passphrase, { force: true })).rejects.toThrow(/different file/);
    const r = await restoreCase(b.file, file, passphrase, { force: true });
    expect(r.tables).toMatchObject({ entries: 2, extracts: 1, audit_log: 1 });
    const back = CaseFile.open(file, { passphrase });
    expect(back.meta('title')).toBe('case');
    expect(back.db.pragma('integrity_check', { simple: true })).toBe('ok');
    back.close();
    const fresh = await restoreCase(b.file, path.join(dir, 'elsewhere.jigsaw'), passphrase);
    expect(fresh.file).toBe(path.join(dir, 'elsewhere.jigsaw'));
  });
});

describe('backup refusals', () => {
  it('refuses a wrong passphrase and writes no file', async () => {
    const dir = tempDir();
    const file = await makeCase(dir, PASS);
    await expect(backupCase(file, path.join(dir, 'b.jigsaw'), 'wrong wrong wrong')).rejects.toThrow(/passphrase is wrong/);
    expect(fs.existsSync(path.join(dir, 'b.jigsaw'))).toBe(false);
  });

  it('refuses to restore a backup that is not a case, leaving the case untouched', async () => {
    const dir = tempDir();
    const file = await makeCase(dir);
    const junk = writeFile(dir, 'junk.jigsaw', 'this is not a database at all'.repeat(200));
    const before = fs.readFileSync(file);
    await expect(restoreCase(junk, file, undefined, { force: true })).rejects.toThrow(/junk\.jigsaw/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('doctor', () => {
  it('reports integrity, schema, counts, audit chain and encryption', async () => {
    const dir = tempDir();
    const file = await makeCase(dir, PASS);
    const r = doctor(file, PASS);
    expect(r).toMatchObject({
      ok: true,
      encrypted: true,
      cipher: 'sqlcipher',
      integrity: ['ok'],
      counts: { agencies: 1, extracts: 1, rawRows: 3, entries: 2, problems: 0, auditRows: 1 },
      auditBrokenAt: null,
    });
    expect(r.schemaVersion).toBe(r.appSchemaVersion);
    const plain = doctor(await makeCase(tempDir()), undefined);
    expect(plain.encrypted).toBe(false);
    expect(plain.ok).toBe(true);
    expect(plain.problems.join()).toMatch(/not encrypted/);
  });

  it('finds an audit row that was altered behind the app', async () => {
    const dir = tempDir();
    const file = await makeCase(dir);
    const c = CaseFile.open(file);
    recordAudit(c.db, { name: 'Chair', role: 'chair' }, { action: 'tag', entity: 'entry', entityId: 1, after: 'key' });
    c.db.exec('DROP TRIGGER audit_log_no_update');
    c.db.prepare(`UPDATE audit_log SET actor_name = 'Someone else' WHERE id = 2`).run();
    c.close();
    const r = doctor(file, undefined);
    expect(r.ok).toBe(false);
    expect(r.auditBrokenAt).toBe(2);
    expect(r.problems.join()).toMatch(/audit trail was altered at row 2/);
  });
});

describe('closing a review', () => {
  it('needs the final export before deleting anything', async () => {
    const dir = tempDir();
    const file = await makeCase(dir, PASS);
    expect(() => closeReview(file, { passphrase: PASS })).toThrow(/final export/);
    expect(() => closeReview(file, { passphrase: PASS, exportFile: path.join(dir, 'missing.xlsx') })).toThrow(/not found/);
    expect(() => closeReview(file, { passphrase: 'wrong passphrase!', exportConfirmed: true })).toThrow(/passphrase is wrong/);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('overwrites and deletes the case, its companions and the named backups, keeping the export', async () => {
    const dir = tempDir();
    const file = await makeCase(dir, PASS);
    const b = await backupCase(file, path.join(dir, 'backup.jigsaw'), PASS);
    const exported = writeFile(dir, 'final.xlsx', 'the final chronology');
    const holder = CaseFile.open(file, { passphrase: PASS }); // leaves a -wal and -shm on disk
    holder.setMeta('title', 'x');
    holder.close();
    const r = closeReview(file, { passphrase: PASS, exportFile: exported, backups: [b.file] });
    expect(r.deleted.map((d) => path.basename(d.file)).sort()).toEqual(['backup.jigsaw', 'case.jigsaw']);
    expect(fs.readdirSync(dir).sort()).toEqual(['final.xlsx', 'gp.csv']);
    expect(r.limits).toMatch(/SSD/);
  });

  it('overwrites the bytes before unlinking (seen through a second hard link)', () => {
    const dir = tempDir();
    const file = writeFile(dir, 'note.txt', 'known plaintext 5521 '.repeat(1000));
    fs.linkSync(file, path.join(dir, 'other-name.txt'));
    const [d] = secureDelete([file, path.join(dir, 'not-there')]);
    expect(d).toMatchObject({ bytes: 21000, overwritten: true });
    expect(fs.existsSync(file)).toBe(false);
    const left = fs.readFileSync(path.join(dir, 'other-name.txt'));
    expect(left.length).toBe(21000);
    expect(left.includes(Buffer.from('known plaintext'))).toBe(false);
  });
});

describe('restore leaves the backup as it was', () => {
  it('adds no companion files next to the backup', async () => {
    const dir = tempDir();
    const file = await makeCase(dir, PASS);
    const b = await backupCase(file, path.join(dir, 'b.jigsaw'), PASS);
    const bytes = fs.readFileSync(b.file);
    await restoreCase(b.file, path.join(dir, 'restored.jigsaw'), PASS);
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('b.jigsaw') || f.startsWith('restored.jigsaw')).sort()).toEqual(['b.jigsaw', 'restored.jigsaw']);
    expect(fs.readFileSync(b.file).equals(bytes)).toBe(true);
  });
});
