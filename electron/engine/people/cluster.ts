// Groups identity keys into people. Candidates come only from blocks (same NHS number, same date of
// birth, same-sounding surname), never from all pairs. A group never holds two different NHS numbers
// unless the chair merged them, nor a senior and a junior; two dates of birth only when they are one
// keying slip apart and the full names agree (linkage-config.ts).
import { dobSlip, LINKAGE } from './linkage-config.js';
import type { IdentityKey } from './mentions.js';

/** Keys made from the chair's people in scope (anchors.ts) start so. */
export const ANCHOR_PREFIX = 'anchor:';
import { givenScore, spellingScore, surnameBlock } from './similarity.js';

export interface Constraints {
  /** Key sets the chair said are one person. */
  mustLink: string[][];
  /** Pairs of key sets the chair said are different people. */
  cannotLink: [string[], string[]][];
}

export interface Cluster {
  keys: IdentityKey[];
  /** 0..1: the weakest join that built it. */
  confidence: number;
}

class Group {
  keys: IdentityKey[] = [];
  dobs = new Set<string>();
  nhs = new Set<string>();
  /** Spellings with how often each was written: the most written one is the group's name. */
  givens = new Map<string, number>();
  initials = new Map<string, number>();
  surnames = new Map<string, number>();
  /** Surnames the chair gave for this person (a maiden and a married name): each is the group's own. */
  chairSurnames = new Set<string>();
  /** Agencies that recorded this person with a date of birth or NHS number. */
  identifiedAgencies = new Set<number>();
  generations = new Set<string>();
  agencies = new Set<number>();
  addresses = new Set<string>();
  count = 0;
  confidence = 1;
  add(k: IdentityKey): void {
    this.keys.push(k);
    this.count += k.count;
    if (k.dob) this.dobs.add(k.dob);
    if (k.nhs) this.nhs.add(k.nhs);
    const g = k.name.given;
    if (g) bump(k.name.initialOnly ? this.initials : this.givens, g, k.count);
    if (k.name.surname) bump(this.surnames, k.name.surname, k.count);
    if (k.name.surname && k.key.startsWith(ANCHOR_PREFIX)) this.chairSurnames.add(k.name.surname);
    if (k.dob || k.nhs) for (const a of k.agencies) this.identifiedAgencies.add(a);
    if (k.name.generation) this.generations.add(k.name.generation);
    for (const a of k.agencies) this.agencies.add(a);
    for (const a of k.addresses) this.addresses.add(a);
  }
  absorb(o: Group, confidence: number): void {
    for (const k of o.keys) this.add(k);
    this.confidence = Math.min(this.confidence, o.confidence, confidence);
  }
  get identified(): boolean {
    return this.dobs.size > 0 || this.nhs.size > 0;
  }
}

const disjoint = (a: Set<string>, b: Set<string>): boolean => a.size > 0 && b.size > 0 && ![...a].some((x) => b.has(x));

function bump(m: Map<string, number>, k: string, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

function dominant(m: Map<string, number>): string | null {
  let best: string | null = null;
  let n = 0;
  for (const [k, v] of m) if (v > n) [best, n] = [k, v];
  return best;
}

/** Spellings written at least twice: a one-off is likely a typo and must not veto a join. */
const attested = (m: Map<string, number>): string[] => [...m].filter(([, n]) => n >= 2).map(([k]) => k);

/**
 * How well two groups' names agree (0 = not the same person); ignores identifiers. Each group is
 * judged by its most written spelling, and every well-attested given name on one side must fit
 * every one on the other, so "R." can join Rowan or Ruth but never bridge them.
 */
function nameScore(a: Group, b: Group): number {
  let score = 1;
  const sa = dominant(a.surnames);
  const sb = dominant(b.surnames);
  if (sa && sb && (sa.length === 1 || sb.length === 1)) {
    // "Len A", "Mr A": a surname's initial fits a surname with that first letter, weakly.
    if (sa[0] !== sb[0]) return 0;
    score = 0.6;
  } else if (sa && sb) {
    score = Math.max(spellingScore(sa, sb), ...[...b.chairSurnames].map((s) => spellingScore(sa, s)), ...[...a.chairSurnames].map((s) => spellingScore(s, sb)));
    if (score === 0) return 0;
  }
  const ga = dominant(a.givens);
  const gb = dominant(b.givens);
  if (ga && gb) {
    score = Math.min(score, givenScore(ga, gb));
    if (score === 0) return 0;
    for (const x of attested(a.givens)) for (const y of attested(b.givens)) if (givenScore(x, y) === 0) return 0;
  }
  // Initials must fit the other side's given name, and two different initials never join.
  for (const [inits, other] of [[a.initials, b], [b.initials, a]] as const) {
    if (inits.size === 0) continue;
    const full = dominant(other.givens) ?? dominant(other === a ? b.givens : a.givens);
    for (const i of inits.keys()) {
      if (full) score = Math.min(score, givenScore(i, full));
      // "W." and "B." are one person only when one name stands behind both (William, Bill).
      for (const j of other.initials.keys()) if (j !== i && !(full && givenScore(i, full) > 0 && givenScore(j, full) > 0)) return 0;
    }
    if (score === 0) return 0;
  }
  // A bare given name or bare surname on one side is weak evidence.
  if (!sa || !sb) score = Math.min(score, 0.6);
  if (a.givens.size + a.initials.size === 0 || b.givens.size + b.initials.size === 0) score = Math.min(score, 0.6);
  return score;
}

/** Different dates of birth that are one typo apart, on names that agree in full. */
function slipOfOnePerson(a: Group, b: Group): boolean {
  if (!a.surnames.size || !b.surnames.size || !a.givens.size || !b.givens.size) return false;
  if (![...a.dobs].some((x) => [...b.dobs].some((y) => dobSlip(x, y)))) return false;
  return nameScore(a, b) >= LINKAGE.dobSlipMinNameScore;
}

export function clusterKeys(keys: IdentityKey[], constraints: Constraints): Cluster[] {
  const groupOf = new Map<string, Group>();
  const groups = new Set<Group>();
  for (const k of keys) {
    const g = new Group();
    g.add(k);
    groupOf.set(k.key, g);
    groups.add(g);
  }
  const cannot = new Map<string, Set<string>>();
  for (const [a, b] of constraints.cannotLink)
    for (const x of a)
      for (const y of b) {
        if (!cannot.has(x)) cannot.set(x, new Set());
        if (!cannot.has(y)) cannot.set(y, new Set());
        cannot.get(x)!.add(y);
        cannot.get(y)!.add(x);
      }
  const join = (a: Group, b: Group, confidence: number): Group => {
    if (a === b) return a;
    // The identified group survives (step 3 keeps lists of them), else the bigger.
    const aFirst = a.identified !== b.identified ? a.identified : a.keys.length >= b.keys.length;
    const [big, small] = aFirst ? [a, b] : [b, a];
    big.absorb(small, confidence);
    for (const k of small.keys) groupOf.set(k.key, big);
    groups.delete(small);
    return big;
  };
  const forbidden = (a: Group, b: Group): boolean => {
    if (disjoint(a.nhs, b.nhs)) return true;
    if (disjoint(a.dobs, b.dobs) && !slipOfOnePerson(a, b)) return true;
    if (a.generations.size && b.generations.size && [...a.generations].some((x) => !b.generations.has(x))) return true;
    if (cannot.size) {
      const [small, big] = a.keys.length <= b.keys.length ? [a, b] : [b, a];
      const bigKeys = new Set(big.keys.map((k) => k.key));
      for (const k of small.keys) for (const x of cannot.get(k.key) ?? []) if (bigKeys.has(x)) return true;
    }
    return false;
  };

  // 1. The chair's merges first: they override everything automatic.
  for (const set of constraints.mustLink) {
    const present = set.map((k) => groupOf.get(k)).filter((g): g is Group => !!g);
    present.reduce((acc, g) => join(acc, g, 1), present[0]!);
  }

  // 2. Keys carrying an identifier: join on the same NHS number or date of birth with agreeing names,
  //    then on agreeing names within a surname block when identifiers don't conflict.
  const candidates: { a: IdentityKey; b: IdentityKey; score: number }[] = [];
  const blocks = new Map<string, IdentityKey[]>();
  const addTo = (block: string, k: IdentityKey): void => {
    const list = blocks.get(block);
    if (list) list.push(k);
    else blocks.set(block, [k]);
  };
  const identifiedKeys = keys.filter((k) => k.dob || k.nhs);
  for (const k of identifiedKeys) {
    if (k.nhs) addTo(`n:${k.nhs}`, k);
    if (k.dob) addTo(`d:${k.dob}`, k);
    if (k.name.surname) addTo(`s:${surnameBlock(k.name.surname)}`, k);
  }
  const seenPair = new Set<string>();
  for (const [block, list] of blocks) {
    // A huge block (a very common surname sound) is compared in name order, each key with its neighbours.
    const sorted = list.length > 400 ? [...list].sort((x, y) => (x.name.given ?? '').localeCompare(y.name.given ?? '')) : list;
    const window = list.length > 400 ? 50 : sorted.length;
    for (let i = 0; i < sorted.length; i++)
      for (let j = i + 1; j < Math.min(sorted.length, i + 1 + window); j++) {
        const a = sorted[i]!;
        const b = sorted[j]!;
        const id = a.key < b.key ? `${a.key}\u0000${b.key}` : `${b.key}\u0000${a.key}`;
        if (seenPair.has(id)) continue;
        seenPair.add(id);
        const score = pairScore(a, b, block);
        if (score > 0) candidates.push({ a, b, score });
      }
  }
  candidates.sort((x, y) => y.score - x.score);
  for (const c of candidates) tryJoin(c.a, c.b, c.score);

  // 3. Keys without identifiers (per agency) join the one identified person their name fits; when
  //    several fit (a father and son), the one this agency also recorded with identifiers, else
  //    the one at the same address; when still unclear they stay apart, with low confidence.
  const identifiedIn = new Map<string, Set<Group>>();
  for (const k of identifiedKeys)
    for (const block of blocksOf(k)) {
      const set = identifiedIn.get(block) ?? new Set<Group>();
      set.add(groupOf.get(k.key)!);
      identifiedIn.set(block, set);
    }
  const weak = keys.filter((k) => !k.dob && !k.nhs).sort((x, y) => strength(y) - strength(x) || y.count - x.count);
  const leftovers: IdentityKey[] = [];
  for (const k of weak) {
    const own = groupOf.get(k.key)!;
    const options = new Map<Group, number>();
    for (const block of blocksOf(k))
      for (const g of identifiedIn.get(block) ?? []) {
        if (g === own || options.has(g) || !groups.has(g) || forbidden(own, g)) continue;
        const s = nameScore(own, g);
        if (s > 0) options.set(g, s);
      }
    if (options.size === 0) {
      leftovers.push(k);
      continue;
    }
    const pick = choose([...options], own);
    if (pick) join(own, pick[0], Math.min(pick[1], options.size > 1 ? 0.7 : 1));
    else own.confidence = Math.min(own.confidence, 0.5);
  }

  // 4. Names no identified person fits: one person per name that agrees, across agencies.
  const unidentifiedIn = new Map<string, Group[]>();
  for (const k of leftovers) {
    let own = groupOf.get(k.key)!;
    for (const block of blocksOf(k)) {
      const list = unidentifiedIn.get(block) ?? [];
      for (const g of list) {
        if (g === own || !groups.has(g) || forbidden(own, g)) continue;
        const s = nameScore(own, g);
        if (s > 0) own = join(own, g, s);
      }
      if (!list.includes(own)) list.push(own);
      unidentifiedIn.set(block, list.filter((g) => groups.has(g)));
    }
  }

  // 5. A first name alone ("Rowan") joins the one person it fits, if only one does.
  for (const k of keys) {
    // ... and so does a first name with only a surname's initial ("Len A").
    if ((k.name.surname && k.name.surname.length > 1) || !k.name.given || k.name.initialOnly) continue;
    const own = groupOf.get(k.key)!;
    if (own.keys.length > 1) continue;
    const fits = [...groups].filter((g) => g !== own && g.surnames.size > 0 && !forbidden(own, g) && nameScore(own, g) > 0);
    // Several fit ("Len" for the subject and his namesake): the same choice as for a bare name above.
    const pick = fits.length === 1 ? ([fits[0]!, 0.6] as [Group, number]) : fits.length > 1 ? choose(fits.map((g) => [g, 0.6] as [Group, number]), own) : null;
    if (pick) join(own, pick[0], Math.min(0.6, pick[1]));
    else own.confidence = Math.min(own.confidence, 0.5);
  }

  return [...groups].map((g) => ({ keys: g.keys, confidence: Number(g.confidence.toFixed(2)) }));

  function tryJoin(a: IdentityKey, b: IdentityKey, score: number): void {
    const ga = groupOf.get(a.key)!;
    const gb = groupOf.get(b.key)!;
    if (ga === gb || forbidden(ga, gb)) return;
    const sameId = (a.nhs && a.nhs === b.nhs) || (a.dob && a.dob === b.dob);
    const ns = nameScore(ga, gb);
    // The same identifier is strong evidence, but never enough on its own: names must agree too
    // (a mistyped NHS number on another patient's record happens).
    if (ns === 0) return;
    if (!sameId && ns < 0.7) return;
    join(ga, gb, Math.min(score, ns));
  }

  function blocksOf(k: IdentityKey): string[] {
    return k.name.surname ? [`s:${surnameBlock(k.name.surname)}`] : [];
  }

  /**
   * Several identified people fit a bare name: "Snr"/"Jnr" picks the older/younger; then the one
   * this agency also recorded, then the one at the same address; then the one recorded far more
   * often (the review's subject is most agencies' "Michael Trewin"), at low confidence.
   */
  function choose(pool: [Group, number][], own: Group): [Group, number] | null {
    if (pool.length === 1) return pool[0]!;
    const gen = own.generations.size === 1 ? [...own.generations][0] : null;
    if (gen && pool.every(([g]) => g.dobs.size > 0)) {
      const byAge = [...pool].sort((x, y) => [...x[0].dobs].sort()[0]!.localeCompare([...y[0].dobs].sort()[0]!));
      return gen === 'senior' ? byAge[0]! : byAge[byAge.length - 1]!;
    }
    // Someone written "Snr" (or "Jnr") elsewhere is not the one written without it.
    if (!gen) {
      const unmarked = pool.filter(([g]) => g.generations.size === 0);
      if (unmarked.length === 1) return unmarked[0]!;
      if (unmarked.length > 1) pool = unmarked;
    }
    const byAgency = pool.filter(([g]) => [...own.agencies].some((a) => g.identifiedAgencies.has(a)));
    if (byAgency.length === 1) return byAgency[0]!;
    const narrowed = byAgency.length ? byAgency : pool;
    const byAddress = narrowed.filter(([g]) => [...own.addresses].some((a) => g.addresses.has(a)));
    if (byAddress.length === 1) return byAddress[0]!;
    const sorted = [...(byAddress.length ? byAddress : narrowed)].sort((x, y) => y[0].count - x[0].count);
    if (sorted[0]![0].count >= 2 * sorted[1]![0].count) return [sorted[0]![0], Math.min(sorted[0]![1], 0.6)];
    return null;
  }
}

/** Fuller names settle first: "Michael Trewin" before "M. Trewin" before "Trewin". */
function strength(k: IdentityKey): number {
  return (k.name.surname ? 2 : 0) + (k.name.given ? (k.name.initialOnly ? 1 : 2) : 0);
}

function pairScore(a: IdentityKey, b: IdentityKey, block: string): number {
  if (block.startsWith('n:')) return 3;
  if (block.startsWith('d:')) return 2;
  const s = a.name.surname && b.name.surname ? spellingScore(a.name.surname, b.name.surname) : 0;
  if (s === 0) return 0;
  const g = a.name.given && b.name.given ? givenScore(a.name.given, b.name.given) : 0.5;
  return Math.min(s, g);
}
