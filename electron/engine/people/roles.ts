// Roles and publication pseudonyms. The subject is the person most agencies recorded (the chair can
// change it); family are those the records call family or who share the subject's surname;
// others named in person columns are associates; staff named with a title are professionals,
// published by role only. Pseudonyms follow review practice: "Adult A" / "Child A" for the
// subject, further letters for family, "Associate 1", "Professional 1".
import type { PersonRole } from '../../../shared/people.js';
import type { IdentityKey } from './mentions.js';
import { professionOf } from './names.js';
import { spellingScore } from './similarity.js';

export interface RoleInput {
  keys: IdentityKey[];
  entryCount: number;
  agencyCount: number;
  dob: string | null;
  firstDate: string;
}

/** Most common hint among the person's keys, weighted by how often each was written. */
export function hintedRole(keys: IdentityKey[]): PersonRole | null {
  const votes = new Map<PersonRole, number>();
  for (const k of keys) if (k.name.roleHint) votes.set(k.name.roleHint, (votes.get(k.name.roleHint) ?? 0) + k.count);
  let best: PersonRole | null = null;
  let n = 0;
  for (const [r, v] of votes) if (v > n) [best, n] = [r, v];
  return best;
}

export function assignRoles(people: RoleInput[], chairSubject?: number): PersonRole[] {
  const hints = people.map((p) => hintedRole(p.keys));
  let subject = chairSubject ?? -1;
  if (chairSubject === undefined) people.forEach((p, i) => {
    if (hints[i] === 'professional') return;
    const s = people[subject];
    const better =
      !s ||
      (hints[i] === 'subject' && hints[subject] !== 'subject') ||
      ((hints[subject] === 'subject') === (hints[i] === 'subject') &&
        (p.agencyCount > s.agencyCount || (p.agencyCount === s.agencyCount && p.entryCount > s.entryCount)));
    if (better) subject = i;
  });
  const subjectSurnames = subject >= 0 ? people[subject]!.keys.map((k) => k.name.surname).filter((s): s is string => !!s) : [];
  return people.map((p, i) => {
    if (i === subject) return 'subject';
    const h = hints[i];
    if (h === 'professional' || h === 'family' || h === 'associate') return h;
    const sharesSurname = p.keys.some((k) => k.name.surname && subjectSurnames.some((s) => spellingScore(s, k.name.surname!) >= 0.85));
    if (sharesSurname) return 'family';
    return 'associate';
  });
}

/** Age in whole years on a date, from ISO dates. */
function ageOn(dob: string, on: string): number {
  const [y1, m1, d1] = dob.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = on.split('-').map(Number) as [number, number, number];
  return y2 - y1 - (m2 < m1 || (m2 === m1 && d2 < d1) ? 1 : 0);
}

/**
 * `previous[i]`: the pseudonym person i had before this resolution (kept when the role is the same,
 * so a published "Adult B" stays Adult B after another agency's extract arrives).
 */
export function assignPseudonyms(people: RoleInput[], roles: PersonRole[], childReview: boolean, previous: ({ pseudonym: string | null; role: PersonRole } | null)[] = []): string[] {
  const out: string[] = new Array<string>(people.length).fill('');
  const taken = new Set<string>();
  people.forEach((_, i) => {
    const prev = previous[i];
    if (prev?.pseudonym && prev.role === roles[i] && !taken.has(prev.pseudonym.toLowerCase())) {
      out[i] = prev.pseudonym;
      taken.add(prev.pseudonym.toLowerCase());
    }
  });
  const order = people.map((_, i) => i).sort((a, b) => people[a]!.firstDate.localeCompare(people[b]!.firstDate) || a - b);
  let letter = 0;
  const counters = { associate: 0, unknown: 0 };
  const professions = new Map<string, number>();
  const child = (p: RoleInput, i: number): boolean => (p.dob ? ageOn(p.dob, p.firstDate) < 18 : childReview && roles[i] === 'subject');
  const free = (make: () => string): string => {
    for (;;) {
      const label = make();
      if (!taken.has(label.toLowerCase())) {
        taken.add(label.toLowerCase());
        return label;
      }
    }
  };
  const nextLetter = (): string => {
    const n = letter++;
    return n < 26 ? String.fromCharCode(65 + n) : `${String.fromCharCode(65 + Math.floor(n / 26) - 1)}${String.fromCharCode(65 + (n % 26))}`;
  };
  const lettered = (i: number): string => free(() => `${child(people[i]!, i) ? 'Child' : 'Adult'} ${nextLetter()}`);
  const subject = roles.indexOf('subject');
  if (subject >= 0 && !out[subject]) out[subject] = lettered(subject);
  for (const i of order) {
    if (out[i]) continue;
    const r = roles[i]!;
    if (r === 'family' || r === 'subject') out[i] = lettered(i);
    else if (r === 'associate') out[i] = free(() => `Associate ${++counters.associate}`);
    else if (r === 'professional') {
      const job = professionOf(people[i]!.keys.map((k) => k.name.title).find((t) => t) ?? null);
      out[i] = free(() => {
        const n = (professions.get(job) ?? 0) + 1;
        professions.set(job, n);
        return `${job} ${n}`;
      });
    }
    else out[i] = free(() => `Person ${++counters.unknown}`);
  }
  return out;
}
