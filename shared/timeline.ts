// Timeline contract: what the timeline, its activity strip, search and saved views exchange with
// the engine. No Node, no DOM.
import { z } from 'zod';
import type { SignalKind } from './signals.js';
import type { EntryQuery, TimelineEntry } from './types.js';

/** A shaded period drawn behind the lanes (e.g. a missed-signal cluster). */
export interface TimelineBand {
  id: string;
  /** YYYY-MM-DD (or an ISO date-time). */
  start: string;
  /** YYYY-MM-DD inclusive (or an ISO date-time). */
  end: string;
  /** Applied to the band's element; never taken from agency text. */
  className: string;
  label: string;
  /** The agency lane (agency id) to shade; behind every lane when absent. */
  group?: number;
}

/** Bucket sizes for counts drawn instead of entries when too many are in view. */
export const BUCKET_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type BucketPeriod = (typeof BUCKET_PERIODS)[number];

/** Entries of one agency starting in one period. */
export interface TimelineBucket {
  agencyId: number;
  /** First day of the period, YYYY-MM-DD. */
  start: string;
  /** First day of the next period, YYYY-MM-DD (exclusive). */
  end: string;
  count: number;
}

export interface WindowQuery extends EntryQuery {
  from: string;
  to: string;
  /** Most entries to return as items; above it, counts per agency and period come back instead. */
  cap: number;
  /** Period for the counts when over the cap. */
  period: BucketPeriod;
  /** Counts cover the whole periods at the window's edges (their total still counts the window). */
  wholePeriods?: boolean;
  /** The part of [from, to] on screen: the cap and `total` apply to it, and [from, to] around it is
   *  sent as well (when not too many entries), so small pans and zooms need no new query. */
  view?: { from: string; to: string };
}

/** `covered`: the dates whose entries (or counts) the answer holds completely. */
export type TimelineWindow =
  | { mode: 'entries'; total: number; entries: TimelineEntry[]; covered?: { from: string; to: string } }
  | {
      mode: 'buckets';
      total: number;
      period: BucketPeriod;
      buckets: TimelineBucket[];
      covered?: { from: string; to: string };
      /** Entries starting on each day of `covered`, from its first day: counts any window inside it. */
      perDay?: { from: string; counts: number[] };
    };

/** Entries per agency per calendar month, for the activity strip. */
export interface ActivityMonth {
  agencyId: number;
  /** YYYY-MM */
  month: string;
  count: number;
}

/** A named set of filters kept in the case. */
export interface SavedView {
  id: number;
  name: string;
  query: ViewFilters;
  updatedAt: string;
}

/** The filters a saved view holds (everything in EntryQuery except paging). */
export type ViewFilters = Omit<EntryQuery, 'limit'>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Runtime check of the filters any timeline call or saved view carries. */
export const viewFiltersSchema = z.object({
  from: isoDate.optional(),
  to: isoDate.optional(),
  agencies: z.array(z.string().max(500)).max(100).optional(),
  search: z.string().max(500).optional(),
  persons: z.array(z.number().int().positive()).max(100).optional(),
  themes: z.array(z.string().max(100)).max(50).optional(),
  signals: z.array(z.enum(['concern', 'response', 'routine'])).max(3).optional(),
});

export const windowQuerySchema = viewFiltersSchema.extend({
  from: isoDate,
  to: isoDate,
  cap: z.number().int().min(1).max(2000),
  period: z.enum(BUCKET_PERIODS),
  wholePeriods: z.boolean().optional(),
  view: z.object({ from: isoDate, to: isoDate }).optional(),
});

/** Columns the chronology table can be sorted by; the date order breaks every tie. */
export const CHRONOLOGY_SORTS = ['date', 'agency', 'signal'] as const;
export type ChronologySort = (typeof CHRONOLOGY_SORTS)[number];

/** Most rows one chronology page may hold: a screenful or two, never the case. */
export const CHRONOLOGY_PAGE_MAX = 500;

export const chronologyQuerySchema = viewFiltersSchema.extend({
  sort: z.enum(CHRONOLOGY_SORTS),
  descending: z.boolean().optional(),
  offset: z.number().int().min(0).max(100_000_000),
  limit: z.number().int().min(1).max(CHRONOLOGY_PAGE_MAX),
  /** An entry to find: the page holding it comes back (and its row number in `found`). */
  find: z.number().int().positive().optional(),
});
export type ChronologyQuery = z.infer<typeof chronologyQuerySchema>;

/** One row of the chronology table: the entry's facts (as TimelineEntry has them) and what other modules know about it. */
export interface ChronologyRow
  extends Pick<TimelineEntry, 'id' | 'agency' | 'agencyId' | 'date' | 'dateTo' | 'precision' | 'flags' | 'originalDate' | 'time' | 'contactType' | 'outcome' | 'personText'> {
  /** Untrusted agency text, cut to `CHRONOLOGY_TEXT_MAX` characters (the detail panel has it whole). */
  text: string;
  /** People resolved across agencies that the entry mentions. */
  people: { id: number; name: string; pseudonym: string | null }[];
  signal: SignalKind | null;
  /** Missed-signal clusters (still detected) the entry is evidence of. */
  clusters: { id: number; status: 'missed' | 'responded' }[];
  /** Entries elsewhere recording the same event. */
  links: number;
  /** The chair's correction notes, and their analysis if any. */
  notes: number;
}

export const CHRONOLOGY_TEXT_MAX = 600;

export interface ChronologyPage {
  total: number;
  /** Row number of the first row (the asked offset, or the start of the page holding `find`). */
  offset: number;
  rows: ChronologyRow[];
  /** Row number of the entry asked for with `find`; null when the filters leave it out. */
  found?: number | null;
}

export const timelineApiArgs = {
  timelineWindow: z.tuple([windowQuerySchema]),
  activityByMonth: z.tuple([viewFiltersSchema]),
  listSavedViews: z.tuple([]),
  saveView: z.tuple([z.object({ name: z.string().trim().min(1).max(120), query: viewFiltersSchema })]),
  deleteSavedView: z.tuple([z.number().int().positive()]),
  keyEpisodes: z.tuple([]),
  filterChoices: z.tuple([]),
  chronologyPage: z.tuple([chronologyQuerySchema]),
} as const;

/** An entry the chair marked as a key episode (no free text: it is shown to a panel). */
export interface KeyEpisode {
  entryId: number;
  date: string;
  dateTo: string;
  agency: string;
  contactType: string | null;
}

/** What the timeline can be filtered by beyond agencies and dates, from the case's own data. */
export interface FilterChoices {
  persons: { id: number; name: string; pseudonym: string | null; entryCount: number }[];
  themes: string[];
}

/** The timeline's part of `JigsawApi`. */
export interface TimelineApi {
  /** Entries in a window, or counts per agency and period when more than `cap` are in it. */
  timelineWindow(q: WindowQuery): Promise<TimelineWindow>;
  /** Entries per agency per month across the whole case, with the filters applied. */
  activityByMonth(q: ViewFilters): Promise<ActivityMonth[]>;
  listSavedViews(): Promise<SavedView[]>;
  saveView(req: { name: string; query: ViewFilters }): Promise<SavedView>;
  deleteSavedView(id: number): Promise<void>;
  /** The chair's key episodes, for the presentation agenda. */
  keyEpisodes(): Promise<KeyEpisode[]>;
  /** People and signal themes the timeline can be filtered by. */
  filterChoices(): Promise<FilterChoices>;
  /** One page of the integrated chronology, filtered and sorted, for the table view. */
  chronologyPage(q: ChronologyQuery): Promise<ChronologyPage>;
}
