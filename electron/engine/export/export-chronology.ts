// Export the integrated chronology: open the rows (pseudonymised when asked), run the residual
// check, stream them into the format's writer, and record the export in the audit log. Rows are
// read from the case a batch at a time, so memory stays flat however long the chronology.
import crypto from 'node:crypto';
import path from 'node:path';
import { MIME_TYPES, type ExportedFile, type ExportFormat, type ExportOptions, type ResidualFinding } from '../../../shared/export.js';
import { assertKnownActor } from '../annotations/annotations.js';
import { carryForwardAnnotations } from '../annotations/carry-forward.js';
import { recordAudit, type Actor } from '../audit.js';
import type { CaseFile } from '../case-file.js';
import { JigsawError } from '../errors.js';
import { ensurePseudonyms, loadPeople } from '../pseudonymise/people.js';
import { caseIdentifiers, Pseudonymiser } from '../pseudonymise/pseudonymiser.js';
import { describeFindings } from '../pseudonymise/residual-check.js';
import { openChronology, type ExportHead } from './chronology-table.js';
import { paced, throwIfCancelled, type ExportHooks } from './export-progress.js';
import { OutputScan } from './export-scan.js';
import type { Writer } from './export-writer.js';
import { chronologyCsv } from './write-csv.js';
import { toDocx } from './write-docx.js';
import { toPdf } from './write-pdf.js';
import { toXlsx } from './write-xlsx.js';

const WRITERS: Record<ExportFormat, Writer> = { csv: chronologyCsv, xlsx: toXlsx, docx: toDocx, pdf: toPdf };

/**
 * Formats whose first page shows what only the whole output can tell (the key of abbreviations):
 * their rows are read once to check them, then again to write them. XLSX and CSV are checked as
 * they are written, and a refusal throws the finished bytes away.
 */
const CHECK_FIRST: ReadonlySet<ExportFormat> = new Set(['docx', 'pdf']);

export interface ExportRun extends ExportHooks {
  /**
   * Read every pass inside one read transaction, so the check sees exactly the rows the file
   * holds. Off only where the connection is shared with other callers while the export awaits
   * (an export run in the engine's own thread).
   */
  snapshot?: boolean;
}

function suggestedName(caseFile: CaseFile, opts: ExportOptions, now: Date): string {
  const base = path.basename(caseFile.file).replace(/\.jigsaw$/i, '').replace(/[^\p{L}\p{N}._-]+/gu, '-') || 'case';
  return `${base}-chronology${opts.pseudonymise ? '-pseudonymised' : ''}-${now.toISOString().slice(0, 10)}.${opts.format}`;
}

type Outcome = { head: ExportHead; residual: ResidualFinding[]; bytes: Uint8Array | null };

export async function exportChronology(caseFile: CaseFile, actor: Actor, opts: ExportOptions, now = new Date(), run: ExportRun = {}): Promise<ExportedFile> {
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
  throwIfCancelled(run);

  const snapshot = run.snapshot !== false && !db.inTransaction;
  if (snapshot) db.exec('BEGIN');
  let outcome: Outcome;
  try {
    const chronology = openChronology({ caseFile, actor, opts, pseudonymiser, people, now });
    const { head } = chronology;
    if (stranded > 0) {
      head.notes.push(`${stranded} annotated ${stranded === 1 ? 'entry was' : 'entries were'} replaced by a newer extract version in which ${stranded === 1 ? 'its row' : 'their rows'} changed: ${stranded === 1 ? 'its annotations are' : 'their annotations are'} not in this export.`);
    }
    const scan = new OutputScan(head, pseudonymiser?.ids ?? null);
    const refused = (): boolean => scan.findings().length > 0 && !opts.overrideResidual;
    const checkFirst = CHECK_FIRST.has(opts.format);
    if (checkFirst) for await (const r of paced(chronology.rows(), 'checking', head.rowCount, run)) scan.add(r);
    if (checkFirst && refused()) {
      outcome = { head, residual: scan.findings(), bytes: null };
    } else {
      const rows = paced(chronology.rows(), 'writing', head.rowCount, run, checkFirst ? undefined : (r) => scan.add(r));
      const bytes = await WRITERS[opts.format]({ head, rows, abbreviations: () => scan.abbreviations() });
      throwIfCancelled(run);
      outcome = { head, residual: scan.findings(), bytes: refused() ? null : bytes };
    }
  } finally {
    // Nothing was written inside the snapshot: ending it only lets go of the read.
    if (snapshot && db.inTransaction) db.exec('COMMIT');
  }

  const { head, residual, bytes } = outcome;
  const settings = { format: opts.format, from: opts.from ?? null, to: opts.to ?? null, agencies: opts.agencies ?? null, includeAnalysis: head.includeAnalysis, pseudonymise: head.pseudonymised };
  if (bytes === null) {
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
  db.transaction(() =>
    recordAudit(
      db,
      actor,
      {
        action: residual.length ? 'export_override' : 'export',
        entity: 'case',
        after: { ...settings, rows: head.rowCount, sha256: crypto.createHash('sha256').update(bytes).digest('hex'), ...(residual.length ? { overridden: residual } : {}) },
      },
      now,
    ),
  )();
  return { fileName: suggestedName(caseFile, opts, now), mimeType: MIME_TYPES[opts.format], bytes, rows: head.rowCount, residual };
}
