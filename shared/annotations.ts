// The chair's layer over the agencies' facts: markers, analysis, themes, same-day order,
// exclusions and corrections. Facts themselves are never edited. No Node, no DOM.
import { z } from 'zod';

export interface Correction {
  id: number;
  entryId: number;
  /** The fact the note corrects (e.g. "date", "text"), or null for the entry as a whole. */
  field: string | null;
  note: string;
  createdAt: string;
  createdBy: string;
}

export interface EntryAnnotations {
  entryId: number;
  keyEpisode: boolean;
  analysis: string | null;
  themes: string[];
  /** The chair's position of this entry among the entries of the same day (1 first). */
  sameDayOrder: number | null;
  excluded: boolean;
  excludeReason: string | null;
  corrections: Correction[];
  updatedAt: string | null;
  updatedBy: string | null;
}

export const annotationPatchSchema = z
  .object({
    keyEpisode: z.boolean().optional(),
    analysis: z.string().max(20_000).nullable().optional(),
    themes: z.array(z.string().trim().min(1).max(80)).max(30).optional(),
    sameDayOrder: z.number().int().min(1).max(10_000).nullable().optional(),
    excluded: z.boolean().optional(),
    excludeReason: z.string().trim().max(2_000).nullable().optional(),
  })
  .strict();
export type AnnotationPatch = z.infer<typeof annotationPatchSchema>;

export const correctionSchema = z.object({
  entryId: z.number().int().positive(),
  field: z.string().trim().min(1).max(40).nullable().optional(),
  note: z.string().trim().min(1).max(20_000),
});

/** Who is using this install: asked once, stamped on every change in the audit log. */
export interface UserIdentity {
  name: string;
  role: string;
}
export const userIdentitySchema = z.object({ name: z.string().trim().min(1).max(120), role: z.string().trim().min(1).max(120) });

export interface AuditEntry {
  id: number;
  at: string;
  actorName: string;
  actorRole: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  hash: string;
}

export interface AuditLogView {
  rows: AuditEntry[];
  /** Id of the first row whose hash does not match (tampering), or null when the chain is intact. */
  brokenAt: number | null;
}
