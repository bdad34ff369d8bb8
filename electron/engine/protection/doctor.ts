// `jigsaw doctor`: is this case whole? Integrity, schema version, what it holds, whether the audit
// chain is unbroken and whether it is encrypted. Opens read-only: diagnosing never changes the case.
import fs from 'node:fs';
import path from 'node:path';
import { verifyAudit } from '../audit.js';
import { CURRENT_SCHEMA_VERSION, isEncryptedCaseFile, openCaseDb, schemaVersion } from '../db/open-case-db.js';
import { caseFilesOnDisk } from './case-paths.js';

export interface DoctorReport {
  file: string;
  ok: boolean;
  bytes: number;
  encrypted: boolean;
  cipher: string | null;
  integrity: string[];
  schemaVersion: number;
  appSchemaVersion: number;
  counts: { agencies: number; extracts: number; rawRows: number; entries: number; problems: number; auditRows: number };
  /** null when the chain is unbroken, else the id of the first audit row that does not match. */
  auditBrokenAt: number | null;
  sidecars: string[];
  problems: string[];
}

export function doctor(file: string, passphrase: string | undefined): DoctorReport {
  const encrypted = isEncryptedCaseFile(file);
  const db = openCaseDb(file, { passphrase, readonly: true });
  try {
    const integrity = (db.pragma('integrity_check(100)') as { integrity_check: string }[]).map((r) => r.integrity_check);
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
    const count = (t: string): number => (tables.has(t) ? (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n : 0);
    const version = schemaVersion(db);
    const auditBrokenAt = tables.has('audit_log') ? verifyAudit(db) : null;
    const problems: string[] = [];
    if (integrity.join() !== 'ok') problems.push(`integrity check failed: ${integrity.slice(0, 3).join('; ')}`);
    if (auditBrokenAt !== null) problems.push(`the audit trail was altered at row ${auditBrokenAt}`);
    if (version > CURRENT_SCHEMA_VERSION) problems.push(`written by a newer Jigsaw (schema ${version}, this one knows ${CURRENT_SCHEMA_VERSION})`);
    if (!encrypted) problems.push('not encrypted: anyone with the file can read it (set a passphrase with "jigsaw passphrase")');
    const broken = problems.some((p) => !p.startsWith('not encrypted'));
    return {
      file: path.resolve(file),
      ok: !broken,
      bytes: fs.statSync(file).size,
      encrypted,
      cipher: encrypted ? String(db.pragma('cipher', { simple: true })) : null,
      integrity,
      schemaVersion: version,
      appSchemaVersion: CURRENT_SCHEMA_VERSION,
      counts: {
        agencies: count('agencies'),
        extracts: count('extracts'),
        rawRows: count('raw_rows'),
        entries: count('entries'),
        problems: count('import_problems'),
        auditRows: count('audit_log'),
      },
      auditBrokenAt,
      sidecars: caseFilesOnDisk(file).filter((f) => f !== file).map((f) => path.basename(f)),
      problems,
    };
  } finally {
    db.close();
  }
}
