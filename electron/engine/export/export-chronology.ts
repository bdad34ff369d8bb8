// Export the integrated chronology: build the table (pseudonymised when asked), run the residual
// check, render the format, and record the export in the audit log.
import crypto from 'node:crypto';
import path from 'node:path';
import { MIME_TYPES, type ExportedFile, type ExportFormat, type ExportOptions } from '../../../shared/export.js';
import { assertKnownActor } from '../annotations/annotations.js';
import { carryForwardAnnotations } from '../annotations/carry-forward.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { ensurePseudonyms, loadPeople } from '../pseudonymise/people.js';
import { caseIdentifiers, Pseudonymiser } from '../pseudonymise/pseudonymiser.js';
import { describeFindings, residualCheck } from '../pseudonymise/residual-check.js';
import { buildChronologyTable, tableTexts, type ExportTable } from './chronology-table.js';
import { toCsv } from './write-csv.js';
import { toDocx } from './write-docx.js';
import { toPdf } from './write-pdf.js';
import { toXlsx } from './write-xlsx.js';

export async function renderTable(t: ExportTable, format: ExportFormat): Promise<Uint8Array> {
  switch (format) {
    case 'csv':
      return toCsv(
        t.columns.map((c) => c.header),
        t.rows.map((r) => t.columns.map((c) => r[c.key] ?? '')),
      );
    case 'xlsx':
      return toXlsx(t);
    case 'docx':
      return toDocx(t);
    case 'pdf':
      return toPdf(t);
  }
}

function suggestedName(caseFile: CaseFile, opts: ExportOptions, now: Date): string {
  const base = path.basename(caseFile.file).replace(/\.jigsaw$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'case';
  return `${base}-chronology${opts.pseudonymise ? '-pseudonymised' : ''}-${now.toISOString().slice(0, 10)}.${opts.format}`;
}

export async function exportChronology(caseFile: CaseFile, actor: Actor, opts: ExportOptions, now = new Date()): Promise<ExportedFile> {
  assertKnownActor(actor);
  const db = caseFile.db;
  // Annotations made before an agency sent a new version follow their rows into it.
  const { stranded } = carryForwardAnnotations(db);
  let people = loadPeople(db);
  let pseudonymiser: Pseudonymiser | null = null;
  if (opts.pseudonymise) {
    people = db.transaction(() => ensurePseudonyms(db, actor, caseFile.summary().reviewType))();
    pseudonymiser = new Pseudonymiser(caseIdentifiers(db, people));
  }
  const table = buildChronologyTable({ caseFile, actor, opts, pseudonymiser, people, now });
  if (stranded > 0) {
    table.notes.push(`${stranded} annotated ${stranded === 1 ? 'entry was' : 'entries were'} replaced by a newer extract version in which ${stranded === 1 ? 'its row' : 'their rows'} changed: ${stranded === 1 ? 'its annotations are' : 'their annotations are'} not in this export.`);
  }
  const residual = pseudonymiser ? residualCheck(tableTexts(table), pseudonymiser.ids) : [];
  const settings = { format: opts.format, from: opts.from ?? null, to: opts.to ?? null, agencies: opts.agencies ?? null, includeAnalysis: table.includeAnalysis, pseudonymise: table.pseudonymised };
  if (residual.length > 0 && !opts.overrideResidual) {
    // The refusal is logged by kind and place only: the log should not repeat what was caught.
    db.transaction(() =>
      recordAudit(db, actor, { action: 'export_refused', entity: 'case', after: { ...settings, found: residual.map((f) => ({ kind: f.kind, where: f.where })) } }, now),
    )();
    throw new JigsawError(
      'residual_identifiers',
      `Not exported: the pseudonymised chronology still identifies someone. Found ${describeFindings(residual)}. ` +
        'Correct the people or text (or export anyway, which is recorded in the audit log).',
    );
  }
  const bytes = await renderTable(table, opts.format);
  db.transaction(() =>
    recordAudit(
      db,
      actor,
      {
        action: residual.length ? 'export_override' : 'export',
        entity: 'case',
        after: { ...settings, rows: table.rows.length, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), ...(residual.length ? { overridden: residual } : {}) },
      },
      now,
    ),
  )();
  return { fileName: suggestedName(caseFile, opts, now), mimeType: MIME_TYPES[opts.format], bytes, rows: table.rows.length, residual };
}
