// Small deterministic cases for the chair's tests: a real import of a CSV written here, and
// people put straight into the people tables.
import path from 'node:path';
import type { CaseFile } from '../../electron/engine/case-file';
import { importExtract } from '../../electron/engine/import/import-extract';
import { tempCase, tempDir, writeFile } from './helpers';

export const CHAIR = { name: 'Morwenna Tregear', role: 'Independent reviewer' };

export async function caseWith(csv: string, agency = 'Police', fileName = 'police.csv'): Promise<CaseFile> {
  const c = tempCase();
  await importExtract(c, writeFile(tempDir(), fileName, csv), { agency });
  return c;
}

export async function addExtract(c: CaseFile, csv: string, agency: string, fileName: string): Promise<void> {
  await importExtract(c, path.join(writeFile(tempDir(), fileName, csv)), { agency });
}

export function addPerson(
  c: CaseFile,
  p: { name: string; role: string; aliases?: string[]; pseudonym?: string; dob?: string; nhs?: string; address?: string },
): number {
  const id = Number(
    c.db
      .prepare('INSERT INTO persons(display_name, role, pseudonym, dob, nhs_number, address) VALUES (?,?,?,?,?,?)')
      .run(p.name, p.role, p.pseudonym ?? null, p.dob ?? null, p.nhs ?? null, p.address ?? null).lastInsertRowid,
  );
  for (const a of p.aliases ?? []) c.db.prepare('INSERT INTO person_aliases(person_id, alias) VALUES (?, ?)').run(id, a);
  return id;
}

export function entryIds(c: CaseFile): number[] {
  return (c.db.prepare('SELECT id FROM entries WHERE active = 1 ORDER BY date, id').all() as { id: number }[]).map((r) => r.id);
}
