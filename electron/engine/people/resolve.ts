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
import { displayName } from './names.js';
import { assignPseudonyms, assignRoles, type RoleInput } from './roles.js';
import { RECORD_MENTION, recordSubjects, type RecordAttribution } from './record-subject.js';
import { RELATION_OF, TextMatcher } from './text-mentions.js';
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
  const recordMentions = recordSubjects(
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
  write(caseFile, people, mentions, clusterOfKey, textMentions, recordMentions);
  return {
    people: people.length, columnMentions: mentions.length, textMentions: textMentions.length, recordMentions: recordMentions.length, ms: Math.round(performance.now() - started),
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

/** Relationship words written with the person's name ("WILDE, Sandra (caller, daughter)", "his sister Maureen") or in the chair's notes on them. */
function relationsOf(p: Person): string[] {
  if (p.role !== 'family') return [];
  const out = new Set<string>();
  const texts = [...p.cluster.keys.flatMap((k) => [...k.examples.keys()]), ...p.cluster.keys.map((k) => k.context ?? '')];
  for (const t of texts) for (const w of t.toLowerCase().split(/[^a-z]+/)) if (RELATION_OF[w]) out.add(RELATION_OF[w]);
  return [...out];
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
      chairGivens: [...new Set(p.cluster.keys.filter((k) => k.key.startsWith(ANCHOR_PREFIX) && k.name.given && !k.name.initialOnly).map((k) => k.name.given!))],
      relations: relationsOf(p),
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
    for (const r of recordMentions) link.run(r.entryId, r.personId, RECORD_MENTION, 'record');
  })();
}
