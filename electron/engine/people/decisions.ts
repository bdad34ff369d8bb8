// The chair's decisions about people, stated in identity keys so they outlive person ids: each
// re-resolution (after every import) applies them again, in the order they were made.
import type { PersonDecision, PersonRole } from '../../../shared/people.js';
import type { Db } from '../db/open-case-db.js';
import { JigsawError } from '../errors.js';
import type { Constraints } from './cluster.js';

export type StoredDecision =
  | { kind: 'merge'; groups: string[][] }
  | { kind: 'split'; moved: string[]; rest: string[] }
  | { kind: 'rename'; keys: string[]; name: string }
  | { kind: 'role'; keys: string[]; role: PersonRole }
  | { kind: 'pseudonym'; keys: string[]; pseudonym: string }
  | { kind: 'confirm'; keys: string[] };

export function loadDecisions(db: Db): StoredDecision[] {
  const rows = db.prepare('SELECT kind, payload_json FROM person_decisions ORDER BY id').all() as { kind: string; payload_json: string }[];
  return rows.map((r) => ({ kind: r.kind, ...(JSON.parse(r.payload_json) as object) }) as StoredDecision);
}

export function constraintsOf(decisions: StoredDecision[]): Constraints {
  let mustLink: string[][] = [];
  let cannotLink: [string[], string[]][] = [];
  const touches = (set: string[], keys: Set<string>): boolean => set.some((k) => keys.has(k));
  for (const d of decisions) {
    if (d.kind === 'merge' || d.kind === 'confirm') {
      const keys = d.kind === 'merge' ? d.groups.flat() : d.keys;
      const all = new Set(keys);
      // A later merge undoes an earlier split between the same people.
      cannotLink = cannotLink.filter(([a, b]) => !(touches(a, all) && touches(b, all)));
      mustLink.push(keys);
    } else if (d.kind === 'split') {
      // A later split undoes an earlier merge: earlier must-links lose the moved keys.
      const moved = new Set(d.moved);
      mustLink = mustLink.map((set) => (touches(set, moved) && set.some((k) => !moved.has(k)) ? set.filter((k) => !moved.has(k)) : set));
      mustLink.push(d.moved, d.rest);
      cannotLink.push([d.moved, d.rest]);
    }
  }
  return { mustLink: mustLink.filter((s) => s.length > 0), cannotLink };
}

/** The keys a person was resolved from, as the case file holds them now. */
export function keysOfPerson(db: Db, personId: number): string[] {
  const keys = (db.prepare('SELECT key FROM person_keys WHERE person_id = ?').all(personId) as { key: string }[]).map((r) => r.key);
  if (keys.length === 0) throw new JigsawError('not_found', `No person ${personId} in this case`);
  return keys;
}

/** Turn the chair's request (about person ids) into a stored decision (about keys). */
export function toStored(db: Db, d: PersonDecision): StoredDecision {
  switch (d.kind) {
    case 'merge':
      if (new Set(d.personIds).size < 2) throw new JigsawError('bad_request', 'Choose at least two people to merge');
      return { kind: 'merge', groups: d.personIds.map((id) => keysOfPerson(db, id)) };
    case 'split': {
      const all = keysOfPerson(db, d.personId);
      const moved = all.filter((k) => d.keys.includes(k));
      const rest = all.filter((k) => !d.keys.includes(k));
      if (moved.length === 0 || rest.length === 0) throw new JigsawError('bad_request', 'A split needs some of the person’s spellings moved out and some left');
      return { kind: 'split', moved, rest };
    }
    case 'rename':
      if (!d.name.trim()) throw new JigsawError('bad_request', 'A name cannot be empty');
      return { kind: 'rename', keys: keysOfPerson(db, d.personId), name: d.name.trim() };
    case 'role':
      return { kind: 'role', keys: keysOfPerson(db, d.personId), role: d.role };
    case 'pseudonym':
      if (!d.pseudonym.trim()) throw new JigsawError('bad_request', 'A pseudonym cannot be empty');
      return { kind: 'pseudonym', keys: keysOfPerson(db, d.personId), pseudonym: d.pseudonym.trim() };
    case 'confirm':
      return { kind: 'confirm', keys: keysOfPerson(db, d.personId) };
  }
}

export function storeDecision(db: Db, d: StoredDecision, now = new Date()): number {
  const { kind, ...payload } = d;
  return Number(db.prepare('INSERT INTO person_decisions(kind, payload_json, decided_at) VALUES (?, ?, ?)').run(kind, JSON.stringify(payload), now.toISOString()).lastInsertRowid);
}

export interface Overrides {
  name?: string;
  role?: PersonRole;
  pseudonym?: string;
  confirmed?: boolean;
}

/** Name, role, pseudonym and confirmation set by the chair, for the person now holding most of the keys they were set on. */
export function overridesFor(decisions: StoredDecision[], clusterOfKey: (key: string) => number | undefined): Map<number, Overrides> {
  const out = new Map<number, Overrides>();
  for (const d of decisions) {
    if (d.kind === 'merge' || d.kind === 'split') continue;
    const votes = new Map<number, number>();
    for (const k of d.keys) {
      const c = clusterOfKey(k);
      if (c !== undefined) votes.set(c, (votes.get(c) ?? 0) + 1);
    }
    const target = [...votes].sort((a, b) => b[1] - a[1])[0]?.[0];
    if (target === undefined) continue;
    const o = out.get(target) ?? {};
    if (d.kind === 'rename') o.name = d.name;
    else if (d.kind === 'role') o.role = d.role;
    else if (d.kind === 'pseudonym') o.pseudonym = d.pseudonym;
    else o.confirmed = true;
    out.set(target, o);
  }
  return out;
}
