// People named only in free text ("Phone call from Joan Bassett (aunt)", "his sister Maureen says"),
// found with a maintained NLP library (compromise) rather than by known spellings. Only names no
// column or anchor already knows are kept: they become identity keys of the agency that wrote
// them, with a role read from the words beside them, and resolution treats them like any other
// key (text-mentions.ts then finds every place they are written). The NLP runs on short snippets
// around unknown capitalised words, each distinct snippet once, and at most
// LINKAGE.maxNameSnippets per resolution, so a million-entry case stays bounded.
import nlp from 'compromise';
import type { PersonRole } from '../../../shared/people.js';
import type { Db } from '../db/open-case-db.js';
import { INFANT_WORDS, KIN_WORDS } from './kinship.js';
import { LINKAGE } from './linkage-config.js';
import { keyOf, type IdentityKey } from './mentions.js';
import { parseName, type ParsedName } from './names.js';
import { nameVariants } from './nicknames.js';

const OTHER_FAMILY_WORD = /^(?:ex-?partner|niece|nephew|cousin|carer)$/i;
/** A relationship or baby word ("Nanna Sharon", "Unborn"): never part of a name. */
const FAMILY_WORD = { test: (w: string): boolean => Object.hasOwn(KIN_WORDS, w.toLowerCase()) || INFANT_WORDS.has(w.toLowerCase()) || OTHER_FAMILY_WORD.test(w) };
const ASSOCIATE_WORD = /^(?:friend|mate|associate|lodger|visitor|neighbour|neighbor|acquaintance|flatmate|housemate|suspect|perpetrator)$/i;
const STAFF_WORD = /^(?:pc|ps|dc|ds|di|dci|sgt|dr|sw|cpn|hv|gp|nurse|midwife|officer|worker|keyworker|manager|consultant|paramedic|clinician|therapist|psychiatrist|teacher|senco|dsl|idva|isva)$/i;
/** Capitalised words that are never a name on their own in agency notes. */
const NOT_NAMES = new Set(
  'the a an and but he she they his her him it we i no nil yes mr mrs ms miss dr pc monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december police gp hospital ward team service services council housing court nhs ambulance'.split(' '),
);

export interface TextNameFinding {
  entryId: number;
  agencyId: number;
  date: string;
  written: string;
  name: ParsedName;
  /** The words just before and after the name in the text. */
  context: string;
}

/** Candidate runs of capitalised words that no known name part explains. */
function unknownRuns(text: string, known: Set<string>): { from: number; to: number }[] {
  const out: { from: number; to: number }[] = [];
  const re = /\p{Lu}[\p{Ll}'’-]+(?:\s+\p{Lu}[\p{Ll}'’-]+)*/gu;
  for (const m of text.matchAll(re)) {
    const words = m[0].split(/\s+/).map((w) => w.toLowerCase().replace(/[’']s$/, ''));
    if (words.every((w) => known.has(w) || NOT_NAMES.has(w))) continue;
    out.push({ from: m.index, to: m.index + m[0].length });
  }
  return out;
}

/** The role the words beside a name give it: "his sister Maureen", "Joan Bassett (aunt)", "Sarah (SW)". */
function contextRole(before: string, after: string): PersonRole | null {
  const prev = before.trim().split(/\s+/).slice(-2).map((w) => w.replace(/[^\p{L}-]/gu, ''));
  const next = /^\s*[(,-]\s*([\p{L}-]+)/u.exec(after)?.[1] ?? '';
  for (const w of [next, ...prev.reverse()]) {
    if (!w) continue;
    if (FAMILY_WORD.test(w)) return 'family';
    if (ASSOCIATE_WORD.test(w)) return 'associate';
    if (STAFF_WORD.test(w)) return 'professional';
  }
  return null;
}

export function findTextNames(db: Db, known: Set<string>): TextNameFinding[] {
  const out: TextNameFinding[] = [];
  const snippets = new Map<string, { written: string; offset: number }[]>();
  const rows = db.prepare(`SELECT id, agency_id, date, text, outcome FROM entries WHERE active = 1 ORDER BY date, id`).iterate() as IterableIterator<{
    id: number; agency_id: number; date: string; text: string; outcome: string | null;
  }>;
  for (const r of rows) {
    const text = r.outcome ? `${r.text}\n${r.outcome}` : r.text;
    for (const run of unknownRuns(text, known)) {
      // A few words either side: enough for the tagger to see "from ... (aunt)", little enough to be quick.
      const snippet = text.slice(wordStart(text, run.from - 25), wordEnd(text, run.to + 30));
      let found = snippets.get(snippet);
      if (!found) {
        if (snippets.size >= LINKAGE.maxNameSnippets) continue;
        found = peopleIn(snippet);
        snippets.set(snippet, found);
      }
      for (const f of found) {
        const role = contextRole(snippet.slice(0, f.offset), snippet.slice(f.offset + f.written.length));
        const name = parseName(f.written);
        if (!name || name.initialOnly) continue;
        if (role) name.roleHint = role;
        // A lone first name is a person only when the words beside it say who they are.
        if (!name.surname && !role) continue;
        if ([name.given, name.surname].every((w) => !w || known.has(w))) continue;
        const context = `${snippet.slice(Math.max(0, f.offset - 20), f.offset)} … ${snippet.slice(f.offset + f.written.length, f.offset + f.written.length + 12)}`;
        out.push({ entryId: r.id, agencyId: r.agency_id, date: r.date, written: f.written, name, context });
      }
    }
  }
  return out;
}

/** Cut at whitespace, never inside a word ("Bass" of "Bassett" would be a name of its own). */
function wordStart(text: string, at: number): number {
  if (at <= 0) return 0;
  const i = text.slice(0, at).search(/\s\S*$/);
  return i < 0 ? 0 : i + 1;
}

function wordEnd(text: string, at: number): number {
  if (at >= text.length) return text.length;
  const i = text.slice(at).search(/\s/);
  return i < 0 ? text.length : at + i;
}

const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr)\.?$/i;

function peopleIn(snippet: string): { written: string; offset: number }[] {
  const out: { written: string; offset: number }[] = [];
  const found = nlp(snippet).people().json() as { terms: { text: string; tags: string[] }[] }[];
  for (const p of found) {
    // The tagger keeps a relationship word ("sister Maureen"): drop it and anything not capitalised.
    const terms = p.terms.filter((t) => /^\p{Lu}/u.test(t.text) && !FAMILY_WORD.test(t.text) && !ASSOCIATE_WORD.test(t.text));
    // A person needs a first name the tagger knows (not an all-capitals abbreviation like "ED"),
    // or a title before a surname ("Mrs Pelling").
    const firstName = terms.some((t) => t.tags.includes('FirstName') && t.text !== t.text.toUpperCase());
    const titled = terms.length >= 2 && HONORIFIC.test(terms[0]!.text);
    if (!firstName && !titled) continue;
    // A possessive is not part of the name ("Sharon's house").
    const words = terms.map((t) => t.text.replace(/[^\p{L}'’.-]/gu, '').replace(/['’]s$/i, '')).filter(Boolean);
    const written = words.join(' ');
    if (!written || words.some((w) => NOT_NAMES.has(w.toLowerCase().replace(/\.$/, '')) && !HONORIFIC.test(w))) continue;
    const offset = snippet.indexOf(written);
    if (offset >= 0) out.push({ written, offset });
  }
  return out;
}

const role = (f: TextNameFinding): boolean => f.name.roleHint === 'family';

/** Name parts the case already knows (columns, anchors, and their nicknames): runs made only of them are not searched. */
export function knownNameParts(keys: Iterable<IdentityKey>): Set<string> {
  const known = new Set<string>();
  for (const k of keys) {
    if (k.name.surname) known.add(k.name.surname);
    if (k.name.given && !k.name.initialOnly) for (const v of nameVariants(k.name.given)) known.add(v);
  }
  return known;
}

/** The findings as identity keys (never one a column of the same agency already made). */
export function textNameKeys(findings: TextNameFinding[], existing: Map<string, IdentityKey>): IdentityKey[] {
  const made = new Map<string, IdentityKey>();
  for (const f of findings) {
    // Case-wide, not per agency: "his sister Maureen" in three agencies' notes is one person to start from.
    const key = `text:${keyOf(f.name, null, null, null)}`;
    if (existing.has(keyOf(f.name, null, null, f.agencyId))) continue;
    let k = made.get(key);
    if (!k) {
      k = { key, name: f.name, dob: null, nhs: null, agencyId: null, addresses: new Set(), addressTexts: new Map(), agencies: new Set(), count: 0, examples: new Map(), firstDate: f.date };
      made.set(key, k);
    }
    k.agencies.add(f.agencyId);
    k.count++;
    if (role(f)) k.context = `${k.context ?? ''} ${f.context}`.slice(-400);
    // Any finding that says who they are ("(aunt)") tells it for all of them.
    if (!k.name.roleHint && f.name.roleHint) k.name = { ...k.name, roleHint: f.name.roleHint };
    k.examples.set(f.written, (k.examples.get(f.written) ?? 0) + 1);
    if (f.date < k.firstDate) k.firstDate = f.date;
  }
  return [...made.values()];
}
