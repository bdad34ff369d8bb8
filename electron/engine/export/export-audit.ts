// The audit log as CSV (neutralised like every other export), with the chain's verification.
import type { AuditLogView } from '../../../shared/annotations.js';
import { MIME_TYPES, type ExportedFile } from '../../../shared/export.js';
import { readAudit, verifyAudit } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { toCsv } from './write-csv.js';

export function readAuditLog(caseFile: CaseFile): AuditLogView {
  return { rows: readAudit(caseFile.db), brokenAt: verifyAudit(caseFile.db) };
}

export function exportAuditLog(caseFile: CaseFile, now = new Date()): ExportedFile {
  const { rows, brokenAt } = readAuditLog(caseFile);
  const json = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v));
  const body = rows.map((r) => [String(r.id), r.at, r.actorName, r.actorRole, r.action, r.entity, r.entityId ?? '', json(r.before), json(r.after), r.hash]);
  const verdict = brokenAt === null ? `chain intact (${rows.length} changes)` : `CHAIN BROKEN at change ${brokenAt}: the log was altered outside Jigsaw`;
  body.push(['', now.toISOString(), '', '', 'verification', 'audit_log', '', '', verdict, '']);
  const bytes = toCsv(['Id', 'When (UTC)', 'Who', 'Role', 'Action', 'What', 'Which', 'Before', 'After', 'Hash'], body);
  return { fileName: `audit-log-${now.toISOString().slice(0, 10)}.csv`, mimeType: MIME_TYPES['audit-csv'], bytes, rows: rows.length, residual: [] };
}
