// Free-text mentions: known people named in an entry's notes, as "Rowan Pellow", "Mr Pellow",
// "R. Pellow", "PELLOW", a nickname ("Mike"), or a first name alone when only one known person has
// it. One pass over each text with a word index: no per-person scan.
import { nameVariants } from './nicknames.js';

export interface KnownPerson {
  id: number;
  givens: string[];
  surnames: string[];
  professional: boolean;
  /** Given names the review chair gave for them ("known as Jay"): matched even when also an everyday word. */
  chairGivens?: string[];
  /** One of the chair's people in scope (review settings): when a spelling fits several, the one the review is about is meant. */
  inScope?: boolean;
  /** How widely the person is recorded (agencies, entries): when a spelling fits several, the far more recorded one is meant. */
  agencies?: number;
  entries?: number;
}

export interface TextMention {
  entryId: number;
  personId: number;
  text: string;
}

/** First names that are also everyday words: never matched alone. */
const COMMON_WORDS = new Set(
  'will may mark bill rose jack sue pat dawn hope faith joy grace june april summer amber ray rob nick art don frank guy lou max miles sunny chase carol penny ruby holly ivy heather daisy jay dean drew gene hunter joe bob cat kit sandy rusty bud lee van'.split(' '),
);

type Form = { personId: number; kind: 'full' | 'surname' | 'given' };

export class TextMatcher {
  /** "given surname" / "initial surname" / "surname" / "given" -> candidate people. */
  private readonly pairs = new Map<string, Set<number>>();
  private readonly singles = new Map<string, Form[]>();
  private readonly reach = new Map<number, { agencies: number; entries: number }>();
  private readonly inScope = new Set<number>();

  constructor(people: KnownPerson[]) {
    for (const p of people) {
      this.reach.set(p.id, { agencies: p.agencies ?? 0, entries: p.entries ?? 0 });
      if (p.inScope) this.inScope.add(p.id);
    }
    const surnameOwners = new Map<string, Set<number>>();
    const givenOwners = new Map<string, Set<number>>();
    for (const p of people) {
      for (const s of p.surnames) addTo(surnameOwners, s, p.id);
      for (const g of p.givens) for (const v of nameVariants(g)) addTo(givenOwners, v, p.id);
    }
    for (const p of people) {
      for (const s of p.surnames)
        for (const g of p.givens) {
          for (const v of nameVariants(g)) addTo(this.pairs, `${v} ${s}`, p.id);
          addTo(this.pairs, `${g[0]} ${s}`, p.id);
        }
      if (p.professional) continue; // staff are named in notes by title: matched as "PC Smith" pairs only
      for (const s of p.surnames) if (s.length >= 4) this.addSingle(s, { personId: p.id, kind: 'surname' });
      for (const g of p.givens) for (const v of nameVariants(g)) if (v.length >= 3 && !COMMON_WORDS.has(v)) this.addSingle(v, { personId: p.id, kind: 'given' });
      for (const g of p.chairGivens ?? []) if (g.length >= 2) this.addSingle(g, { personId: p.id, kind: 'given' });
    }
    // Titles before a surname: "Mr Pellow", "PC Smith"; and before its initial for non-staff ("Mr A", "Mrs P").
    for (const p of people)
      for (const s of p.surnames)
        for (const t of TITLES) {
          addTo(this.pairs, `${t} ${s}`, p.id);
          if (!p.professional && !STAFF_TITLES.has(t) && s.length > 1) addTo(this.pairs, `${t} ${s[0]}`, p.id);
        }
  }

  private addSingle(word: string, f: Form): void {
    const list = this.singles.get(word) ?? [];
    if (!list.some((x) => x.personId === f.personId)) list.push(f);
    this.singles.set(word, list);
  }

  /**
   * Several people fit and the row names none of them: the one of the chair's people in scope
   * ("Jordan" in the mother's notes is the father in scope, not his namesake father); else the one
   * recorded by more agencies and at least REACH_LEAD times as often ("Mr Ashdown" in a housing log is the subject every agency
   * records, not his namesake in two police rows); else nobody.
   */
  private settle(ids: Set<number>, present: Set<number>): number | null {
    const byPresence = settleByPresence(ids, present);
    if (byPresence !== null || ids.size === 1) return byPresence;
    if ([...ids].some((id) => present.has(id))) return null;
    const chairs = [...ids].filter((id) => this.inScope.has(id));
    if (chairs.length === 1) return chairs[0]!;
    const ranked = [...ids].map((id) => ({ id, ...this.reach.get(id)! })).sort((a, b) => b.agencies - a.agencies || b.entries - a.entries);
    const [top, next] = ranked;
    return top!.agencies > next!.agencies && top!.entries >= REACH_LEAD * next!.entries ? top!.id : null;
  }

  /** People named in `text`; `present` are the people the entry's person column already names (they settle ambiguity). */
  match(entryId: number, text: string, present: Set<number>): TextMention[] {
    const out: TextMention[] = [];
    const words = [...text.matchAll(/[\p{L}][\p{L}'’-]*\.?/gu)];
    const norm = words.map((m) => m[0].replace(/[.’']$/, '').replace(/’/g, "'").toLowerCase().replace(/'s$/, ''));
    const capital = words.map((m) => /^\p{Lu}/u.test(m[0]));
    const seen = new Set<string>();
    const push = (personId: number, from: number, to: number): void => {
      const raw = text.slice(words[from]!.index, words[to]!.index! + words[to]![0].length).replace(/[.,]$/, '');
      const id = `${personId}\u0000${raw}`;
      if (seen.has(id)) return;
      seen.add(id);
      out.push({ entryId, personId, text: raw });
    };
    for (let i = 0; i < words.length; i++) {
      // Two words: "Rowan Pellow", "R. Pellow", "Mr Pellow", "PELLOW Rowan" (not for lower-case prose).
      if (i + 1 < words.length && (capital[i] || capital[i + 1])) {
        const a = norm[i]!.replace(/\.$/, '');
        const b = norm[i + 1]!.replace(/\.$/, '');
        const ids = this.pairs.get(`${a} ${b}`) ?? this.pairs.get(`${b} ${a}`);
        const pick = ids && this.settle(ids, present);
        if (pick !== null && pick !== undefined) {
          push(pick, i, i + 1);
          i++;
          continue;
        }
      }
      if (!capital[i]) continue;
      const forms = this.singles.get(norm[i]!.replace(/\.$/, ''));
      if (!forms) continue;
      const pick = this.settle(new Set(forms.map((f) => f.personId)), present);
      if (pick !== null) push(pick, i, i);
    }
    return out;
  }
}

const TITLES = ['mr', 'mrs', 'ms', 'miss', 'dr', 'pc', 'ps', 'dc', 'ds', 'sgt', 'nurse'];
const STAFF_TITLES = new Set(['dr', 'pc', 'ps', 'dc', 'ds', 'sgt', 'nurse']);
const REACH_LEAD = 3;

function addTo(m: Map<string, Set<number>>, k: string, id: number): void {
  const s = m.get(k);
  if (s) s.add(id);
  else m.set(k, new Set([id]));
}

/** One candidate: it. Several: the one the entry's person column names, if exactly one; else none. */
function settleByPresence(ids: Set<number>, present: Set<number>): number | null {
  if (ids.size === 1) return ids.values().next().value!;
  const here = [...ids].filter((id) => present.has(id));
  return here.length === 1 ? here[0]! : null;
}
