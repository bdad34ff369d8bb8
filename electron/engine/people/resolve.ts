// Resolves everyone the case's entries mention into people: reads the person columns and the
// chair's people in scope (anchors.ts), groups the spellings into people (cluster.ts), applies the
// chair's decisions, gives roles and pseudonyms, finds the same people named in free text and the
// rows of one person's record that name nobody (record-subject.ts), and rewrites persons /
// person_aliases / entry_persons in one transaction. Person ids stay stable across runs (matched
// by the keys they were built from).
import type { PersonRole } from '../../../shared/people.js';
import type { CaseFile } from '../case-file.js';
import { savedReviewSettings } from '../review/settings.js';
import { AddressMatcher } from './address-mentions.js';
import { anchorsFrom, type Anchor } from './anchors.js';
import { ANCHOR_PREFIX, clusterKeys, type Cluster, type Constraints } from './cluster.js';
import { constraintsOf, loadDecisions, overridesFor } from './decisions.js';
import { readColumnMentions, type IdentityKey } from './mentions.js';
import { LINKAGE } from './linkage-config.js';
import { displayName } from './names.js';
import { assignPseudonyms, assignRoles, type RoleInput } from './roles.js';
import { KIN_MENTION, RECORD_MENTION, UNNAMED_MENTION, recordSubjects, type RecordAttribution } from './record-subject.js';
import { TextMatcher } from './text-mentions.js';
import { KinMatcher, kinOf, type Gender, type KinMention } from './kinship.js';
import { findTextNames, knownNameParts, textNameKeys } from './text-names.js';

export interface ResolveStats {
  people: number;
  columnMentions: number;
  textMentions: number;
  /** Rows attributed to the person whose record the extract is, though they name nobody. */
  recordMentions: number;
  ms: number;
}

interface Person {
  id: number;
  cluster: Cluster;
  entries: Set<number>;
  agencies: Set<number>;
  name: string;
  role: PersonRole;
  pseudonym: string;
  dob: string | null;
  nhs: string | null;
  address: string | null;
  confirmed: boolean;
}

export function resolvePeople(caseFile: CaseFile): ResolveStats {
  const started = performance.now();
  const db = caseFile.db;
  const { mentions, keys } = readColumnMentions(db);
  const anchors = anchorsFrom(savedReviewSettings(caseFile)?.people ?? []);
  const decisions = loadDecisions(db);
  const anchorKeys = anchors.flatMap((a) => a.keys);
  const textKeys = textNameKeys(findTextNames(db, knownNameParts([...keys.values(), ...anchorKeys])), keys);
  const clusters = clusterKeys([...keys.values(), ...anchorKeys, ...textKeys], withAnchors(constraintsOf(decisions), anchors));
  const anchorOf = anchorsByCluster(clusters, anchors);

  const clusterOfKey = new Map<string, number>();
  clusters.forEach((c, i) => c.keys.forEach((k) => clusterOfKey.set(k.key, i)));
  const ids = stableIds(caseFile, clusters);
  const entries = clusters.map(() => new Set<number>());
  const agencies = clusters.map(() => new Set<number>());
  for (const m of mentions) {
    const c = clusterOfKey.get(m.key)!;
    entries[c]!.add(m.entryId);
    agencies[c]!.add(m.agencyId);
  }

  const inputs: RoleInput[] = clusters.map((c, i) => ({
    keys: c.keys,
    entryCount: entries[i]!.size,
    agencyCount: agencies[i]!.size,
    dob: mostCommon(c.keys.map((k) => [k.dob, k.count])),
    firstDate: c.keys.reduce((d, k) => (k.firstDate < d ? k.firstDate : d), '9999'),
  }));
  const overrides = overridesFor(decisions, (k) => clusterOfKey.get(k));
  const subjectAnchor = [...anchorOf].find(([, a]) => a.role === 'subject')?.[0];
  const chairSubject = [...overrides].find(([, o]) => o.role === 'subject')?.[0] ?? subjectAnchor;
  const roles = assignRoles(inputs, chairSubject).map((r, i) => overrides.get(i)?.role ?? anchorOf.get(i)?.role ?? r);
  const childReview = /child/i.test(caseFile.meta('review_type') ?? '');
  const before = new Map(
    (caseFile.db.prepare('SELECT id, pseudonym, role FROM persons').all() as { id: number; pseudonym: string | null; role: PersonRole }[]).map((r) => [r.id, r]),
  );
  const pseudonyms = assignPseudonyms(inputs, roles, childReview, ids.map((id) => before.get(id) ?? null));

  const people: Person[] = clusters.map((c, i) => {
    const o = overrides.get(i) ?? {};
    const anchor = anchorOf.get(i);
    return {
      id: ids[i]!,
      cluster: c,
      entries: entries[i]!,
      agencies: agencies[i]!,
      name: o.name ?? anchor?.name ?? bestName(c.keys),
      role: roles[i]!,
      pseudonym: o.pseudonym ?? pseudonyms[i]!,
      dob: anchor?.dob ?? inputs[i]!.dob,
      nhs: anchor?.nhs ?? mostCommon(c.keys.map((k) => [k.nhs, k.count])),
      address: anchor?.address ?? mostCommon(c.keys.flatMap((k) => [...k.addressTexts])),
      confirmed: o.confirmed ?? false,
    };
  });

  const chairAddressed = new Set([...anchorOf].filter(([, a]) => a.address).map(([i]) => people[i]!.id));
  // Who each entry names: its person column first (text matching settles ambiguity by it), then its text.
  const present = new Map<number, Set<number>>();
  const note = (entryId: number, personId: number): void => {
    const s = present.get(entryId);
    if (s) s.add(personId);
    else present.set(entryId, new Set([personId]));
  };
  for (const m of mentions) note(m.entryId, people[clusterOfKey.get(m.key)!]!.id);
  const textMentions = findTextMentions(caseFile, people, present, chairAddressed);
  for (const t of textMentions) note(t.entryId, t.personId);
  const subjectId = chairSubject !== undefined ? people[chairSubject]!.id : (people.find((p) => p.role === 'subject')?.id ?? null);
  const { attributions: recordMentions, ownerOf } = recordSubjects(
    db,
    people.map((p) => ({
      id: p.id,
      professional: p.role === 'professional',
      surnames: [...new Set(p.cluster.keys.map((k) => k.name.surname).filter((s): s is string => !!s))],
      givens: [...new Set(p.cluster.keys.filter((k) => k.name.given && !k.name.initialOnly).map((k) => k.name.given!))],
    })),
    present,
    subjectId,
  );
  const columnNamed = new Map<number, Set<number>>();
  for (const m of mentions) {
    const p = people[clusterOfKey.get(m.key)!]!;
    if (p.role === 'professional') continue;
    const s = columnNamed.get(m.entryId);
    if (s) s.add(p.id);
    else columnNamed.set(m.entryId, new Set([p.id]));
  }
  // Whom "the victim" and the rows naming nobody are about: only a subject the chair named, never the resolution's guess.
  const chairsSubject = chairSubject !== undefined ? subjectId : null;
  const kinMentions = findKinMentions(caseFile, people, { subjectId, chairsSubject, ownerOf, columnNamed, childReview });
  const allText = [...textMentions, ...kinMentions.filter((k) => !k.implied && !present.get(k.entryId)?.has(k.personId))];
  for (const r of recordMentions) note(r.entryId, r.personId);
  for (const k of kinMentions) {
    if (k.implied && !present.get(k.entryId)?.has(k.personId)) recordMentions.push({ entryId: k.entryId, personId: k.personId, mention: KIN_MENTION });
    note(k.entryId, k.personId);
  }
  if (LINKAGE.unnamedRowsAreTheSubjects && chairsSubject !== null) recordMentions.push(...unnamedRows(caseFile, people, present, chairsSubject));
  write(caseFile, people, mentions, clusterOfKey, allText, recordMentions);
  return {
    people: people.length, columnMentions: mentions.length, textMentions: allText.length, recordMentions: recordMentions.length, ms: Math.round(performance.now() - started),
  };
}

/** The chair's people are one person each (with all the names given) and never one another. */
function withAnchors(c: Constraints, anchors: Anchor[]): Constraints {
  if (!anchors.length) return c;
  const sets = anchors.map((a) => a.keys.map((k) => k.key));
  const apart: [string[], string[]][] = [];
  for (let i = 0; i < sets.length; i++) for (let j = i + 1; j < sets.length; j++) apart.push([sets[i]!, sets[j]!]);
  return { mustLink: [...sets, ...c.mustLink], cannotLink: [...c.cannotLink, ...apart] };
}

function anchorsByCluster(clusters: Cluster[], anchors: Anchor[]): Map<number, Anchor> {
  const byKey = new Map(anchors.flatMap((a) => a.keys.map((k) => [k.key, a] as const)));
  const out = new Map<number, Anchor>();
  clusters.forEach((c, i) => {
    const a = c.keys.map((k) => byKey.get(k.key)).find((x) => x !== undefined);
    if (a) out.set(i, a);
  });
  return out;
}

function mostCommon(pairs: [string | null, number][]): string | null {
  const votes = new Map<string, number>();
  for (const [v, n] of pairs) if (v) votes.set(v, (votes.get(v) ?? 0) + n);
  let best: string | null = null;
  let most = 0;
  for (const [v, n] of votes) if (n > most) [best, most] = [v, n];
  return best;
}

/** The fullest, most often written form: "Rowan Pellow" over "R. Pellow" over "Pellow". */
function bestName(keys: IdentityKey[]): string {
  const score = (k: IdentityKey): number => (k.name.surname ? 4 : 0) + (k.name.given ? (k.name.initialOnly ? 1 : 2) : 0);
  const votes = new Map<string, number>();
  for (const k of keys) {
    const name = displayName(k.name);
    votes.set(name, (votes.get(name) ?? 0) + k.count * 1000 + score(k) * 1_000_000);
  }
  return [...votes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'Unnamed';
}

/** Reuse each old person id for the new group holding most of its keys, so links to people stay put. */
function stableIds(caseFile: CaseFile, clusters: Cluster[]): number[] {
  const old = new Map<string, number>();
  for (const r of caseFile.db.prepare('SELECT person_id, key FROM person_keys').iterate() as IterableIterator<{ person_id: number; key: string }>) old.set(r.key, r.person_id);
  const votes: { cluster: number; person: number; n: number }[] = [];
  clusters.forEach((c, i) => {
    const count = new Map<number, number>();
    for (const k of c.keys) {
      const p = old.get(k.key);
      if (p !== undefined) count.set(p, (count.get(p) ?? 0) + k.count);
    }
    for (const [person, n] of count) votes.push({ cluster: i, person, n });
  });
  votes.sort((a, b) => b.n - a.n || a.person - b.person);
  const ids: (number | undefined)[] = Array.from({ length: clusters.length }, () => undefined);
  const taken = new Set<number>();
  for (const v of votes) {
    if (ids[v.cluster] !== undefined || taken.has(v.person)) continue;
    ids[v.cluster] = v.person;
    taken.add(v.person);
  }
  let next = Math.max(0, ...taken, (caseFile.db.prepare('SELECT coalesce(max(id), 0) AS m FROM persons').get() as { m: number }).m) + 1;
  return ids.map((id) => id ?? next++);
}

/** Words around the person's names and the chair's notes on them ("WILDE, Sandra (caller, daughter)", "mother; NHS ..."): the chair's first. */
function contextTexts(p: Person): string[] {
  return [...p.cluster.keys.map((k) => k.context ?? ''), ...p.cluster.keys.flatMap((k) => [...k.examples.keys()])];
}

const TITLE_GENDER: Record<string, Gender> = { mr: 'm', mrs: 'f', ms: 'f', miss: 'f' };

/** Their sex as the records imply it: a relationship word ("mother"), else the title written with their name. */
function genderOf(p: Person, kinGender: Gender): Gender {
  if (kinGender) return kinGender;
  for (const t of contextTexts(p)) {
    const g = TITLE_GENDER[/^\s*(mrs?|ms|miss)\b/i.exec(t)?.[1]?.toLowerCase() ?? ''];
    if (g) return g;
  }
  return null;
}

/**
 * Relationship words in each entry, read from the point of view of whose record it is: the
 * extract's own person, else the one person its person column names, else the subject.
 */
function findKinMentions(
  caseFile: CaseFile,
  people: Person[],
  ctx: { subjectId: number | null; chairsSubject: number | null; ownerOf: Map<number, number>; columnNamed: Map<number, Set<number>>; childReview: boolean },
): KinMention[] {
  const inScope = people.filter((p) => p.role !== 'professional');
  const matcher = new KinMatcher(
    inScope.map((p) => {
      const kin = p.id === ctx.subjectId ? null : kinOf(contextTexts(p));
      const given = p.cluster.keys.find((k) => k.name.given && !k.name.initialOnly)?.name.given;
      return { id: p.id, kin: p.id === ctx.subjectId ? 'self' : (kin?.kin ?? null), gender: genderOf(p, kin?.gender ?? null), dob: p.dob, initial: given?.[0]?.toUpperCase() };
    }),
    ctx.chairsSubject,
  );
  const subjectDob = people.find((p) => p.id === ctx.subjectId)?.dob ?? null;
  // The subject's eighteenth birthday, as an ISO date: ISO dates compare as strings.
  const adultFrom = subjectDob ? `${String(Number(subjectDob.slice(0, 4)) + 18).padStart(4, '0')}${subjectDob.slice(4)}` : null;
  const out: KinMention[] = [];
  const rows = caseFile.db.prepare('SELECT id, extract_id, date, text, outcome FROM entries WHERE active = 1').iterate() as IterableIterator<{
    id: number; extract_id: number; date: string; text: string; outcome: string | null;
  }>;
  for (const r of rows) {
    const named = ctx.columnNamed.get(r.id);
    const owner = ctx.ownerOf.get(r.extract_id);
    const focus = owner ?? (named?.size === 1 ? named.values().next().value! : ctx.subjectId);
    const adultSubject = adultFrom ? r.date >= adultFrom : !ctx.childReview;
    out.push(...matcher.match(r.id, r.outcome ? `${r.text}\n${r.outcome}` : r.text, r.date, focus, adultSubject, owner !== undefined));
  }
  return out;
}

/** Entries that name no one but professionals: an agency sent them for the review, so they are about its subject (shown as weaker than a name). */
function unnamedRows(caseFile: CaseFile, people: Person[], present: ReadonlyMap<number, Set<number>>, subjectId: number): RecordAttribution[] {
  const staff = new Set(people.filter((p) => p.role === 'professional').map((p) => p.id));
  const out: RecordAttribution[] = [];
  for (const id of caseFile.db.prepare('SELECT id FROM entries WHERE active = 1').pluck().iterate() as IterableIterator<number>) {
    const here = present.get(id);
    if (!here || [...here].every((p) => staff.has(p))) out.push({ entryId: id, personId: subjectId, mention: UNNAMED_MENTION });
  }
  return out;
}


/** `present`: the people each entry's person column names (read, not changed). */
function findTextMentions(caseFile: CaseFile, people: Person[], present: ReadonlyMap<number, Set<number>>, chairAddressed: Set<number>) {
  const matcher = new TextMatcher(
    people.map((p) => ({
      id: p.id,
      givens: [...new Set(p.cluster.keys.filter((k) => k.name.given && !k.name.initialOnly).map((k) => k.name.given!))],
      surnames: [...new Set(p.cluster.keys.map((k) => k.name.surname).filter((s): s is string => !!s))],
      professional: p.role === 'professional',
      agencies: p.agencies.size,
      entries: p.entries.size,
      inScope: p.cluster.keys.some((k) => k.key.startsWith(ANCHOR_PREFIX)),
      chairGivens: [...new Set(p.cluster.keys.filter((k) => k.key.startsWith(ANCHOR_PREFIX) && k.name.given && !k.name.initialOnly).map((k) => k.name.given!))],
    })),
  );
  const homes = new AddressMatcher(people.filter((p) => p.role !== 'professional').map((p) => ({ id: p.id, address: p.address, chairs: chairAddressed.has(p.id) })));
  const none = new Set<number>();
  const out: (ReturnType<TextMatcher['match']>[number] & { address?: true })[] = [];
  const rows = caseFile.db.prepare('SELECT id, text, outcome FROM entries WHERE active = 1').iterate() as IterableIterator<{ id: number; text: string; outcome: string | null }>;
  for (const r of rows) {
    const here = present.get(r.id) ?? none;
    const text = r.outcome ? `${r.text}\n${r.outcome}` : r.text;
    out.push(...matcher.match(r.id, text, here));
    if (!homes.empty) out.push(...homes.match(r.id, text));
  }
  return out;
}

function write(
  caseFile: CaseFile,
  people: Person[],
  mentions: { entryId: number; key: string; text: string }[],
  clusterOfKey: Map<string, number>,
  textMentions: { entryId: number; personId: number; text: string; address?: true }[],
  recordMentions: RecordAttribution[],
): void {
  const db = caseFile.db;
  db.transaction(() => {
    db.exec('DELETE FROM entry_persons; DELETE FROM person_aliases; DELETE FROM person_keys;');
    const keep = new Set(people.map((p) => p.id));
    const stale = (db.prepare('SELECT id FROM persons').all() as { id: number }[]).filter((r) => !keep.has(r.id));
    const del = db.prepare('DELETE FROM persons WHERE id = ?');
    for (const r of stale) del.run(r.id);
    const upsert = db.prepare(
      `INSERT INTO persons(id, display_name, role, pseudonym, dob, nhs_number, address, confidence, confirmed) VALUES (?,?,?,?,?,?,?,?,?)
       ON CONFLICT(id) DO UPDATE SET display_name = excluded.display_name, role = excluded.role, pseudonym = excluded.pseudonym, dob = excluded.dob,
         nhs_number = excluded.nhs_number, address = excluded.address, confidence = excluded.confidence, confirmed = excluded.confirmed`,
    );
    const alias = db.prepare('INSERT OR IGNORE INTO person_aliases(person_id, alias) VALUES (?, ?)');
    const key = db.prepare('INSERT OR IGNORE INTO person_keys(person_id, key, example, mentions) VALUES (?, ?, ?, ?)');
    for (const p of people) {
      upsert.run(p.id, p.name, p.role, p.pseudonym, p.dob, p.nhs, p.address, p.confirmed ? 1 : p.cluster.confidence, p.confirmed ? 1 : 0);
      for (const k of p.cluster.keys) {
        key.run(p.id, k.key, [...k.examples].sort((a, b) => b[1] - a[1])[0]![0], k.count);
        for (const ex of k.examples.keys()) alias.run(p.id, ex);
      }
    }
    const link = db.prepare('INSERT OR IGNORE INTO entry_persons(entry_id, person_id, mention, origin) VALUES (?, ?, ?, ?)');
    for (const m of mentions) link.run(m.entryId, people[clusterOfKey.get(m.key)!]!.id, m.text, 'column');
    for (const t of textMentions) {
      link.run(t.entryId, t.personId, t.text, 'text');
      if (!t.address) alias.run(t.personId, t.text); // an address is not one of their names
    }
    for (const r of recordMentions) link.run(r.entryId, r.personId, r.mention ?? RECORD_MENTION, 'record');
  })();
}
