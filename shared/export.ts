// Export of the integrated chronology: formats, options, and the file handed back to the
// renderer (bytes + a suggested name) so it can be saved the same way in Electron and a browser.
import { z } from 'zod';
import {
  annotationPatchSchema,
  correctionSchema,
  userIdentitySchema,
  type AnnotationPatch,
  type AuditLogView,
  type EntryAnnotations,
  type UserIdentity,
} from './annotations.js';

export const EXPORT_FORMATS = ['xlsx', 'csv', 'docx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
/** Chosen by the window (32 hex digits) so it can poll or cancel the export it started. */
const exportJobId = z.string().regex(/^[a-f0-9]{32}$/);

export const exportOptionsSchema = z.object({
  format: z.enum(EXPORT_FORMATS),
  from: isoDate.optional(),
  to: isoDate.optional(),
  agencies: z.array(z.string().max(500)).max(100).optional(),
  /** Include the analysis columns (agency analysis, chair's analysis, themes). */
  includeAnalysis: z.boolean().optional(),
  pseudonymise: z.boolean().optional(),
  /** Export even though the residual check found identifiers (recorded in the audit log). */
  overrideResidual: z.boolean().optional(),
  /** Names the export for getExportProgress / cancelExport while it runs. */
  jobId: exportJobId.optional(),
});
export type ExportOptions = z.infer<typeof exportOptionsSchema>;

export interface ExportedFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  rows: number;
  /** What the residual check found (empty unless the chair overrode a refusal). */
  residual: ResidualFinding[];
}

export interface ResidualFinding {
  kind: 'name' | 'dob' | 'nhs_number' | 'address' | 'postcode';
  /** The text found in the output. */
  found: string;
  /** Where: "row 3, Event" or "cover page". */
  where: string;
}

export type ExportState = 'running' | 'done' | 'failed' | 'cancelled' | 'unknown';

export interface ExportProgress {
  state: ExportState;
  /** DOCX and PDF read every row once to check it (and find the abbreviations) before writing. */
  phase: 'checking' | 'writing';
  /** Rows done in this phase, of `total`. */
  rows: number;
  total: number;
  /** Share of the whole export done, 0-100. */
  percent: number;
}

export const MIME_TYPES: Record<ExportFormat | 'audit-csv', string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  'audit-csv': 'text/csv',
};

// The chair's part of the contract: annotations, user identity, audit log and export. Spread into
// `apiArgs` and extended by `JigsawApi` in api.ts.

export const chairApiArgs = {
  getUser: z.tuple([]),
  setUser: z.tuple([userIdentitySchema]),
  getAnnotations: z.tuple([z.number().int().positive()]),
  annotateEntry: z.tuple([z.object({ entryId: z.number().int().positive(), patch: annotationPatchSchema })]),
  addCorrection: z.tuple([correctionSchema]),
  readAuditLog: z.tuple([]),
  exportAuditLog: z.tuple([]),
  exportChronology: z.tuple([exportOptionsSchema]),
  getExportProgress: z.tuple([exportJobId]),
  cancelExport: z.tuple([exportJobId]),
} as const;

export interface ChairApi {
  /** The user of this install, or null until they have said who they are. */
  getUser(): Promise<UserIdentity | null>;
  setUser(user: UserIdentity): Promise<UserIdentity>;
  getAnnotations(entryId: number): Promise<EntryAnnotations>;
  annotateEntry(req: { entryId: number; patch: AnnotationPatch }): Promise<EntryAnnotations>;
  addCorrection(req: { entryId: number; field?: string | null; note: string }): Promise<EntryAnnotations>;
  readAuditLog(): Promise<AuditLogView>;
  exportAuditLog(): Promise<ExportedFile>;
  /** The integrated chronology as a file; refused (code "residual_identifiers") when a pseudonymised output still identifies someone. */
  exportChronology(opts: ExportOptions): Promise<ExportedFile>;
  /** Progress of the export started with `opts.jobId` (poll while `exportChronology` is running). */
  getExportProgress(jobId: string): Promise<ExportProgress>;
  /** Stop that export: it fails with code "cancelled" and nothing is written or recorded as exported. */
  cancelExport(jobId: string): Promise<ExportProgress>;
}
