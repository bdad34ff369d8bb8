// People resolved across agencies and events linked across agencies: the types the engine, the
// command line and the renderer share, and their part of the API contract. No Node, no DOM.
import { z } from 'zod';
import type { TimelineEntry } from './types.js';

export const PERSON_ROLES = ['subject', 'family', 'associate', 'professional', 'unknown'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

export interface PersonMention {
  entryId: number;
  /** The words as the agency wrote them. */
  text: string;
  /** 'record': the row names nobody, but the extract is this person's record. */
  origin: 'column' | 'text' | 'record';
}

export interface PersonSummary {
  id: number;
  name: string;
  role: PersonRole;
  pseudonym: string | null;
  dob: string | null;
  nhsNumber: string | null;
  address: string | null;
  aliases: string[];
  /** 0..1: how sure the resolution is that every mention is this one person. */
  confidence: number;
  confirmed: boolean;
  entryCount: number;
  agencies: string[];
}

export interface PersonDetail extends PersonSummary {
  /** In date order; the API sends at most the first 2,000 (`mentionsTotal` says how many there are). */
  mentions: PersonMention[];
  mentionsTotal: number;
  /** Identity keys this person was resolved from (what a split chooses among), with an example. */
  keys: { key: string; example: string; count: number }[];
}

/** What the chair can decide about people; each is audited and kept across re-imports. */
export type PersonDecision =
  | { kind: 'merge'; personIds: number[] }
  | { kind: 'split'; personId: number; keys: string[] }
  | { kind: 'rename'; personId: number; name: string }
  | { kind: 'role'; personId: number; role: PersonRole }
  | { kind: 'pseudonym'; personId: number; pseudonym: string }
  | { kind: 'confirm'; personId: number };

export interface EntryLink {
  id: number;
  kind: string;
  reason: string;
  entryIds: number[];
}

/** An entry's linked events, with the other entries of each (for the entry detail). */
export interface EntryLinkDetail extends EntryLink {
  entries: Pick<TimelineEntry, 'id' | 'agency' | 'date' | 'time' | 'contactType' | 'text'>[];
}

const personId = z.number().int().positive();
const personDecisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merge'), personIds: z.array(personId).min(2).max(50) }),
  z.object({ kind: z.literal('split'), personId, keys: z.array(z.string().max(1000)).min(1).max(1000) }),
  z.object({ kind: z.literal('rename'), personId, name: z.string().trim().min(1).max(200) }),
  z.object({ kind: z.literal('role'), personId, role: z.enum(PERSON_ROLES) }),
  z.object({ kind: z.literal('pseudonym'), personId, pseudonym: z.string().trim().min(1).max(100) }),
  z.object({ kind: z.literal('confirm'), personId }),
]);

export const peopleApiArgs = {
  listPeople: z.tuple([]),
  getPerson: z.tuple([personId]),
  decidePerson: z.tuple([personDecisionSchema]),
  getEntryLinks: z.tuple([z.number().int().positive()]),
  rejectLink: z.tuple([z.number().int().positive()]),
  presentationPeople: z.tuple([]),
} as const;

/** A person as a panel meeting sees them: the pseudonym first, the name only if the chair asks. */
export interface PresentedPerson {
  id: number;
  pseudonym: string;
  name: string;
}

export interface PeopleApi {
  /** Everyone resolved across the agencies: subject first, then family, associates, professionals. */
  listPeople(): Promise<PersonSummary[]>;
  /** One person with every mention (entry id and the words written) and the spellings they were resolved from. */
  getPerson(id: number): Promise<PersonDetail>;
  /** The chair confirms, merges, splits, renames, or sets a role or pseudonym; audited, kept across re-imports. Returns the people it now concerns. */
  decidePerson(decision: PersonDecision): Promise<PersonSummary[]>;
  /** The events this entry shares with other agencies' entries. */
  getEntryLinks(entryId: number): Promise<EntryLinkDetail[]>;
  /** The chair says a link is not one event: removed, audited, and not made again after re-imports. */
  rejectLink(linkId: number): Promise<void>;
  /** Everyone's pseudonym for presentation mode. Anyone without one is given one now, as an export
   *  would (audited), so the panel sees the labels the published review will use. */
  presentationPeople(): Promise<PresentedPerson[]>;
}
