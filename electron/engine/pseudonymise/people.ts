// The case's people as pseudonymisation sees them (read from the people tables), and the
// pseudonyms given to those who have none yet. The mapping lives only in the case file.
import { recordAudit, type Actor } from '../audit.js';
import type { Db } from '../db/open-case-db.js';

export type PersonRole = 'subject' | 'family' | 'associate' | 'professional' | 'unknown';

export interface CasePerson {
  id: number;
  displayName: string;
  role: PersonRole;
  pseudonym: string | null;
  dob: string | null;
  nhsNumber: string | null;
  address: string | null;
  aliases: string[];
}

export function loadPeople(db: Db): CasePerson[] {
  const people = db.prepare('SELECT id, display_name, role, pseudonym, dob, nhs_number, address FROM persons ORDER BY id').all() as {
    id: number;
    display_name: string;
    role: PersonRole;
    pseudonym: string | null;
    dob: string | null;
    nhs_number: string | null;
    address: string | null;
  }[];
  const aliases = new Map<number, string[]>();
  for (const a of db.prepare('SELECT person_id, alias FROM person_aliases ORDER BY person_id, alias').all() as { person_id: number; alias: string }[]) {
    aliases.set(a.person_id, [...(aliases.get(a.person_id) ?? []), a.alias]);
  }
  return people.map((p) => ({
    id: p.id,
    displayName: p.display_name,
    role: p.role,
    pseudonym: p.pseudonym?.trim() || null,
    dob: p.dob,
    nhsNumber: p.nhs_number,
    address: p.address,
    aliases: aliases.get(p.id) ?? [],
  }));
}

const LABELS: Record<Exclude<PersonRole, 'subject'>, string> = { family: 'Family member', associate: 'Associate', professional: 'Professional', unknown: 'Person' };

/** Pseudonyms in the conventions of published reviews: "Adult A" (or "Child A"), "Associate 1"... */
export function proposePseudonyms(people: CasePerson[], reviewType: string): Map<number, string> {
  const taken = new Set(people.map((p) => p.pseudonym?.toLowerCase()).filter(Boolean));
  const out = new Map<number, string>();
  const subjectWord = /child/i.test(reviewType) ? 'Child' : 'Adult';
  const counters = new Map<string, number>();
  const next = (base: string, letters: boolean): string => {
    for (;;) {
      const n = (counters.get(base) ?? 0) + 1;
      counters.set(base, n);
      const label = letters ? `${base} ${n <= 26 ? String.fromCharCode(64 + n) : n}` : `${base} ${n}`;
      if (!taken.has(label.toLowerCase())) {
        taken.add(label.toLowerCase());
        return label;
      }
    }
  };
  for (const p of people) {
    if (p.pseudonym) continue;
    out.set(p.id, p.role === 'subject' ? next(subjectWord, true) : next(LABELS[p.role] ?? 'Person', false));
  }
  return out;
}

/** Give everyone without a pseudonym one, recorded in the audit log. Call inside a transaction. */
export function ensurePseudonyms(db: Db, actor: Actor, reviewType: string): CasePerson[] {
  const people = loadPeople(db);
  const proposed = proposePseudonyms(people, reviewType);
  const update = db.prepare('UPDATE persons SET pseudonym = ? WHERE id = ? AND pseudonym IS NULL OR id = ? AND trim(pseudonym) = \'\'');
  for (const [id, pseudonym] of proposed) {
    update.run(pseudonym, id, id);
    recordAudit(db, actor, { action: 'assign_pseudonym', entity: 'person', entityId: id, before: null, after: { pseudonym } });
  }
  return people.map((p) => ({ ...p, pseudonym: p.pseudonym ?? proposed.get(p.id) ?? null }));
}
