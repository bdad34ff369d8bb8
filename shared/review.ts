// The review's side of the contract: settings the chair keeps in the case, the request pack sent to
// each agency, the dashboard of agencies, sign-off of an extract version, and silent periods.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const REVIEW_TYPES = [
  'Safeguarding Adults Review',
  'Child Safeguarding Practice Review',
  'Domestic Homicide Review',
  'Single Unified Safeguarding Review',
] as const;

/** The canonical chronology columns a template can ask for (agency and provenance are stamped on import). */
export const TEMPLATE_FIELDS = ['sequence', 'date', 'time', 'endDate', 'person', 'contactType', 'practitioner', 'text', 'outcome', 'analysis', 'source', 'reference'] as const;
export type TemplateField = (typeof TEMPLATE_FIELDS)[number];

/** Every template carries these: a chronology without a date or an event is not one. */
export const ALWAYS_MANDATORY: readonly TemplateField[] = ['date', 'text'];

export const reviewPersonSchema = z.object({
  name: z.string().trim().min(1).max(200),
  role: z.enum(['subject', 'family', 'associate', 'other']),
  dob: isoDate.nullable(),
  /** NHS number, other names, addresses: as the chair writes them. */
  identifiers: z.string().max(1000),
});

export const reviewColumnSchema = z.object({
  field: z.enum(TEMPLATE_FIELDS),
  heading: z.string().trim().min(1).max(80),
  wanted: z.boolean(),
  mandatory: z.boolean(),
});

export const reviewSettingsSchema = z
  .object({
    title: z.string().trim().min(1).max(200),
    reviewType: z.string().trim().min(1).max(120),
    periodFrom: isoDate.nullable(),
    periodTo: isoDate.nullable(),
    /** The date of death or of the serious incident: what comes after it answers nothing before it. */
    incidentDate: isoDate.nullable().optional(),
    people: z.array(reviewPersonSchema).max(50),
    agencies: z.array(z.string().trim().min(1).max(120)).max(100),
    columns: z.array(reviewColumnSchema).min(1).max(TEMPLATE_FIELDS.length),
    contactTypes: z.array(z.string().trim().min(1).max(80)).max(100),
    glossary: z.array(z.object({ abbreviation: z.string().trim().min(1).max(40), meaning: z.string().trim().min(1).max(300) })).max(500),
    /** A span with no entry from any agency longer than this is a silent period. */
    silentGapDays: z.number().int().min(1).max(3650),
  })
  .refine((s) => !s.periodFrom || !s.periodTo || s.periodFrom <= s.periodTo, { message: 'the review period ends before it starts', path: ['periodTo'] })
  .refine((s) => new Set(s.columns.map((c) => c.field)).size === s.columns.length, { message: 'a column is listed twice', path: ['columns'] })
  .refine((s) => ALWAYS_MANDATORY.every((f) => s.columns.some((c) => c.field === f && c.wanted && c.mandatory)), {
    message: 'the date and event columns are always wanted and mandatory',
    path: ['columns'],
  })
  .refine((s) => new Set(s.agencies.map((a) => a.toLowerCase())).size === s.agencies.length, { message: 'an agency is listed twice', path: ['agencies'] });

export type ReviewPerson = z.infer<typeof reviewPersonSchema>;
export type ReviewColumn = z.infer<typeof reviewColumnSchema>;
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export interface ReviewSettingsView {
  settings: ReviewSettings;
  /** Identifies this review in every template made from it. */
  reviewId: string;
  /** Goes up by one with each saved change; templates carry it as their version. */
  revision: number;
  /** False until the chair first saves settings (defaults shown, no review rules applied). */
  saved: boolean;
  /** When no incident date is set: the one read from the entries (used by the clusters), and why. */
  proposedIncident: ProposedIncident | null;
}

export interface ProposedIncident {
  date: string;
  why: string;
}

export const packKindSchema = z.enum(['xlsx', 'docx', 'cover']);
export type PackKind = z.infer<typeof packKindSchema>;

export interface PackFile {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

export interface AgencySignOff {
  version: number;
  name: string;
  role: string;
  /** The date the agency lead gave, YYYY-MM-DD. */
  date: string;
  recordedAt: string;
}

export type AgencyState = 'awaiting' | 'awaiting_sign_off' | 'signed_off' | 'needs_new_sign_off';

export interface AgencyStatus {
  agency: string;
  asked: boolean;
  received: null | {
    version: number;
    extractId: number;
    fileName: string;
    importedAt: string;
    imported: number;
    /** The template version the file was filled in on, when it came from a Jigsaw template. */
    templateVersion: number | null;
  };
  /** Problems recorded for the version in use: rejected rows, warnings (rule checks included), duplicates. */
  problems: { rejected: number; warnings: number; duplicates: number };
  /** The latest sign-off for any version of this agency's extract. */
  signOff: AgencySignOff | null;
  state: AgencyState;
}

export const signOffSchema = z.object({
  agency: z.string().trim().min(1).max(120),
  version: z.number().int().positive(),
  name: z.string().trim().min(1).max(200),
  role: z.string().trim().min(1).max(200),
  date: isoDate,
});
export type SignOffRequest = z.infer<typeof signOffSchema>;

export interface SilentSpan {
  /** First and last silent day, inclusive. */
  from: string;
  to: string;
  days: number;
}

export interface SilentPeriods {
  gapDays: number;
  /** The span searched: the review period, or the entries' own span when no period is set. */
  from: string | null;
  to: string | null;
  /** Spans longer than `gapDays` with no entry from any agency. */
  subject: SilentSpan[];
  /** Per agency with an extract in use: spans longer than `gapDays` with no contact. */
  agencies: { agency: string; agencyId: number; spans: SilentSpan[] }[];
}

/** What a Jigsaw template says about itself (hidden sheet in XLSX, document property in Word). */
export interface TemplateIdentity {
  reviewId: string;
  agency: string;
  templateVersion: number;
}

/** The review's API methods: argument schemas (spread into `apiArgs`) and signatures (extended by `JigsawApi`). */
export const reviewApiArgs = {
  getReviewSettings: z.tuple([]),
  updateReviewSettings: z.tuple([reviewSettingsSchema]),
  requestPack: z.tuple([z.object({ agency: z.string().trim().min(1).max(120), kind: packKindSchema })]),
  reviewDashboard: z.tuple([]),
  signOffExtract: z.tuple([signOffSchema]),
  silentPeriods: z.tuple([]),
} as const;

export interface ReviewApi {
  getReviewSettings(): Promise<ReviewSettingsView>;
  /** Save the chair's settings (audited); the revision goes up by one. */
  updateReviewSettings(settings: ReviewSettings): Promise<ReviewSettingsView>;
  /** One file of an agency's request pack: XLSX template, Word template or cover note. */
  requestPack(req: { agency: string; kind: PackKind }): Promise<PackFile>;
  reviewDashboard(): Promise<AgencyStatus[]>;
  /** Record an agency lead's sign-off of the extract version in use (audited). */
  signOffExtract(req: SignOffRequest): Promise<AgencyStatus>;
  silentPeriods(): Promise<SilentPeriods>;
}
