// What a Jigsaw template carries about itself, so a filled-in copy imports with an exact mapping:
// the review, the agency, the template version and its columns. Read back from untrusted files,
// so it is validated before anything uses it.
import { z } from 'zod';
import { TEMPLATE_FIELDS, type ReviewSettings, type TemplateIdentity } from '../../../shared/review.js';

export const TEMPLATE_FORMAT = 1;
/** Name of the XLSX template's hidden sheet and the Word template's custom document property. */
export const IDENTITY_SHEET = 'Jigsaw';
export const IDENTITY_PROPERTY = 'JigsawTemplate';

export const templatePayloadSchema = z.object({
  format: z.literal(TEMPLATE_FORMAT),
  reviewId: z.string().min(1).max(64),
  agency: z.string().trim().min(1).max(120),
  templateVersion: z.number().int().min(0),
  columns: z.array(z.object({ field: z.enum(TEMPLATE_FIELDS), heading: z.string().min(1).max(80), mandatory: z.boolean() })).min(1).max(TEMPLATE_FIELDS.length),
});
export type TemplatePayload = z.infer<typeof templatePayloadSchema>;

export function templatePayload(settings: ReviewSettings, identity: TemplateIdentity): TemplatePayload {
  return {
    format: TEMPLATE_FORMAT,
    ...identity,
    columns: settings.columns.filter((c) => c.wanted).map((c) => ({ field: c.field, heading: c.heading, mandatory: c.mandatory })),
  };
}

/** Parse a payload found in a file; null when it is not a (readable) Jigsaw template. */
export function parsePayload(text: string | undefined | null): TemplatePayload | null {
  if (!text || text.length > 100_000) return null;
  try {
    const r = templatePayloadSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

/** A file name part made of the agency's name: letters, digits and dashes only. */
export function slug(name: string): string {
  return name.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'agency';
}
