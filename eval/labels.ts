// The label format of a blind evaluation case (eval/LABELS.md), checked with zod so a slip in a
// hand-written or generated labels.json is reported by file and field, not scored as a miss.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const rowRef = z.tuple([z.string(), z.number().int().positive()]);

const personSchema = z.object({
  ref: z.string(),
  name: z.string(),
  kind: z.enum(['subject', 'family', 'associate', 'professional', 'namesake', 'other']),
  written: z.array(z.string()).default([]),
  identifiers: z.array(z.string()).default([]),
});

const rowSchema = z.object({
  file: z.string(),
  row: z.number().int().positive(),
  key: z.string().optional(),
  status: z.enum(['entry', 'duplicate', 'bad', 'divider']),
  date: isoDate.optional(),
  dateTo: isoDate.optional(),
  time: z.string().regex(/^\d{2}:\d{2}$/).nullable().optional(),
  precision: z.enum(['day', 'week', 'month', 'season', 'year', 'approximate']).optional(),
  people: z.array(z.string()).default([]),
  signal: z.enum(['concern', 'response', 'routine']).optional(),
  concernAbout: z.string().nullable().optional(),
  duplicateOf: z.number().int().positive().optional(),
  badReason: z.string().optional(),
});

const periodSchema = z.object({ ref: z.string(), person: z.string(), from: isoDate, to: isoDate, why: z.string().optional() });

export const labelsSchema = z.object({
  case: z.string(),
  title: z.string(),
  reviewType: z.string(),
  settings: z.object({
    periodFrom: isoDate.nullable().optional(),
    periodTo: isoDate.nullable().optional(),
    incident: z.object({ date: isoDate, kind: z.string() }).nullable().optional(),
    people: z
      .array(
        z.object({
          ref: z.string().optional(),
          name: z.string(),
          role: z.enum(['subject', 'family', 'associate', 'other']),
          dob: isoDate.nullable().optional(),
          identifiers: z.string().optional(),
        }),
      )
      .default([]),
  }),
  people: z.array(personSchema),
  extracts: z.array(z.object({ file: z.string(), agency: z.string(), notes: z.string().optional() })),
  rows: z.array(rowSchema),
  links: z.array(z.object({ why: z.string().optional(), rows: z.array(rowRef).min(2) })).default([]),
  clusters: z
    .array(periodSchema.extend({ agencies: z.array(z.string()).default([]), rows: z.array(rowRef).default([]), expected: z.enum(['missed', 'responded']).default('missed'), rank: z.number().int().positive().optional() }))
    .default([]),
  controls: z.array(periodSchema.extend({ kind: z.string() })).default([]),
});

export type Labels = z.infer<typeof labelsSchema>;
export type LabelRow = Labels['rows'][number];
export type LabelPerson = Labels['people'][number];

/** A case folder's labels, refused with the field that is wrong. */
export function readLabels(dir: string): Labels {
  const file = path.join(dir, 'labels.json');
  const parsed = labelsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`${file}: ${i.path.join('.')}: ${i.message}`);
  }
  const labels = parsed.data;
  const refs = new Set(labels.people.map((p) => p.ref));
  for (const r of labels.rows) for (const p of r.people) if (!refs.has(p)) throw new Error(`${file}: row ${r.file}#${r.row} names unknown person ${p}`);
  return labels;
}

export const rowKey = (file: string, row: number): string => `${file}#${row}`;
